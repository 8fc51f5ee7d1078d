/** The rules file and the checker: one fixture per rule, the examples, and the rules file itself. */
import { describe, expect, it } from 'vitest'
import { checkReport, checkSeries } from '../src/rules/check.js'
import type { Finding } from '../src/rules/findings.js'
import { publishedRules } from '../src/rules/published.js'
import { labelAt } from '../src/schema/labels.js'
import { rulesSchema, templateSchemas } from '../src/schema/published.js'
import { createAjv, validateReport } from '../src/validate/validate-report.js'
import { jsonFiles, readJson } from './support/files.js'
import type { Report } from '../generated/report.js'
import { asOneRowOtherHandling } from './support/damage.js'

interface RuleFixture {
  rule: string
  why: string
  reports: unknown[]
  findings: { ruleId: string; pointer: string; actual?: unknown; expected?: unknown }[]
}

const summary = (f: Finding) => {
  const out: Record<string, unknown> = { ruleId: f.ruleId, pointer: f.pointers[0] }
  if (f.actual !== undefined) out.actual = f.actual
  if (f.expected !== undefined) out.expected = f.expected
  return out
}

describe('rules file', () => {
  it('is valid against rules.schema.json', () => {
    const ajv = createAjv()
    const validate = ajv.getSchema(String(rulesSchema.$id))!
    expect(validate(publishedRules), JSON.stringify(validate.errors)).toBe(true)
  })

  it('has unique rule ids', () => {
    const ids = publishedRules.rules.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('every pointer of every check names a field of each template it applies to', () => {
    const pointers = (value: unknown): string[] =>
      typeof value === 'string' && value.startsWith('/') ? [value] : Array.isArray(value) ? value.flatMap(pointers) : []
    for (const rule of publishedRules.rules) {
      for (const check of rule.checks as unknown as Record<string, unknown>[]) {
        const templates = (check.templates ?? Object.keys(templateSchemas)) as (keyof typeof templateSchemas)[]
        for (const [key, value] of Object.entries(check)) {
          if (key === 'templates' || key === 'previousTemplates' || key === 'patterns' || key === 'keywords') continue
          for (const pointer of pointers(value)) {
            for (const template of templates) {
              const concrete = pointer.replace(/\/\*(?=\/|$)/g, '/0')
              expect.soft(labelAt(templateSchemas[template], concrete), `${rule.id} ${pointer} (${template})`).toEqual(expect.any(String))
            }
          }
        }
      }
    }
  })
})

describe('one fixture per rule, breaking exactly that rule', () => {
  const fixtures = jsonFiles('tests/rule-fixtures').map((file) => readJson(file) as RuleFixture)

  it('covers every rule of the rules file', () => {
    expect(fixtures.map((f) => f.rule).sort()).toEqual(publishedRules.rules.map((rule) => rule.id).sort())
  })

  for (const fixture of fixtures) {
    it(`${fixture.rule}: ${fixture.why}`, () => {
      for (const report of fixture.reports) expect(validateReport(report).errors).toEqual([])
      const scope = publishedRules.rules.find((rule) => rule.id === fixture.rule)!.scope
      // The rules alone: the claims of the texts have fixtures of their own (tests/claims.test.ts).
      const single = fixture.reports.flatMap((report) => checkReport(report, { claims: false }).findings)
      const series = checkSeries(fixture.reports, { claims: false }).findings
      const found = scope === 'series' ? (expect(single).toEqual([]), series) : (expect(series).toEqual([]), single)
      expect(found.map(summary)).toEqual(fixture.findings)
      for (const finding of found) {
        expect(finding.severity).toBe(publishedRules.rules.find((rule) => rule.id === fixture.rule)!.severity)
        expect(finding.message.zh).not.toMatch(/\{[a-zA-Z]+\}/)
        expect(finding.message.en).not.toMatch(/\{[a-zA-Z]+\}/)
      }
    })
  }
})

describe('series rules across the 2019 template', () => {
  it('对外公开总数量 of 2020 is checked against 2019 plus 本年新公开数量', () => {
    const y2019 = readJson('examples/example-2019-template-fictional.json') as any
    y2019.meta.year = 2019
    const y2020 = structuredClone(y2019)
    y2020.meta.year = 2020
    y2020.problemsAndImprovements.paragraphs = ['本年度的问题与上一年不同，改进措施也已调整。']
    y2020.applications.carriedOverFromLastYear = structuredClone(y2019.applications.carriedOverToNextYear)
    // 规章 are all 0 in the example; 规范性文件: 9 published in total, 2 more this year, still 9.
    expect(checkSeries([y2019, y2020]).findings.map((f) => [f.ruleId, f.pointers[0], f.actual, f.expected])).toEqual([
      ['series.documents-in-force', '/proactiveDisclosure/rulesAndNormativeDocuments/normativeDocuments/totalPublished', 9, 11],
    ])
    const docs = y2020.proactiveDisclosure.rulesAndNormativeDocuments
    docs.rules.totalPublished = y2019.proactiveDisclosure.rulesAndNormativeDocuments.rules.totalPublished + docs.rules.newlyPublished
    docs.normativeDocuments.totalPublished = y2019.proactiveDisclosure.rulesAndNormativeDocuments.normativeDocuments.totalPublished + docs.normativeDocuments.newlyPublished
    expect(checkSeries([y2019, y2020]).findings).toEqual([])
  })
})

describe('the examples', () => {
  for (const file of jsonFiles('examples')) {
    it(`${file} passes every rule`, () => {
      expect(checkReport(readJson(file))).toEqual({ findings: [], errors: 0, warnings: 0, notChecked: [] })
    })
  }

  it('a finding reads in Chinese and in English with the official labels', () => {
    const report = readJson('examples/seed-2024-weidong-science-bureau.json') as { applications: { newlyReceived: { naturalPerson: number } } }
    report.applications.newlyReceived.naturalPerson = 2
    const [rowTotal] = checkReport(report).findings
    expect(rowTotal!.message.zh).toBe(
      '三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量 › 总计为 0，但自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之和为 2（相差 2）',
    )
    expect(rowTotal!.message.en).toBe(
      '三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量 › 总计 is 0, but 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 add up to 2 (difference 2)',
    )
  })

  it('never throws on data that is not a report', () => {
    for (const value of [null, 1, 'x', [], {}, { template: '2020' }]) {
      expect(checkReport(value).findings).toEqual([])
      expect(checkSeries([value, value]).findings).toEqual([])
    }
    // A partial report: only the rules whose cells are there can run; the rest take no part (section 六 not read:
    // the fee statement is not said to be missing, its rule is listed as not run).
    const partial = { template: '2021', meta: { year: 2021 }, applications: { newlyReceived: { naturalPerson: 1, total: 'x' } } }
    expect(checkReport(partial).findings.map((f) => f.ruleId)).toEqual([])
    expect(checkReport(partial).notChecked.map((n) => n.ruleId)).toContain('otherMatters.fee-statement')
  })
})

describe('rules that cannot run say so', () => {
  const seed = readJson('examples/seed-2024-weidong-science-bureau.json') as Report

  it('a report missing cells: each sum that needs them is listed with the cells it lacks; the others still run', () => {
    const partial = structuredClone(seed) as unknown as { applications: { newlyReceived: Record<string, number> }; reviewsAndLawsuits?: unknown }
    delete partial.applications.newlyReceived.naturalPerson
    delete partial.reviewsAndLawsuits
    const result = checkReport(partial)
    const byRule = Object.fromEntries(result.notChecked.map((n) => [n.ruleId, n.missing]))
    expect(Object.keys(byRule).sort()).toEqual(['applications.balance', 'applications.row-total', 'reviewsAndLawsuits.group-total'])
    expect(byRule['applications.balance']).toEqual(['/applications/newlyReceived/naturalPerson'])
    expect(byRule['applications.row-total']).toEqual(['/applications/newlyReceived/naturalPerson'])
    expect(byRule['reviewsAndLawsuits.group-total']).toContain('/reviewsAndLawsuits/administrativeReview/total')
    // What can run still runs: a wrong outcome total is found in the same incomplete report.
    ;(partial as unknown as Report).applications.outcomes.total.naturalPerson += 1
    expect(checkReport(partial).findings.map((f) => f.ruleId)).toContain('applications.outcome-total')
  })

  it('a shape the report does not use is not “not checked”: （六）其他处理 as one row, or as its three rows', () => {
    expect(checkReport(asOneRowOtherHandling(seed)).notChecked).toEqual([])
    expect(checkReport(seed).notChecked).toEqual([])
  })
})

describe('a negation of cases (未发生…) reads what the sentence claims', () => {
  /** The seed with one case in each group of section 四, its totals kept right, and `sentence` as the overview. */
  function withCases(sentence: string): Report {
    const report = readJson('examples/seed-2024-weidong-science-bureau.json') as Report
    const review = report.reviewsAndLawsuits.administrativeReview
    review.upheld = 1
    review.total = review.upheld + review.corrected + review.other + review.pending
    const litigation = report.reviewsAndLawsuits.administrativeLitigation.withoutReview
    litigation.pending = 1
    litigation.total = litigation.upheld + litigation.corrected + litigation.other + litigation.pending
    report.overview.paragraphs = [{ text: sentence }]
    return report
  }
  const noCases = (sentence: string) =>
    checkReport(withCases(sentence))
      .findings.filter((f) => (f.ruleId === 'text.review-cases' || f.ruleId === 'text.lawsuit-cases') && f.actual === 0)
      .map((f) => f.pointers[0])
  const REVIEW = '/reviewsAndLawsuits/administrativeReview/total'
  const LITIGATION = '/reviewsAndLawsuits/administrativeLitigation/withoutReview/total'

  it('a clause about outcomes (none lost, none corrected) is not a claim that there were no cases', () => {
    for (const sentence of [
      '本年度未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。',
      '全年未发生行政复议被纠错、行政诉讼败诉的情况。',
      '本机关未出现行政诉讼败诉案件。',
      '没有发生因政府信息公开被行政复议撤销或被法院确认违法的情形。',
    ]) {
      expect(noCases(sentence), sentence).toEqual([])
      expect(validateReport(withCases(sentence)).valid).toBe(true)
    }
  })

  it('a claim that there were no cases still warns where the table has some', () => {
    expect(noCases('本年度未发生行政复议、行政诉讼案件。')).toEqual([REVIEW, LITIGATION])
    expect(noCases('全年没有收到行政复议申请，未发生行政诉讼。')).toEqual([REVIEW, LITIGATION])
    expect(noCases('本年度未发生行政诉讼；行政复议被纠错1件。')).toEqual([LITIGATION])
  })
})

describe('otherMatters.fee-statement on a report whose section 六 was not read', () => {
  it('does not warn that the text is silent: the rule could not run, and notChecked names the section', () => {
    const report = readJson('examples/seed-2024-weidong-science-bureau.json') as Record<string, unknown>
    const read = checkReport(report)
    expect(read.findings.filter((f) => f.ruleId === 'otherMatters.fee-statement')).toEqual([])
    const { otherMatters: _, ...withoutSix } = report
    const partial = checkReport(withoutSix)
    expect(partial.findings.filter((f) => f.ruleId === 'otherMatters.fee-statement')).toEqual([])
    expect(partial.notChecked.filter((n) => n.ruleId === 'otherMatters.fee-statement')).toEqual([{ ruleId: 'otherMatters.fee-statement', severity: 'warning', missing: ['/otherMatters'] }])
    // Section 六 read and silent about fees: the warning stands.
    const silent = checkReport({ ...report, otherMatters: { paragraphs: ['本年度无其他需要报告的事项。'] } })
    expect(silent.findings.map((f) => f.ruleId)).toContain('otherMatters.fee-statement')
    expect(silent.notChecked.map((n) => n.ruleId)).not.toContain('otherMatters.fee-statement')
  })
})
