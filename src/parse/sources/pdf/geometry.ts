/** The geometry the PDF modules share: boxes in page coordinates (points, y downwards), and sizes of text. */

/** Positions closer than this (points) are the same line of a grid. */
export const SNAP = 2

export interface Box {
  x0: number
  x1: number
  top: number
  bottom: number
  /** True if a rule closes the box at the top (a cell continued from the page before has none). */
  closedTop?: boolean
  /** True if a rule closes the box at the bottom (a row that a page break cuts has none there). */
  closedBottom?: boolean
  /** A text cell whose last line runs to its right side: text that may go on (set on a table row's cells). */
  full?: boolean
}


/** The least and the greatest of many numbers (a spread of a hostile page's characters would overflow the stack). */
export function least(values: readonly number[]): number {
  let out = Infinity
  for (const v of values) if (v < out) out = v
  return out
}
export function most(values: readonly number[]): number {
  let out = -Infinity
  for (const v of values) if (v > out) out = v
  return out
}


/** A Chinese or full-width character (CJK ideographs and radicals, CJK punctuation, full-width forms). */
export const WIDE = /[\u2e80-\u9fff\uff00-\uffef]/

/** Estimated advance of a character, in ems: CJK and full-width characters are square, the rest about half. */
export const ems = (text: string) => Array.from(text).reduce((sum, ch) => sum + (WIDE.test(ch) || SQUARE_PUNCTUATION.test(ch) ? 1 : 0.5), 0)
/** Punctuation that Chinese fonts set square though it is not in a CJK block: dashes, curly quotes, ellipsis. */
const SQUARE_PUNCTUATION = /[\u2014\u2018-\u201d\u2026]/
