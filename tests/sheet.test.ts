/**
 * Spreadsheets (zfxxgk-report/sheet): reports → workbook → reports exact, over generated reports of both templates
 * in canonical form (fast-check, fixed seed) and the real-looking ones; the sheets' cells against the reports; CSV for
 * Excel and WPS; a workbook filled in by hand read back with its problems named; the CLI's `export`; and, where
 * LibreOffice is installed, the workbook opened by a real spreadsheet program.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import { checkReport } from '../src/rules/check.js'
import { splitPointer, valueAt } from '../src/rules/pointer.js'
import { labelChain } from '../src/schema/labels.js'
import { templateSchemas } from '../src/schema/published.js'
import { fromWorkbook, REPORTS_SHEET, sheetColumns, toCsv, toWorkbook, workbookSheets } from '../src/sheet/index.js'
import { arbitraryReport } from './support/arbitrary.js'
import { canonical } from './support/canonical.js'
import { runCli } from './support/cli.js'
import { asOneRowOtherHandling, random, realisticReport, tableCells } from './support/damage.js'
import { readJson, ROOT } from './support/files.js'
import { hasLibreOffice, SOFFICE } from './support/libreoffice.js'

const seed = readJson('examples/seed-2024-weidong-science-bureau.json') as Report
const example2019 = readJson('examples/example-2019-template-fictional.json') as Report
const entries = (reports: readonly Report[]) => reports.map((report, i) => ({ name: `${String(i).padStart(3, '0')}.json`, report }))

describe('reports → workbook → reports', () => {
  it('is exact for generated reports of both templates (canonical form), many in one workbook', async () => {
    const reports = fc.sample(arbitraryReport().map(canonical), { seed: 20261202, numRuns: 120 })
    expect(new Set(reports.map((r) => r.template)).size).toBe(2)
    const back = await fromWorkbook(await toWorkbook(entries(reports)))
    expect(back.problems).toEqual([])
    expect(back.reports).toHaveLength(reports.length)
    const byName = new Map(back.reports.map((r) => [r.name, r]))
    for (const [i, { name }] of entries(reports).entries()) {
      const read = byName.get(name)!
      expect(read.errors, name).toEqual([])
      expect(read.report, name).toEqual(reports[i])
    }
  }, 120_000)

  it('is exact for the examples, real-looking reports and （六）其他处理 printed as one row', async () => {
    const reports = [seed, example2019, ...[1, 2, 3].map((n) => realisticReport('2021', random(n))), ...[4, 5].map((n) => realisticReport('2019', random(n))), asOneRowOtherHandling(realisticReport('2021', random(6)))]
    const back = await fromWorkbook(await toWorkbook(entries(reports)))
    expect(back.problems).toEqual([])
    const byName = new Map(back.reports.map((r) => [r.name, r.report]))
    for (const [i, { name }] of entries(reports).entries()) expect(byName.get(name), name).toEqual(canonical(reports[i]!))
  })
})

describe('the sheets', () => {
  it('a sheet per template: official label paths, then pointers, then a row per report whose cells are the report’s numbers', () => {
    const reports = [seed, example2019, realisticReport('2021', random(9))]
    const sheets = workbookSheets(entries(reports))
    expect(sheets.map((s) => s.sheet)).toEqual([REPORTS_SHEET['2021'], REPORTS_SHEET['2019'], '检查结果', '未读出', '汇总'])
    for (const template of ['2021', '2019'] as const) {
      const [labels, pointers, ...rows] = sheets.find((s) => s.sheet === REPORTS_SHEET[template])!.data
      const own = reports.filter((r) => r.template === template)
      expect(rows).toHaveLength(own.length)
      for (const [i, report] of own.entries()) {
        for (const cell of tableCells(report)) {
          const column = pointers!.indexOf(cell.pointer)
          expect(column, cell.pointer).toBeGreaterThan(0)
          expect(rows[i]![column]).toBe(cell.value)
          // The header is the field's official label chain, read from the schema.
          expect(labels![column]).toBe(labelChain(templateSchemas[template], cell.pointer).join(' › '))
        }
      }
      // Template order: the columns follow the template's rows (section 二, then 三, then 四).
      const numbers = new Set(sheetColumns(template).filter((c) => c.kind === 'number').map((c) => c.pointer))
      const sections = pointers!.slice(1).filter((p) => numbers.has(String(p))).map((p) => String(p).split('/')[1])
      expect(sections.indexOf('applications')).toBeLessThan(sections.indexOf('reviewsAndLawsuits'))
      expect(sections.lastIndexOf('proactiveDisclosure')).toBeLessThan(sections.indexOf('applications'))
    }
  })

  it('findings, what was missing and the 汇总', () => {
    const wrong = structuredClone(seed)
    ;(wrong.applications.outcomes.total as { naturalPerson: number }).naturalPerson += 2
    const sheets = workbookSheets([
      { name: 'wrong.json', report: wrong },
      { name: 'seed.json', report: seed },
      { name: 'partial.txt', report: { template: '2021', meta: { year: 2024, agencyName: '某局' } }, missing: ['/applications', '/reviewsAndLawsuits'] },
    ])
    const findings = sheets.find((s) => s.sheet === '检查结果')!.data
    expect(findings.slice(1).filter((row) => row[0] === 'wrong.json').map((row) => row[3])).toEqual(checkReport(wrong).findings.map((f) => f.ruleId))
    const outcome = findings.find((row) => row[3] === 'applications.outcome-total')!
    const finding = checkReport(wrong).findings.find((f) => f.ruleId === 'applications.outcome-total')!
    expect(outcome.slice(4, 9)).toEqual(['错误', '三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › （七）总计 › 自然人', finding.expected, finding.actual, finding.message.zh])
    const missing = sheets.find((s) => s.sheet === '未读出')!.data
    expect(missing.slice(1).map((row) => [row[0], row[3], row[4]])).toEqual([
      ['partial.txt', '/applications', '三、收到和处理政府信息公开申请情况'],
      ['partial.txt', '/reviewsAndLawsuits', '四、政府信息公开行政复议、行政诉讼情况'],
    ])
    // The 汇总 sums the schema-valid reports only (wrong.json is valid; partial.txt is not).
    const [, pointers, summary] = sheets.find((s) => s.sheet === '汇总')!.data
    expect(summary![0]).toBe('汇总（2 份符合格式的报告）')
    const column = pointers!.indexOf('/applications/newlyReceived/naturalPerson')
    expect(summary![column]).toBe(2 * (valueAt(seed, splitPointer('/applications/newlyReceived/naturalPerson')) as number))
  })

  it('CSV: UTF-8 with a byte order mark, both header rows, quoted where needed; one template only', () => {
    const report = structuredClone(seed)
    report.problemsAndImprovements.paragraphs = ['第一段，有逗号', '第二段 "引号"']
    const csv = toCsv(entries([report]))!
    expect(csv.startsWith('\uFEFF文件,报告年度,机关名称,')).toBe(true)
    const lines = csv.split('\r\n')
    expect(lines[1]!.startsWith('字段（JSON 指针）,/meta/year,/meta/agencyName,')).toBe(true)
    expect(csv).toContain('"第一段，有逗号\n第二段 ""引号"""')
    expect(toCsv(entries([seed, example2019]))).toBeUndefined()
  })
})

describe('a workbook filled in by hand', () => {
  it('columns found by their pointer in any order; text in a number cell and unknown fields are named by sheet, row and column', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node')
    const columns = sheetColumns('2021')
    const order = [...columns].reverse()
    const row = order.map((column) => {
      if (column.kind === 'text') return null
      const value = valueAt(seed, splitPointer(column.pointer))
      return value === undefined ? null : { value: column.pointer === '/applications/newlyReceived/naturalPerson' ? '十二' : value }
    })
    const data = [
      [{ value: '文件' }, ...order.map((c) => ({ value: c.header })), { value: '备注' }],
      [{ value: '字段（JSON 指针）' }, ...order.map((c) => ({ value: c.pointer })), { value: '/notAField' }],
      [{ value: '某局.xlsx' }, ...row, { value: '已核对' }],
    ]
    const buffer = await writeXlsxFile([{ sheet: REPORTS_SHEET['2021'], data }] as never).toBuffer()
    const back = await fromWorkbook(new Uint8Array(buffer))
    expect(back.problems.map((p) => [p.sheet, p.row, p.column, p.message.zh])).toEqual([
      [REPORTS_SHEET['2021'], 2, order.length + 2, '未知字段 /notAField，此列未读取'],
      [REPORTS_SHEET['2021'], 3, order.findIndex((c) => c.pointer === '/applications/newlyReceived/naturalPerson') + 2, '三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量 › 自然人：“十二”不是数字，未读取'],
    ])
    const [read] = back.reports
    expect(read!.name).toBe('某局.xlsx')
    expect(valueAt(read!.report, splitPointer('/applications/newlyReceived/naturalPerson'))).toBeUndefined()
    expect(valueAt(read!.report, splitPointer('/applications/newlyReceived/total'))).toBe(valueAt(seed, splitPointer('/applications/newlyReceived/total')))
    expect(read!.valid).toBe(false)
  })
})

describe('zfxxgk-report export', () => {
  it('writes the workbook of JSON and published reports, and a CSV of one template; refuses what it cannot do (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-export-'))
    try {
      writeFileSync(join(dir, 'seed.json'), JSON.stringify(seed))
      writeFileSync(join(dir, '2019.json'), JSON.stringify(example2019))
      writeFileSync(join(dir, 'crawler.txt'), readFileSync(join(ROOT, 'tests/real-reports/040-pingtan-zhsyq-2024-flattened.txt')))
      const xlsx = await runCli(['export', 'seed.json', '2019.json', 'crawler.txt', '-o', '年报.xlsx', '--lang', 'zh'], '', dir)
      expect(xlsx.code, xlsx.stderr).toBe(0)
      expect(xlsx.stderr).toContain('已导出 3 份报告')
      const back = await fromWorkbook(new Uint8Array(readFileSync(join(dir, '年报.xlsx'))))
      expect(back.reports.map((r) => [r.name, r.valid])).toEqual([['seed.json', true], ['crawler.txt', false], ['2019.json', true]])
      expect(back.reports[0]!.report).toEqual(seed)
      const csv = await runCli(['export', 'seed.json', '--to', 'csv'], '', dir)
      expect(csv.code).toBe(0)
      expect(csv.stdout).toBe(toCsv([{ name: 'seed.json', report: seed }]))
      const mixed = await runCli(['export', 'seed.json', '2019.json', '--to', 'csv', '--lang', 'en'], '', dir)
      expect(mixed.code).toBe(2)
      expect(mixed.stderr).toContain('a CSV holds reports of one template')
      const noOut = await runCli(['export', 'seed.json', '--lang', 'en'], '', dir)
      expect(noOut.code).toBe(2)
      expect(noOut.stderr).toContain('exporting .xlsx needs --out')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe.runIf(hasLibreOffice())('opened by LibreOffice Calc (headless)', () => {
  it('shows the labels and the numbers: the report sheet converted to CSV holds them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-calc-'))
    try {
      writeFileSync(join(dir, 'reports.xlsx'), await toWorkbook(entries([seed, realisticReport('2021', random(12))])))
      execFileSync(SOFFICE, ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1', '--outdir', dir, join(dir, 'reports.xlsx')], { stdio: 'ignore', timeout: 120_000 })
      // LibreOffice names the CSV of one sheet after the file and the sheet.
      const csv = readFileSync(join(dir, `reports-${REPORTS_SHEET['2021']}.csv`), 'utf8')
      const rows = csv.trim().split('\n').map((line) => line.split(','))
      const columns = sheetColumns('2021')
      const at = (pointer: string) => columns.findIndex((c) => c.pointer === pointer) + 1
      expect(rows[0]![at('/applications/outcomes/total/total')]).toContain('（七）总计')
      expect(Number(rows[2]![at('/applications/outcomes/total/total')])).toBe(seed.applications.outcomes.total.total)
      expect(rows[2]![at('/meta/agencyName')]).toBe(seed.meta.agencyName)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})
