/**
 * Numbers as reports write them in prose: 75, ７５ (full width), 三, 二十一, 一百零五, 两千, 伍佰 (大写, for amounts). The characters and their
 * values are data (`numerals` in schema/rules.json, from NUMERALS), so that every implementation of the text rules
 * reads a number the same way; `numeralValue` is the reading.
 */
export interface Numerals {
  digits: Record<string, number>
  units: Record<string, number>
}

const ARABIC = Object.fromEntries([...'0123456789'].map((digit, value) => [digit, value]))
const FULL_WIDTH = Object.fromEntries([...'０１２３４５６７８９'].map((digit, value) => [digit, value]))

/** The financial (大写) numerals amounts are written in: 伍佰元. */
const CAPITAL_DIGITS = { 壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9 }

export const NUMERALS: Numerals = {
  digits: { ...ARABIC, ...FULL_WIDTH, 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, ...CAPITAL_DIGITS },
  units: { 十: 10, 百: 100, 千: 1000, 万: 10000, 拾: 10, 佰: 100, 仟: 1000 },
}

/**
 * The value of a captured number, or undefined if it is not one the rules can read: digits only (Arabic or full
 * width) read positionally; otherwise Chinese digits and units, each unit below 万 at most once per section and in
 * falling order, 十 alone or first meaning 一十 (十二 = 12), 零 only as a gap (一百零五 = 105), 万 once at most; a last
 * digit right after 百, 千 or 万 (三百五, spoken for 350) is not read.
 */
export function numeralValue(text: string, numerals: Numerals = NUMERALS): number | undefined {
  if (text === '' || text.length > 20) return undefined
  const chars = [...text]
  const isDigit = (c: string) => Object.hasOwn(numerals.digits, c)
  const isUnit = (c: string) => Object.hasOwn(numerals.units, c)
  if (!chars.every((c) => isDigit(c) || isUnit(c))) return undefined
  // Positional: no unit, and none of the Chinese digits (一二三 is no number a report writes).
  if (chars.every(isDigit)) {
    if (!chars.every((c) => /[0-9０-９]/.test(c))) return chars.length === 1 ? numerals.digits[chars[0]!] : undefined
    return chars.reduce((value, c) => value * 10 + numerals.digits[c]!, 0)
  }
  let total = 0
  let section = 0
  let digit: number | undefined
  let lastUnit = Infinity
  let zero = false
  let digitAfterZero = false
  for (const c of chars) {
    if (isDigit(c)) {
      const value = numerals.digits[c]!
      if (value === 0) {
        if (zero || digit !== undefined) return undefined
        zero = true
        continue
      }
      if (digit !== undefined) return undefined
      digit = value
      digitAfterZero = zero
      zero = false
      continue
    }
    const unit = numerals.units[c]!
    if (unit >= 10000) {
      if (total !== 0 || (section === 0 && digit === undefined)) return undefined
      total = (section + (digit ?? 0)) * unit
      section = 0
      digit = undefined
      lastUnit = Infinity
      zero = false
      continue
    }
    if (unit >= lastUnit) return undefined
    if (digit === undefined && !(unit === 10 && section === 0)) return undefined
    section += (digit ?? 1) * unit
    digit = undefined
    lastUnit = unit
    zero = false
  }
  if (zero && digit === undefined) return undefined
  // 三百五 is 350 in speech but 305 by the units: a digit after 百, 千 or 万 without 零 is not read.
  if (digit !== undefined && lastUnit !== Infinity && lastUnit > 10 && !digitAfterZero) return undefined
  if (digit !== undefined && total !== 0 && lastUnit === Infinity && !digitAfterZero) return undefined
  return total + section + (digit ?? 0)
}
