/**
 * The intermediate form every input becomes: lines in reading order, each with the cells it holds and where it was
 * in the input. Text is split by its layout (tabs, " | " rows, one cell per line, PDF space-separated numbers); HTML
 * and Word come through a real HTML parser.
 */

export interface Location {
  /** 1-based line of a text input. */
  line?: number
  /** 1-based character position in that line (where the source keeps one line per row, e.g. flattened text). */
  column?: number
  /** Element path of an HTML input, e.g. "table 2, row 5, cell 3" or "p 14". */
  element?: string
  /** 1-based page of a PDF input. */
  page?: number
  /** The box on that page, in points from its top left corner: [left, top, right, bottom]. */
  box?: [number, number, number, number]
}

export interface Line {
  /** The line's text as printed (cells of a table row joined by a space). */
  text: string
  /** The cells; a blank cell is "" (only where the layout marks cells, so that a blank can stand for 0). */
  cells: string[]
  locations: Location[]
  /** For long text lines (flattened text): the 0-based offset of each cell in the line as printed. */
  columns?: number[]
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
  let terminated = 0
  for (const line of lines) {
    if (line.includes('\t')) tabs++
    const trimmed = line.trim()
    if (trimmed.includes('|')) pipes++
    if (trimmed !== '|' && (trimmed.endsWith('|') || trimmed.startsWith('|'))) terminated++
  }
  if (tabs >= 3 && tabs >= pipes) return 'tabs'
  // Lines ending (or starting) with a bar hold a cell each: a bare "|" among them is an empty cell. Where no line
  // does, bare bars only separate cells printed on lines of their own.
  if (pipes >= 3) return terminated >= 3 ? 'pipes-terminated' : 'pipes-separated'
  return 'lines'
}

const MARKDOWN_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/

interface Piece {
  text: string
  column: number
}

/**
 * The cells of one text line, by layout. The terminating bar is not a cell; an empty piece between bars ("||", a
 * merged cell's filler or a blank cell whose space was lost) is kept as a blank: the table reader decides from the
 * row's width whether it stands for a cell.
 */
function cellsOf(line: string, layout: TextLayout): Piece[] {
  const trimmed = line.trim()
  const lead = line.length - line.trimStart().length
  switch (layout) {
    case 'tabs': {
      if (trimmed === '') return []
      const cells: Piece[] = []
      let column = 0
      for (const text of line.replace(/\r$/, '').split('\t')) {
        cells.push({ text, column })
        column += text.length + 1
      }
      while (cells.length > 1 && cells[cells.length - 1]!.text.trim() === '') cells.pop()
      return cells
    }
    case 'pipes-terminated':
    case 'pipes-separated': {
      if (trimmed === '' || MARKDOWN_RULE.test(trimmed)) return []
      if (/^\|+$/.test(trimmed)) return trimmed.length === 1 && layout === 'pipes-terminated' ? [{ text: '', column: lead }] : []
      const pieces: Piece[] = []
      let column = lead
      for (const text of trimmed.split('|')) {
        pieces.push({ text, column })
        column += text.length + 1
      }
      if (trimmed.startsWith('|')) pieces.shift()
      if (trimmed.endsWith('|')) pieces.pop()
      return pieces.map((piece) => (piece.text.trim() === '' ? { text: '', column: piece.column } : piece))
    }
    case 'lines':
      return trimmed === '' ? [] : [{ text: line, column: 0 }]
  }
}

const MARKDOWN_HEADING = /^#{1,6}\s+/
const LONG_LINE = 120

export function textToLines(text: string): Line[] {
  const raw = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(MARKDOWN_HEADING, ''))
  const layout = detectLayout(raw)
  return raw.map((line, index) => {
    const location = { line: index + 1 }
    const pieces = cellsOf(line, layout)
    return {
      text: line.replace(/\t/g, ' ').trim(),
      cells: pieces.map((piece) => piece.text),
      // A character position helps only on a long line holding many cells (flattened text); elsewhere the line is enough.
      ...(line.length > LONG_LINE ? { columns: pieces.map((piece) => piece.column) } : {}),
      locations: pieces.map(() => location),
      location,
      tableRow: false,
    }
  })
}
