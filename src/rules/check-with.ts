/**
 * The checker's engine, bound to what it can run: the rules of a rules file on the interpreted plan (plan.ts), and,
 * where the binding brings them, the functions generated from the published rules' summations
 * (generated/checker.ts) and the claims of the narrative (src/claims/). check.ts binds all of them (the package's
 * entries); the browser entry binds what a page needs, so that a bundle that imports the rules alone carries
 * neither the claims nor the generated code (the interpreted plan gives the same findings: tests/checker-generated.test.ts).
 */
import type { Report } from '../../generated/report.js'
import type { RulesFile } from '../../generated/rules.js'
import type { ClaimsFile } from '../../generated/claims.js'
import { templateOf } from '../schema/published.js'
import type { TemplateGeneration } from '../model/report.js'
import { heldShape } from '../schema/tables.js'
import { round, type CheckKit, type CompiledCheck } from './compiled-kit.js'
import { result, type CheckResult, type Finding } from './findings.js'
import { notChecked, planFor, sumCells, Texts, type Step, type Unchecked } from './plan.js'
import { numberAt, splitPointer } from './pointer.js'
import { publishedRules } from './published.js'
import type { ClaimsChecks } from '../claims/check.js'

/** What a binding of the engine brings beyond the interpreted rules. */
export interface Engine {
  /** The functions generated from the published rules, and the number of plan steps each was generated for. */
  compiled?: { steps: Readonly<Record<TemplateGeneration, number>>; checks: Readonly<Record<TemplateGeneration, CompiledCheck>> }
  /** The claims of the narrative (src/claims/check.ts's `claimsChecks`). */
  claims?: ClaimsChecks
}

export interface CheckOptions {
  /** Another rules file (default: the published schema/rules.json). */
  rules?: RulesFile
  /** Another claim vocabulary (default: the published schema/claims.json), or false to check no claims of the text. */
  claims?: ClaimsFile | false
}

/** The claim vocabulary the options name (false: none). */
function claimsOptionOf(engine: Engine, options: CheckOptions | null | undefined, caller: string): ClaimsFile | undefined {
  const claims = options === null || options === undefined || typeof options !== 'object' ? undefined : options.claims
  if (claims === false || (claims === undefined && engine.claims === undefined)) return undefined
  if (claims === undefined) return engine.claims!.published
  if (engine.claims === undefined) throw new TypeError(`${caller} checks no claims of the text (options.claims must be false or left out): checkReport and checkSeries do`)
  if (typeof claims !== 'object' || claims === null || !Array.isArray((claims as { terms?: unknown }).terms)) {
    throw new TypeError(`${caller}: options.claims must be a claim vocabulary (an object with a "terms" array, like schema/claims.json) or false`)
  }
  return claims
}

/** The rules the options name: null or undefined options are none; options of the wrong kind are a TypeError. */
function rulesOf(options: CheckOptions | null | undefined, caller: string): RulesFile {
  if (options === undefined || options === null) return publishedRules
  if (typeof options !== 'object' || Array.isArray(options)) throw new TypeError(`${caller}: the options must be an object`)
  const rules = options.rules
  if (rules === undefined) return publishedRules
  if (typeof rules !== 'object' || rules === null || !Array.isArray((rules as { rules?: unknown }).rules)) {
    throw new TypeError(`${caller}: options.rules must be a rules file (an object with a "rules" array, like schema/rules.json)`)
  }
  return rules
}

/**
 * The kit a generated check function reports through: one, reused (checkReport runs to its end before it returns, and
 * no check calls it), so that a call allocates nothing unless it finds something.
 */
class Kit implements CheckKit {
  steps: readonly Step[] = []
  report: unknown
  out: Finding[] = []
  unchecked: Unchecked[] = []
  /** Per step, the number of its group (plan.groupOfStep); per group, 1 once one of its summations was formed. */
  groupOfStep: readonly number[] = []
  formed: Uint8Array = new Uint8Array(0)
  sum(step: number, actual: number, expected: number): void {
    if (actual !== actual || expected !== expected) {
      // Not formed: a cell missing or not a number.
      this.unchecked.push(this.steps[step]!.sum!.unchecked)
      return
    }
    this.formed[this.groupOfStep[step]!] = 1
    if (round(actual - expected) !== 0) this.out.push(this.steps[step]!.sum!.finding(actual, expected))
  }
  texts: Texts | undefined
  other(step: number): void {
    this.steps[step]!.run(this.report, NO_ROWS, this.out, this.unchecked, (this.texts ??= new Texts(this.report)))
  }
}
const NO_ROWS: readonly unknown[] = []
let kit: Kit | undefined

/**
 * Runs the single-report rules (and the claims, where the engine has them). Consistency is separate from schema
 * validity: run `validateReport` first; here a cell that is missing or not a number simply takes no part in the
 * checks that need it. Never throws on data (any value in place of the report); options of the wrong kind are a
 * TypeError that names them.
 */
