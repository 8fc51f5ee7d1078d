/**
 * Reports ↔ a spreadsheet, the form the work continues in at a 主管部门.
 *
 * The workbook (`toWorkbook`): per template, a sheet 报告（2021年格式） / 报告（2019年格式） with a row per report; its first
 * row holds the official label path of each column, its second the field's JSON pointer (the key `fromWorkbook` goes
 * by, so a clerk may reorder or relabel columns), then one row per report: the file it came from, the metadata, every
 * cell of sections 二–四, the text sections one paragraph per line. Then 检查结果 (the findings), 未读出 (what was
 * missing) and 汇总 (the summary of each template's schema-valid reports). Written by the streaming writer of
 * xlsx.ts and read with read-excel-file (loaded on first use); both run in Node and in browsers alike.
 */
import type { Report } from '../../generated/report.js'
import type { PartialReport } from '../partial.js'
import { aggregateReports } from '../rules/aggregate.js'
import { checkReport } from '../rules/check.js'
import type { Finding } from '../rules/findings.js'
import { valueAt } from '../rules/pointer.js'
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
import { loadExcelReader } from '../libraries.js'
import { writeXlsx } from './xlsx.js'
import { sectionText, sheetColumns, type SheetColumn, type TextSection } from './columns.js'

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
  const cells: Cell[] = [entry.name]
  // The columns of a table row share their parent: it is looked up once per row, not once per cell.
  let parentPath: readonly string[] | undefined
  let parent: unknown
  for (const column of columns) {
    if (column.kind === 'text') {
      cells.push(sectionText(entry.report, column.pointer as TextSection) || null)
      continue
    }
    if (column.parent !== parentPath) parent = valueAt(entry.report, (parentPath = column.parent))
    const value = parent !== null && typeof parent === 'object' && Object.hasOwn(parent, column.key) ? (parent as Record<string, unknown>)[column.key] : undefined
    cells.push(typeof value === 'number' || typeof value === 'string' ? value : null)
  }
  return cells
}

function* reportRowsOf(template: Template, entries: readonly { name: string; report: PartialReport }[]): Generator<Cell[]> {
  const columns = sheetColumns(template)
  yield [FILE_HEADER, ...columns.map((c) => c.header)]
  yield [POINTER_ROW_LABEL, ...columns.map((c) => c.pointer)]
  for (const entry of entries) yield reportRow(entry, columns)
}

/** The sheet of one template's reports as rows of cells: the two header rows, then a row per report. */
export function reportRows(template: Template, entries: readonly { name: string; report: PartialReport }[]): Cell[][] {
  return [...reportRowsOf(template, entries)]
}

const templateOf = (report: PartialReport): Template | undefined => (report.template === '2019' || report.template === '2021' ? report.template : undefined)

/** A sheet of the workbook: its rows are made as they are read, so a workbook of any size is written in bounded memory. */
interface LazySheet {
  sheet: string
  frozenRows: number
  rows: () => Iterable<Cell[]>
}

function* findingRows(entries: readonly SheetEntry[]): Generator<Cell[]> {
  yield ['文件', '机关名称', '报告年度', '规则', '严重程度', '单元格', '应为', '实际', '说明']
  for (const entry of entries) {
    const template = templateOf(entry.report) ?? '2021'
    const who = [entry.name, entry.report.meta?.agencyName ?? null, entry.report.meta?.year ?? null]
    for (const finding of entry.findings ?? checkReport(entry.report).findings) {
      const cell = finding.pointers[0] === undefined || finding.pointers[0].includes('*') ? '' : labelOf(template, finding.pointers[0])
      yield [...who, finding.ruleId, finding.severity === 'error' ? '错误' : '提示', cell, finding.expected ?? null, finding.actual ?? null, finding.message.zh]
    }
  }
}

function* missingRows(entries: readonly SheetEntry[]): Generator<Cell[]> {
  yield ['文件', '机关名称', '报告年度', '字段（JSON 指针）', '单元格或部分']
  for (const entry of entries) {
    const template = templateOf(entry.report) ?? '2021'
    for (const pointer of entry.missing ?? []) yield [entry.name, entry.report.meta?.agencyName ?? null, entry.report.meta?.year ?? null, pointer, labelOf(template, pointer)]
  }
}

function summaryRows(entries: readonly SheetEntry[]): Cell[][] {
  const summary: Cell[][] = []
  for (const template of TEMPLATES) {
    const valid = entries.filter((entry) => templateOf(entry.report) === template && validateReport(entry.report).valid)
    if (valid.length === 0) continue
    const result = aggregateReports(valid.map((entry) => entry.report as Report), { allowMixedYears: true })
    if (!result.ok) continue
    const rows = reportRows(template, [{ name: `汇总（${valid.length} 份符合格式的报告）`, report: result.report }])
    summary.push(...(summary.length === 0 ? rows : rows.slice(2)))
  }
  return summary.length > 0 ? summary : [['没有符合格式的报告可汇总']]
}

// The label path of a pointer, computed once per template and pointer.
const labels = new Map<string, string>()
function labelOf(template: Template, pointer: string): string {
  const key = `${template}${pointer}`
  let text = labels.get(key)
  if (text === undefined) {
    text = labelChain(templateSchemas[template], pointer).join(' › ')
    // Pointers come from the reports' findings: keep the cache to the template's cells, not to what a caller sends.
    if (labels.size < 10_000) labels.set(key, text)
  }
  return text
}

function lazySheets(entries: readonly SheetEntry[]): LazySheet[] {
  const sheets: LazySheet[] = []
  for (const template of TEMPLATES) {
    const own = entries.filter((entry) => templateOf(entry.report) === template)
    if (own.length > 0) sheets.push({ sheet: REPORTS_SHEET[template], frozenRows: 2, rows: () => reportRowsOf(template, own) })
  }
  sheets.push(
    { sheet: '检查结果', frozenRows: 1, rows: () => findingRows(entries) },
    { sheet: '未读出', frozenRows: 1, rows: () => missingRows(entries) },
    { sheet: '汇总', frozenRows: 2, rows: () => summaryRows(entries) },
  )
  return sheets
}

/** All sheets of the workbook, as rows of cells (what `toWorkbook` writes; also the source of the CSV). */
export function workbookSheets(entries: readonly SheetEntry[]): { sheet: string; data: Cell[][] }[] {
  return lazySheets(entries).map(({ sheet, rows }) => ({ sheet, data: [...rows()] }))
}

/** The workbook (.xlsx) of the reports (see the module's description), written a row at a time. */
export async function toWorkbook(entries: readonly SheetEntry[]): Promise<Uint8Array> {
  return writeXlsx(lazySheets(entries).map(({ sheet, frozenRows, rows }) => ({ name: sheet, frozenRows, rows: rows() })))
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
