/** Normalisation of printed text for matching labels, and the reading of numbers as reports print them. */
import { isSpace } from '../../chars.js'

/** Full-width ASCII (！…～) to half-width, ideographic space to space, zero-width characters removed. */
const NEEDS_HALF_WIDTH = /[\uFF01-\uFF5E\u3000\u200B-\u200D\uFEFF]/

/** A full-width ASCII character's code as half-width (！…～ → !…~); any other code as it is. */
const halfWidth = (code: number): number => (code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code)

/** The zero-width space, non-joiner and joiner, which normalisation drops (the BOM is white space). */
const isZeroWidth = (code: number): boolean => code >= 0x200b && code <= 0x200d

export function toHalfWidth(text: string): string {
  if (!NEEDS_HALF_WIDTH.test(text)) return text
  // One pass (tests/parse-solve.test.ts compares it with the three replacements it stands for): unchanged runs copied
  // whole, a full-width character converted, U+3000 a space, a zero-width character dropped.
  let out = ''
  let run = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (halfWidth(code) !== code) out += text.slice(run, i) + String.fromCharCode(halfWidth(code))
    else if (code === 0x3000) out += text.slice(run, i) + ' '
    else if (isZeroWidth(code) || code === 0xfeff) out += text.slice(run, i)
    else continue
    run = i + 1
  }
  return out + text.slice(run)
}

/**
 * The form in which labels are compared: half-width, no white space, no quotes, one kind of bracket, "1、" read as
 * "1.", the enumeration comma and the comma kept apart.
 */
/** Text that normalisation leaves as it is (CJK and letters only): most words of a report. */
const ALREADY_NORMAL = /^[\u4E00-\u9FFFA-Za-z]*$/

export function normalizeLabel(text: string): string {
  if (ALREADY_NORMAL.test(text)) return text
  // One pass, the same as normalizeLabelByRegExps (tests/parse-solve.test.ts compares them): each character
  // half-width, then dropped (white space, zero-width, quotes) or replaced (brackets; 、 after a digit), and a
  // final 。 dropped. Runs of characters kept as they are are copied whole.
  let out = ''
  let run = 0
  let last = 0
  for (let i = 0; i < text.length; i++) {
    const printed = text.charCodeAt(i)
    if (printed >= 0x4e00 && printed <= 0x9fff) {
      last = printed
      continue
    }
    let code = halfWidth(printed)
    if (isZeroWidth(code)) {
      out += text.slice(run, i)
      run = i + 1
      continue
    }
    if (isSpace(code) || isQuote(code)) {
      out += text.slice(run, i)
      run = i + 1
      continue
    }
    if (code === 0x3010 || code === 0x5b || code === 0x3014) code = 0x28
    else if (code === 0x3011 || code === 0x5d || code === 0x3015) code = 0x29
    else if (code === 0x3001 && last >= 0x30 && last <= 0x39) code = 0x2e
    if (code !== printed) {
      out += text.slice(run, i) + String.fromCharCode(code)
      run = i + 1
    }
    last = code
  }
  out += text.slice(run)
  return last === 0x3002 ? out.slice(0, -1) : out
}

/** " ' “ ” ‘ ’ 「 」 『 』 〝 〞 */
const isQuote = (code: number): boolean =>
  code === 0x22 || code === 0x27 || (code >= 0x2018 && code <= 0x201d && code !== 0x201a && code !== 0x201b) || (code >= 0x300c && code <= 0x300f) || code === 0x301d || code === 0x301e

/** The reference normalizeLabel follows: the same steps as regular expressions, one after another. */
export function normalizeLabelByRegExps(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u00A0]+/g, '')
    .replace(/["'“”‘’「」『』〝〞]/g, '')
    .replace(/[【\[〔]/g, '(')
    .replace(/[】\]〕]/g, ')')
    .replace(/(\d)、/g, '$1.')
    .replace(/。$/, '')
}

/** A heading as the canonical form stores it: full-width brackets, no spaces ("(一) 主动公开" → "（一）主动公开"). */
export function canonicalHeading(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）')
}

export type Unit = '元' | '万元'

export interface PrintedNumber {
  value: number
  /** The digits as printed, without sign, separators or unit (for exact unit conversion). */
  digits: string
  unit?: Unit
  signed: boolean
}

const NUMBER = /^([+-]?)((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d+))?(万元|元|件|个|项|条|份|宗|起)?$/

/**
 * Whether `word` can be a number at all: its first character that half-width conversion and the removal of white
 * space leave is a sign or a digit (what NUMBER needs first). Most words are text: this spares them the expressions.
 */
function mayBeNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = halfWidth(word.charCodeAt(i))
    if (isSpace(code) || isZeroWidth(code)) continue
    return code === 0x2b || code === 0x2d || (code >= 0x30 && code <= 0x39)
  }
  return false
}

