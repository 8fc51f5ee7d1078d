/**
 * PDF geometry → lines, the intermediate form every input becomes. Only positions are used, never the order of the
 * text stream (which WPS and Word exports scramble):
 *
 * 1. Ruled tables: a text run belongs to the cell bounded by the nearest ruling lines around its centre that reach
 *    it (so a merged cell holds its whole text, a label written vertically or stacked two characters a line is one
 *    cell); a row is the cells that start at the same height, as an HTML table has them; a cell the rules bound but
 *    no text fills is a blank.
 * 2. Everything else: runs on one baseline make a line, cut into cells at wide gaps; single characters stacked in a
 *    column (vertical writing) make one text.
 * 3. Page furniture (page numbers, running headers and footers repeated on most pages) is dropped; the lines of a
 *    paragraph, wrapped at the right margin, are joined again, also across a page break.
 */
import type { Line, Location } from '../text.js'
import type { PdfPage, Rule, TextRun } from './extract.js'

/** The least and the greatest of many numbers (a spread of a hostile page's characters would overflow the stack). */
function least(values: readonly number[]): number {
  let out = Infinity
  for (const v of values) if (v < out) out = v
  return out
}
function most(values: readonly number[]): number {
  let out = -Infinity
  for (const v of values) if (v > out) out = v
  return out
}

/** A page with more rules than this (a report's tables have a few hundred) is read as if unruled. */
export const MAX_RULES_PER_PAGE = 5000

/** Positions closer than this (points) are the same line of a grid. */
const SNAP = 2
/** A gap wider than this many ems between runs on one baseline separates cells. */
const CELL_GAP_EM = 0.6
/** A gap wider than this many ems is a space. */
const SPACE_GAP_EM = 0.2
/** A cell larger than this share of the page is a frame around the text, not a table cell. */
const MAX_CELL_SHARE = 0.25

interface Box {
  x0: number
  x1: number
  top: number
  bottom: number
  /** True if a rule closes the box at the top (a cell continued from the page before has none). */
  closedTop?: boolean
  /** True if a rule closes the box at the bottom (a row that a page break cuts has none there). */
  closedBottom?: boolean
  /** A text cell whose last line runs to its right side: text that may go on (set on a table row's cells). */
  full?: boolean
}

/** Collinear rules merged into maximal segments: horizontal ones keyed by y, vertical ones by x. */
interface Segment {
  at: number
  from: number
  to: number
}

function mergeSegments(rules: readonly Rule[], horizontal: boolean): Segment[] {
  const raw = rules
    .filter((r) => (horizontal ? r.y0 === r.y1 : r.x0 === r.x1))
    .map((r) => (horizontal ? { at: r.y0, from: r.x0, to: r.x1 } : { at: r.x0, from: r.y0, to: r.y1 }))
    .sort((a, b) => a.at - b.at || a.from - b.from)
  const out: Segment[] = []
  // Group by position, then join overlapping or touching intervals within each group.
  let i = 0
  while (i < raw.length) {
    let j = i
    while (j + 1 < raw.length && raw[j + 1]!.at - raw[i]!.at <= SNAP) j++
    const group = raw.slice(i, j + 1).sort((a, b) => a.from - b.from)
    const at = group.reduce((sum, s) => sum + s.at, 0) / group.length
    let current = { at, from: group[0]!.from, to: group[0]!.to }
    for (const s of group.slice(1)) {
      if (s.from <= current.to + SNAP) current.to = Math.max(current.to, s.to)
      else {
        out.push(current)
        current = { at, from: s.from, to: s.to }
      }
    }
    out.push(current)
    i = j + 1
  }
  return out
}

/**
 * The rules of tables: those that meet at least three rules across them, or meet one that does. A frame drawn
 * round the page, a box round a note or the edges of a background meet only each other at their corners: text
 * inside them is not in a table.
 */
function tableRules(horizontal: Segment[], vertical: Segment[]): { horizontal: Segment[]; vertical: Segment[] } {
  const meets = (h: Segment, v: Segment) => v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP
  const hCount = horizontal.map((h) => vertical.filter((v) => meets(h, v)).length)
  const vCount = vertical.map((v) => horizontal.filter((h) => meets(h, v)).length)
  return {
    horizontal: horizontal.filter((h, i) => hCount[i]! >= 3 || vertical.some((v, k) => vCount[k]! >= 3 && meets(h, v))),
    vertical: vertical.filter((v, i) => vCount[i]! >= 3 || horizontal.some((h, k) => hCount[k]! >= 3 && meets(h, v))),
  }
}

