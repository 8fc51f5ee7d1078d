/**
 * zfxxgk-report/browser: what a web page needs on every report, and no more: the validators' fast path (the verdict
 * alone, generated from the schemas) and the checker, with the schema copies and the rules without the descriptions
 * nothing here reads. No AJV: for a document the fast path rejects, `validateReport` loads zfxxgk-report/standalone
 * (AJV's precompiled validators, CSP-safe) to say what is wrong, as a dynamic import that a bundler puts in a chunk
 * of its own. The checker runs on the interpreted plan (the same findings as the generated functions the package's
 * other entries run, in a fifth of the code; a page checks reports by the hundred, not by the million), and its
 * parts are separate exports, so that a bundler ships only the ones imported: `checkRules` and `checkSeriesRules`
 * the rules of schema/rules.json, `checkReport` and `checkSeries` those and the claims of the text
 * (schema/claims.json), as the main entry's functions of the same names. The sizes of both are asserted in
 * tests/browser-entry.test.ts.
 */
import type { Report } from '../../generated/report.js'
import { validByFastPath } from '../validate/fast.js'
import type { ValidationResult } from '../validate/dispatch.js'
import { standardSchemaOf, type ReportStandardSchema } from '../validate/standard.js'
import { checkReportWith, checkSeriesWith, type CheckOptions, type Engine } from '../rules/check-with.js'
import { claimsChecks } from '../claims/check.js'
import type { CheckResult } from '../rules/findings.js'

export type { CheckOptions } from '../rules/check-with.js'

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

const rulesOnly: Engine = {}
const withClaims: Engine = { claims: claimsChecks }

/** The rules of schema/rules.json on one report (the main entry's `checkReport(report, { claims: false })`). */
export function checkRules(report: Report | unknown, options?: CheckOptions): CheckResult {
  return checkReportWith(rulesOnly, 'checkRules', report, options)
}

/** The series rules over reports of one agency (the main entry's `checkSeries(reports, { claims: false })`). */
export function checkSeriesRules(reports: readonly (Report | unknown)[], options?: CheckOptions): CheckResult {
  return checkSeriesWith(rulesOnly, 'checkSeriesRules', reports, options)
}

/** The rules and the claims of the text on one report: the main entry's `checkReport`. */
export function checkReport(report: Report | unknown, options?: CheckOptions): CheckResult {
  return checkReportWith(withClaims, 'checkReport', report, options)
}

/** The series rules and the claims of change over reports of one agency: the main entry's `checkSeries`. */
export function checkSeries(reports: readonly (Report | unknown)[], options?: CheckOptions): CheckResult {
  return checkSeriesWith(withClaims, 'checkSeries', reports, options)
}
