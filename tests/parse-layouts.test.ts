/**
 * Layouts of real publishing the damage classes do not cover, each a small text with the cells it must give.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import { parseReport } from '../src/parse/parse.js'
import { renderText } from '../src/render/index.js'
import { ROOT } from './support/files.js'

const seed = JSON.parse(readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json'), 'utf8')) as Report
const row = (...values: number[]): any => {
  const keys = ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'publicInterestOrganization', 'legalServiceProvider', 'otherOrganization', 'total']
  return Object.fromEntries(keys.map((k, i) => [k, values[i]]))
}

describe('layouts', () => {
  it('a 2021 report printing （六）其他处理 as one row: read as that one row (schema 1.1), never split into three', () => {
    const report = structuredClone(seed) as any
    report.applications.outcomes.otherHandling.other = row(2, 0, 0, 0, 0, 0, 2)
    report.applications.outcomes.otherHandling.noCorrectionInTime = row(1, 0, 0, 0, 0, 0, 1)
    report.applications.outcomes.total = row(3, 0, 0, 0, 0, 0, 3)
    report.applications.newlyReceived = row(3, 0, 0, 0, 0, 0, 3)
    const lines = renderText(report).split('\n')
    const at = lines.findIndex((l) => l.includes('1.申请人无正当理由'))
    lines.splice(at, 3, '（六）其他处理\t3\t0\t0\t0\t0\t0\t3')
    const result = parseReport(lines.join('\n'))
    const outcomes = (result.report as Report).applications.outcomes as unknown as Record<string, unknown>
    expect(outcomes.otherHandling).toEqual(row(3, 0, 0, 0, 0, 0, 3))
    expect(result.missing).toEqual([])
    expect(result.valid).toBe(true)
    expect(outcomes.total).toEqual(report.applications.outcomes.total)
    expect(outcomes.notProcessed).toEqual(report.applications.outcomes.notProcessed)
    // Printed back as it was printed: one row.
    const again = renderText(result.report as Report)
    expect(again).toMatch(/（六）其他处理\t+3\t0\t0\t0\t0\t0\t3/)
    expect(again).not.toContain('1.申请人无正当理由')
  })

  it('PDF lines: labels on lines of their own, then their rows of values; page numbers and vertical label pieces between rows', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5',
      '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
      '（一）予以公开 3 0 0 0 0 0 3',
      '三',
      '、',
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '0 0 0 0 0 0 0',
      '1 0 0 0 0 0 1',
      '— 3 —',
      '（七）总计 5 0 0 0 0 0 5',
      '四、结转下年度继续办理 0 0 0 0 0 0 0',
    ].join('\n')
    const result = parseReport(text, { template: '2021' })
    const a = (result.report as Report).applications
    expect(a.newlyReceived).toEqual(row(5, 0, 0, 0, 0, 0, 5))
    expect(a.outcomes.disclosed).toEqual(row(3, 0, 0, 0, 0, 0, 3))
    expect(a.outcomes.withheld.stateSecret).toEqual(row(0, 0, 0, 0, 0, 0, 0))
    expect(a.outcomes.withheld.prohibitedByLaw).toEqual(row(1, 0, 0, 0, 0, 0, 1))
    expect(a.outcomes.total).toEqual(row(5, 0, 0, 0, 0, 0, 5))
    expect(result.diagnostics.some((d) => d.code === 'values-shared')).toBe(true)
  })

  it('a row whose values run into text with no separator is not read', () => {
    const result = parseReport('二、主动公开政府信息情况\n第二十条第（五）项\n信息内容上一年项目数量本年增/减处理决定数量\n行政许可35+2320\n', { template: '2019' })
    expect((result.report as Report).proactiveDisclosure).toBeUndefined()
    const why = result.diagnostics.find((d) => d.pointer === '/proactiveDisclosure/licensing/administrativeLicensing')
    expect(why?.code).toBe('unreadable')
  })

  it('the input ends inside the matrix: one diagnostic names the rest', () => {
    const text = '三、收到和处理政府信息公开申请情况\n自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n二、上年结转政府信息公开申请数量\t0\t0'
    const result = parseReport(text, { template: '2021' })
    const ends = result.diagnostics.filter((d) => d.code === 'input-ends')
    expect(ends).toHaveLength(1)
    expect(ends[0]!.message.en).toMatch(/^the input ends at line 4, after the row “二、上年结转政府信息公开申请数量”/)
    expect(ends[0]!.pointers).toContain('/applications/outcomes/total')
    expect((result.report as Report).applications.carriedOverFromLastYear).toEqual({ naturalPerson: 0, commercialEnterprise: 0 })
  })
})
