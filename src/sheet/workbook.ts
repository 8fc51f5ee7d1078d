/**
 * Reports ↔ a spreadsheet, the form the work continues in at a 主管部门.
 *
 * The workbook (`toWorkbook`): per template, a sheet 报告（2021年格式） / 报告（2019年格式） with a row per report; its first
 * row holds the official label path of each column, its second the field's JSON pointer (the key `fromWorkbook` goes
 * by, so a clerk may reorder or relabel columns), then one row per report: the file it came from, the metadata, every
 * cell of sections 二–四, the text sections one paragraph per line. Then 检查结果 (the findings), 未读出 (what was
 * missing) and 汇总 (the summary of each template's schema-valid reports). Written with write-excel-file and read
 * with read-excel-file (loaded on first use), which run in Node and in browsers alike.
 */
import type { Report } from '../../generated/report.js'
import type { PartialReport } from '../partial.js'
import { aggregateReports } from '../rules/aggregate.js'
import { checkReport } from '../rules/check.js'
import type { Finding } from '../rules/findings.js'
import { splitPointer, valueAt } from '../rules/pointer.js'
import { labelChain } from '../schema/labels.js'
import { templateSchemas } from '../schema/published.js'
import { schemaId } from '../schema/ids.js'
import type { Template } from '../schema/tables.js'
import { SECTION_KEYS } from '../schema/sections.js'
import { textToLines } from '../parse/sources/text.js'
import { setPath } from '../parse/tables/store.js'
import { otherMatters, overviewParagraphs, paragraphsOf } from '../parse/text/text-sections.js'
import type { ValidationError } from '../validate/messages.js'
import { validateReport } from '../standalone/index.js'
import { loadExcelReader, loadExcelWriter } from '../libraries.js'
import { sectionText, sheetColumns, TEXT_SECTIONS, type SheetColumn, type TextSection } from './columns.js'

/** One report to export: where it came from, what was read, and (optionally) what was missing. */
export interface SheetEntry {
  name: string
  report: PartialReport
  /** JSON pointers of what the parser did not find (ParseResult.missing). */
  missing?: readonly string[]
  /** The findings to list (default: checkReport of the report). */
  findings?: readonly Finding[]
}

const TEMPLATES: Template[] = ['2021', '2019']
export const REPORTS_SHEET: Record<Template, string> = { '2021': '报告（2021年格式）', '2019': '报告（2019年格式）' }
const FILE_HEADER = '文件'
const POINTER_ROW_LABEL = '字段（JSON 指针）'

type Cell = string | number | null

function reportRow(entry: { name: string; report: PartialReport }, columns: readonly SheetColumn[]): Cell[] {
  return [
    entry.name,
    ...columns.map((column): Cell => {
      if (column.kind === 'text') return sectionText(entry.report, column.pointer as TextSection) || null
      const value = valueAt(entry.report, column.path)
      return typeof value === 'number' || typeof value === 'string' ? value : null
    }),
  ]
}

/** The sheet of one template's reports as rows of cells: the two header rows, then a row per report. */
export function reportRows(template: Template, entries: readonly { name: string; report: PartialReport }[]): Cell[][] {
  const columns = sheetColumns(template)
  return [[FILE_HEADER, ...columns.map((c) => c.header)], [POINTER_ROW_LABEL, ...columns.map((c) => c.pointer)], ...entries.map((entry) => reportRow(entry, columns))]
}

const templateOf = (report: PartialReport): Template | undefined => (report.template === '2019' || report.template === '2021' ? report.template : undefined)

