/** The parser's handling of HTML, Word and the normalisations TEMPLATE.md §6 lists, on inputs built for each case. */
import { describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import { parseDocx, parseReport, MAX_INPUT_CHARS } from '../src/parse/parse.js'
import { renderHtml } from '../src/render/index.js'
import { readJson } from './support/files.js'
import { htmlToDocx } from './support/docx.js'

const seed = readJson('examples/seed-2024-weidong-science-bureau.json') as Report
const html = (body: string) => `<html><body><h1>示例局2024年政府信息公开工作年度报告</h1>${body}</body></html>`
const section2 = (cells: string) =>
  html(`<h2>二、主动公开政府信息情况</h2>
  <table><tbody>
    <tr><td colspan="4">第二十条第（一）项</td></tr>
    <tr><td>信息内容</td><td>本年制发<br>件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
    ${cells}
  </tbody></table>`)

describe('HTML', () => {
  it('reads a table whose cells hold <p>, &nbsp; and <br>, with rowspan and colspan resolved', () => {
    const result = parseReport(
      section2(`<tr><td><p>规章</p></td><td><p>&nbsp;1&nbsp;</p></td><td>2</td><td>3</td></tr>
                <tr><td>行政规范性<br>文件</td><td>4</td><td><span>5</span></td><td>6</td></tr>`),
    )
    const docs = (result.report as Report).proactiveDisclosure.rulesAndNormativeDocuments
    expect(docs).toEqual({ rules: { issued: 1, repealed: 2, inForce: 3 }, normativeDocuments: { issued: 4, repealed: 5, inForce: 6 } })
  })

  it('reads blank cells, "/", "-" and "—" as 0 and names each cell', () => {
    const result = parseReport(
      section2(`<tr><td>规章</td><td></td><td>/</td><td>-</td></tr><tr><td>行政规范性文件</td><td>—</td><td>&nbsp;</td><td>7</td></tr>`),
    )
    expect((result.report as Report).proactiveDisclosure.rulesAndNormativeDocuments).toEqual({
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 7 },
    })
    const zeros = result.diagnostics.filter((d) => d.code === 'blank-as-zero' || d.code === 'placeholder-as-zero')
    expect(zeros.map((d) => d.pointer)).toEqual([
      '/proactiveDisclosure/rulesAndNormativeDocuments/rules/issued',
      '/proactiveDisclosure/rulesAndNormativeDocuments/rules/repealed',
      '/proactiveDisclosure/rulesAndNormativeDocuments/rules/inForce',
      '/proactiveDisclosure/rulesAndNormativeDocuments/normativeDocuments/issued',
      '/proactiveDisclosure/rulesAndNormativeDocuments/normativeDocuments/repealed',
    ])
    expect(zeros[0]!.message.zh).toContain('规章 › 本年制发件数')
    expect(zeros[0]!.location?.element).toBe('table 1, row 3, cell 2 (column 2)')
  })

  it('parses the official layout (rendered seed) back to the seed', () => {
    expect(parseReport(renderHtml(seed)).report).toEqual(seed)
  })

  it('ignores scripts and styles and never reads numbers out of markup attributes', () => {
    const input = renderHtml(seed).replace('<body>', '<body><script>var x = "一、总体情况 5 5 5";</script><style>td{width:5px}</style>')
    expect(parseReport(input).report).toEqual(seed)
  })
})

describe('Word', () => {
  it('parses a .docx of the seed (merged cells as gridSpan/vMerge) back to the seed', async () => {
    const docx = await htmlToDocx(renderHtml(seed))
    const result = await parseDocx(docx)
    expect(result.diagnostics.filter((d) => d.level !== 'info')).toEqual([])
    expect(result.report).toEqual(seed)
  })

  it('answers a file that is not a .docx with one clear error', async () => {
    const result = await parseDocx(new TextEncoder().encode('not a zip file'))
    expect(result.report).toBeUndefined()
    expect(result.diagnostics).toHaveLength(1)
    expect(result.diagnostics[0]!.code).toBe('docx-unreadable')
    expect(result.diagnostics[0]!.message.en).toMatch(/^cannot read the Word file/)
  })
})

