/** Renderers: canonical report → the official layout as HTML, Markdown or plain text. */
export { cellId, renderFindingsHtml, renderHtml, renderHtmlBody, type HtmlOptions } from './html.js'
export { MISSING_TEXT, type Renderable } from './layout.js'
export { renderMarkdown } from './markdown.js'
export { renderText } from './text.js'
