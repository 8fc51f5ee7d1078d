/**
 * parseReport: a published report (text or HTML; or the bytes of a PDF, Word, HTML or text file) → the canonical report, validated,
 * with diagnostics that say what was read how and name every part that is missing. Never throws on any input.
 */
import { schemaId } from '../schema/ids.js'
import { templateSchemas } from '../schema/published.js'
import type { ValidationError } from '../validate/messages.js'
import type { ValidationResult } from '../validate/validate-report.js'
import { validateReport } from '../standalone/index.js'
import { textToLines, type Line } from './sources/text.js'
import { docxToHtml, MAX_DOCX_BYTES } from './sources/docx.js'
import { MissingLibraryError } from '../libraries.js'
import { ZipError } from './sources/zip.js'
import { decodeBytes, sniff } from './sources/bytes.js'
import { readPdf } from './sources/pdf/read.js'
import { Collector, type Diagnostic } from './diagnostics.js'
import { htmlToLines, MAX_HTML_DEPTH } from './sources/html.js'
import type { Template } from '../schema/tables.js'
import { detectTemplate } from './text/template.js'
import { readMeta } from './text/meta.js'
import { pageEnd } from './text/page.js'
import { findSections, SECTION_KEYS, sectionTitle, splitEmbeddedHeadings, type SectionKey } from './sections/sections.js'
import { headingLine, readTableSections, type SectionRange } from './tables/sections.js'
import { otherMatters, overviewParagraphs, paragraphsOf } from './text/text-sections.js'
import { reportMeta } from './text/report-meta.js'

import type { Provenance } from './tables/store.js'
export type { CellProvenance, Provenance } from './tables/store.js'
export type { CellHow } from './tables/readings.js'

import { BudgetError, budget, MAX_INPUT_CHARS, MAX_LINES } from './budgets.js'
export { MAX_INPUT_CHARS } from './budgets.js'

export interface ParseOptions {
  /** Input format; default: HTML if the input looks like markup, else text. */
  format?: 'text' | 'html'
  /** Any missing cell or section is an error (default: a warning). */
  strict?: boolean
  /** Values for what the input may not say. */
  year?: number
  agencyName?: string
  template?: Template
  /**
   * The schema validator that checks the result (default: the precompiled one of `zfxxgk-report/standalone`, which
   * gives the same results as the main entry's `validateReport` without compiling anything, and runs under a strict CSP).
   */
  validator?: (data: unknown) => ValidationResult
}

/** A report as far as it was found: every field may be missing (see `ParseResult.missing`). */
export type { PartialReport } from '../partial.js'
import type { PartialReport } from '../partial.js'

export interface ParseResult {
  /** Everything that was found, in canonical form; may be partial (see `missing`). Schema-valid iff `valid`. */
  report: PartialReport | undefined
  template: Template | undefined
  /** True if `report` is schema-valid (`validationErrors` is empty). */
  valid: boolean
  /** True if no cell or section is missing. */
  complete: boolean
  /** JSON pointers of every cell, row or section not found. */
  missing: string[]
  /** For every table cell read: how it was read, the text it came from and where (the report itself holds plain numbers). */
  provenance: Provenance
  diagnostics: Diagnostic[]
  validationErrors: ValidationError[]
  /** True if a diagnostic is an error (in strict mode: anything missing). */
  hasErrors: boolean
}

/** Markup rather than text: how a string is told HTML when no format is given (also the page's label for a file). */
export const looksLikeHtml = (input: string) => /^\s*(<!doctype|<html|<body|<table|<div|<p[\s>]|<h[1-6])/i.test(input) || /<table[\s>]/i.test(input.slice(0, 20000))

function failure(diagnostic: Diagnostic): ParseResult {
  return { report: undefined, template: undefined, valid: false, complete: false, missing: [], provenance: {}, diagnostics: [diagnostic], validationErrors: [], hasErrors: true }
}

