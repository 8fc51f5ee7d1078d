/** Renderers: canonical report → the official layout as HTML, Markdown or plain text. */
export { renderHtml } from './html.js'
export { renderMarkdown } from './markdown.js'
export { renderText } from './text.js'
