/**
 * Numbers as reports write them in prose (src/rules/numerals.ts, the `numerals` of rules.json): every integer up to
 * 99,999 written as a Chinese numeral by a writer of the standard form reads back as itself; Arabic and full-width
 * digits read positionally; what is not a number a report would write (一二, 三百五 spoken for 350) is not read; and
 * the text rules compare such a number with the table.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import { checkReport } from '../src/rules/check.js'
import { NUMERALS, numeralValue } from '../src/rules/numerals.js'
import { publishedRules } from '../src/rules/published.js'
import { readJson } from './support/files.js'

const DIGITS = '零一二三四五六七八九'

/** The standard written form: 一万零三百, 二十一, 十二 (not 一十二) at the start, 一千零一十 with 一 before 十 inside. */
function chinese(n: number): string {
  if (n === 0) return '零'
  const below = (value: number, leading: boolean): string => {
    const parts: string[] = []
    let zero = false
    for (const [unit, name] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
      const digit = Math.floor(value / unit) % 10
      if (digit === 0) {
        if (parts.length > 0) zero = true
        continue
      }
      if (zero) parts.push('零')
      zero = false
      parts.push(unit === 10 && digit === 1 && leading && parts.length === 0 ? '十' : DIGITS[digit]! + name)
    }
    return parts.join('')
  }
  if (n < 10000) return below(n, true)
  const high = Math.floor(n / 10000)
  const low = n % 10000
  return below(high, true) + '万' + (low === 0 ? '' : (low < 1000 ? '零' : '') + below(low, false))
}

describe('numeralValue', () => {
  it('reads every integer to 99,999 written as a Chinese numeral, and in Arabic and full-width digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (n) => {
        const fullWidth = String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))
        return numeralValue(chinese(n)) === n && numeralValue(String(n)) === n && numeralValue(fullWidth) === n
      }),
      { seed: 9, numRuns: 5000 },
    )
    expect([chinese(12), chinese(21), chinese(105), chinese(1010), chinese(10002), chinese(2000)]).toEqual(['十二', '二十一', '一百零五', '一千零一十', '一万零二', '二千'])
    expect([numeralValue('两'), numeralValue('两千'), numeralValue('〇')]).toEqual([2, 2000, 0])
  })

  it('does not read what is no number a report writes', () => {
    for (const text of ['', '一二', '三百五', '一万二', '十十', '百', '零零', '一百零', '五十三万四万', 'x', '1二']) expect(numeralValue(text), text).toBeUndefined()
  })

  it('is the reading rules.json publishes', () => {
    expect(publishedRules.numerals).toEqual(NUMERALS)
  })
})

describe('the text rules read such numbers', () => {
  const withText = (text: string, newly: number) => {
    const report = readJson('examples/seed-2024-weidong-science-bureau.json') as Report
    report.overview.paragraphs = [{ text }]
    const row = report.applications.newlyReceived
    row.naturalPerson += newly - row.total
    row.total = newly
    return checkReport(report).findings.filter((f) => f.ruleId === 'text.applications-received')
  }
  it('收到申请三件 over a table of 3 (or of 3 with last year’s) is right; over 5 it is flagged with both numbers', () => {
    expect(withText('本年度收到政府信息公开申请三件。', 3)).toEqual([])
    const [finding] = withText('本年度收到政府信息公开申请三件。', 5)
    expect(finding?.actual).toBe(3)
    expect(String(finding?.expected)).toMatch(/^5/)
    expect(withText('本年度共受理申请二十一件。', 21)).toEqual([])
    expect(withText('本年度共受理申请二十一件。', 12)).toHaveLength(1)
    // Not a number the rules read: no claim, so no finding.
    expect(withText('本年度收到申请三百五件。', 3)).toEqual([])
  })
})
