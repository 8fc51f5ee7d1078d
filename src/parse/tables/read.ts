/**
 * Table reading for one table section: anchors (labels) → the values printed after each → the readings the layout
 * allows → the ones the table's arithmetic accepts → cells. A cell is read only where every surviving reading
 * agrees on it; where they disagree it is missing, and the candidates are reported. Nothing is guessed.
 */
import type { Location } from '../sources/text.js'
import { normalizeLabel } from '../tokens/normalize.js'
import { schemaPath } from '../../schema/labels.js'
import { templateSchemas } from '../../schema/published.js'
import type { RowSpec, Template } from '../../schema/tables.js'
import { TEMPLATE_TEXT_OF } from '../../schema/template-text.js'
import { matchKey, type Atom, type Stream } from '../tokens/tokens.js'
import { chooseAnchors, type Anchor } from './anchors.js'
import { collapsed, enumerate, inOrder, splitRowsWithTotals, type Item, type ReadCell, type Reading, type ReadingOptions } from './readings.js'
import { sameValueZero, solve, sumConstraints, type SumConstraint, type Variable } from './solve.js'

/** What the reader found about one row, for diagnostics. */
export type RowEvent =
  | { kind: 'not-found'; row: RowSpec }
  | { kind: 'no-values'; row: RowSpec; location: Location }
  | { kind: 'unreadable'; row: RowSpec; location: Location; printed: string[]; why: 'too-few' | 'too-many' | 'arithmetic' | 'budget' | 'run-into-text' }
  | { kind: 'ambiguous'; row: RowSpec; location: Location; cells: { pointer: string; candidates: (number | undefined)[] }[]; readings: (number | undefined)[][] }
  | { kind: 'split'; row: RowSpec; location: Location; readings: number }
  | { kind: 'placed'; row: RowSpec; location: Location; readings: number }
  | { kind: 'in-order'; row: RowSpec; location: Location; found: number; extra: number; truncated: boolean }
  | { kind: 'shared'; rows: RowSpec[]; location: Location }

export interface TableRead {
  cells: Map<string, ReadCell>
  /** Where each row's label was found. */
  labels: Map<string, Location>
  events: RowEvent[]
  /** Printed sums that no reading satisfies (the report's own arithmetic errors). */
  broken: SumConstraint[]
}

/** Readings enumerated per row before it is given up as unreadable. */
export const MAX_READINGS = 5_000

/** Characters of the section's header text (column titles, group titles, template words): skipped before values. */
function headerCharacters(template: Template, section: string, rows: readonly RowSpec[]): Set<string> {
  const doc = templateSchemas[template]
  const texts: string[] = [...(TEMPLATE_TEXT_OF[section] ?? [])]
  for (const row of rows) {
    for (const column of row.columns) texts.push(column.title)
    // Titles of the groups between the section and the row ("（三）不予公开", "行政诉讼", "第二十条第（一）项"), and the
    // title over the row's columns ("申请人情况").
    const path = schemaPath(doc, row.pointer)
    const depth = section.split('/').length - 1
    for (const node of path.slice(depth, -1)) if (node.title !== undefined) texts.push(node.title)
    const own = path[path.length - 1]!.schema.title
    if (typeof own === 'string') texts.push(own)
  }
  const set = new Set<string>()
  for (const text of texts) for (const char of matchKey(normalizeLabel(text))) if (!/\d/.test(char)) set.add(char)
  return set
}

const headerCache = new Map<string, Set<string>>()

interface Region {
  items: Item[]
  /** The values run up to the end of the input: the row may be cut off. */
  atInputEnd: boolean
  printed: string[]
  /** The values run into this text with no separator, so where they end is unknown; the row is not read. */
  unclear?: string
}

const GENERIC_HEADER = /^(项目|数据|列|序号|栏目|指标)$/
const GENERIC_NUMBERED = /^(数据|列)$/

/**
 * Digits printed as one word that cannot be one count: a leading zero ("0030"), or more than six digits. They may be
 * several cells joined (a row flattened on a line of its own); the arithmetic decides.
 */
function mayHoldSeveral(digits: string): boolean {
  return digits[0] === '0' || digits.length > 6
}

