/**
 * zfxxgk-report/standalone: the same `validateReport` as the main entry, from validators precompiled by AJV's
 * standalone code generation. It never calls `new Function` or `eval`, so it runs under a strict Content Security
 * Policy; the build bundles AJV's two runtime helpers into it.
 */
import * as compiled from '../../generated/standalone-validators.cjs'
import type { Report } from '../../generated/report.js'
import { makeValidateReport, type CompiledCheck } from '../validate/dispatch.js'
import { standardSchemaOf, type ReportStandardSchema } from '../validate/standard.js'

export type { ValidationResult } from '../validate/dispatch.js'
export type { Bilingual, ValidationError } from '../validate/messages.js'
export type { ReportStandardSchema } from '../validate/standard.js'

const validators = { '2021': compiled.report2021 as CompiledCheck, '2019': compiled.report2019 as CompiledCheck }

export const validateReport = makeValidateReport(() => validators)

export function isReport(data: unknown): data is Report {
  return validateReport(data).valid
}

/** The report schema as a Standard Schema V1, over this entry's validators (see the main entry's). */
export const standardSchema = (options: { lang?: 'zh' | 'en' } = {}): ReportStandardSchema => standardSchemaOf(validateReport, options.lang ?? 'zh')
export const reportStandardSchema: ReportStandardSchema = /* @__PURE__ */ standardSchema()
