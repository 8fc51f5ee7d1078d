/**
 * Table reading, step 2: the readings a row's printed values allow. A value printed in a cell of its own is one
 * cell; a placeholder ("/", "-") is a cell of 0; a blank mark (an empty cell, a bare "|") may be a cell of 0 or a
 * merged cell's filler; a digit run that touches text or other digits (flattened crawler text) may be several cells,
 * split anywhere except inside a number (no cell but "0" starts with 0). Every reading has exactly the row's number
 * of cells. The arithmetic (solve.ts) then chooses among them; nothing here guesses.
 */
import type { Location } from '../sources/text.js'
import type { PrintedNumber } from '../tokens/normalize.js'

/** How a cell's value was read: what a person checking the number needs to know. */
export type CellHow =
  /** One printed value per cell, in the row of its label: the plain case. */
  | 'label'
  /** The layout allowed the value in several cells; the table's arithmetic (or agreement of all readings) placed it. */
  | 'position'
  /** Cut out of a run of digits printed with no separator; the table's arithmetic chose the cut. */
  | 'arithmetic-split'
  /** A blank cell, read as 0. */
  | 'blank-as-zero'
  /** "/", "-", "—" or the like, read as 0. */
  | 'placeholder-as-zero'
  /** Not printed at all (a row printed with its non-empty cells only); its place, fixed by the arithmetic, is 0. */
  | 'implicit-zero'
  /** The row is cut off or over-full; its values were taken in column order. */
  | 'values-in-order'

export interface ReadCell {
  value: number
  raw: string
  location: Location
  how: CellHow
  number?: PrintedNumber
}

export type Reading = (ReadCell | undefined)[]

export type Item =
  | { kind: 'value'; raw: string; location: Location; number: PrintedNumber }
  | { kind: 'zero'; raw: string; location: Location }
  | { kind: 'blank'; location: Location }
  | { kind: 'run'; digits: string; location: Location }

/** Checks the cells filled so far; called each time `filled` reaches one of the checkpoints. */
export type Check = (cells: readonly ReadCell[]) => boolean

export interface ReadingOptions {
  /** Cell counts at which `check` is applied (row ends inside a block of several rows). */
  checkpoints: readonly number[]
  check: Check
  /** Most readings enumerated before giving up. */
  budget: number
}

export interface Readings {
  readings: Reading[]
  /** The budget ran out: there are more readings than were enumerated. */
  exhausted: boolean
}

const MAX_DIGITS = 12

function locate(location: Location, offset: number): Location {
  return offset === 0 || location.column === undefined ? location : { ...location, column: location.column + offset }
}

/** Every reading of `items` as exactly `n` cells, pruned by `check` at the checkpoints. */
export function enumerate(items: readonly Item[], n: number, options: ReadingOptions): Readings {
  const out: Reading[] = []
  let steps = 0
  let exhausted = false
  const cells: ReadCell[] = []
  const checkpoints = new Set(options.checkpoints)
  // suffixMin[i]: the cells items i… need at least (every item but a blank needs one).
  const suffixMin = new Array<number>(items.length + 1).fill(0)
  for (let i = items.length - 1; i >= 0; i--) suffixMin[i] = suffixMin[i + 1]! + (items[i]!.kind === 'blank' ? 0 : 1)
  // blanksFrom[i]: every item from i on is a blank (they may all be fillers).
  const blanksFrom = new Array<boolean>(items.length + 1).fill(true)
  for (let i = items.length - 1; i >= 0; i--) blanksFrom[i] = blanksFrom[i + 1]! && items[i]!.kind === 'blank'
  const multiple = items.some((item) => item.kind === 'run' || item.kind === 'blank')

  const push = (cell: ReadCell): boolean => {
    cells.push(cell)
    if (checkpoints.has(cells.length) && !options.check(cells)) {
      cells.pop()
      return false
    }
    return true
  }
  const visit = (index: number, offset: number): void => {
    if (exhausted) return
    if (++steps > options.budget * 20) {
      exhausted = true
      return
    }
    if (cells.length + suffixMin[index]! > n) return
    if (cells.length === n && blanksFrom[index]!) {
      out.push([...cells])
      if (out.length >= options.budget) exhausted = true
      return
    }
    if (index === items.length || cells.length === n) return
    const item = items[index]!
    switch (item.kind) {
      case 'value':
        if (push({ value: item.number.value, raw: item.raw, location: item.location, how: multiple ? 'position' : 'label', number: item.number })) {
          visit(index + 1, 0)
          cells.pop()
        }
        return
      case 'zero':
        if (push({ value: 0, raw: item.raw, location: item.location, how: 'placeholder-as-zero' })) {
          visit(index + 1, 0)
          cells.pop()
        }
        return
      case 'blank':
        if (push({ value: 0, raw: '', location: item.location, how: 'blank-as-zero' })) {
          visit(index + 1, 0)
          cells.pop()
        }
        visit(index + 1, 0)
        return
      case 'run': {
        const rest = item.digits.length - offset
        const maxLength = item.digits[offset] === '0' ? 1 : Math.min(MAX_DIGITS, rest)
        for (let length = 1; length <= maxLength; length++) {
          const digits = item.digits.slice(offset, offset + length)
          const split = offset > 0 || length < item.digits.length
          const cell: ReadCell = { value: Number(digits), raw: digits, location: locate(item.location, offset), how: split ? 'arithmetic-split' : multiple ? 'position' : 'label' }
          if (!push(cell)) continue
          if (length === rest) visit(index + 1, 0)
          else visit(index, offset + length)
          cells.pop()
        }
        return
      }
    }
  }
  visit(0, 0)
  return { readings: out, exhausted }
}

