/**
 * The intermediate form every input becomes: lines in reading order, each with the cells it holds and where it was
 * in the input. Text is split by its layout (tabs, " | " rows, one cell per line, PDF space-separated numbers); HTML
 * and Word come through a real HTML parser.
 */

export interface Location {
  /** 1-based line of a text input. */
  line?: number
  /** Element path of an HTML input, e.g. "table 2, row 5, cell 3" or "p 14". */
  element?: string
}

export interface Line {
  /** The line's text as printed (cells of a table row joined by a space). */
  text: string
  /** The cells; a blank cell is "" (only where the layout marks cells, so that a blank can stand for 0). */
  cells: string[]
  locations: Location[]
  location: Location
  /** True for a row of an HTML table: never prose, never a heading. */
  tableRow: boolean
  /** Marks that HTML nesting beyond the limit was not read. */
  tooDeep?: boolean
}

export type TextLayout = 'tabs' | 'pipes-terminated' | 'pipes-separated' | 'lines'

/** Tells how an extracted text marks its cells. */
export function detectLayout(lines: readonly string[]): TextLayout {
  let tabs = 0
  let pipes = 0
  let loneBars = 0
  let terminated = 0
  for (const line of lines) {
    if (line.includes('\t')) tabs++
    const trimmed = line.trim()
    if (trimmed.includes('|')) pipes++
    if (trimmed === '|') loneBars++
    else if (trimmed.endsWith('|') || trimmed.startsWith('|')) terminated++
  }
  if (tabs >= 3 && tabs >= pipes) return 'tabs'
  if (pipes >= 3) return terminated > loneBars ? 'pipes-terminated' : 'pipes-separated'
  return 'lines'
}

const MARKDOWN_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/

/** The cells of one text line, by layout. Filler runs ("|||") and the terminating bar are not cells. */
function cellsOf(line: string, layout: TextLayout): string[] {
  const trimmed = line.trim()
  switch (layout) {
    case 'tabs': {
      const cells = line.replace(/\r$/, '').split('\t')
      while (cells.length > 1 && cells[cells.length - 1]!.trim() === '') cells.pop()
      return cells
    }
    case 'pipes-terminated':
    case 'pipes-separated': {
      if (MARKDOWN_RULE.test(trimmed)) return []
      if (/^\|+$/.test(trimmed)) return trimmed.length === 1 && layout === 'pipes-terminated' ? [''] : []
      const pieces = trimmed.split('|')
      if (trimmed.startsWith('|')) pieces.shift()
      if (trimmed.endsWith('|')) pieces.pop()
      // A piece that is empty ("||") is a filler of a merged cell; one that holds spaces ("| |") is a blank cell.
      return pieces.filter((piece) => piece !== '').map((piece) => (piece.trim() === '' ? '' : piece))
    }
    case 'lines':
      return trimmed === '' ? [] : [line]
  }
}

const MARKDOWN_HEADING = /^#{1,6}\s+/

export function textToLines(text: string): Line[] {
  const raw = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(MARKDOWN_HEADING, ''))
  const layout = detectLayout(raw)
  return raw.map((line, index) => {
    const location = { line: index + 1 }
    const cells = cellsOf(line, layout)
    return { text: line.replace(/\t/g, ' ').trim(), cells, locations: cells.map(() => location), location, tableRow: false }
  })
}
