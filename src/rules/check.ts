/**
 * The checker: runs the rules of schema/rules.json on one report (checkReport) or on the reports of one agency
 * over several years (checkSeries), and the claims of the narrative (schema/claims.json) against the tables. The
 * published rules' summations run as the functions generated from them (generated/checker.ts); any other rules
 * file, and every check of another kind, runs on the interpreted plan (plan.ts), the reference the generated code is
 * tested against. The engine is check-with.ts; this is its binding with everything.
 */
import type { Report } from '../../generated/report.js'
import { COMPILED_STEPS, compiledChecks } from '../../generated/checker.js'
import { claimsChecks } from '../claims/check.js'
import type { CheckResult } from './findings.js'
import { checkReportWith, checkSeriesWith, type CheckOptions, type Engine } from './check-with.js'

export type { CheckOptions } from './check-with.js'

const everything: Engine = {
  compiled: { steps: COMPILED_STEPS, checks: compiledChecks },
  claims: claimsChecks,
}

/**
 * Runs the single-report rules and the claims of the text. Consistency is separate from schema validity: run
 * `validateReport` first; here a cell that is missing or not a number simply takes no part in the checks that need
 * it. Never throws on data (any value in place of the report); options of the wrong kind are a TypeError that names
 * them.
 */
export function checkReport(report: Report | unknown, options?: CheckOptions): CheckResult {
  return checkReportWith(everything, 'checkReport', report, options)
}

/**
 * Runs the series rules over reports of one agency (any order): distinct years, one agency, and for each pair of
 * consecutive years the carry-over, documents-in-force and repeated-text rules, and the claims of change against
 * last year. Findings carry the year and the index of the report they are about.
 */
export function checkSeries(reports: readonly (Report | unknown)[], options?: CheckOptions): CheckResult {
  return checkSeriesWith(everything, 'checkSeries', reports, options)
}