/**
 * A row printed with its non-empty cells only and no mark where the others were ("12 12" for a row of seven):
 * every placement of the printed values among the `n` cells, the others 0, pruned by `check`. Only for rows
 * whose own arithmetic can tell the placements apart (the caller's choice).
 */
export function collapsed(items: readonly Item[], n: number, at: Location, options: ReadingOptions): Readings {
  const values = items.filter((item) => item.kind === 'value' || item.kind === 'zero')
  // Only where nothing marks the empty cells: blank marks are evidence of places, which this reading would ignore.
  if (values.length === 0 || values.length >= n || items.some((item) => item.kind === 'run' || item.kind === 'blank')) return { readings: [], exhausted: false }
  const out: Reading[] = []
  const cells: ReadCell[] = []
  const checkpoints = new Set(options.checkpoints)
  const place = (v: number): void => {
    if (out.length >= options.budget) return
    if (cells.length === n) {
      if (v === values.length) out.push([...cells])
      return
    }
    const options2: ReadCell[] = []
    if (v < values.length) {
      const item = values[v]!
      options2.push(item.kind === 'value'
        ? { value: item.number.value, raw: item.raw, location: item.location, how: 'position', number: item.number }
        : { value: 0, raw: item.raw, location: item.location, how: 'placeholder-as-zero' })
    }
    if (n - cells.length > values.length - v) options2.push({ value: 0, raw: '', location: at, how: 'implicit-zero' })
    for (const cell of options2) {
      cells.push(cell)
      if (!checkpoints.has(cells.length) || options.check(cells)) place(cell.how === 'implicit-zero' ? v : v + 1)
      cells.pop()
    }
  }
  place(0)
  return { readings: out, exhausted: out.length >= options.budget }
}

/** The values in column order, for a row cut off by the end of the input or printed with more values than cells. */
export function inOrder(items: readonly Item[], n: number): Reading | undefined {
  if (items.some((item) => item.kind === 'run')) return undefined
  const cells: Reading = []
  for (const item of items) {
    if (cells.length === n) break
    if (item.kind === 'value') cells.push({ value: item.number.value, raw: item.raw, location: item.location, how: 'values-in-order', number: item.number })
    else if (item.kind === 'zero') cells.push({ value: 0, raw: item.raw, location: item.location, how: 'placeholder-as-zero' })
    else if (item.kind === 'blank') cells.push({ value: 0, raw: '', location: item.location, how: 'blank-as-zero' })
  }
  while (cells.length < n) cells.push(undefined)
  return cells
}

/**
 * The splits of one digit run over rows whose last cell is the sum of the others (the matrix rows, section 四's
 * groups), found total first: a row's total is its last digits, and its other cells must add up to it, which
 * bounds every cell by the total. Far faster than trying every split, and the same result.
 */
export function splitRowsWithTotals(run: Extract<Item, { kind: 'run' }>, widths: readonly number[], budget: number): Readings {
  const digits = run.digits
  const out: Reading[] = []
  let exhausted = false
  let steps = 0
  const cells: ReadCell[] = []
  const cell = (from: number, to: number): ReadCell => ({
    value: Number(digits.slice(from, to)),
    raw: digits.slice(from, to),
    location: locate(run.location, from),
    how: from > 0 || to < digits.length ? 'arithmetic-split' : 'label',
  })
  const valid = (from: number, to: number) => to > from && to - from <= MAX_DIGITS && (digits[from] !== '0' || to - from === 1)
  const minRest = (row: number) => widths.slice(row).reduce((a, b) => a + b, 0)
  // Parts of row `row` from `at`, `left` cells still to place, summing to `target`, ending exactly where the
  // row's total (`total`, digits [start, end)) begins.
  const parts = (at: number, left: number, target: number, row: number, total: { start: number; end: number }): void => {
    if (exhausted) return
    if (++steps > budget * 50) {
      exhausted = true
      return
    }
    const end = total.start
    if (left === 0) {
      if (at === end && target === 0) {
        cells.push(cell(total.start, total.end))
        rows(row + 1, total.end)
        cells.pop()
      }
      return
    }
    const room = end - at
    if (room < left) return
    for (let length = 1; length <= Math.min(MAX_DIGITS, room - (left - 1)); length++) {
      if (!valid(at, at + length)) break
      const value = Number(digits.slice(at, at + length))
      if (value > target) break
      cells.push(cell(at, at + length))
      parts(at + length, left - 1, target - value, row, total)
      cells.pop()
    }
  }
  const rows = (row: number, at: number): void => {
    if (exhausted) return
    if (row === widths.length) {
      if (at === digits.length) {
        out.push([...cells])
        if (out.length >= budget) exhausted = true
      }
      return
    }
    const width = widths[row]!
    const later = minRest(row + 1)
    // The row ends at `end`; its total is the last `totalLength` digits before it.
    for (let end = at + width; end <= digits.length - later; end++) {
      for (let totalLength = 1; totalLength <= Math.min(MAX_DIGITS, end - at - (width - 1)); totalLength++) {
        const start = end - totalLength
        if (!valid(start, end)) continue
        parts(at, width - 1, Number(digits.slice(start, end)), row, { start, end })
      }
    }
  }
  rows(0, 0)
  return { readings: out, exhausted }
}