/** Finds the cell of the grid around a point: the nearest rule on each side that reaches the point. */
class Grid {
  constructor(
    private readonly horizontal: Segment[],
    private readonly vertical: Segment[],
    private readonly maxArea: number,
  ) {}

  cellAt(x: number, y: number): Box | undefined {
    let left: Segment | undefined
    let right: Segment | undefined
    for (const v of this.vertical) {
      if (v.from - SNAP > y || v.to + SNAP < y) continue
      if (v.at <= x && (left === undefined || v.at > left.at)) left = v
      if (v.at > x && (right === undefined || v.at < right.at)) right = v
    }
    if (left === undefined || right === undefined) return undefined
    let above: Segment | undefined
    let below: Segment | undefined
    for (const h of this.horizontal) {
      if (h.from - SNAP > x || h.to + SNAP < x) continue
      if (h.at <= y && (above === undefined || h.at > above.at)) above = h
      if (h.at > y && (below === undefined || h.at < below.at)) below = h
    }
    // A table cut by a page break has no rule where the page cuts it: there the cell ends where its sides end.
    const top = Math.max(above?.at ?? -Infinity, Math.max(left.from, right.from))
    const bottom = Math.min(below?.at ?? Infinity, Math.min(left.to, right.to))
    if (above === undefined && below === undefined) return undefined
    const box = { x0: left.at, x1: right.at, top, bottom, closedTop: above !== undefined && above.at >= top - SNAP, closedBottom: below !== undefined && below.at <= bottom + SNAP }
    if ((box.x1 - box.x0) * (box.bottom - box.top) > this.maxArea) return undefined
    return box
  }

  /** The vertical rules that cross height y, left to right. */
  columnsAt(y: number): number[] {
    return this.vertical.filter((v) => v.from - SNAP <= y && v.to + SNAP >= y).map((v) => v.at)
  }
}

/** Estimated advance of a character, in ems: CJK and full-width characters are square, the rest about half. */
const ems = (text: string) => Array.from(text).reduce((sum, ch) => sum + (/[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u2014\u2018-\u201d\u2026]/.test(ch) ? 1 : 0.5), 0)

/**
 * Runs cut into characters, placed in proportion to their estimated advances across the run's width. pdf.js joins
 * glyphs that follow each other in the content stream into one item (with a space where a gap was), whatever
 * they are: cells set close together, a word and its reprint (simulated bold), a run across a ruling line. By
 * characters, each is placed on its own.
 */
function glyphs(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = []
  for (const run of runs) {
    const chars = Array.from(run.text)
    if (!run.horizontal || chars.length === 1) {
      out.push(run)
      continue
    }
    const advances = chars.map((ch) => (/\s/.test(ch) ? 0.3 : ems(ch)))
    const scale = (run.x1 - run.x0) / advances.reduce((a, b) => a + b, 0)
    let x = run.x0
    chars.forEach((text, i) => {
      const width = advances[i]! * scale
      if (!/\s/.test(text)) out.push({ ...run, text, x0: x, x1: x + width })
      x += width
    })
  }
  return out
}

/** Drops a character printed again over itself (simulated bold): the same character within a third of an em. */
function dropOverprints(runs: readonly TextRun[]): TextRun[] {
  const kept: TextRun[] = []
  const seen = new Map<string, TextRun[]>()
  for (const run of runs) {
    const key = `${run.text}|${Math.round(run.top / 4)}`
    const near = [-1, 0, 1].flatMap((d) => seen.get(`${run.text}|${Math.round(run.top / 4) + d}`) ?? [])
    if (near.some((o) => Math.abs(o.x0 - run.x0) < run.size * 0.34 && Math.abs(o.top - run.top) < run.size * 0.34)) continue
    seen.set(key, [...(seen.get(key) ?? []), run])
    kept.push(run)
  }
  return kept
}

