/**
 * A report typeset as office suites (WPS, Word) export it to PDF, with the quirks real exports have, each a switch:
 * header words stacked two characters a line in narrow columns, 三、本年度办理结果 written vertically down a merged
 * cell, group labels centred in the middle of their sub-rows, long labels wrapping with the numbers centred on
 * another line, page numbers (`- 3 -`) and page breaks inside a table that goes on without its header, a running
 * header on every page, label typos, tables with all rules, no rules or only horizontal ones, and a content stream
 * in scrambled order (shuffled, or all labels before all numbers).
 */
import type { Report } from '../../generated/report.js'
import { grid, layoutReport, type Block, type Cell } from '../../src/render/document.js'
import { textWidth, writePdf, type PlacedRule, type PlacedText, type WrittenPage } from './pdf-writer.js'

export interface OfficeQuirks {
  rules: 'all' | 'none' | 'horizontal'
  /** Rules as thin filled rectangles (Word) rather than strokes (WPS). */
  filledRules: boolean
  /** Where a merged cell is cut by a page break: closed by a rule on both pages (Word), or left open. */
  closeCutCells: boolean
  /** The order of the content stream. */
  order: 'reading' | 'shuffled' | 'labels-first'
  /** How the text is encoded (see WriteOptions.encoding); default Identity-H with a ToUnicode map. */
  encoding?: 'Identity-H' | 'UniGB-UCS2-H'
  pageNumbers: boolean
  runningHeader: boolean
  /** Replace some labels by the variants real reports print. */
  typos: boolean
  /** Numbers at the bottom of their cell (so a wrapped label's first line has no numbers beside it). */
  numbersAtBottom: boolean
  pageHeight: number
  /** No cell padding: rows as close as the lines inside a cell (Word's default table). */
  dense: boolean
  /** Labels centred in their cells, as many templates set them. */
  centreLabels: boolean
  /** Every character a text item of its own, placed one by one (as WPS writes them). */
  charRuns: boolean
  /** Bold simulated by printing the labels twice, a fraction of a point apart. */
  overprint: boolean
  /** Tables without their outer left and right rules. */
  openSides: boolean
  /** A frame drawn round the text of every page. */
  pageFrame: boolean
  /** A slanted watermark across every page. */
  watermark: boolean
  /** Zeros left blank, as many agencies fill the tables. */
  zerosBlank: boolean
  /** A table's header rows printed again at the top of every page it goes on to (Word's "repeat header rows"). */
  repeatHeader: boolean
  /** Every page turned a quarter clockwise: the text reads downwards (a landscape page set on a portrait one). */
  sideways: boolean
  /** A label written down its narrow cell as one run of text turned a quarter (Word's vertical text direction). */
  turnedLabels: boolean
}

export const DEFAULT_QUIRKS: OfficeQuirks = {
  rules: 'all',
  filledRules: false,
  closeCutCells: false,
  order: 'reading',
  pageNumbers: true,
  runningHeader: true,
  typos: false,
  numbersAtBottom: false,
  pageHeight: 842,
  dense: false,
  centreLabels: false,
  charRuns: false,
  overprint: false,
  openSides: false,
  pageFrame: false,
  watermark: false,
  zerosBlank: false,
  repeatHeader: false,
  sideways: false,
  turnedLabels: false,
}

/** Label variants seen in real reports: a dropped word, a different numbering mark, a near-synonym. */
export const TYPOS: [RegExp, string][] = [
  [/^行政规范性文件$/, '规范性文件'],
  [/^2\.没有现成信息需要另行制作$/, '2.没有现成信息需另行制作'],
  [/^3\.危及“三安全一稳定”$/, '3.危及"三安全一稳定"'],
  [/^5\.属于三类内部事务信息$/, '5、属于三类内部事务信息'],
  [/^4\.无正当理由大量反复申请$/, '4.无正当理由大量反复申'],
]

const PAGE_WIDTH = 595
const MARGIN_X = 64
const MARGIN_TOP = 72
const MARGIN_BOTTOM = 72
const BODY = 12
const TABLE = 9
const PITCH = 1.5

interface Galley {
  pages: WrittenPage[]
  y: number
}

