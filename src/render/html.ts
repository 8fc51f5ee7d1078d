/** Canonical report → an HTML page with the template's tables, rowspans and colspans as the official layout has them. */
import type { Report } from '../../generated/report.js'
import { layoutReport, type Block, type Cell } from './document.js'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const td = (c: Cell) =>
  `<td${c.rowspan === undefined ? '' : ` rowspan="${c.rowspan}"`}${c.colspan === undefined ? '' : ` colspan="${c.colspan}"`}>${escape(c.text)}</td>`

function block(b: Block): string[] {
  switch (b.kind) {
    case 'title':
      return [`<h1>${escape(b.text)}</h1>`]
    case 'meta':
      return b.lines.length === 0 ? [] : ['<ul class="meta">', ...b.lines.map((l) => `<li>${escape(l.label)}：${escape(l.value)}</li>`), '</ul>']
    case 'heading':
      return [`<h${b.level}>${escape(b.text)}</h${b.level}>`]
    case 'paragraph':
      return [`<p>${escape(b.text)}</p>`]
    case 'table':
      return ['<table>', ...b.rows.map((row) => `<tr>${row.map(td).join('')}</tr>`), '</table>']
  }
}

export function renderHtml(report: Report): string {
  const blocks = layoutReport(report)
  const title = blocks[0]!.kind === 'title' ? blocks[0]!.text : ''
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head><meta charset="utf-8">',
    `<title>${escape(title)}</title>`,
    '<style>table{border-collapse:collapse;margin:1em 0}td{border:1px solid #999;padding:2px 6px;text-align:center}</style>',
    '</head>',
    '<body>',
    ...blocks.flatMap(block),
    '</body>',
    '</html>',
  ].join('\n') + '\n'
}