/** A whole cell or word that is a number ("0", "+3", "-18", "24.5万元", "1,234.5"), or undefined. */
export function readNumber(word: string): PrintedNumber | undefined {
  return mayBeNumber(word) ? readNumberByRegExps(word) : undefined
}

/** readNumber without its first test (the reference that test is checked against, tests/parse-solve.test.ts). */
export function readNumberByRegExps(word: string): PrintedNumber | undefined {
  const match = NUMBER.exec(word) ?? (NEEDS_HALF_WIDTH.test(word) || /\s/.test(word) ? NUMBER.exec(toHalfWidth(word).replace(/\s+/g, '')) : null)
  if (match === null) return undefined
  const [, sign, whole, fraction, unit] = match
  const digits = whole!.replace(/,/g, '') + (fraction === undefined ? '' : `.${fraction}`)
  const value = Number(digits) * (sign === '-' ? -1 : 1)
  if (!Number.isFinite(value)) return undefined
  const number: PrintedNumber = { value: Object.is(value, -0) ? 0 : value, digits, signed: sign !== '' }
  if (unit === '元' || unit === '万元') number.unit = unit
  return number
}

const PLACEHOLDERS = new Set(['/', '-', '—', '——', '–', '―', '无', '\\'])

/** "/", "-", "—" and the like, which reports print for 0. */
export function isZeroPlaceholder(word: string): boolean {
  return PLACEHOLDERS.has(toHalfWidth(word).replace(/\s+/g, ''))
}

/** Moves the decimal point of a digit string: exact conversion of 元 to 万元 (shift −4). */
export function shiftDecimal(digits: string, places: number): number {
  const [whole = '0', fraction = ''] = digits.split('.')
  let all = whole + fraction
  let point = whole.length + places
  if (point <= 0) {
    all = '0'.repeat(1 - point) + all
    point = 1
  }
  if (point > all.length) all = all + '0'.repeat(point - all.length)
  return Number(`${all.slice(0, point)}.${all.slice(point) || '0'}`)
}

/**
 * Bigrams of a normalised string: each pair of consecutive code points as one number, distinct for distinct pairs: two
 * code points of the basic plane as one 32-bit integer (first << 16 | second: small integers, the cheapest keys of a
 * Set), any other pair as −1 − (first × 0x110000 + second).
 */
function bigrams(text: string): number[] {
  const out: number[] = []
  let previous = -1
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!
    if (code > 0xffff) i++
    if (previous >= 0) out.push(previous <= 0xffff && code <= 0xffff ? (previous << 16) | code : -1 - (previous * 0x110000 + code))
    previous = code
  }
  return out
}

/** The bigrams of a text, kept for comparing it with many others. */
export interface Bigrams {
  list: number[]
  set: Set<number>
  text: string
}

export function bigramsOf(text: string): Bigrams {
  const list = bigrams(text)
  return { list, set: new Set(list), text }
}

/** How much of `a` is in `b`, and of `b` in `a`, by bigrams: the larger share (0 to 1). */
export function overlapOf(a: Bigrams, b: Bigrams): number {
  if (a.list.length === 0 || b.list.length === 0) return a.text === b.text ? 1 : 0
  let inB = 0
  for (const pair of a.list) if (b.set.has(pair)) inB++
  let inA = 0
  for (const pair of b.list) if (a.set.has(pair)) inA++
  return Math.max(inB / a.list.length, inA / b.list.length)
}

export function overlap(a: string, b: string): number {
  return overlapOf(bigramsOf(a), bigramsOf(b))
}