function parseLines(source: Line[], options: ParseOptions, joinWrapped: boolean, pageTitle?: string, notes: readonly Diagnostic[] = []): ParseResult {
  if (source.length > MAX_LINES) throw new BudgetError(budget('MAX_LINES'), { zh: '输入', en: 'the input' }, source.length)
  const lines = splitEmbeddedHeadings(source)
  let template: Template = options.template ?? '2021'
  const out = new Collector(options.strict === true, () => templateSchemas[template])
  out.diagnostics.push(...notes)
  if (lines.some((line) => line.tooDeep === true)) {
    out.add('warning', 'html-too-deep', `HTML 嵌套超过 ${MAX_HTML_DEPTH} 层，更深的内容未读取`, `HTML nested deeper than ${MAX_HTML_DEPTH} levels; deeper content was not read`)
  }
  const headings = findSections(lines)
  const firstHeading = headings[0]?.line ?? lines.length
  // The report ends before a site footer, a signature and a date.
  const page = pageEnd(lines, headings[headings.length - 1]?.line ?? firstHeading)
  const lastLine = page.end
  const meta = readMeta(lines.slice(0, firstHeading), lines.slice(firstHeading), pageTitle)
  const year = options.year ?? (typeof meta.fields.year === 'number' ? meta.fields.year : undefined)
  template = detectTemplate(lines, year, options.template, out)

  let report: Record<string, unknown> = { $schema: schemaId('report'), template }
  report.meta = reportMeta(meta, lines, firstHeading, page, options, out)

  // Section ranges: from a heading to the next heading found.
  const range = new Map<SectionKey, SectionRange>()
  headings.forEach((heading, i) => range.set(heading.key, { from: heading.line + 1, to: headings[i + 1]?.line ?? lastLine, heading }))

  // Text sections.
  for (const key of ['overview', 'problemsAndImprovements', 'otherMatters'] as const) {
    const section = range.get(key)
    if (section === undefined) {
      out.miss(`/${key}`, `未找到“${sectionTitle(key)}”部分`, `section “${sectionTitle(key)}” not found`)
      continue
    }
    const body = [...headingLine(lines, section.heading), ...lines.slice(section.from, section.to)]
    if (key === 'overview') report.overview = { paragraphs: overviewParagraphs(body, joinWrapped) }
    else if (key === 'problemsAndImprovements') report.problemsAndImprovements = { paragraphs: paragraphsOf(body, joinWrapped) }
    else report.otherMatters = otherMatters(body, joinWrapped)
  }

  // Table sections: a section whose heading is missing is looked for between the sections around it.
  const provenance = readTableSections(lines, headings, range, { template, lastLine, inputEnd: page.footerLine === undefined, joinWrapped }, report, out)

  // Keys in schema order, as the canonical examples have them.
  const ordered: Record<string, unknown> = { $schema: report.$schema, template: report.template }
  for (const key of ['meta', ...SECTION_KEYS]) if (report[key] !== undefined) ordered[key] = report[key]
  report = ordered
  const validation = (options.validator ?? validateReport)(report)
  const validationErrors = validation.valid ? [] : validation.errors
  return {
    report: report as PartialReport,
    template,
    valid: validation.valid,
    complete: out.missing.length === 0,
    missing: out.missing,
    provenance,
    diagnostics: out.diagnostics,
    validationErrors,
    hasErrors: out.diagnostics.some((d) => d.level === 'error'),
  }
}

/**
 * Parses a report. Given text (a string), answers at once; given the bytes of a file (`Uint8Array`), tells PDF, Word
 * .docx, HTML and text apart by their content and answers with a promise. Never throws, never rejects: oversized,
 * empty, encrypted or unreadable input gets one error diagnostic.
 */
export function parseReport(input: string, options?: ParseOptions): ParseResult
export function parseReport(input: Uint8Array, options?: ParseOptions): Promise<ParseResult>
export function parseReport(input: string | Uint8Array, options?: ParseOptions): ParseResult | Promise<ParseResult> {
  const checked = checkOptions(options)
  if (input instanceof Uint8Array) return 'code' in checked ? Promise.resolve(failure(checked)) : parseFile(input, checked)
  return 'code' in checked ? failure(checked) : parseText(input, checked)
}

const TEMPLATES: readonly unknown[] = ['2019', '2021']

/**
 * Options as a caller may really pass them (from JavaScript, or JSON): undefined or null is none; anything else of
 * the wrong type is one `options-invalid` error that names the option, never an internal error.
 */