/** All sheets of the workbook, as rows of cells (what `toWorkbook` writes; also the source of the CSV). */
export function workbookSheets(entries: readonly SheetEntry[]): { sheet: string; data: Cell[][] }[] {
  const sheets: { sheet: string; data: Cell[][] }[] = []
  for (const template of TEMPLATES) {
    const own = entries.filter((entry) => templateOf(entry.report) === template)
    if (own.length > 0) sheets.push({ sheet: REPORTS_SHEET[template], data: reportRows(template, own) })
  }
  const findings: Cell[][] = [['文件', '机关名称', '报告年度', '规则', '严重程度', '单元格', '应为', '实际', '说明']]
  const missing: Cell[][] = [['文件', '机关名称', '报告年度', '字段（JSON 指针）', '单元格或部分']]
  // The label path of a pointer, computed once per template and pointer.
  const labels = new Map<string, string>()
  const labelOf = (template: Template, pointer: string) => {
    const key = `${template}${pointer}`
    let text = labels.get(key)
    if (text === undefined) labels.set(key, (text = labelChain(templateSchemas[template], pointer).join(' › ')))
    return text
  }
  for (const entry of entries) {
    const template = templateOf(entry.report) ?? '2021'
    const who = [entry.name, entry.report.meta?.agencyName ?? null, entry.report.meta?.year ?? null]
    for (const finding of entry.findings ?? checkReport(entry.report).findings) {
      const cell = finding.pointers[0] === undefined || finding.pointers[0].includes('*') ? '' : labelOf(template, finding.pointers[0])
      findings.push([...who, finding.ruleId, finding.severity === 'error' ? '错误' : '提示', cell, finding.expected ?? null, finding.actual ?? null, finding.message.zh])
    }
    for (const pointer of entry.missing ?? []) missing.push([...who, pointer, labelOf(template, pointer)])
  }
  sheets.push({ sheet: '检查结果', data: findings }, { sheet: '未读出', data: missing })
  const summary: Cell[][] = []
  for (const template of TEMPLATES) {
    const valid = entries.filter((entry) => templateOf(entry.report) === template && validateReport(entry.report).valid)
    if (valid.length === 0) continue
    const result = aggregateReports(valid.map((entry) => entry.report as Report), { allowMixedYears: true })
    if (!result.ok) continue
    const rows = reportRows(template, [{ name: `汇总（${valid.length} 份符合格式的报告）`, report: result.report }])
    summary.push(...(summary.length === 0 ? rows : rows.slice(2)))
  }
  sheets.push({ sheet: '汇总', data: summary.length > 0 ? summary : [['没有符合格式的报告可汇总']] })
  return sheets
}

/** The workbook (.xlsx) of the reports: see the module's description. */
export async function toWorkbook(entries: readonly SheetEntry[]): Promise<Uint8Array> {
  const writeXlsxFile = await loadExcelWriter()
  const sheets = workbookSheets(entries).map(({ sheet, data }) => ({ sheet, data, stickyRowsCount: sheet.startsWith('报告') ? 2 : 1 }))
  const blob = await writeXlsxFile(sheets as never).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}

