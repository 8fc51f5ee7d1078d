/**
 * A report as the official layout prints it, independent of format: a title, the block of labelled metadata, the
 * six sections with their paragraphs, and each table as a grid of cells with their row and column spans (the
 * template's merged cells). The HTML, Markdown and text writers only print this.
 */
import {
  documentTitle,
  itemTables,
  matrixColumns,
  metaLines,
  notesOf,
  otherMattersBlocks,
  overviewLines,
  paragraphsOf,
  type Renderable,
  reviewHeader,
  sectionTitle,
  tableRows,
  TEMPLATE_TEXT,
} from './layout.js'

export interface Cell {
  text: string
  rowspan?: number
  colspan?: number
  /** A value cell: the JSON pointer of its field (header and label cells have none). */
  pointer?: string
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'meta'; lines: { label: string; value: string }[] }
  | { kind: 'heading'; level: 2 | 3; text: string; /** A section heading: the section's key (e.g. "applications"). */ section?: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; rows: Cell[][]; headerRows: number }

const cell = (text: string, rowspan = 1, colspan = 1): Cell => ({
  text,
  ...(rowspan > 1 ? { rowspan } : {}),
  ...(colspan > 1 ? { colspan } : {}),
})

const valueCells = (row: { values: string[]; pointers: string[] }): Cell[] => row.values.map((text, i) => ({ text, pointer: row.pointers[i]! }))

function itemTablesBlocks(report: Renderable): Block[] {
  return itemTables(report).map((table) => ({
    kind: 'table',
    headerRows: 2,
    rows: [
      [cell(table.title, 1, table.columns.length + 1)],
      [TEMPLATE_TEXT.itemContent, ...table.columns].map((text) => cell(text)),
      ...table.rows.map((row) => [cell(row.labels.join('')), ...valueCells(row)]),
    ],
  }))
}

/** The applicant × outcome matrix with the template's merged header and label cells. */
function matrixBlock(report: Renderable): Block {
  const { heading, applicants, total } = matrixColumns(report)
  const [person, ...legal] = applicants
  const rows = tableRows(report, 'applications')
  const depth = Math.max(...rows.map((row) => row.labels.length))
  const spanOf = (level: number, label: string) => rows.filter((r) => r.labels[level] === label && r.labels.length > level + 1).length
  const opened = new Set<string>()
  const body = rows.map((row) => {
    const labels: Cell[] = []
    row.labels.forEach((label, level) => {
      if (level === row.labels.length - 1) labels.push(cell(label, 1, depth - level))
      else if (!opened.has(`${level}:${label}`)) {
        opened.add(`${level}:${label}`)
        labels.push(cell(label, spanOf(level, label)))
      }
    })
    return [...labels, ...valueCells(row)]
  })
  return {
    kind: 'table',
    headerRows: 3,
    rows: [
      [cell(TEMPLATE_TEXT.balanceNote, 3, depth), cell(heading, 1, applicants.length + 1)],
      [cell(person!, 2), cell(TEMPLATE_TEXT.legalPersons, 1, legal.length), cell(total, 2)],
      legal.map((title) => cell(title)),
      ...body,
    ],
  }
}

/** Section 四: 行政复议 | 行政诉讼 (未经复议直接起诉, 复议后起诉), then the one row of values. */
function reviewBlock(report: Renderable): Block {
  const header = reviewHeader(report)
  const [review, ...suits] = header.groups
  return {
    kind: 'table',
    headerRows: 3,
    rows: [
      [cell(header.review, 1, review!.columns.length), cell(header.litigation, 1, suits.reduce((n, g) => n + g.columns.length, 0))],
      [...review!.columns.map((title) => cell(title, 2)), ...suits.map((group) => cell(group.title, 1, group.columns.length))],
      suits.flatMap((group) => group.columns.map((title) => cell(title))),
      header.groups.flatMap(valueCells),
    ],
  }
}

export function layoutReport(report: Renderable): Block[] {
  if (typeof report !== 'object' || report === null || typeof report.meta !== 'object' || report.meta === null) {
    throw new TypeError('render: expects a report (an object with meta; validate it first)')
  }
  if (report.template !== '2019' && report.template !== '2021') throw new TypeError('render: expects a report whose template is "2019" or "2021"')
  const blocks: Block[] = [{ kind: 'title', text: documentTitle(report) }, { kind: 'meta', lines: metaLines(report) }]
  const heading = (key: Parameters<typeof sectionTitle>[0]) => blocks.push({ kind: 'heading', level: 2, text: sectionTitle(key), section: key })
  const paragraphs = (texts: readonly string[]) => blocks.push(...texts.map((text) => ({ kind: 'paragraph' as const, text })))

  heading('overview')
  paragraphs(overviewLines(report))
  heading('proactiveDisclosure')
  paragraphs(notesOf(report, 'proactiveDisclosure'))
  blocks.push(...itemTablesBlocks(report))
  heading('applications')
  paragraphs(notesOf(report, 'applications'))
  blocks.push(matrixBlock(report))
  heading('reviewsAndLawsuits')
  paragraphs(notesOf(report, 'reviewsAndLawsuits'))
  blocks.push(reviewBlock(report))
  heading('problemsAndImprovements')
  paragraphs(paragraphsOf(report, 'problemsAndImprovements'))
  heading('otherMatters')
  const other = otherMattersBlocks(report)
  paragraphs(other.paragraphs)
  for (const item of other.items) {
    blocks.push({ kind: 'heading', level: 3, text: item.heading })
    paragraphs(item.paragraphs)
  }
  return blocks
}

/** A table's cells placed on a full grid: each spanned cell at its origin, "" where a span covers. */
export function grid(rows: readonly Cell[][]): string[][] {
  const out: (string | undefined)[][] = []
  rows.forEach((row, r) => {
    out[r] ??= []
    let column = 0
    for (const c of row) {
      while (out[r]![column] !== undefined) column++
      for (let dr = 0; dr < (c.rowspan ?? 1); dr++) {
        out[r + dr] ??= []
        for (let dc = 0; dc < (c.colspan ?? 1); dc++) out[r + dr]![column + dc] = dr === 0 && dc === 0 ? c.text : ''
      }
      column += c.colspan ?? 1
    }
  })
  const width = Math.max(...out.map((row) => row.length))
  return out.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''))
}
