/**
 * A PDF file → lines, or the one reason it cannot be read (encrypted, broken, too large, no text layer, text whose
 * encoding cannot be recovered), as a bilingual error diagnostic. Rejects only with a BudgetError (streams that decode past
 * MAX_PDF_INFLATED_BYTES), which parsePdf answers as it answers every budget.
 */
import type { Diagnostic } from '../../diagnostics.js'
import type { Line } from '../text.js'
import { extractPdf, type ExtractFailure } from './extract.js'
import { pdfToLines } from './layout.js'

// The budgets (src/parse/budgets.ts): a report is 0.1–5 MB with 3–20 pages and 1–20 thousand text runs.
import { MAX_PDF_BYTES, MAX_PDF_INFLATED_BYTES, MAX_PDF_PAGES, MAX_PDF_RUNS } from '../../budgets.js'
import { inflatedStreamBytes } from './streams.js'
import { MissingLibraryError } from '../../../libraries.js'
export { MAX_PDF_BYTES, MAX_PDF_PAGES, MAX_PDF_RUNS } from '../../budgets.js'
/** Fewer characters a page than this, on pages of images, is a scan with a stamp, not a report's text. */
const MIN_TEXT_PER_PAGE = 80

export interface PdfLines {
  lines: Line[]
  pageCount: number
  /** Warnings about what was not read. */
  warnings: Diagnostic[]
}

const error = (code: string, zh: string, en: string): Diagnostic => ({ level: 'error', code, message: { zh, en } })

/** Characters a PDF gives when its font has no usable map back to Unicode. */
const UNMAPPED = /[\uE000-\uF8FF\uFFFD\u0000-\u0008\u000E-\u001F]/gu

export async function readPdf(data: Uint8Array): Promise<PdfLines | Diagnostic> {
  if (data.byteLength > MAX_PDF_BYTES) {
    return error('input-too-large', `PDF 文件有 ${data.byteLength} 字节，超过上限 ${MAX_PDF_BYTES}`, `the PDF has ${data.byteLength} bytes, more than the limit of ${MAX_PDF_BYTES}`)
  }
  // Past the budget this throws a BudgetError, which parsePdf answers like every other budget.
  await inflatedStreamBytes(data, MAX_PDF_INFLATED_BYTES)
  let extracted
  try {
    extracted = await extractPdf(data, { maxPages: MAX_PDF_PAGES, maxRuns: MAX_PDF_RUNS })
  } catch (thrown) {
    // pdf.js not installed: parsePdf says what to install.
    if (thrown instanceof MissingLibraryError) throw thrown
    const failure = thrown as ExtractFailure
    if (failure.kind === 'encrypted') {
      return error('pdf-encrypted', 'PDF 已加密，需要密码才能打开；请提供未加密的文件', 'the PDF is encrypted and needs a password to open; supply an unencrypted copy')
    }
    if (failure.kind === 'too-much-text') {
      return error('input-too-large', `PDF 中的文字超过 ${MAX_PDF_RUNS} 段，远多于任何年度报告，未读取`, `the PDF holds more than ${MAX_PDF_RUNS} text runs, far more than any annual report; not read`)
    }
    const detail = typeof failure.detail === 'string' ? failure.detail : String(thrown)
    return error('pdf-unreadable', `无法读取 PDF 文件（文件可能已损坏）：${detail}`, `cannot read the PDF (the file may be damaged): ${detail}`)
  }
  const { pages, pageCount } = extracted
  const text = pages.flatMap((page) => page.runs.map((run) => run.text)).join('')
  const visible = text.replace(/\s/g, '')
  const images = pages.reduce((sum, page) => sum + page.images, 0)
  // A scan that a website stamped with a line of text (a source, a date) on each page: images on most pages, and
  // less text than a tenth of a report's page on each.
  const stamped = pages.length > 0 && pages.filter((page) => page.images > 0).length >= pages.length / 2 && visible.length / pages.length < MIN_TEXT_PER_PAGE
  if (stamped && visible.length >= 20) {
    return error('pdf-no-text', `PDF 几乎没有文字层（${pageCount} 页多为图片，平均每页不到 ${MIN_TEXT_PER_PAGE} 个字，可能是扫描件）；请先用 OCR 软件识别出文字，再解析识别结果`, `the PDF has almost no text layer (its ${pageCount} pages are mostly images, with fewer than ${MIN_TEXT_PER_PAGE} characters a page: a scan?); run OCR on it first, then parse the result`)
  }
  if (visible.length < 20) {
    return images > 0
      ? error('pdf-no-text', `PDF 没有文字层（${pageCount} 页只有图片，可能是扫描件）；请先用 OCR 软件识别出文字，再解析识别结果`, `the PDF has no text layer (its ${pageCount} pages hold only images: a scan?); run OCR on it first, then parse the result`)
      : error('pdf-no-text', `PDF 中没有文字（共 ${pageCount} 页）`, `the PDF holds no text (${pageCount} pages)`)
  }
  const unmapped = visible.match(UNMAPPED)?.length ?? 0
  if (unmapped > visible.length * 0.3) {
    return error('pdf-text-unmapped', `PDF 的字体没有对应的字符编码，${unmapped} / ${visible.length} 个字符无法还原成文字；请使用原始文档（Word、网页），或先用 OCR 识别`, `the PDF’s fonts carry no map back to characters: ${unmapped} of ${visible.length} characters cannot be recovered; use the original document (Word, web page), or run OCR first`)
  }
  const warnings: Diagnostic[] = []
  if (pageCount > pages.length) {
    warnings.push({
      level: 'warning',
      code: 'pdf-pages-not-read',
      message: { zh: `PDF 共 ${pageCount} 页，只读取了前 ${pages.length} 页`, en: `the PDF has ${pageCount} pages; only the first ${pages.length} were read` },
    })
  }
  return { lines: pdfToLines(pages), pageCount, warnings }
}
