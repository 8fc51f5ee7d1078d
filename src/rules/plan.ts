/**
 * The rules of a rules file compiled into a plan per template generation: pointers split, patterns compiled, one
 * closure per check, so a check allocates nothing unless it finds something. The plan is the interpreted checker,
 * the reference; generated/checker.ts is the published rules' summations compiled from it (src/build). The checker
 * (check.ts) runs either.
 */
import type {
  Rule,
  RulesFile,
  SeriesBalanceCheck,
  SeriesEqualCheck,
  SeriesTextSimilarityCheck,
  SumCheck,
  TextImpliesZeroCheck,
  TextMaxLengthCheck,
  TextMentionsCheck,
  TextNumberCheck,
} from '../../generated/rules.js'
import type { JsonSchema } from '../schema/emit.js'
import { templateSchemas } from '../schema/published.js'
import { alternativesOf, type Alternative } from '../schema/tables.js'
import { RuleFinding, SumFinding, type Finding, type NotChecked } from './findings.js'
import { compileMessage, fill, labelValues, type Values } from './messages.js'
import type { Bilingual } from '../validate/messages.js'
import { numberAt, splitPointer, stringsAt, sumAt, valueAt, type Path } from './pointer.js'
import { round } from './compiled-kit.js'
import { bigramSimilarity, excerpt, visibleLength } from './text.js'
import { NUMERALS, numeralValue, type Numerals } from './numerals.js'

export type Template = keyof typeof templateSchemas
/** A compiled single-report check; `rows` holds the report's row objects, resolved once per call (see Rows). */
export type ReportCheck = (report: unknown, rows: readonly unknown[], out: Finding[], unchecked: Unchecked[], texts: Texts) => void

/** A sum that could not be formed (a cell missing or not a number), to be said unless another shape's check ran. */
export interface Unchecked {
  rule: Rule
  /** The group of checks that stand for one another: the rule and the cell the sum is about (its first pointer). */
  group: string
  /** The check's cells and their pointers: which are missing is worked out only if the rule is to be said. */
  cells: readonly Cell[]
  pointers: readonly string[]
  /** Where the check is one shape of an alternative (（六） as three rows, or as one): which alternative and shape. */
  shape: ShapeOf | undefined
  /** A text check whose sections were not read: the sections, said as they are (no group, no cells to look at). */
  sections?: readonly string[]
}

export interface ShapeOf {
  alternative: number
  shape: number
}

/** A template's alternatives (the places with more than one shape of rows), with each shape's row pointers as a set. */
type Shapes = { alternative: Alternative; shapes: Set<string>[] }[]

/** The cells of each check of a group, to tell whether any check of the group could run. */
export type SumGroups = Map<string, Cell[][]>
export type PairCheck = (later: unknown, earlier: unknown, context: PairContext, out: Finding[]) => void
export type SeriesCheck = (reports: readonly unknown[], out: Finding[]) => void

export interface PairContext {
  year: number
  previousYear: number
  reportIndex: number
}

/**
 * The objects the summation checks read from (the matrix rows, the section 四 groups, …), resolved once per report:
 * a cell is then one property read on its row instead of a walk from the root.
 */
class Rows {
  readonly paths: Path[] = []
  private readonly index = new Map<string, number>()
  /** The row index and key of a cell pointer. */
  cell(pointer: string): { row: number; key: string } {
    const path = splitPointer(pointer)
    const parent = JSON.stringify(path.slice(0, -1))
    let row = this.index.get(parent)
    if (row === undefined) {
      row = this.paths.length
      this.index.set(parent, row)
      this.paths.push(path.slice(0, -1))
    }
    return { row, key: path[path.length - 1]! }
  }
  resolve(report: unknown): unknown[] {
    return this.paths.map((path) => valueAt(report, path))
  }
}

export type Cell = { row: number; key: string }

