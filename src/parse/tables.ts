/**
 * Reads table rows out of a token stream by their official labels: find the row's label (in order, after the
 * previous row), then take the values that follow it up to the next text. Blank cells and "/", "-", "—" count as 0
 * where the row would otherwise be short; a row that is cut off keeps the values it has, in column order.
 */
import type { Location } from './document.js'
import { normalizeLabel } from './normalize.js'
import type { ColumnSpec, RowSpec } from '../schema/tables.js'
import type { Stream, Token } from './tokens.js'

export interface Cursor {
  run: number
  offset: number
}

export type CellValue =
  | { kind: 'number'; token: Extract<Token, { kind: 'number' }> }
  | { kind: 'zero'; token: Extract<Token, { kind: 'zero' }> }
  | { kind: 'blank'; token: Extract<Token, { kind: 'blank' }> }

export interface RowRead {
  row: RowSpec
  /** Where the label was found, or undefined if it was not. */
  labelLocation?: Location
  /** One entry per column; undefined where no value was found. */
  cells: (CellValue | undefined)[]
  /** Values beyond the row's columns that were ignored. */
  extra: number
  /** The values were fewer than the columns and were read in column order. */
  short: boolean
}

/** The label without its numbering ("(一)", "1.") and trailing parenthesis: a looser key for damaged labels. */
function coreOf(label: string): string {
  return label.replace(/^\([一二三四五六七八九十]+\)/, '').replace(/^\d+\./, '').replace(/\([^)]*\)$/, '')
}

function find(stream: Stream, from: Cursor, target: string, to: number): { run: number; end: number } | undefined {
  for (let r = from.run; r < to; r++) {
    const at = stream.runs[r]!.text.indexOf(target, r === from.run ? from.offset : 0)
    if (at >= 0) return { run: r, end: at + target.length }
  }
  return undefined
}

/** Finds `label` at or after `from`; the exact normalised label first, then its core (at least four characters). */
export function findLabel(stream: Stream, from: Cursor, label: string, to = stream.runs.length) {
  const exact = normalizeLabel(label)
  const hit = find(stream, from, exact, to)
  if (hit !== undefined) return hit
  const core = coreOf(exact)
  return core.length >= 4 && core !== exact ? find(stream, from, core, to) : undefined
}

/** The values after text run `run` up to the next text: numbers, zero placeholders and blank cells. */
function valuesAfter(stream: Stream, run: number): CellValue[] {
  const start = stream.runs[run]!.end
  const stop = run + 1 < stream.runs.length ? stream.runs[run + 1]!.start : stream.tokens.length
  const values: CellValue[] = []
  for (let i = start; i < stop; i++) {
    const token = stream.tokens[i]!
    if (token.kind !== 'text') values.push({ kind: token.kind, token } as CellValue)
  }
  return values
}

/**
 * Chooses `n` cells from the values of a region. Printed values first; if they are too few, blank cells after the
 * first printed value (interior, then trailing), then leading blanks; what is still short stays undefined.
 */
export function choose(values: readonly CellValue[], n: number): { cells: (CellValue | undefined)[]; extra: number; short: boolean } {
  const printed = values.filter((v) => v.kind !== 'blank')
  if (printed.length >= n) return { cells: printed.slice(0, n), extra: printed.length - n, short: false }
  const firstPrinted = values.findIndex((v) => v.kind !== 'blank')
  const after = values.map((v, i) => ({ v, i })).filter(({ v, i }) => v.kind === 'blank' && firstPrinted >= 0 && i > firstPrinted)
  const before = values.map((v, i) => ({ v, i })).filter(({ v, i }) => v.kind === 'blank' && (firstPrinted < 0 || i < firstPrinted)).reverse()
  const needed = n - printed.length
  const blanks = [...after, ...before].slice(0, needed).map(({ i }) => i)
  const chosen = values.filter((v, i) => v.kind !== 'blank' || blanks.includes(i))
  const cells: (CellValue | undefined)[] = chosen.slice(0, n)
  const short = cells.length < n
  while (cells.length < n) cells.push(undefined)
  return { cells, extra: 0, short }
}

/** Reads `rows` in order from `from`, within runs before `to`. Returns the reads and where reading stopped. */
export function readRows(stream: Stream, rows: readonly RowSpec[], from: Cursor, to = stream.runs.length) {
  let cursor = from
  const reads: RowRead[] = []
  for (const row of rows) {
    const hit = findLabel(stream, cursor, row.label, to)
    if (hit === undefined) {
      reads.push({ row, cells: row.columns.map(() => undefined), extra: 0, short: false })
      continue
    }
    const run = stream.runs[hit.run]!
    const labelLocation = run.location
    if (hit.end < run.text.length) {
      // More text follows the label in the same run: the row has no values of its own.
      reads.push({ row, labelLocation, cells: row.columns.map(() => undefined), extra: 0, short: false })
      cursor = { run: hit.run, offset: hit.end }
      continue
    }
    const { cells, extra, short } = choose(valuesAfter(stream, hit.run), row.columns.length)
    reads.push({ row, labelLocation, cells, extra, short })
    cursor = { run: hit.run + 1, offset: 0 }
  }
  return { reads, cursor }
}

/**
 * Section 四: its rows have no labels of their own in print, only the header above one row of fifteen numbers. The
 * first stretch of values holding at least as many numbers as there are cells is that row.
 */
export function readValueRow(stream: Stream, rows: readonly RowSpec[]): RowRead[] {
  const columns: { row: RowSpec; column: ColumnSpec }[] = rows.flatMap((row) => row.columns.map((column) => ({ row, column })))
  const n = columns.length
  const stretches: CellValue[][] = []
  let current: CellValue[] = []
  for (const token of stream.tokens) {
    if (token.kind === 'text') {
      if (current.length > 0) stretches.push(current)
      current = []
    } else current.push({ kind: token.kind, token } as CellValue)
  }
  if (current.length > 0) stretches.push(current)
  const printed = (s: CellValue[]) => s.filter((v) => v.kind !== 'blank').length
  const stretch = stretches.find((s) => printed(s) >= n) ?? stretches.find((s) => s.length >= n) ?? stretches.filter((s) => printed(s) > 1).pop() ?? []
  const { cells, extra, short } = choose(stretch, n)
  return rows.map((row) => {
    const offset = columns.findIndex((c) => c.row === row)
    return {
      row,
      cells: cells.slice(offset, offset + row.columns.length),
      extra: row === rows[rows.length - 1] ? extra : 0,
      short,
      ...(stretch[0] !== undefined ? { labelLocation: stretch[0].token.location } : {}),
    }
  })
}
