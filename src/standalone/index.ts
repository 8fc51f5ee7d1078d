/**
 * zfxxgk-report/standalone: the same `validateReport` as the main entry, from validators precompiled by AJV's
 * standalone code generation. It never calls `new Function` or `eval`, so it runs under a strict Content Security
 * Policy; the build bundles AJV's two runtime helpers into it.
 */
import * as compiled from '../../generated/standalone-validators.cjs'
import type { Report } from '../../generated/report.js'
import { makeValidateReport, type CompiledCheck } from '../validate/dispatch.js'

export type { ValidationResult } from '../validate/dispatch.js'
export type { Bilingual, ValidationError } from '../validate/messages.js'

const validators = { '2021': compiled.report2021 as CompiledCheck, '2019': compiled.report2019 as CompiledCheck }

export const validateReport = makeValidateReport(() => validators)

export function isReport(data: unknown): data is Report {
  return validateReport(data).valid
}