export function sumCells(rows: readonly unknown[], cells: readonly Cell[]): number | undefined {
  let sum = 0
  for (let i = 0; i < cells.length; i++) {
    const value = cellNumber(rows, cells[i]!)
    if (value === undefined) return undefined
    sum += value
  }
  return sum
}

/** The number a cell holds on the resolved rows (a finite number), or undefined. */
function cellNumber(rows: readonly unknown[], { row, key }: Cell): number | undefined {
  const holder = rows[row]
  if (holder === null || typeof holder !== 'object' || !Object.hasOwn(holder, key)) return undefined
  const value = (holder as Record<string, unknown>)[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/**
 * One check of a template's plan, in rules-file order: a summation, or any other kind as its closure; `nonZeroCells`,
 * where given, says that the check finds nothing unless one of these cells holds a number other than 0 (the generated
 * checker, which has read them, runs it only then).
 */
export type Step = { sum: SumStep; run: ReportCheck; nonZeroCells?: undefined } | { sum?: undefined; run: ReportCheck; nonZeroCells?: readonly string[] }

export interface Plan {
  rows: Record<Template, Rows>
  report: Record<Template, Step[]>
  /** The indexes in `report` of the summation steps of each group (the checks that stand for one another). */
  groupSteps: Record<Template, Map<string, number[]>>
  /** The groups numbered (in the order of `groupSteps`), and per step of `report` the number of its group, or −1. */
  groupNumbers: Record<Template, Map<string, number>>
  groupOfStep: Record<Template, readonly number[]>
  sumGroups: Record<Template, SumGroups>
  alternatives: Record<Template, Shapes>
  pairs: { later: Template; earlier: Template; run: PairCheck }[]
  series: SeriesCheck[]
}

export const TEMPLATES = Object.keys(templateSchemas) as Template[]
const schemaOf = (template: Template): JsonSchema => templateSchemas[template]

function finding(rule: Rule, pointers: string[], values: Values, extra?: Partial<Finding>): Finding {
  return new RuleFinding(rule.id, rule.severity, pointers, extra, fill(rule.message, values))
}

function appliesTo(templates: readonly string[] | undefined, template: Template): boolean {
  return templates === undefined || templates.includes(template)
}

const text = (report: unknown, paths: readonly Path[]): string => {
  const strings: string[] = []
  for (const path of paths) stringsAt(report, path, strings)
  return strings.join('\n')
}

/** The texts a check reads: its pointers, split once, and the key its joined text is kept under. */
interface TextSource {
  key: string
  pointers: readonly string[]
  paths: readonly Path[]
}

const textSource = (pointers: readonly string[]): TextSource => ({ key: pointers.join('\n'), pointers, paths: pointers.map(splitPointer) })

/**
 * The texts of one report: each pointer's strings gathered once and each check's text joined once, however many
 * checks read them (the overview is read by seven).
 */
export class Texts {
  private readonly joined = new Map<string, string>()
  private readonly strings = new Map<string, string[]>()
  constructor(private readonly report: unknown) {}
  of(source: TextSource): string {
    let text = this.joined.get(source.key)
    if (text === undefined) {
      const parts: string[] = []
      for (let i = 0; i < source.paths.length; i++) for (const part of this.stringsOf(source, i)) parts.push(part)
      this.joined.set(source.key, (text = parts.join('\n')))
    }
    return text
  }
  /** The length of `of(source)`, without joining the strings where they are not joined yet. */
  lengthOf(source: TextSource): number {
    const text = this.joined.get(source.key)
    if (text !== undefined) return text.length
    let length = 0
    let parts = 0
    for (let i = 0; i < source.paths.length; i++) {
      for (const part of this.stringsOf(source, i)) {
        length += part.length
        parts++
      }
    }
    return parts === 0 ? 0 : length + parts - 1
  }
  private stringsOf(source: TextSource, i: number): string[] {
    const pointer = source.pointers[i]!
    let own = this.strings.get(pointer)
    if (own === undefined) this.strings.set(pointer, (own = stringsAt(this.report, source.paths[i]!)))
    return own
  }
}

function compileRegExps(patterns: readonly string[], ruleId: string): RegExp[] {
  return patterns.map((pattern) => {
    try {
      return new RegExp(pattern, 'gu')
    } catch (error) {
      throw new Error(`rule ${ruleId}: invalid pattern ${JSON.stringify(pattern)}: ${(error as Error).message}`)
    }
  })
}

// ---- one report ----

/** The pointers of `cells` that the report lacks (or holds no number at). */
function missingCells(rows: readonly unknown[], cells: readonly Cell[], pointers: readonly string[]): string[] {
  return pointers.filter((_, i) => cellNumber(rows, cells[i]!) === undefined)
}

/** A summation check, compiled once: its cells on the resolved rows, its group and shape, and how it reports. */
export interface SumStep {
  rule: Rule
  check: SumCheck
  left: Cell[]
  right: Cell[]
  unchecked: Unchecked
  /** The finding when the two sides differ (the labels of its message looked up once, on the first finding). */
  finding: (actual: number, expected: number) => Finding
}

function sumStep(rule: Rule, check: SumCheck, doc: JsonSchema, table: Rows, groups: SumGroups, alternatives: Shapes): SumStep {
  const left = check.left.map((pointer) => table.cell(pointer))
  const right = check.right.map((pointer) => table.cell(pointer))
  const group = `${rule.id} ${check.left[0]}`
  const cells = [...left, ...right]
  const pointers = [...check.left, ...check.right]
  const rowOf = (pointer: string) => pointer.slice(0, pointer.lastIndexOf('/'))
  let shape: ShapeOf | undefined
  alternatives.forEach((alternative, a) =>
    alternative.shapes.forEach((rows, k) => {
      if (pointers.some((pointer) => rows.has(rowOf(pointer)))) shape ??= { alternative: a, shape: k }
    }),
  )
  groups.set(group, [...(groups.get(group) ?? []), cells])
  // The message with the cells' labels in it, made on the first finding: later findings fill in the numbers only.
  let message: ((given: readonly unknown[]) => Bilingual) | undefined
  return {
    rule,
    check,
    left,
    right,
    unchecked: { rule, group, cells, pointers, shape },
    finding: (actual, expected) => {
      message ??= compileMessage(rule.message, labelValues(doc, check.left, check.right), SUM_VALUES)
      return new SumFinding(rule.id, rule.severity, [...pointers], actual, expected, message([String(actual), String(expected), String(round(Math.abs(actual - expected)))]))
    },
  }
}

/** The values a summation's message is filled with at each finding, in the order its finding gives them. */
const SUM_VALUES = ['actual', 'expected', 'difference'] as const

/** The interpreted form of a summation check: the reference the generated checker is compared with. */
function sumCheck(step: SumStep): ReportCheck {
  return (_report, rows, out, unchecked) => {
    const actual = sumCells(rows, step.left)
    const expected = sumCells(rows, step.right)
    if (actual === undefined || expected === undefined) {
      unchecked.push(step.unchecked)
      return
    }
    if (round(actual - expected) === 0) return
    out.push(step.finding(actual, expected))
  }
}

function textMaxLengthCheck(rule: Rule, check: TextMaxLengthCheck, doc: JsonSchema): ReportCheck {
  const source = textSource(check.texts)
  return (report, _rows, out, _unchecked, texts) => {
    // Never more visible characters than code units: a text that short is within the limit without counting (or
    // joining its strings).
    if (texts.lengthOf(source) <= check.maxChars) return
    const length = visibleLength(texts.of(source))
    if (length <= check.maxChars) return
    const values = { ...labelValues(doc, check.texts), length, limit: check.maxChars }
    out.push(finding(rule, [...check.texts], values, { actual: length, expected: check.maxChars }))
  }
}

function textMentionsCheck(rule: Rule, check: TextMentionsCheck, doc: JsonSchema): ReportCheck {
  const source = textSource(check.texts)
  const present = check.orPresent === undefined ? undefined : splitPointer(check.orPresent)
  // The sections the texts are in: where none was read (a parse that did not find section 六), the text cannot be
  // said to be silent; the rule did not run, and says so (notChecked), instead of warning.
  const sections = [...new Set(check.texts.map((pointer) => pointer.split('/')[1]!))]
  const notRead: Unchecked = { rule, group: `${rule.id} ${check.texts[0]}`, cells: [], pointers: [], shape: undefined, sections: sections.map((key) => `/${key}`) }
  return (report, _rows, out, unchecked, texts) => {
    if (present !== undefined && valueAt(report, present) !== undefined) return
    if (sections.every((key) => valueAt(report, [key]) === undefined)) {
      unchecked.push(notRead)
      return
    }
    const body = texts.of(source)
    if (check.keywords.some((keyword) => body.includes(keyword))) return
    out.push(finding(rule, [...check.texts], labelValues(doc, check.texts)))
  }
}

function textImpliesZeroCheck(rule: Rule, check: TextImpliesZeroCheck, doc: JsonSchema): ReportCheck {
  const source = textSource(check.texts)
  const patterns = compileRegExps(check.patterns, rule.id)
  const cells = check.cells.map((pointer) => ({ pointer, path: splitPointer(pointer) }))
  return (report, _rows, out, _unchecked, texts) => {
    let nonZero = false
    for (const cell of cells) if ((numberAt(report, cell.path) ?? 0) !== 0) nonZero = true
    if (!nonZero) return
    const body = texts.of(source)
    for (const pattern of patterns) {
      pattern.lastIndex = 0
      const match = pattern.exec(body)
      if (match === null) continue
      for (const cell of cells) {
        const actual = numberAt(report, cell.path)
        if (actual === undefined || actual === 0) continue
        const values = { ...labelValues(doc, [cell.pointer]), actual, excerpt: excerpt(body, match.index, match.index + match[0].length, 0) }
        out.push(finding(rule, [cell.pointer, ...check.texts], values, { actual, expected: 0 }))
      }
      return
    }
  }
}

function textNumberCheck(rule: Rule, check: TextNumberCheck, doc: JsonSchema, numerals: Numerals): ReportCheck {
  const source = textSource(check.texts)
  const patterns = compileRegExps(check.patterns, rule.id)
  const readings = check.readings.map((reading) => reading.map(splitPointer))
  return (report, _rows, out, _unchecked, texts) => {
    const body = texts.of(source)
    if (body === '') return
    let seen: Set<number> | undefined
    for (const pattern of patterns) {
      pattern.lastIndex = 0
      for (let match = pattern.exec(body); match !== null; match = pattern.exec(body)) {
        if (match[0] === '') pattern.lastIndex++
        if ((seen ??= new Set()).has(match.index)) continue
        seen.add(match.index)
        const number = numeralValue(match[1] ?? '', numerals)
        if (number === undefined) continue
        const sums = readings.map((reading) => sumAt(report, reading))
        if (sums.some((sum) => sum === undefined || sum === number)) continue
        const value = sums.join(' / ')
        const values = { ...labelValues(doc, check.readings[0]!), number, value, excerpt: excerpt(body, match.index, match.index + match[0].length, 4) }
        out.push(finding(rule, [...check.readings.flat(), ...check.texts], values, { actual: number, expected: value }))
      }
    }
  }
}

function templateYearChecks(rule: Rule & { kind: 'template-year' }): Record<Template, ReportCheck[]> {
  const plan = Object.fromEntries(TEMPLATES.map((t) => [t, [] as ReportCheck[]])) as Record<Template, ReportCheck[]>
  const year = splitPointer('/meta/year')
  for (const check of rule.checks) {
    const template = check.template as Template
    if (!(template in plan)) continue
    plan[template].push((report, _rows, out) => {
      const actual = numberAt(report, year)
      if (actual === undefined || (actual >= check.fromYear && (check.toYear === undefined || actual <= check.toYear))) return
      const values: Values = {
        year: actual,
        template,
        fromYear: check.fromYear,
        'toYear.zh': check.toYear === undefined ? '今' : `${check.toYear}年度`,
        'toYear.en': check.toYear ?? 'now',
      }
      out.push(finding(rule, ['/template', '/meta/year'], values, { actual, expected: `${check.fromYear}–${check.toYear ?? ''}` }))
    })
  }
  return plan
}

// ---- a series ----

function seriesEqualCheck(rule: Rule, check: SeriesEqualCheck, doc: JsonSchema): PairCheck {
  const current = splitPointer(check.current)
  const previous = splitPointer(check.previous)
  return (later, earlier, context, out) => {
    const actual = numberAt(later, current)
    const expected = numberAt(earlier, previous)
    if (actual === undefined || expected === undefined || actual === expected) return
    const previousCell = labelValues(doc, [check.previous]).cell
    const values = { ...labelValues(doc, [check.current]), previousCell, actual, expected, difference: Math.abs(actual - expected), ...context }
    out.push(finding(rule, [check.current, check.previous], values, { actual, expected, ...context }))
  }
}

function seriesBalanceCheck(rule: Rule, check: SeriesBalanceCheck, doc: JsonSchema): PairCheck {
  const current = splitPointer(check.current)
  const previous = splitPointer(check.previous)
  const plus = check.plus.map(splitPointer)
  const minus = check.minus.map(splitPointer)
  return (later, earlier, context, out) => {
    const actual = numberAt(later, current)
    const before = numberAt(earlier, previous)
    const added = sumAt(later, plus)
    const removed = sumAt(later, minus)
    if (actual === undefined || before === undefined || added === undefined || removed === undefined) return
    const expected = before + added - removed
    if (actual === expected) return
    const values = { ...labelValues(doc, [check.current]), actual, expected, difference: Math.abs(actual - expected), ...context }
    out.push(finding(rule, [check.current, check.previous, ...check.plus, ...check.minus], values, { actual, expected, ...context }))
  }
}

function seriesSimilarityCheck(rule: Rule, check: SeriesTextSimilarityCheck, doc: JsonSchema): PairCheck {
  const paths = check.texts.map(splitPointer)
  return (later, earlier, context, out) => {
    const a = text(later, paths)
    const b = text(earlier, paths)
    if (a.trim() === '' || b.trim() === '') return
    const similarity = round(bigramSimilarity(a, b))
    if (similarity <= check.maxSimilarity) return
    const values = { ...labelValues(doc, check.texts), similarity: similarity.toFixed(2), ...context }
    out.push(finding(rule, [...check.texts], values, { actual: similarity, expected: check.maxSimilarity, ...context }))
  }
}

/** A key that tells values apart: their JSON, or for what JSON cannot write (a BigInt, a cycle), type and text. */
function keyOf(value: unknown): string {
  try {
    const json = JSON.stringify(value)
    if (json !== undefined) return json
  } catch {
    // falls through
  }
  return `${typeof value}:${shown(value)}`
}

/** A value as a message prints it: strings and numbers as they are, anything else as safe text. */
function shown(value: unknown): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value)
  return Object.prototype.toString.call(value)
}