function checkOptions(options: unknown): ParseOptions | Diagnostic {
  if (options === undefined || options === null) return {}
  const invalid = (name: string, zh: string, en: string): Diagnostic => ({ level: 'error', code: 'options-invalid', message: { zh: `选项 ${name} 无效：${zh}`, en: `the option ${name} is invalid: ${en}` } })
  if (typeof options !== 'object' || Array.isArray(options)) return invalid('options', '应为对象', 'it must be an object')
  const given = options as Record<string, unknown>
  if (given.format !== undefined && given.format !== 'text' && given.format !== 'html') return invalid('format', '应为 "text" 或 "html"', 'it must be "text" or "html"')
  if (given.strict !== undefined && typeof given.strict !== 'boolean') return invalid('strict', '应为 true 或 false', 'it must be true or false')
  if (given.year !== undefined && !(typeof given.year === 'number' && Number.isInteger(given.year) && given.year >= 1900 && given.year <= 2999)) {
    return invalid('year', '应为四位整数年份', 'it must be a four-digit integer year')
  }
  if (given.agencyName !== undefined && (typeof given.agencyName !== 'string' || given.agencyName.length > 1000)) return invalid('agencyName', '应为不超过 1000 个字符的文本', 'it must be a string of at most 1000 characters')
  if (given.template !== undefined && !TEMPLATES.includes(given.template)) return invalid('template', '应为 "2019" 或 "2021"', 'it must be "2019" or "2021"')
  if (given.validator !== undefined && typeof given.validator !== 'function') return invalid('validator', '应为函数', 'it must be a function')
  return given as ParseOptions
}

/** Bytes as the file readers take them; anything else is one error (never a rejection). */
function checkBytes(data: unknown, what: string): Diagnostic | undefined {
  if (data instanceof Uint8Array) return undefined
  return { level: 'error', code: 'input-not-bytes', message: { zh: `${what} 的输入应为文件内容（Uint8Array 或 Buffer）`, en: `the input of ${what} must be the file's bytes (a Uint8Array or Buffer)` } }
}

async function parseFile(data: Uint8Array, options: ParseOptions): Promise<ParseResult> {
  try {
    const kind = sniff(data)
    if (kind === 'pdf') return await parsePdf(data, options)
    if (kind === 'docx') return await parseDocx(data, options)
    if (kind === 'doc') return failure({ level: 'error', code: 'input-doc', message: { zh: '这是旧版 Word（.doc）文件：请另存为 .docx 或 PDF 后再解析', en: 'this is an old Word (.doc) file: save it as .docx or PDF, then parse that' } })
    if (kind === 'zip') return failure({ level: 'error', code: 'input-zip', message: { zh: '这是压缩文件（zip），不是 Word 文档：请先解压', en: 'this is a zip archive, not a Word document: unpack it first' } })
    // Four bytes a character at most: a longer text cannot fit the character limit.
    if (data.byteLength > MAX_INPUT_CHARS * 4) return tooLarge(data.byteLength, MAX_INPUT_CHARS * 4, 'bytes')
    const decoded = decodeBytes(data)
    if (decoded === undefined) {
      return failure({ level: 'error', code: 'input-not-text', message: { zh: '输入既不是 PDF、Word 文件，也不是 UTF-8 或 GB18030（GBK）文本', en: 'the input is neither a PDF or Word file nor UTF-8 or GB18030 (GBK) text' } })
    }
    const result = parseText(decoded.text, options)
    if (decoded.encoding !== 'utf-8') {
      result.diagnostics.unshift({ level: 'info', code: 'text-encoding', message: { zh: `文本按 ${decoded.encoding.toUpperCase()} 编码读取`, en: `text read as ${decoded.encoding.toUpperCase()}` } })
    }
    return result
  } catch (error) {
    return internalFailure(error)
  }
}

function tooLarge(count: number, limit: number, unit: 'characters' | 'bytes'): ParseResult {
  const zh = unit === 'bytes' ? '字节' : '个字符'
  return failure({
    level: 'error',
    code: 'input-too-large',
    message: { zh: `输入有 ${count} ${zh}，超过上限 ${limit}`, en: `the input has ${count} ${unit}, more than the limit of ${limit}` },
  })
}

