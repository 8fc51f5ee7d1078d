/**
 * The narrative against the tables: the claims of a report's texts (read.ts) checked against its cells, and the
 * changes against last year checked against two consecutive reports. Every finding is a warning that quotes the
 * sentence, names the cells with their official labels and gives both numbers; a claim with several readings is
 * flagged only when no reading holds; a claim whose cells the report lacks is "not checked", never a warning.
 */
import type { ClaimsFile } from '../../generated/claims.js'
import type { TemplateGeneration } from '../model/report.js'
import type { JsonSchema } from '../schema/emit.js'
import { encodePointer } from '../schema/labels.js'
import { templateSchemas } from '../schema/published.js'
import { RuleFinding, type Finding, type NotChecked } from '../rules/findings.js'
import { distinctive, fill, type Values } from '../rules/messages.js'
import { splitPointer, valueAt } from '../rules/pointer.js'
import { excerpt } from '../rules/text.js'
import { readClaims, type Claim } from './read.js'
import claimsFile from '../../schema/claims.json' with { type: 'json' }

export const publishedClaims = claimsFile as unknown as ClaimsFile

/** A text of the report with the pointer it is at. */
export interface PlacedText {
  pointer: string
  text: string
}

/** Every string the vocabulary's text pointers reach, with its own pointer ("*" and arrays expanded). */
export function placedTexts(report: unknown, vocabulary: ClaimsFile): PlacedText[] {
  const out: PlacedText[] = []
  // The pointer is built as the walk goes down, from each key's pointer segment encoded once per vocabulary.
  const walk = (node: unknown, path: readonly PathStep[], i: number, at: string) => {
    if (i === path.length) {
      if (typeof node === 'string') out.push({ pointer: at, text: node })
      else if (Array.isArray(node)) {
        for (let k = 0; k < node.length; k++) if (typeof node[k] === 'string') out.push({ pointer: `${at}/${k}`, text: node[k] as string })
      }
      return
    }
    if (node === null || typeof node !== 'object') return
    const { key, segment } = path[i]!
    if (key === '*' && Array.isArray(node)) {
      for (let k = 0; k < node.length; k++) walk(node[k], path, i + 1, `${at}/${k}`)
      return
    }
    if (!Object.hasOwn(node, key)) return
    walk((node as Record<string, unknown>)[key], path, i + 1, at + segment)
  }
  let paths = textPaths.get(vocabulary)
  if (paths === undefined) textPaths.set(vocabulary, (paths = vocabulary.texts.map((pointer) => splitPointer(pointer).map((key) => ({ key, segment: encodePointer([key]) })))))
  for (const path of paths) walk(report, path, 0, '')
  return out
}

/** A key of a text pointer and its segment of a pointer ("/" and the key encoded). */
interface PathStep {
  key: string
  segment: string
}

const textPaths = new WeakMap<ClaimsFile, readonly (readonly PathStep[])[]>()

/** A claim as found in one text. */
export interface PlacedClaim extends Claim {
  pointer: string
  text: string
}

/** Every claim of the report's texts, in the order of the vocabulary's text pointers. */
export function claimsOf(report: unknown, vocabulary: ClaimsFile = publishedClaims): PlacedClaim[] {
  const out: PlacedClaim[] = []
  for (const { pointer, text } of placedTexts(report, vocabulary)) for (const claim of readClaims(text, vocabulary)) out.push({ ...claim, pointer, text })
  return out
}

/** A cell as a claim reads it: a finite number; `false` (nothing charged) is 0; anything else is unavailable. */
function cellValue(report: unknown, pointer: string): number | undefined {
  const value = valueAt(report, splitPointer(pointer))
  if (typeof value === 'number' && Number.isFinite(value)) return value
  return value === false ? 0 : undefined
}

interface Reading {
  cells: string[]
  value: number | undefined
}

const MAX_READINGS = 64

/** The readings of the claim's terms in this template, each term's alternatives combined (summed), columns applied. */
function readingsOf(claim: Claim, report: unknown, template: TemplateGeneration, vocabulary: ClaimsFile): string[][] {
  let combined: string[][] = [[]]
  for (const id of claim.terms) {
    const own = termReadings(vocabulary, template, id, claim.columns)
    if (own === undefined) return []
    combined = combined.flatMap((cells) => own.map((more) => [...cells, ...more])).slice(0, MAX_READINGS)
  }
  return combined.filter((cells) => cells.length > 0)
}

/** Per vocabulary: each term's readings in a template, narrowed to columns, worked out once (key: template, id, columns). */
const readingsCache = new WeakMap<ClaimsFile, Map<string, readonly (readonly string[])[] | undefined>>()