function isDigits(text: string): boolean {
  return /^\d+$/.test(text)
}

/** Whether every character (code point) of `text` is in `set`. */
function allIn(text: string, set: ReadonlySet<string>): boolean {
  for (const char of text) if (!set.has(char)) return false
  return true
}

/** The values printed after a label: header text may come first; the first other text ends them. */
function regionItems(stream: Stream, from: number, to: number, header: Set<string>, inputEnd: boolean): Region {
  const { atoms, start, text } = stream
  const items: Item[] = []
  const printed: string[] = []
  // The first atom at or after `from` (blank atoms have no characters and sit between others).
  let a = 0
  if (from > 0) {
    const previous = stream.atomAt[from - 1]!
    a = from === start[previous]! + atoms[previous]!.key.length ? previous + 1 : previous
  }
  let values = false
  let stoppedBy: string | undefined
  const blankLines = new Set<number>()
  for (; a < atoms.length; a++) {
    const atom: Atom = atoms[a]!
    const atomStart = start[a]!
    if (atomStart >= to && (atom.key.length > 0 || atomStart > to)) break
    const cutStart = Math.max(from, atomStart) - atomStart
    const cutEnd = Math.min(to, atomStart + atom.key.length) - atomStart
    const key = atom.key.slice(cutStart, cutEnd)
    const cut = cutStart > 0 || cutEnd < atom.key.length
    if (atom.kind === 'text') {
      const portion = text.slice(atomStart + cutStart, atomStart + cutEnd)
      if (values) {
        if (atom.touchesBefore) stoppedBy = portion
        break
      }
      // A converter's generic column headers ("项目", "数据1" … "数据7", "列1"): header text, with their numbers.
      if (GENERIC_HEADER.test(portion)) {
        if (GENERIC_NUMBERED.test(portion) && atom.touchesAfter && atoms[a + 1]?.kind === 'number') a++
        continue
      }
      if (allIn(portion, header)) {
        // Header text after blanks on its line: the blanks were the header's empty cells, not this row's.
        if (items.length > 0 && blankLines.has(atom.line)) {
          items.length = 0
          printed.length = 0
        }
        continue
      }
      break
    }
    if (atom.kind === 'blank') {
      blankLines.add(atom.line)
      items.push({ kind: 'blank', location: atom.location })
      printed.push('□')
      continue
    }
    values = true
    if (atom.kind === 'zero') items.push({ kind: 'zero', raw: atom.raw, location: atom.location })
    else if (cut || (isDigits(atom.raw) && atom.raw.length >= 2 && (atom.touchesBefore || atom.touchesAfter || mayHoldSeveral(atom.raw)))) {
      if (!isDigits(key)) break
      const column = atom.location.column === undefined ? undefined : atom.location.column + cutStart
      items.push({ kind: 'run', digits: key, location: column === undefined ? atom.location : { ...atom.location, column } })
    } else items.push({ kind: 'value', raw: atom.raw, location: atom.location, number: atom.number! })
    printed.push(key || atom.raw)
  }
  // Digits run straight into text that is neither the next label nor header text: where the run ends is unknown.
  if (stoppedBy !== undefined && items[items.length - 1]?.kind === 'run' && ![...stoppedBy.slice(0, 4)].every((char) => header.has(char))) {
    return { items: [], atInputEnd: false, printed, unclear: stoppedBy }
  }
  return { items, atInputEnd: inputEnd && a >= atoms.length, printed }
}

/** Equations of `constraints` entirely inside `cells`, grouped by the cell count at which they can be checked. */
function checksWithin(cells: readonly string[], constraints: readonly SumConstraint[]) {
  const index = new Map(cells.map((pointer, i) => [pointer, i]))
  const byCheckpoint = new Map<number, { index: number; weight: number }[][]>()
  for (const constraint of constraints) {
    const terms = constraint.terms.map((term) => ({ index: index.get(term.pointer), weight: term.weight }))
    if (terms.some((term) => term.index === undefined)) continue
    const last = Math.max(...terms.map((term) => term.index!)) + 1
    const list = byCheckpoint.get(last) ?? []
    list.push(terms as { index: number; weight: number }[])
    byCheckpoint.set(last, list)
  }
  return byCheckpoint
}