/** Runs that share a baseline, each line left to right. */
function baselines(runs: readonly TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => a.top + a.bottom - (b.top + b.bottom) || a.x0 - b.x0)
  const lines: { runs: TextRun[]; top: number; bottom: number }[] = []
  for (const run of sorted) {
    const height = run.bottom - run.top
    let line = lines.length === 0 ? undefined : lines[lines.length - 1]
    // Only the last few lines can still take a run: the runs come sorted by height on the page.
    let best: typeof line
    for (let k = lines.length - 1; k >= Math.max(0, lines.length - 3); k--) {
      line = lines[k]!
      const overlap = Math.min(line.bottom, run.bottom) - Math.max(line.top, run.top)
      if (overlap >= 0.5 * Math.min(height, line.bottom - line.top)) {
        best = line
        break
      }
    }
    if (best === undefined) lines.push({ runs: [run], top: run.top, bottom: run.bottom })
    else {
      best.runs.push(run)
      best.top = Math.min(best.top, run.top)
      best.bottom = Math.max(best.bottom, run.bottom)
    }
  }
  return lines.map((line) => line.runs.sort((a, b) => a.x0 - b.x0))
}

const ASCII_WORD = /[A-Za-z0-9]$/
const WIDE = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/
/**
 * The gap, in ems, beyond which two runs are words apart: between Latin letters or digits a fifth of an em; between
 * a Chinese character and a Latin one a quarter (office suites set about a fifth there by themselves, and that is
 * no space in the text); between Chinese characters half an em (justified lines spread them).
 */
function spaceGap(before: string, after: string): number {
  const wide = (WIDE.test(before.slice(-1)) ? 1 : 0) + (WIDE.test(after.slice(0, 1)) ? 1 : 0)
  return wide === 2 ? 0.5 : wide === 1 ? 0.24 : SPACE_GAP_EM
}

/** The text of runs on one baseline: a space where the gap is wide, none between characters set close. */
function joinRuns(runs: readonly TextRun[]): string {
  let text = ''
  runs.forEach((run, i) => {
    const previous = runs[i - 1]
    if (previous !== undefined && run.x0 - previous.x1 > spaceGap(previous.text, run.text) * Math.min(run.size, previous.size)) text += ' '
    text += run.text
  })
  return text
}

/** Lines of text inside one cell, joined: a cell's text wraps at its width, so the lines run on. */
function cellText(runs: readonly TextRun[]): string {
  return baselines(runs)
    .map((line) => joinRuns(line).trim())
    .join('')
}

/** Where a table's row label begins: "（一）", "1.", "一、". */
const ROW_START = /^\s*(?:[（(][一二三四五六七八九十]+[)）]|\d{1,2}\s*[.、．]|[一二三四五六七八九十]+、)/
/** A value cell: a number, maybe signed, maybe with its unit. */
const NUMERIC = /^[-+－]?[0-9０-９][0-9０-９,，.．]*\s*(?:%|％|万元|元|件|个|项|次)?$/

/** A cell of unruled text: runs close together on one baseline, and the lines of a wrapped cell below them. */
interface FreeCell extends Box {
  text: string
  size: number
  numeric: boolean
  /** The next cell to its right on its baseline is a number: this text labels its own values. */
  owns: boolean
  /** Another cell follows it on its baseline. */
  followed: boolean
  /** The last line taken in (alignment and gaps are measured from it). */
  last: Box
  line: number
  absorbed: boolean
}

/** Cells stacked this close (in ems of their size) are lines of one cell. */
const WRAP_GAP_EM = 1

/**
 * Unruled text → lines of cells. Runs on one baseline are cut into cells at wide gaps. Then a table's cells that
 * wrap are joined again, column by column: a text cell takes in the text cell right below it when the two are
 * aligned (left edges, or centres), set as close as lines of one cell, the upper one in a table (on a line of several
 * cells, or next to one), and the lower one does not start a row label (“（二）”, “3.”), nor label
 * values of its own under a cell that other cells follow (a header over the first row). So header words stacked two
 * characters a line, a label written vertically one character a line, and a long label wrapped around its numbers
 * each become one cell.
 */
