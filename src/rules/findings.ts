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

/*
 * Findings and their messages are made by constructors, never by object literals. V8 keeps feedback for each literal
 * (its allocation site), and when, at a young-generation collection, nearly all the objects a site made since the last
 * one are still alive, it makes that site's objects in the old generation from then on. A report's findings are all
 * alive until its check returns, so the first reports of a process could flip the findings' sites: from then on every
 * finding was old-generation garbage, and the process checked 4–6 times slower (1.3 times with parallel collection)
 * for the rest of its life, in 3 processes of 10 (bench/sections/varied.ts; `--trace-pretenuring-statistics` shows the
 * flip). An object a constructor makes has no allocation site. An instance serialises, clones and compares (toEqual)
 * as the plain object it stands for, its own properties in the same order.
 */

/** A finding of a summation: its six properties in one fixed order. */
export class SumFinding implements Finding {
  constructor(
    public ruleId: string,
    public severity: Severity,
    public pointers: string[],
    public actual: number,
    public expected: number,
    public message: Bilingual,
  ) {}
}

/** Any other finding: the rule, the pointers, then `extra`'s own properties in their order, then the message. */
export class RuleFinding implements Finding {
  declare ruleId: string
  declare severity: Severity
  declare pointers: string[]
  declare message: Bilingual
  constructor(ruleId: string, severity: Severity, pointers: string[], extra: Partial<Finding> | undefined, message: Bilingual) {
    this.ruleId = ruleId
    this.severity = severity
    this.pointers = pointers
    if (extra !== undefined) Object.assign(this, extra)
    this.message = message
  }
}

export function result(findings: Finding[], notChecked: NotChecked[] = []): CheckResult {
  let errors = 0
  for (const finding of findings) if (finding.severity === 'error') errors++
  return { findings, errors, warnings: findings.length - errors, notChecked }
}