type Checks = ReturnType<typeof checksWithin>
/** The checks of each list of cells: by the array (a row's own, see pointersOfRow), else by the cells' names. */
const checksCache = new WeakMap<readonly SumConstraint[], { byArray: WeakMap<readonly string[], Checks>; byKey: Map<string, Checks> }>()

function checksFor(cells: readonly string[], constraints: readonly SumConstraint[]): Checks {
  let cache = checksCache.get(constraints)
  if (cache === undefined) checksCache.set(constraints, (cache = { byArray: new WeakMap(), byKey: new Map() }))
  let within = cache.byArray.get(cells)
  if (within !== undefined) return within
  const key = cells.join(' ')
  within = cache.byKey.get(key)
  if (within === undefined) cache.byKey.set(key, (within = checksWithin(cells, constraints)))
  if (Object.isFrozen(cells)) cache.byArray.set(cells, within)
  return within
}

function options(cells: readonly string[], constraints: readonly SumConstraint[], useChecks: boolean): ReadingOptions {
  const within = useChecks ? checksFor(cells, constraints) : undefined
  const byCheckpoint = within ?? new Map()
  return {
    checkpoints: [...byCheckpoint.keys()],
    check: (filled) => (byCheckpoint.get(filled.length) ?? []).every((terms: { index: number; weight: number }[]) => terms.reduce((sum, t) => sum + t.weight * filled[t.index]!.value, 0) === 0),
    budget: MAX_READINGS,
  }
}

/** Every row's last cell is the sum of its others (a `sum` rule of exactly that form). */
function everyRowTotalled(rows: readonly RowSpec[], constraints: readonly SumConstraint[]): boolean {
  return rows.every((row) => {
    const last = row.columns[row.columns.length - 1]!
    const total = last.pointer
    const parts = new Set(row.columns.slice(0, -1).map((c) => c.pointer))
    return constraints.some((c) => {
      const left = c.terms.filter((t) => t.weight > 0)
      const right = c.terms.filter((t) => t.weight < 0)
      return left.length === 1 && left[0]!.pointer === total && right.length === parts.size && right.every((t) => parts.has(t.pointer))
    })
  })
}

/** The cells of one row, in column order (one array per row, so that what is cached by the cells is found again). */
const rowPointers = new WeakMap<RowSpec, readonly string[]>()
function pointersOfRow(row: RowSpec): readonly string[] {
  let pointers = rowPointers.get(row)
  if (pointers === undefined) rowPointers.set(row, (pointers = Object.freeze(row.columns.map((column) => column.pointer))))
  return pointers
}
const pointersOf = (rows: readonly RowSpec[]): readonly string[] => (rows.length === 1 ? pointersOfRow(rows[0]!) : rows.flatMap(pointersOfRow))

interface Candidate {
  rows: RowSpec[]
  cells: readonly string[]
  readings: Reading[]
  location: Location
  region: Region
  fallback?: RowEvent
}

/** The readings of one row (or of several rows whose values were printed together after the last label). */
/**
 * `alone`: the values follow this row's label and no other's. `together`: they follow all the labels of a run printed
 * one after another, and are read across those rows. Otherwise: the last of several labels, whose values may belong to
 * all of them; then a reading is only taken on the arithmetic's word.
 */