/** The readings of one term in `template` (the cells of each), narrowed to `columns` if given; undefined for an unknown term. */
function termReadings(vocabulary: ClaimsFile, template: TemplateGeneration, id: string, columns: readonly string[] | undefined): readonly (readonly string[])[] | undefined {
  let cache = readingsCache.get(vocabulary)
  if (cache === undefined) readingsCache.set(vocabulary, (cache = new Map()))
  const key = columns === undefined ? `${template}\u0000${id}` : `${template}\u0000${id}\u0000${columns.join('\u0000')}`
  if (cache.has(key)) return cache.get(key)
  const term = vocabulary.terms.find((t) => t.id === id)
  const own =
    term === undefined
      ? undefined
      : term.readings
          .filter((r) => r.templates === undefined || r.templates.includes(template))
          .map((r) => (columns === undefined ? r.cells : r.cells.flatMap((cell) => columns.map((column) => cell.replace(/\/total$/, `/${column}`)))))
  cache.set(key, own)
  return own
}

function evaluate(report: unknown, cells: string[]): Reading {
  let value: number | undefined = 0
  for (const cell of cells) {
    const v = cellValue(report, cell)
    if (v === undefined) {
      value = undefined
      break
    }
    value += v
  }
  return { cells, value }
}

const EPSILON = 1e-9

function holds(claim: Claim, value: number): boolean {
  if (claim.kind !== 'quantity') return Math.abs(value) < EPSILON
  if (claim.value !== undefined) return Math.abs(value - claim.value) < EPSILON
  if (claim.min !== undefined && (claim.minExclusive ? value <= claim.min : value < claim.min - EPSILON)) return false
  if (claim.max !== undefined && (claim.maxExclusive ? value >= claim.max : value > claim.max + EPSILON)) return false
  return true
}

function nameOf(claim: Claim, vocabulary: ClaimsFile): Values {
  const names = claim.terms.map((id) => vocabulary.terms.find((t) => t.id === id)!.name)
  const column = claim.columns === undefined ? undefined : vocabulary.columns.find((c) => c.columns.join() === claim.columns!.join())?.name
  const predicate = claim.predicate === undefined ? undefined : vocabulary.predicates.find((p) => p.id === claim.predicate)!.name
  const zh = names.map((n) => n.zh).join('＋') + (column === undefined ? '' : `（${column.zh}）`) + (predicate === undefined ? '' : predicate.zh)
  const en = names.map((n) => n.en).join(' + ') + (column === undefined ? '' : ` (${column.en})`) + (predicate === undefined ? '' : `: ${predicate.en}`)
  return { 'claim.zh': zh, 'claim.en': en }
}

/** "label + label = value" for each reading, labels from the schema (what all cells share left out). */
function tableText(doc: JsonSchema, readings: Reading[]): Values {
  const parts = readings.map(({ cells, value }) => {
    const labels = distinctive(doc, cells).map((chain) => chain.join(' › '))
    return { zh: `${labels.join(' + ')} = ${value}`, en: `${labels.join(' + ')} = ${value}` }
  })
  return { 'table.zh': parts.map((p) => p.zh).join('；'), 'table.en': parts.map((p) => p.en).join('; ') }
}

function quoteOf(claim: PlacedClaim): string {
  const sentence = claim.text.slice(claim.sentence.start, claim.sentence.end)
  if (sentence.length <= 80) return sentence.replace(/\s+/gu, ' ').trim()
  return excerpt(claim.text.slice(0, claim.sentence.end), Math.max(claim.start, claim.sentence.start), claim.end, 24).replace(/^…?/, claim.start - 24 > claim.sentence.start ? '…' : '')
}

const unique = <T>(items: T[]) => [...new Set(items)]

/**
 * Checks the claims of one report in `template`: findings into `out`, claims that could not be checked into
 * `notChecked` (the cells of their readings that the report lacks).
 */
export function checkClaims(report: unknown, template: TemplateGeneration, vocabulary: ClaimsFile, out: Finding[], notChecked: NotChecked[]): void {
  const doc = templateSchemas[template]
  const year = valueAt(report, ['meta', 'year'])
  for (const { pointer, text } of placedTexts(report, vocabulary)) for (const claim of readClaims(text, vocabulary)) {
    // 2023年，收到申请50件 in a 2024 report: about another year's tables.
    if (claim.year !== undefined && claim.year !== year) continue
    const ruleId = claim.predicate ?? claim.terms[0]!
    let readings: Reading[]
    if (claim.kind === 'predicate') {
      const scope = vocabulary.predicates.find((p) => p.id === claim.predicate)!.scopes.find((s) => s.term === claim.terms[0])!
      readings = scope.zero.map((cell) => evaluate(report, [cell]))
      const available = readings.filter((r) => r.value !== undefined)
      if (available.length === 0) {
        addNotChecked(notChecked, ruleId, scope.zero)
        continue
      }
      const wrong = available.filter((r) => !holds(claim, r.value!))
      if (wrong.length === 0) continue
      out.push(findingOf({ ...claim, pointer, text }, ruleId, vocabulary.messages.predicate, doc, vocabulary, wrong, 0, wrong[0]!.value!))
      continue
    }
    // A change with no count (无法提供较上年减少3件) is checked against last year's report only.
    if (claim.kind === 'quantity' && claim.value === undefined && claim.min === undefined && claim.max === undefined) continue
    readings = readingsOf(claim, report, template, vocabulary).map((cells) => evaluate(report, cells))
    const available = readings.filter((r) => r.value !== undefined)
    if (available.length === 0) {
      addNotChecked(notChecked, ruleId, unique(readings.flatMap((r) => r.cells)).filter((cell) => cellValue(report, cell) === undefined))
      continue
    }
    if (available.some((r) => holds(claim, r.value!))) continue
    const message = claim.kind === 'zero' ? vocabulary.messages.zero : vocabulary.messages.quantity
    out.push(findingOf({ ...claim, pointer, text }, ruleId, message, doc, vocabulary, available, claim.value ?? claim.written ?? 0, available[0]!.value!))
  }
}

