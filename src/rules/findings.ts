/** What the checker reports. */
import type { Bilingual } from '../validate/messages.js'

export type Severity = 'error' | 'warning'

export interface Finding {
  /** The id of the rule in schema/rules.json, e.g. "applications.balance". */
  ruleId: string
  severity: Severity
  /** The cells or texts involved, as JSON pointers into the report (the total or the checked cell first). */
  pointers: string[]
  /** What the rule expected there, and what the report has. */
  expected?: number | string
  actual?: number | string
  message: Bilingual
  /** Series findings: the year of the report the finding is about, the year compared with, and its index in the input. */
  year?: number
  previousYear?: number
  reportIndex?: number
}

/** A rule that could not run on this report: the cells it needs that the report lacks (not read, not given). */
export interface NotChecked {
  ruleId: string
  severity: Severity
  /** JSON pointers of the cells missing (or not numbers), or of the sections not read (a text rule). */
  missing: string[]
}

export interface CheckResult {
  findings: Finding[]
  errors: number
  warnings: number
  /** The rules that could not run, and why: an incomplete report is checked as far as it goes, and says how far. */
  notChecked: NotChecked[]
}

export function result(findings: Finding[], notChecked: NotChecked[] = []): CheckResult {
  let errors = 0
  for (const finding of findings) if (finding.severity === 'error') errors++
  return { findings, errors, warnings: findings.length - errors, notChecked }
}