/** Breaks text into lines of at most `width` points. */
function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of Array.from(text)) {
    if (line !== '' && textWidth(line + ch, size) > width) {
      lines.push(line)
      line = ''
    }
    line += ch
  }
  if (line !== '') lines.push(line)
  return lines
}

function newPage(galley: Galley, quirks: OfficeQuirks, title: string): WrittenPage {
  const page: WrittenPage = { width: PAGE_WIDTH, height: quirks.pageHeight, texts: [], rules: [], filledRules: quirks.filledRules }
  galley.pages.push(page)
  galley.y = MARGIN_TOP
  if (quirks.runningHeader) page.texts.push({ text: title, x: MARGIN_X, y: MARGIN_TOP - 30, size: 9 })
  return page
}

const current = (galley: Galley) => galley.pages[galley.pages.length - 1]!

function paragraph(galley: Galley, quirks: OfficeQuirks, title: string, text: string, size: number, indent: boolean, centred = false) {
  const width = PAGE_WIDTH - 2 * MARGIN_X
  const lines = wrap((indent ? '\u3000\u3000' : '') + text, size, width)
  for (const line of lines) {
    if (galley.y + size * PITCH > quirks.pageHeight - MARGIN_BOTTOM) newPage(galley, quirks, title)
    galley.y += size * PITCH
    const trimmed = line.replace(/^\u3000+/, '')
    const lead = textWidth(line, size) - textWidth(trimmed, size)
    const x = centred ? (PAGE_WIDTH - textWidth(trimmed, size)) / 2 : MARGIN_X + lead
    current(galley).texts.push({ text: trimmed, x, y: galley.y, size })
  }
}

/** Column widths of a table, in points: label columns by the template's layout, the rest shared. */
function columnWidths(block: Extract<Block, { kind: 'table' }>, columns: number): number[] {
  const width = PAGE_WIDTH - 2 * MARGIN_X
  const isMatrix = block.headerRows === 3 && columns >= 9 && columns <= 10
  if (isMatrix) {
    const labels = [TABLE * 2, TABLE * 5, TABLE * 12].slice(0, columns - 7)
    const rest = (width - labels.reduce((a, b) => a + b, 0)) / 7
    return [...labels, ...Array.from({ length: 7 }, () => rest)]
  }
  if (columns >= 10) return Array.from({ length: columns }, () => width / columns)
  const first = columns === 1 ? width : width * 0.34
  return [first, ...Array.from({ length: columns - 1 }, () => (width - first) / (columns - 1))]
}