function freeLines(runs: readonly TextRun[], textWidth: number): FreeCell[][] {
  const lines = baselines(runs).map((line, index) => {
    const groups: TextRun[][] = []
    line.forEach((run, k) => {
      const group = groups[groups.length - 1]
      const previous = group?.[group.length - 1]
      const gap = previous === undefined ? 0 : run.x0 - previous.x1
      const close = previous !== undefined && gap <= CELL_GAP_EM * Math.min(run.size, previous.size)
      // A row label's number after a space, behind a short text, starts a cell of its own: a group label and its
      // first sub-row's label set close together (“（四） 1.本机关…”).
      const startsRow = close && gap > SPACE_GAP_EM * run.size && joinRuns(group!).length <= 6 && ROW_START.test(joinRuns(line.slice(k, k + 4)))
      if (close && !startsRow) group!.push(run)
      else groups.push([run])
    })
    const cells: FreeCell[] = groups.map((g) => {
      const box = { x0: g[0]!.x0, x1: g[g.length - 1]!.x1, top: least(g.map((r) => r.top)), bottom: most(g.map((r) => r.bottom)) }
      const text = joinRuns(g)
      return { text, ...box, size: most(g.map((r) => r.size)), numeric: NUMERIC.test(text.trim()), owns: false, followed: false, last: box, line: index, absorbed: false }
    })
    cells.forEach((cell, i) => {
      cell.owns = !cell.numeric && cells[i + 1]?.numeric === true
      cell.followed = i + 1 < cells.length
    })
    return cells
  })
  const inTable = (i: number) => (lines[i]?.length ?? 0) >= 2 || (lines[i - 1]?.length ?? 0) >= 2 || (lines[i + 1]?.length ?? 0) >= 2
  // Aligned: left edges, or centres (a short last line of a centred text under a full one). A cell that has other
  // cells of the lower line under it spans their columns (a header over several): nothing below continues it.
  const aligned = (a: FreeCell, b: FreeCell) => {
    const last = a.last
    const spans = lines[b.line]!.some((other) => other !== b && other.x1 > a.x0 && other.x0 < a.x1)
    if (spans) return false
    if (Math.abs(last.x0 - b.x0) <= a.size * 0.5) return true
    return Math.abs((last.x0 + last.x1) / 2 - (b.x0 + b.x1) / 2) <= a.size * 0.5
  }
  // Open cells, per column, that may still take a line below them.
  const open: FreeCell[] = []
  lines.forEach((cells, i) => {
    for (const cell of cells) {
      if (cell.numeric || cell.x1 - cell.x0 > textWidth / 2) continue
      const above = open.find(
        (a) =>
          a.line < i &&
          Math.abs(a.size - cell.size) <= a.size * 0.15 &&
          cell.top - a.last.bottom <= a.size * WRAP_GAP_EM &&
          cell.top - a.last.bottom >= -a.size * 0.3 &&
          // Beside its values, a label's line is full where it wraps: what comes below is no wider.
          (!a.owns || cell.x1 - cell.x0 <= a.last.x1 - a.last.x0 + a.size) &&
          aligned(a, cell),
      )
      // A text with values of its own continues only a cell that nothing follows (not a header over a first row).
      // A line much narrower than the one above ends that cell: if another line goes on below it, it is not the
      // end of the wider one but the start of a narrower cell (a table's first column under a heading).
      const narrower = above !== undefined && cell.x1 - cell.x0 < above.last.x1 - above.last.x0 - 2 * cell.size
      const goesOn = narrower && [lines[i + 1], lines[i + 2]].some((next) => next?.some((c) => !c.numeric && !ROW_START.test(c.text) && c.top - cell.bottom <= cell.size * WRAP_GAP_EM && c.top > cell.top && Math.abs(c.x0 - cell.x0) <= cell.size * 0.5 && c.x1 - c.x0 <= cell.x1 - cell.x0 + cell.size))
      if (above !== undefined && !goesOn && !ROW_START.test(cell.text) && !(cell.owns && above.followed)) {
        above.text += cell.text.trim()
        above.x0 = Math.min(above.x0, cell.x0)
        above.x1 = Math.max(above.x1, cell.x1)
        above.bottom = Math.max(above.bottom, cell.bottom)
        above.owns ||= cell.owns
        above.followed ||= cell.followed
        above.last = { x0: cell.x0, x1: cell.x1, top: cell.top, bottom: cell.bottom }
        cell.absorbed = true
        continue
      }
      // A cell of a table may take the lines below it, even lines that are alone on theirs (a label wrapped over many).
      if (inTable(i) && cell.x1 - cell.x0 <= textWidth / 2) open.push(cell)
    }
    // A cell stays open only while lines keep coming close below it.
    for (let k = open.length - 1; k >= 0; k--) if (open[k]!.last.bottom < (cells[0]?.top ?? 0) - open[k]!.size * 2) open.splice(k, 1)
  })
  return lines.map((cells) => cells.filter((cell) => !cell.absorbed)).filter((cells) => cells.length > 0)
}