function readingsOf(rows: RowSpec[], region: Region, location: Location, constraints: readonly SumConstraint[], alone: boolean, together = false): Candidate {
  const cells = pointersOf(rows)
  const n = cells.length
  const base: Candidate = { rows, cells, readings: [], location, region }
  const { items } = region
  if (region.unclear !== undefined) return { ...base, fallback: { kind: 'unreadable', row: rows[0]!, location, printed: [...region.printed, region.unclear], why: 'run-into-text' } }
  if (items.length === 0) return base
  const only = items.length === 1 ? items[0]! : undefined
  if (only?.kind === 'run' && everyRowTotalled(rows, constraints)) {
    const split = splitRowsWithTotals(only, rows.map((row) => row.columns.length), MAX_READINGS)
    if (split.exhausted) return { ...base, fallback: { kind: 'unreadable', row: rows[0]!, location, printed: region.printed, why: 'budget' } }
    if (split.readings.length > 0) return { ...base, readings: split.readings }
  }
  const checked = enumerate(items, n, options(cells, constraints, true))
  if (checked.exhausted) return { ...base, fallback: { kind: 'unreadable', row: rows[0]!, location, printed: region.printed, why: 'budget' } }
  if (checked.readings.length > 0) return { ...base, readings: checked.readings }
  // No reading satisfies the row's own sums: the printed arithmetic is wrong, or the values are not all there.
  const unchecked = enumerate(items, n, options(cells, constraints, false))
  if (unchecked.exhausted) return { ...base, fallback: { kind: 'unreadable', row: rows[0]!, location, printed: region.printed, why: 'budget' } }
  // One reading only, and its sums fail: the report's own error, which the checker reports. Several readings, none of
  // them adding up: the values are not what the layout suggests (another row's, or some missing), so none is taken.
  // For values that may belong to several rows, a reading is only ever taken on the arithmetic's word.
  const exactFit = items.length === n && items.every((item) => item.kind !== 'run')
  if (unchecked.readings.length === 1 && (alone || (together && exactFit))) return { ...base, readings: unchecked.readings }
  if (unchecked.readings.length > 1) return { ...base, fallback: { kind: 'unreadable', row: rows[0]!, location, printed: region.printed, why: 'arithmetic' } }
  const mandatory = items.filter((item) => item.kind !== 'blank').length
  const row = rows[0]!
  // Values that may belong to several rows are never spread over them with implicit zeros: a whole row of zeros
  // could be invented where its values were simply not found.
  if (!alone) return base
  if (mandatory < n && region.atInputEnd) {
    const reading = inOrder(items, n)
    if (reading !== undefined) {
      const found = reading.filter((cell) => cell !== undefined).length
      return { ...base, readings: [reading], fallback: { kind: 'in-order', row, location, found, extra: 0, truncated: true } }
    }
  }
  if (mandatory > n) {
    const reading = inOrder(items.filter((item) => item.kind !== 'blank'), n)
    const opts = options(cells, constraints, true)
    if (reading !== undefined && (opts.checkpoints.length === 0 || opts.check(reading as ReadCell[]))) {
      return { ...base, readings: [reading], fallback: { kind: 'in-order', row, location, found: n, extra: mandatory - n, truncated: false } }
    }
    return { ...base, fallback: { kind: 'unreadable', row, location, printed: region.printed, why: 'too-many' } }
  }
  const opts = options(cells, constraints, true)
  if (opts.checkpoints.length > 0) {
    const placed = collapsed(items, n, location, opts)
    if (placed.readings.length > 0 && !placed.exhausted) return { ...base, readings: placed.readings }
  }
  return { ...base, fallback: { kind: 'unreadable', row, location, printed: region.printed, why: mandatory < n ? 'too-few' : 'arithmetic' } }
}

/** The longest stretch of values in the range with no text between them. */
function longestBlock(stream: Stream, range: TableRange, header: Set<string>): Region | undefined {
  let best: Region | undefined
  const starts = [range.from]
  stream.atoms.forEach((atom, a) => {
    const end = stream.start[a]! + atom.key.length
    if (atom.kind === 'text' && end > range.from && end < range.to) starts.push(end)
  })
  for (const at of starts) {
    const region = regionItems(stream, at, range.to, header, false)
    if (region.items.some((item) => item.kind !== 'blank') && (best === undefined || region.items.length > best.items.length)) best = region
  }
  return best
}

export interface TableRange {
  from: number
  to: number
  /** The range reaches the end of the input (a row cut off there is read as far as it goes). */
  inputEnd: boolean
}

const withinSection = new Map<string, SumConstraint[]>()

/**
 * The sums of `template` over cells of `section` only: the only ones a reading of the section can complete (any other
 * has a cell no variable of it reads, and drops out of every use here), so the others are not looked at.
 */