function table(galley: Galley, quirks: OfficeQuirks, title: string, block: Extract<Block, { kind: 'table' }>) {
  const full = grid(block.rows)
  const columns = Math.max(...full.map((r) => r.length))
  const widths = columnWidths(block, columns)
  const xs = widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [MARGIN_X])
  // Cells with their origin and span.
  const cells: { row: number; column: number; rowspan: number; colspan: number; text: string }[] = []
  block.rows.forEach((row, r) => {
    let column = 0
    const taken = (c: number) => cells.some((cell) => cell.column <= c && c < cell.column + cell.colspan && cell.row <= r && r < cell.row + cell.rowspan)
    for (const c of row as Cell[]) {
      while (taken(column)) column++
      let text = c.text
      if (quirks.zerosBlank && r >= block.headerRows && text === '0') text = ''
      if (quirks.typos) for (const [pattern, replacement] of TYPOS) if (pattern.test(text)) text = text.replace(pattern, replacement)
      cells.push({ row: r, column, rowspan: c.rowspan ?? 1, colspan: c.colspan ?? 1, text })
      column += c.colspan ?? 1
    }
  })
  const pad = quirks.dense ? 0.5 : 2
  const spanWidth = (c: (typeof cells)[number]) => xs[c.column + c.colspan]! - xs[c.column]! - 2 * pad
  // Header words in the value columns stack two characters a line, as in the narrow columns of real exports.
  const firstValue = columns - 7
  const stacked = (c: (typeof cells)[number]) => block.headerRows === 3 && columns >= 9 && columns <= 10 && c.row < block.headerRows && c.colspan === 1 && c.column >= firstValue
  const linesOf = (c: (typeof cells)[number]) => wrap(c.text, TABLE, stacked(c) ? TABLE * 2 : spanWidth(c))
  // Row heights from the cells that span one row.
  const heights = full.map((_, r) => {
    const own = cells.filter((c) => c.row === r && c.rowspan === 1)
    return Math.max(quirks.dense ? TABLE * 1.25 : TABLE * PITCH, ...own.map((c) => linesOf(c).length * TABLE * 1.25 + 2 * pad))
  })
  // Rows placed on pages: a row never splits; a page break may fall between any two rows.
  const placed: { page: number; top: number }[] = []
  // Where the header rows are printed again, one list of row places per page the table goes on to.
  const repeats: { page: number; top: number }[][] = []
  const headerHeight = heights.slice(0, block.headerRows).reduce((a, b) => a + b, 0)
  galley.y += 6
  heights.forEach((h, r) => {
    if (galley.y + h > quirks.pageHeight - MARGIN_BOTTOM) {
      newPage(galley, quirks, title)
      if (quirks.repeatHeader && r >= block.headerRows) {
        let top = galley.y
        repeats.push(heights.slice(0, block.headerRows).map((hh) => ({ page: galley.pages.length - 1, top: (top += hh) - hh })))
        galley.y += headerHeight
      }
    }
    placed.push({ page: galley.pages.length - 1, top: galley.y })
    galley.y += h
  })
  const texts: { page: number; text: PlacedText; label: boolean }[] = []
  const drawn = [...cells.map((c) => ({ c, placed })), ...repeats.flatMap((at) => cells.filter((c) => c.row + c.rowspan <= block.headerRows).map((c) => ({ c, placed: at })))]
  for (const { c, placed } of drawn) {
    const rows = Array.from({ length: c.rowspan }, (_, k) => c.row + k)
    // Text lines centred over the whole span (a virtual strip), then mapped onto the page each falls on.
    const total = rows.reduce((sum, r) => sum + heights[r]!, 0)
    const numeric = /^[-+]?[0-9.]+$/.test(c.text)
    let lines = linesOf(c)
    // Turned: the whole label one run reading downwards, centred down the cell.
    if (quirks.turnedLabels && !numeric && lines.length >= 3 && lines.every((l) => Array.from(l).length === 1)) {
      const total = rows.reduce((sum, r) => sum + heights[r]!, 0)
      const length = textWidth(c.text, TABLE)
      let acc = 0
      let row = rows[0]!
      for (const r of rows) {
        row = r
        if ((total - length) / 2 <= acc + heights[r]!) break
        acc += heights[r]!
      }
      const at = placed[row]!
      texts.push({ page: at.page, text: { text: c.text, x: xs[c.column]! + pad + TABLE * 0.2, y: at.top + (total - length) / 2 - acc, size: TABLE, angle: -90 }, label: true })
      lines = []
    }
    const height = lines.length * TABLE * 1.25
    const start = numeric && quirks.numbersAtBottom ? total - height - pad : (total - height) / 2
    lines.forEach((line, k) => {
      const offset = start + (k + 1) * TABLE * 1.25 - TABLE * 0.25
      let acc = 0
      let row = rows[0]!
      for (const r of rows) {
        row = r
        if (offset <= acc + heights[r]!) break
        acc += heights[r]!
      }
      const at = placed[row]!
      const centred = numeric || c.row < block.headerRows || quirks.centreLabels
      const x = centred ? xs[c.column]! + pad + (spanWidth(c) - textWidth(line, TABLE)) / 2 : xs[c.column]! + pad
      const y = at.top + (offset - acc)
      texts.push({ page: at.page, text: { text: line, x, y, size: TABLE }, label: !numeric })
      if (quirks.overprint && !numeric) texts.push({ page: at.page, text: { text: line, x: x + 0.3, y, size: TABLE }, label: true })
    })
    // Borders: per page the cell covers.
    if (quirks.rules === 'none') continue
    const segments = new Map<number, { top: number; bottom: number; first: boolean; last: boolean }>()
    rows.forEach((r, k) => {
      const at = placed[r]!
      const seg = segments.get(at.page)
      if (seg === undefined) segments.set(at.page, { top: at.top, bottom: at.top + heights[r]!, first: k === 0, last: k === rows.length - 1 })
      else {
        seg.bottom = at.top + heights[r]!
        seg.last = k === rows.length - 1
      }
    })
    for (const [page, seg] of segments) {
      const rules: PlacedRule[] = []
      const [x0, x1] = [xs[c.column]!, xs[c.column + c.colspan]!]
      if (seg.first || quirks.closeCutCells) rules.push({ x0, y0: seg.top, x1, y1: seg.top })
      if (seg.last || quirks.closeCutCells) rules.push({ x0, y0: seg.bottom, x1, y1: seg.bottom })
      if (quirks.rules === 'all') {
        if (!(quirks.openSides && c.column === 0)) rules.push({ x0, y0: seg.top, x1: x0, y1: seg.bottom })
        if (!(quirks.openSides && c.column + c.colspan === columns)) rules.push({ x0: x1, y0: seg.top, x1, y1: seg.bottom })
      }
      galley.pages[page]!.rules.push(...rules)
    }
  }
  const ordered = quirks.order === 'labels-first' ? [...texts.filter((t) => t.label), ...texts.filter((t) => !t.label)] : texts
  for (const t of ordered) galley.pages[t.page]!.texts.push(t.text)
  galley.y += 6
}