export function checkReportWith(engine: Engine, caller: string, report: Report | unknown, options?: CheckOptions): CheckResult {
  const rules = rulesOf(options, caller)
  const vocabulary = claimsOptionOf(engine, options, caller)
  const template = templateOf(report)
  if (template === undefined) return result([])
  const checked = checkRules(engine, report, template, rules)
  if (vocabulary === undefined) return checked
  const findings = [...checked.findings]
  const notCheckedToo = [...checked.notChecked]
  engine.claims!.check(report, template, vocabulary, findings, notCheckedToo)
  return findings.length === checked.findings.length && notCheckedToo.length === checked.notChecked.length ? checked : result(findings, notCheckedToo)
}

/** The rules of `rules` on one report of `template`. */
function checkRules(engine: Engine, report: unknown, template: TemplateGeneration, rules: RulesFile): CheckResult {
  const plan = planFor(rules)
  const steps = plan.report[template]
  const out: Finding[] = []
  const unchecked: Unchecked[] = []
  // The generated functions are of the published rules (any other rules file, even an equal copy, runs on the
  // interpreted plan, the reference); a plan of another length means they are stale (the generated-files test says
  // so): the interpreted plan runs then too.
  const compiled = engine.compiled
  const generated: CompiledCheck | undefined = compiled !== undefined && rules === publishedRules && compiled.steps[template] === steps.length ? compiled.checks[template] : undefined
  let rows: readonly unknown[] | undefined
  const rowsOf = () => (rows ??= plan.rows[template].resolve(report))
  const held = () => plan.alternatives[template].map(({ alternative }) => heldShape(alternative, report))
  if (generated !== undefined && (kit === undefined || kit.steps.length === 0)) {
    const own = (kit ??= new Kit())
    own.steps = steps
    own.report = report
    own.out = out
    own.unchecked = unchecked
    own.groupOfStep = plan.groupOfStep[template]
    const formed = (own.formed = new Uint8Array(plan.groupNumbers[template].size))
    try {
      generated(report, own)
    } finally {
      own.steps = []
      own.report = own.texts = undefined
      own.out = own.unchecked = []
    }
    // A group ran if one of its summations was formed: a summation not formed whose group ran (the other shape of
    // （六）, in every report that uses one) is not said, so a report where all are such has nothing to say.
    const numbers = plan.groupNumbers[template]
    const ran = (group: string) => formed[numbers.get(group)!] === 1
    if (unchecked.every((entry) => entry.sections === undefined && ran(entry.group))) return result(out)
    return result(out, notChecked(unchecked, ran, rowsOf, held))
  }
  const texts = new Texts(report)
  for (const step of steps) step.run(report, rowsOf(), out, unchecked, texts)
  if (unchecked.length === 0) return result(out)
  const ran = (group: string) => plan.sumGroups[template].get(group)!.some((cells) => sumCells(rowsOf(), cells) !== undefined)
  return result(out, notChecked(unchecked, ran, rowsOf, held))
}

/**
 * Runs the series rules (and the claims of change, where the engine has them) over reports of one agency (any order): distinct years, one agency, and for each pair of
 * consecutive years the carry-over, documents-in-force and repeated-text rules. Findings carry the year and the
 * index of the report they are about.
 */
export function checkSeriesWith(engine: Engine, caller: string, reports: readonly (Report | unknown)[], options?: CheckOptions): CheckResult {
  const plan = planFor(rulesOf(options, caller))
  const vocabulary = claimsOptionOf(engine, options, caller)
  if (!Array.isArray(reports)) throw new TypeError(`${caller}: the reports must be an array`)
  const out: Finding[] = []
  for (const run of plan.series) run(reports, out)
  const yearPath = splitPointer('/meta/year')
  const dated = reports
    .map((report, index) => ({ report, index, year: numberAt(report, yearPath), template: templateOf(report) }))
    .filter((entry) => entry.year !== undefined && entry.template !== undefined)
  const byYear = new Map<number, typeof dated>()
  for (const entry of dated) {
    const same = byYear.get(entry.year!)
    if (same === undefined) byYear.set(entry.year!, [entry])
    else same.push(entry)
  }
  for (const [year, entries] of [...byYear].sort(([a], [b]) => a - b)) {
    const before = byYear.get(year - 1)
    if (entries.length !== 1 || before === undefined || before.length !== 1) continue
    const later = entries[0]!
    const earlier = before[0]!
    const context = { year, previousYear: year - 1, reportIndex: later.index }
    for (const pair of plan.pairs) {
      if (pair.later === later.template && pair.earlier === earlier.template) pair.run(later.report, earlier.report, context, out)
    }
    if (vocabulary !== undefined) engine.claims!.checkChanges(later.report, later.template!, earlier.report, earlier.template!, context, vocabulary, out)
  }
  return result(out)
}