function sectionConstraints(template: Template, section: string): SumConstraint[] {
  const key = `${template} ${section}`
  let list = withinSection.get(key)
  if (list === undefined) {
    const prefix = `${section}/`
    withinSection.set(key, (list = sumConstraints(template).filter((c) => c.terms.every((t) => t.pointer.startsWith(prefix)))))
  }
  return list
}

/**
 * Reads the table of `section`: `rows` in the template's shape, and `otherShapes`, rows the template allows instead
 * at some place (the one row a 2021 report may print for （六）其他处理), anchored like the others; the caller keeps
 * the shape that was printed.
 */
export function readTable(stream: Stream, template: Template, section: string, rows: readonly RowSpec[], range: TableRange, otherShapes: readonly RowSpec[] = []): TableRead {
  const key = `${template} ${section}`
  let header = headerCache.get(key)
  if (header === undefined) headerCache.set(key, (header = headerCharacters(template, section, rows)))
  const constraints = sectionConstraints(template, section)
  const locationAt = (offset: number): Location => stream.atoms[stream.atomAt[Math.min(offset, stream.text.length - 1)]!]?.location ?? {}
  const regionAfter = (anchor: Anchor, next: Anchor | undefined) => {
    const to = Math.min(next?.start ?? range.to, labelStarts.find((start) => start >= anchor.end) ?? range.to)
    return regionItems(stream, anchor.end, to, header!, range.inputEnd && next === undefined)
  }
  const valueAfter = new Map<number, boolean>()
  const hasValueAfter = (end: number, next: number) => {
    let has = valueAfter.get(end)
    if (has === undefined) valueAfter.set(end, (has = regionItems(stream, end, next, header!, false).items.length > 0))
    return has
  }
  const { anchors, labelStarts } = chooseAnchors(stream, [...rows, ...otherShapes], range.from, range.to, hasValueAfter)
  const otherShape = new Set(otherShapes)

  const events: RowEvent[] = []
  const labels = new Map<string, Location>()
  for (const anchor of anchors) labels.set(anchor.row.pointer, locationAt(anchor.start))
  const found = new Set(anchors.map((anchor) => anchor.row))
  for (const row of rows) if (!found.has(row)) events.push({ kind: 'not-found', row })

  // Labels printed one after another with no values between them, then values: the values may be theirs together.
  const candidates: Candidate[] = []
  const pushOwn = (k: number, blanks: Region) => {
    const anchor = anchors[k]!
    if (blanks.items.length > 0) candidates.push(readingsOf([anchor.row], blanks, labels.get(anchor.row.pointer)!, constraints, true))
    else events.push({ kind: 'no-values', row: anchor.row, location: labels.get(anchor.row.pointer)! })
  }
  for (let i = 0; i < anchors.length; ) {
    let j = i
    const regions: Region[] = []
    while (j < anchors.length) {
      const region = regionAfter(anchors[j]!, anchors[j + 1])
      regions.push(region)
      // Blanks alone may be a header's empty cells: look on for the values. A row of another shape (the one-row
      // （六）) never shares its values with the rows it stands for, nor they with it.
      const shapeChange = j + 1 < anchors.length && otherShape.has(anchors[j]!.row) !== otherShape.has(anchors[j + 1]!.row)
      if (region.items.some((item) => item.kind !== 'blank') || region.unclear !== undefined || j + 1 === anchors.length || otherShape.has(anchors[j]!.row) || shapeChange) break
      j++
    }
    const last = Math.min(j, anchors.length - 1)
    const region = regions[regions.length - 1]!
    const lastAnchor = anchors[last]!
    const own = readingsOf([lastAnchor.row], region, labels.get(lastAnchor.row.pointer)!, constraints, last === i)
    // The most labels whose cells the values fill (the first labels of the run may simply have printed none).
    let shared = false
    for (let first = i; first < last && region.items.length > 0 && !shared; first++) {
      const together = readingsOf(anchors.slice(first, last + 1).map((a) => a.row), region, labels.get(anchors[first]!.row.pointer)!, constraints, false, first === i)
      if (together.readings.length === 0) continue
      // Either the values belong to all these rows, or to the last one only (the others printed none).
      const width = together.cells.length - own.cells.length
      const readings = [...together.readings, ...own.readings.map((reading) => [...new Array<ReadCell | undefined>(width).fill(undefined), ...reading])]
      candidates.push({ ...together, readings })
      events.push({ kind: 'shared', rows: together.rows, location: together.location })
      for (let k = i; k < first; k++) pushOwn(k, regions[k - i]!)
      shared = true
    }
    if (shared) {
      i = last + 1
      continue
    }
    // Not printed together: each earlier label has its own (blank or empty) cells.
    for (let k = i; k < last; k++) pushOwn(k, regions[k - i]!)
    if (region.items.length === 0 && region.unclear === undefined) events.push({ kind: 'no-values', row: lastAnchor.row, location: labels.get(lastAnchor.row.pointer)! })
    candidates.push(own)
    i = last + 1
  }

  // No label found at all, but values printed: the rows in template order, if the arithmetic confirms every row.
  if (candidates.every((c) => c.readings.length === 0)) {
    const block = longestBlock(stream, range, header)
    const cells = pointersOf(rows)
    const opts = options(cells, constraints, true)
    const everyRowChecked = rows.every((row) => opts.checkpoints.includes(cells.indexOf(row.columns[row.columns.length - 1]!.pointer) + 1))
    if (block !== undefined && everyRowChecked) {
      const checked = enumerate(block.items, cells.length, opts)
      const location = block.items[0]!.location
      if (checked.readings.length > 0 && !checked.exhausted) {
        candidates.push({ rows: [...rows], cells, readings: checked.readings, location, region: block })
        events.push({ kind: 'shared', rows: [...rows], location })
        for (const row of rows) labels.set(row.pointer, location)
        events.splice(0, events.length, ...events.filter((e) => e.kind === 'shared'))
      }
    }
  }

  const variables: Variable[] = candidates.filter((c) => c.readings.length > 0).map((c) => ({ cells: c.cells, readings: c.readings }))
  const live = candidates.filter((c) => c.readings.length > 0)
  for (const c of candidates) if (c.readings.length === 0 && c.fallback !== undefined) events.push(c.fallback)
  const { alive, broken } = solve(variables, constraints)

  const cells = new Map<string, ReadCell>()
  live.forEach((candidate, v) => {
    if (candidate.fallback !== undefined) events.push(candidate.fallback)
    const survivors = alive[v]!
    const several = candidate.readings.length > 1
    const undecided: { pointer: string; candidates: (number | undefined)[] }[] = []
    let split = false
    candidate.cells.forEach((pointer, index) => {
      const first = survivors[0]![index]
      // One value in every surviving reading (as a Set of them would have one member), or the distinct values.
      const one = survivors.every((reading) => sameValueZero(reading[index]?.value, first?.value))
      const values = one ? undefined : new Set(survivors.map((reading) => reading[index]?.value))
      if (one && first !== undefined) {
        let how = first.how
        if (how === 'position' && !several) how = 'label'
        if (how === 'label' && several) how = 'position'
        if (how === 'arithmetic-split') split = true
        cells.set(pointer, { ...first, how })
      } else if (values !== undefined) undecided.push({ pointer, candidates: [...values] })
    })
    if (undecided.length > 0) {
      const readings = survivors.map((reading) => reading.map((cell) => cell?.value))
      // One ambiguity event per row of the candidate, each with that row's part of the readings.
      for (const row of candidate.rows) {
        const indexes = candidate.cells.map((p, i) => (p.startsWith(`${row.pointer}/`) ? i : -1)).filter((i) => i >= 0)
        const own = undecided.filter((u) => u.pointer.startsWith(`${row.pointer}/`))
        if (own.length === 0) continue
        const distinct = [...new Map(readings.map((r) => indexes.map((i) => r[i])).map((r) => [r.join('|'), r])).values()]
        events.push({ kind: 'ambiguous', row, location: candidate.location, cells: own, readings: distinct })
      }
    }
    else if (split) events.push({ kind: 'split', row: candidate.rows[0]!, location: candidate.location, readings: candidate.readings.length })
    else if (several) events.push({ kind: 'placed', row: candidate.rows[0]!, location: candidate.location, readings: candidate.readings.length })
  })
  return { cells, labels, events, broken }
}