const csvField = (value: Cell) => {
  const text = value === null ? '' : String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The reports of one template as CSV: the report sheet (both header rows), in UTF-8 with a byte order mark, so that
 * Excel and WPS open the Chinese right. Reports of two templates do not share columns: undefined then (export each).
 */
export function toCsv(entries: readonly SheetEntry[]): string | undefined {
  const templates = new Set(entries.map((entry) => templateOf(entry.report)))
  if (templates.size !== 1 || templates.has(undefined)) return undefined
  const [template] = templates as Set<Template>
  return '\uFEFF' + reportRows(template!, entries).map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/** A report read back from a workbook row, with its validation. */
export interface SheetReport {
  /** The sheet and the row (1-based, as the spreadsheet shows it). */
  sheet: string
  row: number
  /** The 文件 column. */
  name: string
  report: PartialReport
  valid: boolean
  errors: ValidationError[]
}

export interface SheetProblem {
  sheet: string
  row?: number
  column?: number
  message: { zh: string; en: string }
}

/** The text sections of a row back into the report, by the parser's own readers of those sections. */
function setText(report: Record<string, Record<string, unknown>>, section: TextSection, text: string): void {
  const lines = textToLines(text)
  if (section === '/overview') report.overview = { paragraphs: overviewParagraphs(lines, false) }
  else if (section === '/problemsAndImprovements') report.problemsAndImprovements = { paragraphs: paragraphsOf(lines, false) }
  else if (section === '/otherMatters') report.otherMatters = otherMatters(lines, false) as unknown as Record<string, unknown>
  else {
    const key = section.split('/')[1]!
    const notes = paragraphsOf(lines, false)
    if (notes.length > 0) (report[key] ??= {}).notes = notes
  }
}

/**
 * Reads a workbook written by `toWorkbook` (or filled in by hand in its layout) back into reports. The columns are
 * found by the pointer row, so their order and headers may change; an empty cell is a field not given; a number cell
 * in a text field, or text in a number field, is a problem named by sheet, row and column.
 */
export async function fromWorkbook(bytes: Uint8Array): Promise<{ reports: SheetReport[]; problems: SheetProblem[] }> {
  const readXlsxFile = await loadExcelReader()
  const sheets = (await readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)) as { sheet: string; data: unknown[][] }[]
  const reports: SheetReport[] = []
  const problems: SheetProblem[] = []
  for (const { sheet, data } of sheets) {
    const template = TEMPLATES.find((t) => REPORTS_SHEET[t] === sheet)
    if (template === undefined) continue
    const known = new Map(sheetColumns(template).map((column) => [column.pointer, column]))
    const pointers = (data[1] ?? []).map((cell) => (typeof cell === 'string' ? cell : ''))
    if (pointers[0] !== POINTER_ROW_LABEL) {
      problems.push({ sheet, row: 2, message: { zh: `第 2 行应为字段行（首格“${POINTER_ROW_LABEL}”），未读取此表`, en: `row 2 must be the field row (first cell “${POINTER_ROW_LABEL}”); sheet not read` } })
      continue
    }
    pointers.forEach((pointer, i) => {
      if (i > 0 && pointer !== '' && !known.has(pointer)) problems.push({ sheet, row: 2, column: i + 1, message: { zh: `未知字段 ${pointer}，此列未读取`, en: `unknown field ${pointer}; column not read` } })
    })
    data.slice(2).forEach((cells, index) => {
      const row = index + 3
      if (cells.every((cell) => cell === null || cell === undefined || cell === '')) return
      const report: Record<string, unknown> = { $schema: schemaId('report'), template }
      cells.forEach((cell, i) => {
        const column = known.get(pointers[i] ?? '')
        if (i === 0 || column === undefined || cell === null || cell === undefined || cell === '') return
        if (column.kind === 'number') {
          if (typeof cell === 'number') setPath(report, column.pointer, cell)
          else problems.push({ sheet, row, column: i + 1, message: { zh: `${column.header}：“${String(cell)}”不是数字，未读取`, en: `${column.header}: “${String(cell)}” is not a number; not read` } })
        } else if (column.kind === 'meta') setPath(report, column.pointer, column.pointer === '/meta/year' || typeof cell !== 'number' ? cell : String(cell))
        else setText(report as Record<string, Record<string, unknown>>, column.pointer as TextSection, String(cell))
      })
      for (const key of ['overview', 'problemsAndImprovements', 'otherMatters'] as const) report[key] ??= { paragraphs: [] }
      // Keys in schema order, as the canonical form has them.
      const ordered: Record<string, unknown> = { $schema: report.$schema, template }
      for (const key of ['meta', ...SECTION_KEYS]) if (report[key] !== undefined) ordered[key] = report[key]
      const validation = validateReport(ordered)
      reports.push({ sheet, row, name: String(cells[0] ?? ''), report: ordered as PartialReport, valid: validation.valid, errors: validation.valid ? [] : validation.errors })
    })
  }
  return { reports, problems }
}
