/** Import and export of reports as they are published: the parser (text, HTML, Word, PDF) and the renderers. */
export { MAX_INPUT_CHARS, parseDocx, parsePdf, parseReport, type ParseOptions, type ParseResult, type PartialReport } from './parse.js'
export { MAX_DOCX_BYTES } from './sources/docx.js'
export { MAX_PDF_BYTES, MAX_PDF_PAGES, MAX_PDF_RUNS } from './sources/pdf/read.js'
export { sniff, type FileKind } from './sources/bytes.js'
export type { Diagnostic, DiagnosticLevel } from './diagnostics.js'
export type { Location } from './sources/text.js'
export { renderHtml, renderMarkdown, renderText } from '../render/index.js'