interface Placed {
  /** Where the line starts on the page (a table row: its cells' top rule). */
  top: number
  /** Where its text starts: the reading order. */
  textTop: number
  bottom: number
  x0: number
  x1: number
  size: number
  cells: string[]
  boxes: Box[]
  tableRow: boolean
  /** A row of ruled cells. */
  ruled?: boolean
  page: number
  /** A table row whose cells no rule closes at the top: the rest of a row that a page break cut. */
  continued?: boolean
  /** A table row whose cells no rule closes at the bottom: a page break cut it. */
  cut?: boolean
}

const round = (n: number) => Math.round(n * 10) / 10
const locationOf = (page: number, box: Box): Location => ({ page, box: [round(box.x0), round(box.top), round(box.x1), round(box.bottom)] })

/** The lines of one page, top to bottom. */
function pageLines(page: PdfPage): Placed[] {
  const merged = page.rules.length > MAX_RULES_PER_PAGE * 4 ? { h: [], v: [] } : { h: mergeSegments(page.rules, true), v: mergeSegments(page.rules, false) }
  const { horizontal, vertical } = merged.h.length + merged.v.length > MAX_RULES_PER_PAGE ? { horizontal: [], vertical: [] } : tableRules(merged.h, merged.v)
  const grid = new Grid(horizontal, vertical, page.width * page.height * MAX_CELL_SHARE)
  const runs = dropOverprints(glyphs(page.runs))

  // 1. Runs inside ruled cells.
  const cells = new Map<string, { box: Box; runs: TextRun[] }>()
  const free: TextRun[] = []
  for (const run of runs) {
    const box = grid.cellAt((run.x0 + run.x1) / 2, (run.top + run.bottom) / 2)
    if (box === undefined) {
      free.push(run)
      continue
    }
    const key = `${Math.round(box.x0)},${Math.round(box.top)}`
    const cell = cells.get(key) ?? { box, runs: [] }
    cell.runs.push(run)
    cells.set(key, cell)
  }
  const placed: Placed[] = []
  const byTop = [...cells.values()].sort((a, b) => a.box.top - b.box.top || a.box.x0 - b.box.x0)
  for (let i = 0; i < byTop.length; ) {
    let j = i
    while (j + 1 < byTop.length && byTop[j + 1]!.box.top - byTop[i]!.box.top <= SNAP) j++
    const row = byTop.slice(i, j + 1)
    i = j + 1
    const top = least(row.map((c) => c.box.top))
    const bottom = least(row.map((c) => c.box.bottom))
    // Blank cells: the grid's cells on this row that start here and hold no text.
    const middle = (top + bottom) / 2
    const columns = grid.columnsAt(middle)
    const entries: { box: Box; text: string }[] = row.map((c) => {
      const lines = baselines(c.runs)
      const end = most(lines[lines.length - 1]!.map((r) => r.x1))
      return { box: { ...c.box, full: c.box.x1 - end <= 2 * least(c.runs.map((r) => r.size)) }, text: cellText(c.runs) }
    })
    for (let k = 0; k + 1 < columns.length; k++) {
      const x = (columns[k]! + columns[k + 1]!) / 2
      if (entries.some((e) => e.box.x0 <= x && e.box.x1 >= x)) continue
      const box = grid.cellAt(x, middle)
      // A blank cell starts on this row; the rest of a merged cell continued from the page before is not one.
      if (box === undefined || Math.abs(box.top - top) > SNAP || box.closedTop !== true) continue
      entries.push({ box, text: '' })
    }
    entries.sort((a, b) => a.box.x0 - b.box.x0)
    // Blanks before a row's label are no values of it (nor of the row above): the rest of a merged label cell from
    // the page before, closed by rules on both pages, or an empty group-label cell.
    const label = entries.findIndex((e) => e.text.trim() !== '')
    if (label > 0 && !NUMERIC.test(entries[label]!.text.trim())) entries.splice(0, label)
    placed.push({
      top,
      textTop: least(row.flatMap((c) => c.runs.map((r) => r.top))),
      bottom,
      x0: least(entries.map((e) => e.box.x0)),
      x1: most(entries.map((e) => e.box.x1)),
      size: least(row.flatMap((c) => c.runs.map((r) => r.size))),
      cells: entries.map((e) => e.text),
      boxes: entries.map((e) => e.box),
      tableRow: true,
      ruled: true,
      page: page.number,
      continued: row.every((c) => c.box.closedTop !== true),
      cut: row.every((c) => c.box.closedBottom !== true),
    })
  }

  // 2. Text outside ruled cells.
  const textWidth = Math.max(1, most(free.map((r) => r.x1))) - least(free.map((r) => r.x0))
  for (const cells of freeLines(free, Number.isFinite(textWidth) ? textWidth : page.width)) {
    const boxes = cells.map((c) => ({ x0: c.x0, x1: c.x1, top: c.top, bottom: c.bottom }))
    // A cell that took in the lines of a wrapped or vertical text belongs to a table: never a heading.
    const wrapped = cells.some((c) => c.bottom - c.top > c.size * 1.8)
    placed.push({
      top: least(cells.map((c) => c.top)),
      textTop: least(cells.map((c) => c.top)),
      bottom: most(cells.map((c) => c.bottom)),
      x0: cells[0]!.x0,
      x1: cells[cells.length - 1]!.x1,
      size: most(cells.map((c) => c.size)),
      cells: cells.map((c) => c.text),
      boxes,
      tableRow: wrapped,
      page: page.number,
    })
  }
  return besideRows(placed).sort((a, b) => a.textTop - b.textTop || a.x0 - b.x0)
}

