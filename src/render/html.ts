/** Canonical report → an HTML page with the template's tables, rowspans and colspans as the official layout has them. */
import type { Report } from '../../generated/report.js'
import {
  documentTitle,
  itemTables,
  matrixColumns,
  metaLines,
  notesOf,
  otherMattersBlocks,
  overviewLines,
  reviewHeader,
  sectionTitle,
  tableRows,
  TEMPLATE_TEXT,
} from './layout.js'

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function td(text: string, spans: { rowspan?: number; colspan?: number } = {}): string {
  const attrs = [spans.rowspan && spans.rowspan > 1 ? ` rowspan="${spans.rowspan}"` : '', spans.colspan && spans.colspan > 1 ? ` colspan="${spans.colspan}"` : ''].join('')
  return `<td${attrs}>${escape(text)}</td>`
}

export function renderHtml(report: Report): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head><meta charset="utf-8">',
    `<title>${escape(documentTitle(report))}</title>`,
    '<style>table{border-collapse:collapse;margin:1em 0}td{border:1px solid #999;padding:2px 6px;text-align:center}</style>',
    '</head>',
    '<body>',
    `<h1>${escape(documentTitle(report))}</h1>`,
  ]
  const lines = metaLines(report)
  if (lines.length > 0) out.push('<ul class="meta">', ...lines.map(({ label, value }) => `<li>${escape(label)}：${escape(value)}</li>`), '</ul>')
  const section = (key: Parameters<typeof sectionTitle>[0]) => out.push(`<h2>${escape(sectionTitle(key))}</h2>`)
  const paragraphs = (list: readonly string[]) => out.push(...list.map((p) => `<p>${escape(p)}</p>`))

  section('overview')
  paragraphs(overviewLines(report))

  section('proactiveDisclosure')
  paragraphs(notesOf(report, 'proactiveDisclosure'))
  for (const table of itemTables(report)) {
    const width = table.columns.length + 1
    out.push('<table>', `<tr>${td(table.title, { colspan: width })}</tr>`)
    out.push(`<tr>${[TEMPLATE_TEXT.itemContent, ...table.columns].map((c) => td(c)).join('')}</tr>`)
    for (const row of table.rows) out.push(`<tr>${[row.labels.join(''), ...row.values].map((c) => td(c)).join('')}</tr>`)
    out.push('</table>')
  }

  section('applications')
  paragraphs(notesOf(report, 'applications'))
  const { applicants, total } = matrixColumns(report)
  const [person, ...legal] = applicants
  out.push('<table>')
  out.push(`<tr>${td(TEMPLATE_TEXT.balanceNote, { rowspan: 3, colspan: 3 })}${td('申请人情况', { colspan: applicants.length + 1 })}</tr>`)
  out.push(`<tr>${td(person!, { rowspan: 2 })}${td(TEMPLATE_TEXT.legalPersons, { colspan: legal.length })}${td(total, { rowspan: 2 })}</tr>`)
  out.push(`<tr>${legal.map((c) => td(c)).join('')}</tr>`)
  const rows = tableRows(report, 'applications')
  const count = (depth: number, label: string) => rows.filter((r) => r.labels[depth] === label && r.labels.length > depth + 1).length
  const opened = new Set<string>()
  for (const row of rows) {
    const cells: string[] = []
    row.labels.forEach((label, depth) => {
      const last = depth === row.labels.length - 1
      if (last) cells.push(td(label, { colspan: 3 - depth }))
      else if (!opened.has(`${depth}:${label}`)) {
        opened.add(`${depth}:${label}`)
        cells.push(td(label, { rowspan: count(depth, label) }))
      }
    })
    out.push(`<tr>${cells.join('')}${row.values.map((v) => td(v)).join('')}</tr>`)
  }
  out.push('</table>')

  section('reviewsAndLawsuits')
  paragraphs(notesOf(report, 'reviewsAndLawsuits'))
  const header = reviewHeader(report)
  const [review, ...suits] = header.groups
  out.push('<table>')
  out.push(`<tr>${td(header.review, { colspan: review!.columns.length })}${td(header.litigation, { colspan: suits.reduce((n, g) => n + g.columns.length, 0) })}</tr>`)
  out.push(`<tr>${review!.columns.map((c) => td(c, { rowspan: 2 })).join('')}${suits.map((g) => td(g.title, { colspan: g.columns.length })).join('')}</tr>`)
  out.push(`<tr>${suits.flatMap((g) => g.columns.map((c) => td(c))).join('')}</tr>`)
  out.push(`<tr>${header.groups.flatMap((g) => g.values.map((v) => td(v))).join('')}</tr>`)
  out.push('</table>')

  section('problemsAndImprovements')
  paragraphs(report.problemsAndImprovements.paragraphs)

  section('otherMatters')
  const other = otherMattersBlocks(report)
  paragraphs(other.paragraphs)
  for (const item of other.items) {
    out.push(`<h3>${escape(item.heading)}</h3>`)
    paragraphs(item.paragraphs)
  }
  out.push('</body>', '</html>')
  return out.join('\n') + '\n'
}
