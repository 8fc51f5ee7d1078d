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

export interface CheckResult {
  findings: Finding[]
  errors: number
  warnings: number
}

export function result(findings: Finding[]): CheckResult {
  let errors = 0
  for (const finding of findings) if (finding.severity === 'error') errors++
  return { findings, errors, warnings: findings.length - errors }
}
