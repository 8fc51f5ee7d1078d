/**
 * Every budget an input is held to, in one place: the parser's, the readers' (HTML, Word, PDF) and the CLI's. Each is
 * enforced before or while the work it bounds is done, so that hostile input costs bounded memory and time; past a
 * budget the answer is one error that names the budget and where it was exceeded (`BudgetError`). The README's
 * reliability table is this list (a test compares them).
 */
import type { Bilingual } from '../validate/messages.js'

export interface Budget {
  /** The constant's name, as exported. */
  name: string
  value: number
  unit: 'bytes' | 'characters' | 'levels' | 'slots' | 'cells' | 'lines' | 'pages' | 'text runs' | 'rules'
  what: Bilingual
}

/** Text or HTML given to the parser, in characters (a real report has 10–200 thousand). */
export const MAX_INPUT_CHARS = 5_000_000
/** Lines of text the readers hand to the reader (bounds paragraphs and rows). */
export const MAX_LINES = 200_000
/** HTML element nesting read; deeper content is skipped with the `html-too-deep` warning. */
export const MAX_HTML_DEPTH = 500
/** Slots of one HTML table's grid (each cell covers rowspan × colspan; spans are clamped to the table's rows). */
export const MAX_TABLE_SLOTS = 1_000_000
/** Cells of one HTML table. */
export const MAX_TABLE_CELLS = 50_000
/** A Word file's own size. */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024
/** What a Word file's entries inflate to, all together, counted while inflating (a zip bomb stops here). */
export const MAX_DOCX_INFLATED_BYTES = 64 * 1024 * 1024
/** A PDF file's size. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024
/** What a PDF's streams decode to through their expanding filters, all together, counted while decoding (a PDF bomb stops here). */
export const MAX_PDF_INFLATED_BYTES = 256 * 1024 * 1024
/** PDF pages read (the rest are reported as not read). */
export const MAX_PDF_PAGES = 100
/** Text items pdf.js may extract from one PDF. */
export const MAX_PDF_RUNS = 500_000
/** Ruling lines of one PDF page read as a table grid (more: the page is read as unruled). */
export const MAX_RULES_PER_PAGE = 5000
/** A file, or standard input, that the CLI reads whole (JSON, text, HTML, Word, PDF). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024
/** One line of NDJSON (one report; a real one has 5–60 KB). */
export const MAX_NDJSON_LINE_BYTES = 16 * 1024 * 1024

export const BUDGETS: readonly Budget[] = [
  { name: 'MAX_INPUT_CHARS', value: MAX_INPUT_CHARS, unit: 'characters', what: { zh: '解析的文本或 HTML', en: 'text or HTML given to the parser' } },
  { name: 'MAX_LINES', value: MAX_LINES, unit: 'lines', what: { zh: '读出的文本行（限制段落和表格行）', en: 'lines read from the input (bounds paragraphs and rows)' } },
  { name: 'MAX_HTML_DEPTH', value: MAX_HTML_DEPTH, unit: 'levels', what: { zh: 'HTML 嵌套层数（更深的内容不读，并给出警告）', en: 'HTML nesting (deeper content is not read, with a warning)' } },
  { name: 'MAX_TABLE_SLOTS', value: MAX_TABLE_SLOTS, unit: 'slots', what: { zh: '一个 HTML 表格的网格格位（行数 × 列数，跨行限于表格实际行数）', en: "one HTML table's grid (rows × columns; rowspans clamped to the table's rows)" } },
  { name: 'MAX_TABLE_CELLS', value: MAX_TABLE_CELLS, unit: 'cells', what: { zh: '一个 HTML 表格的单元格', en: 'cells of one HTML table' } },
  { name: 'MAX_DOCX_BYTES', value: MAX_DOCX_BYTES, unit: 'bytes', what: { zh: 'Word 文件大小', en: 'a Word file' } },
  { name: 'MAX_DOCX_INFLATED_BYTES', value: MAX_DOCX_INFLATED_BYTES, unit: 'bytes', what: { zh: 'Word 文件解压后的内容（所有条目合计，解压时计数）', en: "what a Word file's entries inflate to (all together, counted while inflating)" } },
  { name: 'MAX_PDF_BYTES', value: MAX_PDF_BYTES, unit: 'bytes', what: { zh: 'PDF 文件大小', en: 'a PDF file' } },
  { name: 'MAX_PDF_INFLATED_BYTES', value: MAX_PDF_INFLATED_BYTES, unit: 'bytes', what: { zh: 'PDF 数据流经各级解码后的合计（Flate、LZW 等，解码时计数）', en: "what a PDF's streams decode to through their filters (Flate, LZW …; all together, counted while decoding)" } },
  { name: 'MAX_PDF_PAGES', value: MAX_PDF_PAGES, unit: 'pages', what: { zh: '读取的 PDF 页数（其余页给出警告）', en: 'PDF pages read (the rest are reported, not read)' } },
  { name: 'MAX_PDF_RUNS', value: MAX_PDF_RUNS, unit: 'text runs', what: { zh: '一个 PDF 的文本片段', en: 'text items of one PDF' } },
  { name: 'MAX_RULES_PER_PAGE', value: MAX_RULES_PER_PAGE, unit: 'rules', what: { zh: '一页 PDF 的表格线（超过则按无线表读取）', en: 'ruling lines of one PDF page (more: read as unruled)' } },
  { name: 'MAX_FILE_BYTES', value: MAX_FILE_BYTES, unit: 'bytes', what: { zh: '命令行整体读取的一个文件或标准输入', en: 'a file or standard input the CLI reads whole' } },
  { name: 'MAX_NDJSON_LINE_BYTES', value: MAX_NDJSON_LINE_BYTES, unit: 'bytes', what: { zh: 'NDJSON 的一行（一份报告）', en: 'one NDJSON line (one report)' } },
]

const UNIT_ZH: Record<Budget['unit'], string> = {
  bytes: '字节',
  characters: '个字符',
  levels: '层',
  slots: '个格位',
  cells: '个单元格',
  lines: '行',
  pages: '页',
  'text runs': '个文本片段',
  rules: '条表格线',
}

/** A budget was exceeded: `where` says where, in the input's own terms ("table 3, row 12"). */
export class BudgetError extends Error {
  readonly text: Bilingual
  constructor(
    readonly budget: Budget,
    readonly where: Bilingual,
    readonly count?: number,
  ) {
    const zh = `${where.zh}超过上限 ${budget.name}（${budget.what.zh}：${budget.value} ${UNIT_ZH[budget.unit]}${count === undefined ? '' : `，实际至少 ${count}`}）`
    const en = `${where.en} exceeds the budget ${budget.name} (${budget.what.en}: ${budget.value} ${budget.unit}${count === undefined ? '' : `; found at least ${count}`})`
    super(en)
    this.text = { zh, en }
  }
}

export function budget(name: string): Budget {
  const found = BUDGETS.find((b) => b.name === name)
  if (found === undefined) throw new Error(`no budget ${name}`)
  return found
}