/**
 * Text printed on a table row's line but outside its ruled cells (a table without its outer side rules leaves its
 * first and last columns unruled) joins that row, cell by cell, in order across.
 */
function besideRows(placed: Placed[]): Placed[] {
  const rows = placed.filter((line) => line.ruled === true)
  if (rows.length === 0) return placed
  return placed.filter((line) => {
    if (line.ruled === true) return true
    const keep: number[] = []
    line.cells.forEach((text, i) => {
      const box = line.boxes[i]!
      const height = box.bottom - box.top
      const row = rows.find((r) => {
        const overlap = Math.min(r.bottom, box.bottom) - Math.max(r.textTop, box.top)
        return overlap >= 0.5 * height && (box.x1 <= r.x0 + SNAP || box.x0 >= r.x1 - SNAP) && box.top >= r.top - SNAP && box.bottom <= r.bottom + SNAP
      })
      if (row === undefined) {
        keep.push(i)
        return
      }
      const at = row.boxes.findIndex((other) => other.x0 > box.x0)
      const index = at < 0 ? row.boxes.length : at
      row.cells.splice(index, 0, text)
      row.boxes.splice(index, 0, box)
      row.x0 = Math.min(row.x0, box.x0)
      row.x1 = Math.max(row.x1, box.x1)
    })
    if (keep.length === line.cells.length) return true
    if (keep.length === 0) return false
    line.cells = keep.map((i) => line.cells[i]!)
    line.boxes = keep.map((i) => line.boxes[i]!)
    line.x0 = line.boxes[0]!.x0
    line.x1 = line.boxes[line.boxes.length - 1]!.x1
    return true
  })
}

