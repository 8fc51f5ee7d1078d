/**
 * The three table sections (二, 三, 四): each section's lines, less its prose (kept as notes), become tokens; the
 * table is read (read.ts) and stored with its provenance (store.ts). A section whose heading is missing is looked
 * for between the sections around it.
 */
import type { Collector } from '../diagnostics.js'
import { SECTION_KEYS, sectionTitle, type SectionHeading, type SectionKey } from '../sections/sections.js'
import type { Line } from '../sources/text.js'
import { isProse, paragraphsOf } from '../text/text-sections.js'
import { matchKey, stream, tokenize } from '../tokens/tokens.js'
import { normalizeLabel } from '../tokens/normalize.js'
import { alternativesOf, rowsInShape, rowsOf, type RowSpec, type Template } from '../../schema/tables.js'
import { readTable } from './read.js'
import { setPath, storeTable, type Provenance } from './store.js'

export interface SectionRange {
  from: number
  to: number
  heading: SectionHeading
}

export interface TableContext {
  template: Template
  /** The first line after the report (its footer, signature or date). */
  lastLine: number
  /** The input ends with the report (no footer after it): a table cut off there is cut off by the input. */
  inputEnd: boolean
  joinWrapped: boolean
}

/** The text on a heading's own line after the title, as a line of its own. */
export const headingLine = (lines: readonly Line[], heading: SectionHeading): Line[] =>
  heading.rest === '' ? [] : [{ ...lines[heading.line]!, text: heading.rest, cells: [heading.rest] }]

/** The rows in the shape the report printed: at each alternative, the shape with the most cells read (the template's on a tie). */
function printedShape(template: Template, section: string, cells: ReadonlyMap<string, unknown>): RowSpec[] {
  const read = (shape: RowSpec[]) => shape.reduce((n, row) => n + row.columns.filter((c) => cells.has(c.pointer)).length, 0)
  return rowsInShape(template, section, (alternative) => alternative.shapes.reduce((best, shape) => (read(shape) > read(best) ? shape : best)))
}

/** The rows' labels of four characters or more, in the form text is matched in: worked out once per table. */
const matchLabels = new WeakMap<readonly RowSpec[], string[]>()
function matchLabelsOf(rows: readonly RowSpec[]): string[] {
  let labels = matchLabels.get(rows)
  if (labels === undefined) matchLabels.set(rows, (labels = rows.map((row) => matchKey(normalizeLabel(row.label))).filter((label) => label.length >= 4)))
  return labels
}

export function readTableSections(
  lines: readonly Line[],
  headings: readonly SectionHeading[],
  range: ReadonlyMap<SectionKey, SectionRange>,
  context: TableContext,
  report: Record<string, unknown>,
  out: Collector,
): Provenance {
  const provenance: Provenance = {}
  let previousEnd = 0
  const lastFound = headings[headings.length - 1]?.key
  for (const key of ['proactiveDisclosure', 'applications', 'reviewsAndLawsuits'] as const) {
    const index = SECTION_KEYS.indexOf(key)
    const found = range.get(key)
    const nextFound = headings.find((h) => SECTION_KEYS.indexOf(h.key) > index)
    const from = found !== undefined ? found.from : previousEnd
    const to = found !== undefined ? found.to : (nextFound?.line ?? context.lastLine)
    const body = [...(found === undefined ? [] : headingLine(lines, found.heading)), ...lines.slice(from, to)]
    const rows = rowsOf(context.template, `/${key}`)
    // Running text is kept as notes, unless a long line holds the table too (flattened text: one line per section).
    const labels = matchLabelsOf(rows)
    const holdsTable = (text: string) => {
      if (text.length < 200) return false
      const normalized = matchKey(normalizeLabel(text))
      return labels.filter((label) => normalized.includes(label)).length >= 2
    }
    const prose: Line[] = []
    const tableLines: Line[] = []
    for (const line of body) (!line.tableRow && isProse(line.text) && !holdsTable(line.text) ? prose : tableLines).push(line)
    const tokens = stream(tokenize(tableLines))
    const alternatives = alternativesOf(context.template, `/${key}`)
    const inputEnd = found !== undefined ? lastFound === key && context.inputEnd : nextFound === undefined
    const read = readTable(tokens, context.template, `/${key}`, rows, { from: 0, to: tokens.text.length, inputEnd }, alternatives.flatMap((a) => a.shapes.slice(1).flat()))
    if (found === undefined && read.cells.size === 0) {
      out.miss(`/${key}`, `未找到“${sectionTitle(key)}”部分`, `section “${sectionTitle(key)}” not found`)
      continue
    }
    if (found === undefined) {
      out.add('warning', 'heading-missing', `未找到该部分标题，表格数据取自第 ${from + 1}–${to} 行之间`, `section heading not found; table values read between lines ${from + 1} and ${to}`, `/${key}`)
    }
    storeTable(read, printedShape(context.template, `/${key}`, read.cells), report, provenance, out)
    const notes = paragraphsOf(prose, context.joinWrapped)
    if (notes.length > 0) setPath(report, `/${key}/notes`, notes)
    previousEnd = found !== undefined ? found.to : previousEnd
  }

  return provenance
}