/** Shuffles a page's content stream (deterministically). */
function shuffled(items: string[]): string[] {
  const out = [...items]
  let seed = 12345
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    const j = seed % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

export function officePdf(report: Report, quirks: Partial<OfficeQuirks> = {}): Uint8Array {
  const q = { ...DEFAULT_QUIRKS, ...quirks }
  const blocks = layoutReport(report)
  const title = blocks[0]!.kind === 'title' ? blocks[0]!.text : ''
  const galley: Galley = { pages: [], y: 0 }
  newPage(galley, { ...q, runningHeader: false }, title)
  for (const b of blocks) {
    if (b.kind === 'title') paragraph(galley, q, title, b.text, 18, false, true)
    else if (b.kind === 'meta') for (const line of b.lines) paragraph(galley, q, title, `${line.label}：${line.value}`, BODY, false)
    else if (b.kind === 'heading') paragraph(galley, q, title, b.text, b.level === 2 ? 14 : BODY, b.level === 3)
    else if (b.kind === 'paragraph') paragraph(galley, q, title, b.text, BODY, true)
    else table(galley, q, title, b)
  }
  if (q.pageNumbers) {
    galley.pages.forEach((page, i) => {
      const text = `- ${i + 1} -`
      page.texts.push({ text, x: (PAGE_WIDTH - textWidth(text, 10)) / 2, y: q.pageHeight - 40, size: 10 })
    })
  }
  for (const page of galley.pages) {
    if (q.pageFrame) {
      const [l, r, t, b] = [MARGIN_X - 20, PAGE_WIDTH - MARGIN_X + 20, 20, q.pageHeight - 20]
      page.rules.push({ x0: l, y0: t, x1: r, y1: t }, { x0: l, y0: b, x1: r, y1: b }, { x0: l, y0: t, x1: l, y1: b }, { x0: r, y0: t, x1: r, y1: b })
    }
    if (q.watermark) page.texts.push({ text: '内部资料仅供参考', x: 150, y: q.pageHeight / 2 + 100, size: 40, angle: 35 })
  }
  if (q.charRuns) {
    for (const page of galley.pages) {
      page.texts = page.texts.flatMap((t) => {
        if (t.angle !== undefined) return [t]
        let x = t.x
        return Array.from(t.text, (ch) => {
          const run = { text: ch, x, y: t.y, size: t.size }
          x += textWidth(ch, t.size)
          return run
        })
      })
    }
  }
  if (q.sideways) {
    galley.pages = galley.pages.map((page) => {
      const turn = (x: number, y: number) => ({ x: page.height - y, y: x })
      return {
        ...page,
        width: page.height,
        height: page.width,
        texts: page.texts.map((t) => ({ ...t, ...turn(t.x, t.y), angle: (t.angle ?? 0) - 90 })),
        rules: page.rules.map((r) => {
          const a = turn(r.x0, r.y0)
          const b = turn(r.x1, r.y1)
          return { ...r, x0: a.x, y0: a.y, x1: b.x, y1: b.y }
        }),
      }
    })
  }
  return writePdf(galley.pages, { order: q.order === 'shuffled' ? shuffled : (items) => items, ...(q.encoding === undefined ? {} : { encoding: q.encoding }) })
}