const PAGE_NUMBER = /^\s*(?:[-—–－─]*\s*\d{1,4}\s*[-—–－─]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|Page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$/i

/** Page numbers, and headers or footers printed at the same place on most pages. */
function dropFurniture(pages: Placed[][]): Placed[][] {
  const shape = (line: Placed) => `${Math.round(line.top / 3)}|${line.cells.join(' ').replace(/\d+/g, '#')}`
  const counts = new Map<string, number>()
  for (const lines of pages) {
    const edges = new Set([lines[0], lines[lines.length - 1]].filter((l) => l !== undefined && !l.tableRow).map((l) => shape(l!)))
    for (const key of edges) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return pages.map((lines) =>
    lines.filter((line, i) => {
      if (line.tableRow) return true
      const edge = i === 0 || i === lines.length - 1
      if (!edge) return true
      if (PAGE_NUMBER.test(line.cells.join(' '))) return false
      const repeated = counts.get(shape(line)) ?? 0
      return !(pages.length >= 3 && repeated >= Math.max(2, pages.length / 2))
    }),
  )
}

const LABELLED = /^[\u4e00-\u9fff]{2,6}[：:]/

/**
 * The width of what opens a line, in points: a Latin word or number as a whole; else a character with the
 * punctuation that may not begin a line (which a line break carries along).
 */
function openingWidth(text: string, size: number): number {
  const word = /^[A-Za-z0-9.,%+\-]+/.exec(text)?.[0]
  if (word !== undefined) return ems(word) * size
  const unit = /^.[，。、；：？！）》」』”’…—]*/u.exec(text)?.[0] ?? text.slice(0, 1)
  return ems(unit) * size
}

/**
 * True if `next` carries on the paragraph of `previous`: same size, not indented, no paragraph gap (on one page),
 * and `previous` ends where the next line's opening word would not have fitted: a line ends short of the margin
 * only where its paragraph ends.
 */
function continues(previous: Placed, next: Placed, margin: number, samePage: boolean): boolean {
  if (previous.tableRow || next.tableRow || previous.cells.length !== 1 || next.cells.length !== 1) return false
  // A line that opens with a short label and a colon (“发布日期：”) is a field of its own.
  if (LABELLED.test(next.cells[0]!.trim())) return false
  const size = previous.size
  if (Math.abs(next.size - size) > size * 0.1) return false
  if (margin - previous.x1 > openingWidth(next.cells[0]!.trim(), size) + 0.5 * size) return false
  // Indented against the line before it: a new paragraph.
  if (next.x0 > previous.x0 + 0.5 * size) return false
  if (samePage && next.top - previous.bottom > size * 1.0) return false
  return true
}

const CJK_END = /[\u3000-\u9fff\uff00-\uffef]$/
const CJK_START = /^[\u3000-\u9fff\uff00-\uffef]/

/**
 * A label of an unruled table that a page break cut goes on at the top of the next page: lines there, each one
 * cell, aligned with it, no wider, and not starting a row label, join it.
 */
function carryOn(carried: { placed: Placed; line: Line; cell: number; last: Box }, next: Placed): boolean {
  const text = next.cells[0]!.trim()
  const box = next.boxes[0]!
  const size = next.size
  if (next.cells.length !== 1 || NUMERIC.test(text) || ROW_START.test(text)) return false
  const last = carried.last
  const alignedLeft = Math.abs(box.x0 - last.x0) <= size * 0.5
  const alignedCentre = Math.abs((box.x0 + box.x1) / 2 - (last.x0 + last.x1) / 2) <= size * 0.5
  if (!(alignedLeft || alignedCentre) || box.x1 - box.x0 > last.x1 - last.x0 + size) return false
  carried.line.cells[carried.cell] += text
  carried.line.text = carried.line.cells.join(' ').replace(/\s+/g, ' ').trim()
  carried.last = box
  return true
}

/** Joins the cells of a row's continuation to the row's cells with the most overlap; false if a column has none. */
function continueRow(row: { placed: Placed; line: Line }, rest: Placed, ruledBoth: boolean): boolean {
  const targets = rest.boxes.map((box, i) => {
    if (rest.cells[i]!.trim() === '') return -1
    let best = -1
    let overlap = 0
    row.placed.boxes.forEach((other, k) => {
      const o = Math.min(box.x1, other.x1) - Math.max(box.x0, other.x0)
      if (o > overlap) [best, overlap] = [k, o]
    })
    return overlap > 0.5 * (box.x1 - box.x0) ? best : -2
  })
  if (targets.includes(-2)) return false
  // Text carried into a cell that holds a number is a repeated header over the next page's rows, not the rest of this row.
  if (targets.some((k, i) => k >= 0 && NUMERIC.test(row.line.cells[k]!.trim()) && !NUMERIC.test(rest.cells[i]!.trim()))) return false
  // Where rules close both parts, only text that ran to its cell's side can go on: a short label is a row of its own.
  if (ruledBoth && targets.some((k) => k >= 0 && row.placed.boxes[k]!.full !== true)) return false
  targets.forEach((k, i) => {
    if (k < 0) return
    row.line.cells[k] = row.line.cells[k]! + rest.cells[i]!.trim()
  })
  row.line.text = row.line.cells.join(' ').replace(/\s+/g, ' ').trim()
  return true
}

/** All pages → lines in reading order. */
export function pdfToLines(pages: readonly PdfPage[]): Line[] {
  const placedPages = dropFurniture(pages.map(pageLines))
  // The right margin of the running text, taken as wide as the left one (the left edge of most lines): the longest
  // line cannot tell it where no paragraph wraps, and a long URL may run past it.
  const starts = placedPages
    .flat()
    .filter((l) => !l.tableRow && l.cells.length === 1)
    .map((l) => l.x0)
    .sort((a, b) => a - b)
  const left = starts.length === 0 ? 0 : starts[Math.floor((starts.length - 1) * 0.05)]!
  const widths = new Map(pages.map((page) => [page.number, page.width]))
  const lines: Line[] = []
  let previous: Placed | undefined
  let lastRow: { placed: Placed; line: Line } | undefined
  // The last line of the page before, if it is a table's (several cells): its cells may go on at this page's top.
  let carried: { placed: Placed; line: Line; cell: number; last: Box } | undefined
  for (const page of placedPages) {
    page.forEach((line, index) => {
      if (carried !== undefined && carried.placed.page === line.page - 1 && page.slice(0, index).every((l) => l.cells.length === 1 && !l.ruled)) {
        if (carryOn(carried, line)) return
      }
      if (index === 0) carried = undefined
      // A row that a page break cut (no rule below it) carries on in the first row of the next page (no rule above
      // it): those texts join the row's cells, column by column.
      const first = page.slice(0, index).every((l) => !l.tableRow)
      // Where the break is ruled on both pages (as Word and LibreOffice draw it), the rest still shows as a row of
      // text alone, none of it a number or a row label's start, under the row's text cells.
      const textOnly = line.cells.every((text) => text.trim() === '' || (!NUMERIC.test(text.trim()) && !ROW_START.test(text)))
      if (line.ruled === true && first && lastRow?.placed.page === line.page - 1 && ((line.continued === true && lastRow.placed.cut === true) || textOnly)) {
        if (continueRow(lastRow, line, !(line.continued === true && lastRow.placed.cut === true))) return
      }
      const samePage = previous !== undefined && previous.page === line.page
      const crossesPage = !samePage && index === 0
      const last = lines[lines.length - 1]
      if (previous !== undefined && last !== undefined && (samePage || crossesPage) && continues(previous, line, (widths.get(previous.page) ?? Infinity) - left, samePage)) {
        const join = ASCII_WORD.test(last.text) && /^[A-Za-z0-9]/.test(line.cells[0]!) ? ' ' : CJK_END.test(last.text) || CJK_START.test(line.cells[0]!) ? '' : ' '
        last.text += join + line.cells[0]!.trim()
        last.cells[0] = last.text
        previous = line
        return
      }
      const locations = line.boxes.map((box) => locationOf(line.page, box))
      const out: Line = {
        text: line.cells.join(' ').replace(/\s+/g, ' ').trim(),
        cells: [...line.cells],
        locations,
        location: locationOf(line.page, { x0: line.x0, x1: line.x1, top: line.top, bottom: line.bottom }),
        tableRow: line.tableRow,
      }
      lines.push(out)
      if (line.tableRow) lastRow = { placed: line, line: out }
      previous = line
      if (index === page.length - 1 && line.cells.length >= 2 && line.ruled !== true) {
        // Its first text cell that labels values is the one a wrapped label would go on from.
        const cell = line.cells.findIndex((text, i) => !NUMERIC.test(text.trim()) && NUMERIC.test(line.cells[i + 1]?.trim() ?? ''))
        carried = cell < 0 ? undefined : { placed: line, line: out, cell, last: line.boxes[cell]! }
      }
    })
  }
  return lines
}