function seriesValueCheck(rule: Rule, pointer: string, distinct: boolean, doc: JsonSchema): SeriesCheck {
  const path = splitPointer(pointer)
  return (reports, out) => {
    // One pass, each report's value keyed once (linear in the reports, whatever the values' types).
    const byValue = new Map<string, { value: string | number; indexes: number[] }>()
    reports.forEach((report, index) => {
      const value = valueAt(report, path)
      if (value === undefined) return
      const key = keyOf(value)
      const entry = byValue.get(key)
      if (entry === undefined) byValue.set(key, { value: shown(value), indexes: [index] })
      else entry.indexes.push(index)
    })
    const labels = labelValues(doc, [pointer])
    if (distinct) {
      for (const { value, indexes } of byValue.values()) {
        for (let i = 1; i < indexes.length; i++) out.push(finding(rule, [pointer], { ...labels, value }, { actual: value, reportIndex: indexes[i]! }))
      }
    } else if (byValue.size > 1) {
      const value = [...byValue.values()].map((entry) => entry.value).join(' / ')
      out.push(finding(rule, [pointer], { ...labels, value }, { actual: value }))
    }
  }
}

// ---- the plan ----

const plans = new WeakMap<RulesFile, Plan>()

function compile(rules: RulesFile): Plan {
  const plan: Plan = {
    rows: Object.fromEntries(TEMPLATES.map((t) => [t, new Rows()])) as Record<Template, Rows>,
    report: Object.fromEntries(TEMPLATES.map((t) => [t, [] as Step[]])) as Record<Template, Step[]>,
    groupSteps: Object.fromEntries(TEMPLATES.map((t) => [t, new Map()])) as Record<Template, Map<string, number[]>>,
    groupNumbers: Object.fromEntries(TEMPLATES.map((t) => [t, new Map()])) as Record<Template, Map<string, number>>,
    groupOfStep: Object.fromEntries(TEMPLATES.map((t) => [t, [] as number[]])) as Record<Template, number[]>,
    sumGroups: Object.fromEntries(TEMPLATES.map((t) => [t, new Map()])) as Record<Template, SumGroups>,
    alternatives: Object.fromEntries(TEMPLATES.map((t) => [t, shapesOf(t)])) as Record<Template, Shapes>,
    pairs: [],
    series: [],
  }
  const eachTemplate = (templates: readonly string[] | undefined, make: (doc: JsonSchema, rows: Rows) => ReportCheck, nonZeroCells?: readonly string[]) => {
    for (const template of TEMPLATES) {
      if (!appliesTo(templates, template)) continue
      const run = make(schemaOf(template), plan.rows[template])
      plan.report[template].push(nonZeroCells === undefined ? { run } : { run, nonZeroCells })
    }
  }
  const eachPair = (
    check: { templates?: readonly string[]; previousTemplates?: readonly string[] },
    make: (doc: JsonSchema) => PairCheck,
  ) => {
    for (const later of TEMPLATES) {
      if (!appliesTo(check.templates, later)) continue
      const run = make(schemaOf(later))
      for (const earlier of TEMPLATES) if (appliesTo(check.previousTemplates, earlier)) plan.pairs.push({ later, earlier, run })
    }
  }
  for (const rule of rules.rules) {
    switch (rule.kind) {
      case 'sum':
        for (const check of rule.checks) {
          for (const template of TEMPLATES) {
            if (!appliesTo(check.templates, template)) continue
            const step = sumStep(rule, check, schemaOf(template), plan.rows[template], plan.sumGroups[template], plan.alternatives[template])
            plan.report[template].push({ sum: step, run: sumCheck(step) })
          }
        }
        break
      case 'template-year': {
        const byTemplate = templateYearChecks(rule)
        for (const template of TEMPLATES) plan.report[template].push(...byTemplate[template].map((run) => ({ run })))
        break
      }
      case 'text-max-length':
        for (const check of rule.checks) eachTemplate(check.templates, (doc) => textMaxLengthCheck(rule, check, doc))
        break
      case 'text-mentions':
        for (const check of rule.checks) eachTemplate(check.templates, (doc) => textMentionsCheck(rule, check, doc))
        break
      case 'text-implies-zero':
        for (const check of rule.checks) eachTemplate(check.templates, (doc) => textImpliesZeroCheck(rule, check, doc), check.cells)
        break
      case 'text-number':
        for (const check of rule.checks) eachTemplate(check.templates, (doc) => textNumberCheck(rule, check, doc, rules.numerals ?? NUMERALS))
        break
      case 'series-equal':
        for (const check of rule.checks) eachPair(check, (doc) => seriesEqualCheck(rule, check, doc))
        break
      case 'series-balance':
        for (const check of rule.checks) eachPair(check, (doc) => seriesBalanceCheck(rule, check, doc))
        break
      case 'series-text-similarity':
        for (const check of rule.checks) eachPair(check, (doc) => seriesSimilarityCheck(rule, check, doc))
        break
      case 'series-distinct':
        for (const check of rule.checks) plan.series.push(seriesValueCheck(rule, check.pointer, true, schemaOf('2021')))
        break
      case 'series-same':
        for (const check of rule.checks) plan.series.push(seriesValueCheck(rule, check.pointer, false, schemaOf('2021')))
        break
      default: {
        const unknown: never = rule
        throw new Error(`unknown rule kind ${JSON.stringify((unknown as { kind: unknown }).kind)}`)
      }
    }
  }
  for (const template of TEMPLATES) {
    const groupOfStep = plan.groupOfStep[template] as number[]
    plan.report[template].forEach((step, index) => {
      if (step.sum === undefined) {
        groupOfStep.push(-1)
        return
      }
      const { group } = step.sum.unchecked
      const steps = plan.groupSteps[template].get(group)
      if (steps === undefined) plan.groupSteps[template].set(group, [index])
      else steps.push(index)
      const numbers = plan.groupNumbers[template]
      if (!numbers.has(group)) numbers.set(group, numbers.size)
      groupOfStep.push(numbers.get(group)!)
    })
  }
  return plan
}