describe('text normalisation', () => {
  const text = (rows: string) => `示例局2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n${rows}`

  it('reads half-width and full-width labels, signs and units', () => {
    const result = parseReport(
      `示例县住建局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(五)项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t20\t－18\t2\n第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t３\t251000元\n`,
      { template: '2019' },
    )
    const report = result.report as { proactiveDisclosure: Record<string, Record<string, Record<string, number>>> }
    expect(report.proactiveDisclosure.procurement!.centralizedProcurement).toEqual({ projects: 3, totalAmountTenThousandYuan: 25.1 })
    expect(report.proactiveDisclosure.licensing!.administrativeLicensing).toEqual({ previousYearItems: 20, changeThisYear: -18, decisions: 2 })
    expect(result.diagnostics.find((d) => d.code === 'unit-converted')!.message.en).toContain('251000元 converted to 25.1 万元')
  })

  it('never takes the matrix row 四、结转下年度继续办理 for the section-四 heading', () => {
    const input = `${text('')}三、收到和处理政府信息公开申请情况\n四、结转下年度继续办理 1 0 0 0 0 0 1\n四、政府信息公开行政复议、行政诉讼情况\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n`
    const report = parseReport(input).report as Report
    expect(report.applications.carriedOverToNextYear).toEqual({ naturalPerson: 1, commercialEnterprise: 0, researchInstitution: 0, publicInterestOrganization: 0, legalServiceProvider: 0, otherOrganization: 0, total: 1 })
    expect(report.reviewsAndLawsuits.administrativeReview.total).toBe(0)
  })

  it('finds headings with variant wording and typos', () => {
    const result = parseReport('一、总体情况\n正文。\n五、政府信息公开工作存在的主要问题及改进情况\n问题。\n六、其他事项\n无。\n')
    const report = result.report as Report
    expect(report.problemsAndImprovements.paragraphs).toEqual(['问题。'])
    expect(report.otherMatters.paragraphs).toEqual(['无。'])
  })
})

describe('bad input', () => {
  it('answers empty, oversized and non-text input with one clear error, never a throw', () => {
    for (const [input, code] of [
      ['', 'input-empty'],
      ['   \n\t', 'input-empty'],
      ['x'.repeat(MAX_INPUT_CHARS + 1), 'input-too-large'],
      [42 as unknown as string, 'input-not-text'],
    ] as const) {
      const result = parseReport(input)
      expect(result.report).toBeUndefined()
      expect(result.diagnostics.map((d) => d.code)).toEqual([code])
      expect(result.diagnostics[0]!.message.zh.length).toBeGreaterThan(0)
    }
  })

  it('reads a text that is no report at all as an empty report with everything missing', () => {
    const result = parseReport('这不是一份年度报告。')
    expect(result.complete).toBe(false)
    expect(result.missing).toEqual(expect.arrayContaining(['/overview', '/applications', '/reviewsAndLawsuits', '/meta/year']))
  })
})

describe('a report as a web page', () => {
  it('reads the date and the signature under the report and leaves the site footer out', () => {
    const body = renderHtml(seed)
      .replace(/<h1>.*<\/h1>/, '<div class="nav">首页 | 政务公开 | 政府信息公开年报</div><h1>卫东区科学技术局 2024 年政府信息公开工作年度报告</h1><div>发布时间：2025-01-20　来源：卫东区科学技术局</div>')
      .replace(/<ul class="meta">[\s\S]*?<\/ul>/, '')
      .replace('</body>', '<p>卫东区科学技术局</p><p>2025年1月20日</p><div class="footer"><p>【打印本页】【关闭窗口】</p><p>版权所有：平顶山市卫东区人民政府 网站标识码：4104030001</p><p>豫ICP备12345678号</p></div></body>')
    const result = parseReport(body)
    const report = result.report as Report
    expect(report.meta.publishedOn).toBe('2025-01-20')
    expect(report.otherMatters).toEqual(seed.otherMatters)
    expect(result.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['date-read', 'signature-dropped', 'footer-dropped']))
    expect({ ...report, meta: { ...report.meta, publishedOn: undefined } }).toEqual({ ...seed, meta: { ...seed.meta, publishedOn: undefined } })
  })

  it('takes the agency from the signature when the title does not name it', () => {
    const text = `2024年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n\n示例县住房和城乡建设局\n2025年1月15日\n`
    const result = parseReport(text)
    const report = result.report as Report
    expect(report.meta.agencyName).toBe('示例县住房和城乡建设局')
    expect(report.meta.publishedOn).toBe('2025-01-15')
    expect(report.otherMatters.paragraphs).toEqual(['本年度未收取信息处理费。'])
  })
})

describe('section 六: the 信息处理费 statement', () => {
  const six = (text: string) => (parseReport(`一、总体情况\n正文。\n六、其他需要报告的事项\n${text}\n`).report as Report).otherMatters
  it.each([
    ['2024年本机关依申请公开政府信息未收费。', { charged: false }],
    ['本年度未收取信息处理费。', { charged: false }],
    ['本年度共收取信息处理费2件，共计200元。', { charged: true, amountYuan: 200, cases: 2 }],
    ['信息处理费：是否收取信息处理费：是；收费件数：3；收取金额（元）：150.5。', { charged: true, cases: 3, amountYuan: 150.5 }],
  ])('reads “%s”', (text, fee) => {
    expect(six(text).informationProcessingFee).toEqual(fee)
  })

  it('says nothing where the text says nothing, and turns sub-items into additionalItems', () => {
    const other = six('本年度无其他需要报告的事项。\n（一）人大代表建议和政协提案办理结果公开情况\n全年办理建议提案3件。')
    expect(other.informationProcessingFee).toBeUndefined()
    expect(other.paragraphs).toEqual(['本年度无其他需要报告的事项。'])
    expect(other.additionalItems).toEqual([{ heading: '（一）人大代表建议和政协提案办理结果公开情况', paragraphs: ['全年办理建议提案3件。'] }])
  })
})
