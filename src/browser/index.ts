/**
 * zfxxgk-report/browser: what a web page needs on every report, and no more: the validators' fast path (the verdict
 * alone, generated from the schemas) and the checker (its summations generated from the rules), with the schema
 * copies and the rules without the descriptions nothing here reads. No AJV: for a document the fast path rejects,
 * `validateReport` loads zfxxgk-report/standalone (AJV's precompiled validators, CSP-safe) to say what is wrong, as
 * a dynamic import that a bundler puts in a chunk of its own. Its size is asserted in tests/browser-entry.test.ts.
 */
import type { Report } from '../../generated/report.js'
import { validByFastPath } from '../validate/fast.js'
import type { ValidationResult } from '../validate/dispatch.js'
import { standardSchemaOf, type ReportStandardSchema } from '../validate/standard.js'

export { checkReport, checkSeries, type CheckOptions } from '../rules/check.js'
export type { CheckResult, Finding, NotChecked, Severity } from '../rules/findings.js'
export type { ValidationResult } from '../validate/dispatch.js'
export type { Bilingual, ValidationError } from '../validate/messages.js'
export type { Report } from '../../generated/report.js'
export type { ReportStandardSchema } from '../validate/standard.js'

/** Type guard: true if `data` is a schema-valid report (the same verdict as AJV's; no messages). */
export function isReport(data: unknown): data is Report {
  return validByFastPath(data)
}

/**
 * Validates `data`: a valid report at once; for any other, the errors of zfxxgk-report/standalone (loaded on the
 * first such document), exactly as its `validateReport` gives them.
 */
export async function validateReport(data: unknown): Promise<ValidationResult> {
  if (validByFastPath(data)) return { valid: true, report: data as Report, errors: [] }
  // The package's own entry (resolved by the user's bundler, or by Node as a self-reference); `as string` keeps the
  // type check from resolving it before dist/ is built, and vanishes from the code.
  const standalone = (await import('zfxxgk-report/standalone' as string)) as typeof import('../standalone/index.js')
  return standalone.validateReport(data)
}

/** The report schema as a Standard Schema V1 (its `validate` is async here: see `validateReport`). */
export const standardSchema = (options: { lang?: 'zh' | 'en' } = {}): ReportStandardSchema => standardSchemaOf(validateReport, options.lang ?? 'zh')
export const reportStandardSchema: ReportStandardSchema = /* @__PURE__ */ standardSchema()
