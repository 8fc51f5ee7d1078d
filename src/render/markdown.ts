/** Canonical report → Markdown: headings, paragraphs and pipe tables (merged cells written out flat). */
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

const cell = (text: string) => text.replace(/\|/g, '\\|')
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`
const rule = (n: number) => `|${' --- |'.repeat(n)}`

export function renderMarkdown(report: Report): string {
  const out: string[] = [`# ${documentTitle(report)}`, '']
  for (const { label, value } of metaLines(report)) out.push(`- ${label}：${value}`)
  const section = (key: Parameters<typeof sectionTitle>[0]) => out.push('', `## ${sectionTitle(key)}`, '')
  const paragraphs = (list: readonly string[]) => {
    for (const paragraph of list) out.push(paragraph, '')
  }

  section('overview')
  paragraphs(overviewLines(report))

  section('proactiveDisclosure')
  paragraphs(notesOf(report, 'proactiveDisclosure'))
  for (const table of itemTables(report)) {
    out.push(`### ${table.title}`, '', row([TEMPLATE_TEXT.itemContent, ...table.columns]), rule(table.columns.length + 1))
    for (const r of table.rows) out.push(row([r.labels.join(''), ...r.values]))
    out.push('')
  }

  section('applications')
  paragraphs(notesOf(report, 'applications'))
  const { applicants, total } = matrixColumns(report)
  out.push(row([TEMPLATE_TEXT.balanceNote, '', '', ...applicants, total]), rule(applicants.length + 4))
  for (const r of tableRows(report, 'applications')) {
    const labels = [...r.labels, '', ''].slice(0, 3)
    out.push(row([...labels, ...r.values]))
  }

  section('reviewsAndLawsuits')
  paragraphs(notesOf(report, 'reviewsAndLawsuits'))
  const header = reviewHeader(report)
  const columns = header.groups.flatMap((g) => g.columns.map((c) => `${g.title} ${c}`))
  out.push(row(columns), rule(columns.length), row(header.groups.flatMap((g) => g.values)))

  section('problemsAndImprovements')
  paragraphs(report.problemsAndImprovements.paragraphs)

  section('otherMatters')
  const other = otherMattersBlocks(report)
  paragraphs(other.paragraphs)
  for (const item of other.items) {
    out.push(`### ${item.heading}`, '')
    paragraphs(item.paragraphs)
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}