function addNotChecked(list: NotChecked[], ruleId: string, missing: string[]): void {
  if (missing.length === 0) return
  const same = list.find((entry) => entry.ruleId === ruleId)
  if (same === undefined) list.push({ ruleId, severity: 'warning', missing })
  else same.missing = unique([...same.missing, ...missing])
}

function findingOf(
  claim: PlacedClaim,
  ruleId: string,
  template: ClaimsFile['messages']['quantity'],
  doc: JsonSchema,
  vocabulary: ClaimsFile,
  readings: Reading[],
  actual: number | string,
  expected: number,
  extra: Values = {},
): Finding {
  const values: Values = { ...nameOf(claim, vocabulary), ...tableText(doc, readings), quote: quoteOf(claim), stated: claim.written ?? '', ...extra }
  return new RuleFinding(ruleId, 'warning', [...unique(readings.flatMap((r) => r.cells)), claim.pointer], { expected, actual }, fill(template, values))
}

/** The change a claim states, checked against the readings of two consecutive reports. */
function changeHolds(claim: Claim, later: number, earlier: number): boolean {
  const change = claim.change!
  const difference = later - earlier
  if (change.same) return Math.abs(difference) < EPSILON
  const signed = change.increase ? change.amount : -change.amount
  if (!change.percent) return Math.abs(difference - signed) < EPSILON
  if (earlier === 0) return false
  // Written to `decimals` places: rounded or cut off.
  const percent = (100 * difference) / earlier
  return Math.abs(percent - signed) <= 10 ** -change.decimals + EPSILON
}

export interface PairContext {
  year: number
  previousYear: number
  reportIndex: number
}

/** The claims of `later` about the change against last year, checked against `earlier`'s tables. */
export function checkClaimChanges(
  later: unknown,
  laterTemplate: TemplateGeneration,
  earlier: unknown,
  earlierTemplate: TemplateGeneration,
  context: PairContext,
  vocabulary: ClaimsFile,
  out: Finding[],
): void {
  const doc = templateSchemas[laterTemplate]
  const year = valueAt(later, ['meta', 'year'])
  for (const claim of claimsOf(later, vocabulary)) {
    if (claim.kind !== 'quantity' || claim.change === undefined || (claim.year !== undefined && claim.year !== year)) continue
    const now = readingsOf(claim, later, laterTemplate, vocabulary)
    const before = readingsOf(claim, earlier, earlierTemplate, vocabulary)
    // Readings of the same cells in both years.
    const pairs = now
      .map((cells) => ({ cells, later: evaluate(later, cells).value, earlier: before.some((b) => b.join() === cells.join()) ? evaluate(earlier, cells).value : undefined }))
      .filter((p): p is { cells: string[]; later: number; earlier: number } => p.later !== undefined && p.earlier !== undefined)
    if (pairs.length === 0 || pairs.some((p) => changeHolds(claim, p.later, p.earlier))) continue
    const readings = pairs.map((p) => ({ cells: p.cells, value: p.later - p.earlier }))
    const values: Values = {
      'table.zh': pairs.map((p, i) => `${tableText(doc, [readings[i]!])['table.zh']}（${p.earlier} → ${p.later}）`).join('；'),
      'table.en': pairs.map((p, i) => `${tableText(doc, [readings[i]!])['table.en']} (${p.earlier} → ${p.later})`).join('; '),
      stated: claim.change.written,
      year: context.year,
      previousYear: context.previousYear,
    }
    const finding = findingOf(claim, claim.terms[0]!, vocabulary.messages.change, doc, vocabulary, readings, claim.change.same ? 0 : (claim.change.increase ? 1 : -1) * claim.change.amount, readings[0]!.value!, values)
    out.push({ ...finding, ...context })
  }
}

/** What the checker's engine (src/rules/check-with.ts) runs of the claims: the published vocabulary, its default. */
export interface ClaimsChecks {
  published: ClaimsFile
  check: typeof checkClaims
  checkChanges: typeof checkClaimChanges
}
export const claimsChecks: ClaimsChecks = { published: publishedClaims, check: checkClaims, checkChanges: checkClaimChanges }