export function planFor(rules: RulesFile): Plan {
  let plan = plans.get(rules)
  if (plan === undefined) {
    plan = compile(rules)
    plans.set(rules, plan)
  }
  return plan
}

/** The steps of a template's plan for a rules file, in order (what the generated checker is generated from). */
export function planSteps(rules: RulesFile, template: Template): readonly Step[] {
  return planFor(rules).report[template]
}

/** The alternatives of a template's tables, each shape as the set of its row pointers. */
function shapesOf(template: Template): Shapes {
  return ['/proactiveDisclosure', '/applications', '/reviewsAndLawsuits'].flatMap((section) =>
    alternativesOf(template, section).map((alternative) => ({ alternative, shapes: alternative.shapes.map((rows) => new Set(rows.map((row) => row.pointer))) })),
  )
}

/**
 * The rules that could not run for want of cells, by rule: a sum whose group ran in another shape (e.g. （六） as one
 * row rather than three) is not among them. Each names the cells it needed and lacks.
 */
export function notChecked(unchecked: readonly Unchecked[], ran: (group: string) => boolean, rowsOf: () => readonly unknown[], heldOf: () => number[]): NotChecked[] {
  if (unchecked.length === 0) return []
  let held: number[] | undefined
  // Each rule's missing cells in the order first met, with a set beside them: a report with whole tables unread has
  // hundreds of missing cells, and a search of the list for each would be quadratic.
  const byRule = new Map<string, { entry: NotChecked; listed: Set<string> }>()
  const seen = new Set<string>()
  const add = (rule: Rule, pointers: readonly string[]) => {
    let own = byRule.get(rule.id)
    if (own === undefined) byRule.set(rule.id, (own = { entry: { ruleId: rule.id, severity: rule.severity, missing: [] }, listed: new Set() }))
    for (const pointer of pointers) {
      if (own.listed.has(pointer)) continue
      own.listed.add(pointer)
      own.entry.missing.push(pointer)
    }
  }
  for (const { rule, group, cells, pointers, shape, sections } of unchecked) {
    if (sections !== undefined) {
      add(rule, sections)
      continue
    }
    // Another check of the group ran (e.g. the other shape of （六）): the rule did run.
    if (ran(group)) continue
    // A check of a shape the report does not use.
    if (shape !== undefined && (held ??= heldOf())[shape.alternative] !== shape.shape) continue
    if (seen.has(group)) continue
    seen.add(group)
    add(rule, missingCells(rowsOf(), cells, pointers))
  }
  return [...byRule.values()].map(({ entry }) => entry)
}

