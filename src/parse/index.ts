/** Import and export of reports as they are published: the parser (text, HTML, Word) and the renderers. */
export { MAX_INPUT_CHARS, parseDocx, parseReport, type ParseOptions, type ParseResult, type PartialReport } from './parse.js'
export { MAX_DOCX_BYTES } from './sources/docx.js'
export type { Diagnostic, DiagnosticLevel } from './diagnostics.js'
export type { Location } from './sources/text.js'
export { renderHtml, renderMarkdown, renderText } from '../render/index.js'