/** A budget passed: one `input-too-large` error that names it and where. */
const budgetFailure = (error: BudgetError) => failure({ level: 'error', code: 'input-too-large', message: error.text })

function internalFailure(error: unknown): ParseResult {
  if (error instanceof BudgetError) return budgetFailure(error)
  return failure({
    level: 'error',
    code: 'internal',
    message: {
      zh: `解析失败：${(error as Error).message}（这是本工具的缺陷，请报告）`,
      en: `parsing failed: ${(error as Error).message} (a bug in this package; please report it)`,
    },
  })
}

/**
 * Parses a PDF: text with its positions from pdf.js, lines rebuilt from the page's geometry, tables from the cells
 * the ruling lines bound, then the same reader as text and HTML. Provenance gives each cell's page and box. Never
 * rejects; a scan (no text layer), an encrypted, broken or oversized file gets one error diagnostic.
 */
export async function parsePdf(data: Uint8Array, given?: Omit<ParseOptions, 'format'>): Promise<ParseResult> {
  const options = checkOptions(given)
  if ('code' in options) return failure(options)
  const notBytes = checkBytes(data, 'parsePdf')
  if (notBytes !== undefined) return failure(notBytes)
  try {
    const read = await readPdf(data)
    if ('code' in read) return failure(read)
    const chars = read.lines.reduce((sum, line) => sum + line.text.length, 0)
    if (chars > MAX_INPUT_CHARS) return tooLarge(chars, MAX_INPUT_CHARS, 'characters')
    return parseLines(read.lines, options, false, undefined, read.warnings)
  } catch (error) {
    if (error instanceof MissingLibraryError) return failure({ level: 'error', code: 'reader-not-installed', message: error.text })
    return internalFailure(error)
  }
}

/** Parses extracted text or HTML. Never throws; answers oversized or empty input with one error diagnostic. */
function parseText(input: string, options: ParseOptions): ParseResult {
  try {
    if (typeof input !== 'string') {
      return failure({ level: 'error', code: 'input-not-text', message: { zh: '输入不是文本', en: 'the input is not text' } })
    }
    if (input.length > MAX_INPUT_CHARS) return tooLarge(input.length, MAX_INPUT_CHARS, 'characters')
    const text = input.replace(/^\uFEFF/, '')
    if (text.trim() === '') {
      return failure({ level: 'error', code: 'input-empty', message: { zh: '输入为空', en: 'the input is empty' } })
    }
    const html = options.format === 'html' || (options.format === undefined && looksLikeHtml(text))
    const source = html ? htmlToLines(text) : { lines: textToLines(text) }
    return parseLines(source.lines, options, !html, source.pageTitle)
  } catch (error) {
    return internalFailure(error)
  }
}

/** Parses a Word .docx file (through mammoth, then the HTML path). Never rejects. */
export async function parseDocx(data: Uint8Array, given?: Omit<ParseOptions, 'format'>): Promise<ParseResult> {
  const options = checkOptions(given)
  if ('code' in options) return failure(options)
  const notBytes = checkBytes(data, 'parseDocx')
  if (notBytes !== undefined) return failure(notBytes)
  if (data.byteLength > MAX_DOCX_BYTES) {
    return failure({
      level: 'error',
      code: 'input-too-large',
      message: { zh: `文件有 ${data.byteLength} 字节，超过上限 ${MAX_DOCX_BYTES}`, en: `the file has ${data.byteLength} bytes, more than the limit of ${MAX_DOCX_BYTES}` },
    })
  }
  try {
    const { html } = await docxToHtml(data)
    return parseReport(html, { ...options, format: 'html' })
  } catch (error) {
    if (error instanceof MissingLibraryError) return failure({ level: 'error', code: 'reader-not-installed', message: error.text })
    if (error instanceof BudgetError) return budgetFailure(error)
    if (error instanceof ZipError) return failure({ level: 'error', code: 'docx-unreadable', message: { zh: `无法读取 Word 文件：${error.text.zh}`, en: `cannot read the Word file: ${error.text.en}` } })
    return failure({
      level: 'error',
      code: 'docx-unreadable',
      message: { zh: `无法读取 Word 文件：${(error as Error).message}`, en: `cannot read the Word file: ${(error as Error).message}` },
    })
  }
}
