/**
 * What the validators' fast path (generated/valid-report.ts) calls: string length in code points and the `date`
 * format, each as AJV and ajv-formats define them (tests/validate-fast.test.ts compares them on many strings).
 */

/** The length of a string in Unicode code points (a surrogate pair counts once), as JSON Schema's lengths count. */
export function ucs2length(text: string): number {
  let length = 0
  for (let i = 0; i < text.length; i++) {
    length++
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++
  }
  return length
}

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** RFC 3339 full-date (ajv-formats' `date`): YYYY-MM-DD with a day that exists in that month and year. */
export function isDate(text: string): boolean {
  const match = DATE.exec(text)
  if (match === null) return false
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]!)
}
