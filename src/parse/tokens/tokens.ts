/**
 * Stage 2 of the reader: lines → positioned tokens ("atoms"), the same for every source. A cell's text is cut at
 * white space (a separator) and at every boundary between digits and other text (no separator: the two touch, as
 * in crawler text that joined cells, "规章000"). Each atom knows whether it touches its neighbours, so that the
 * table reader can tell a number printed in a cell of its own from a digit run that may hold several cells.
 *
 * The atoms' search keys, concatenated, form one string in which labels are looked for; every character of that
 * string maps back to its atom, so a label may begin or end inside an atom ("40000042.其他…": the "2" starts the
 * next row's label).
 */
import type { Line, Location } from '../sources/text.js'
import { isSpace } from '../../chars.js'
import { isZeroPlaceholder, normalizeLabel, readNumber, toHalfWidth, type PrintedNumber } from './normalize.js'

export type AtomKind = 'text' | 'number' | 'zero' | 'blank'

export interface Atom {
  kind: AtomKind
  /** What label search sees: normalised text, the digits of a number, the placeholder, or "" for a blank. */
  key: string
  /** The text as printed. */
  raw: string
  number?: PrintedNumber
  location: Location
  /** Index of the line the atom is on, among the lines tokenized. */
  line: number
  /** True if nothing separates this atom from the one before (after) it in the same cell. */
  touchesBefore: boolean
  touchesAfter: boolean
}

/** A number inside a word: digits with an optional decimal part and a money unit. */
const NUMBER_IN_WORD = /\d+(?:\.\d+)?(?:万元|元)?/g
const UNIT_WORD = /^(万元|元)$/

function pushText(atoms: Atom[], raw: string, location: Location, line: number): void {
  const key = normalizeLabel(raw)
  if (key === '') return
  atoms.push({ kind: 'text', key, raw, location, line, touchesBefore: true, touchesAfter: true })
}

function at(location: Location, column: number | undefined): Location {
  return column === undefined ? location : { ...location, column }
}

/**
 * The words of a cell: its runs of characters other than white space (as `/\S+/g` finds them), each with the offset
 * it starts at.
 */
export function wordsOf(cell: string): { word: string; column: number }[] {
  const words: { word: string; column: number }[] = []
  let start = -1
  for (let i = 0; i <= cell.length; i++) {
    const space = i === cell.length || isSpace(cell.charCodeAt(i))
    if (space && start >= 0) {
      words.push({ word: cell.slice(start, i), column: start })
      start = -1
    } else if (!space && start < 0) start = i
  }
  return words
}

/** Whether `text` has an ASCII digit (what NUMBER_IN_WORD needs to match at all). */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0x30 && code <= 0x39) return true
  }
  return false
}

/** The atoms of one word (no white space inside); `whole` is the word read as a number, if it is one. */
function wordAtoms(word: string, whole: PrintedNumber | undefined, base: { location: Location; line: number; column: number | undefined }, out: Atom[]): void {
  if (whole !== undefined) {
    out.push({ kind: 'number', key: whole.digits, raw: word, number: whole, location: at(base.location, base.column), line: base.line, touchesBefore: false, touchesAfter: false })
    return
  }
  if (isZeroPlaceholder(word)) {
    out.push({ kind: 'zero', key: toHalfWidth(word), raw: word, location: at(base.location, base.column), line: base.line, touchesBefore: false, touchesAfter: false })
    return
  }
  const half = toHalfWidth(word)
  let last = 0
  const start = out.length
  for (const match of hasDigit(half) ? half.matchAll(NUMBER_IN_WORD) : []) {
    const index = match.index
    const column = base.column === undefined ? undefined : base.column + index
    if (index > last) pushText(out, half.slice(last, index), at(base.location, base.column === undefined ? undefined : base.column + last), base.line)
    const number = readNumber(match[0])
    if (number !== undefined) {
      out.push({ kind: 'number', key: number.digits, raw: match[0], number, location: at(base.location, column), line: base.line, touchesBefore: true, touchesAfter: true })
    }
    last = index + match[0].length
  }
  if (last < half.length) pushText(out, half.slice(last), at(base.location, base.column === undefined ? undefined : base.column + last), base.line)
  if (out.length > start) {
    out[start]!.touchesBefore = false
    out[out.length - 1]!.touchesAfter = false
  }
}

/** Page furniture that PDF extraction leaves inside tables: "— 3 —", "-3-", "第 3 页", "3/12", "P. 9". */
const PAGE_MARK = /^(?:[-—–－─]+\s*\d{1,4}\s*[-—–－─]+|第\s*\d{1,4}\s*页(?:\s*(?:[,，/]\s*)?共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|P\.\s*\d{1,4}|Page\s*\d{1,4}.{0,60})$/i

export function isPageMark(text: string): boolean {
  return text.length <= 80 && PAGE_MARK.test(text.trim())
}

export function tokenize(lines: readonly Line[]): Atom[] {
  const atoms: Atom[] = []
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex]!
    if (!line.tableRow && isPageMark(line.text)) continue
    const columns = line.columns
    line.cells.forEach((cell, i) => {
      const location = line.locations[i] ?? line.location
      const cellColumn = columns?.[i]
      if (cell.trim() === '') {
        atoms.push({ kind: 'blank', key: '', raw: cell, location: at(location, cellColumn), line: lineIndex, touchesBefore: false, touchesAfter: false })
        return
      }
      const words = wordsOf(cell)
      for (let w = 0; w < words.length; w++) {
        let { word } = words[w]!
        const column = cellColumn === undefined ? undefined : cellColumn + words[w]!.column + 1
        let number = readNumber(word)
        // "24.5 万元": a unit printed apart from its number belongs to it.
        if (number !== undefined && UNIT_WORD.test(words[w + 1]?.word ?? '')) {
          word += words[++w]!.word
          number = readNumber(word)
        }
        wordAtoms(word, number, { location, line: lineIndex, column }, atoms)
      }
    })
  }
  return atoms
}

/** The atoms with their keys joined into one string, and the way back from a character to its atom. */
export interface Stream {
  atoms: Atom[]
  /** The concatenated keys, in the form labels are matched in (see `matchKey`). */
  text: string
  /** For each character of `text`, the index of its atom. */
  atomAt: Int32Array
  /** For each atom, the offset of its key in `text`. */
  start: Int32Array
}

/** Characters that printed labels use interchangeably: "，" or "," for "、", "．" for ".". */
export function matchKey(text: string): string {
  return text.replace(/[,，;；]/g, '、').replace(/[．。]/g, '.')
}

export function stream(atoms: Atom[]): Stream {
  const start = new Int32Array(atoms.length + 1)
  let length = 0
  atoms.forEach((atom, i) => {
    start[i] = length
    length += atom.key.length
  })
  start[atoms.length] = length
  const atomAt = new Int32Array(length)
  atoms.forEach((atom, i) => atomAt.fill(i, start[i]!, start[i + 1]!))
  return { atoms, text: matchKey(atoms.map((atom) => atom.key).join('')), atomAt, start }
}
