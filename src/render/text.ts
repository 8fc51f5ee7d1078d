/** Canonical report → plain text in the layout of the seed: tab-separated table rows, a blank line between paragraphs. */
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

export function renderText(report: Report): string {
  const out: string[] = [documentTitle(report), '']
  for (const { label, value } of metaLines(report)) out.push(`${label}：${value}`)
  const section = (key: Parameters<typeof sectionTitle>[0]) => out.push('', sectionTitle(key), '')
  const paragraphs = (list: readonly string[]) => {
    for (const paragraph of list) out.push(paragraph, '')
  }

  section('overview')
  paragraphs(overviewLines(report))

  section('proactiveDisclosure')
  paragraphs(notesOf(report, 'proactiveDisclosure'))
  for (const table of itemTables(report)) {
    out.push(table.title)
    out.push([TEMPLATE_TEXT.itemContent, ...table.columns].join('\t'))
    for (const row of table.rows) out.push([row.labels.join(''), ...row.values].join('\t'))
  }

  section('applications')
  paragraphs(notesOf(report, 'applications'))
  const { applicants, total } = matrixColumns(report)
  out.push(`${TEMPLATE_TEXT.balanceNote}\t\t\t${applicants.join('\t')}\t${total}`)
  let group = ''
  for (const row of tableRows(report, 'applications')) {
    const [outer, ...inner] = row.labels
    const labels = inner.length === 0 ? [outer!, ''] : [outer === group ? '' : outer!, ...inner]
    group = outer!
    out.push([...labels, ...row.values].join('\t'))
  }

  section('reviewsAndLawsuits')
  paragraphs(notesOf(report, 'reviewsAndLawsuits'))
  const header = reviewHeader(report)
  out.push(`${header.review}\t\t\t\t\t${header.litigation}`)
  out.push(header.groups.map((g) => g.title).join('\t\t\t\t\t'))
  out.push(header.groups.flatMap((g) => g.columns).join('\t'))
  out.push(header.groups.flatMap((g) => g.values).join('\t'))

  section('problemsAndImprovements')
  paragraphs(report.problemsAndImprovements.paragraphs)

  section('otherMatters')
  const other = otherMattersBlocks(report)
  paragraphs(other.paragraphs)
  for (const item of other.items) {
    out.push(item.heading, '')
    paragraphs(item.paragraphs)
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}
