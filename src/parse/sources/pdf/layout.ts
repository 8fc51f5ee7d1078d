/**
 * PDF geometry → lines, the intermediate form every input becomes. Only positions are used, never the order of the
 * text stream (which WPS and Word exports scramble):
 *
 * 1. Ruled tables (`grid.ts`): a character belongs to the cell bounded by the nearest rules around it that reach it,
 *    so a merged cell holds its whole text; a row is the cells that start at one height, as an HTML table has them;
 *    a cell the rules bound but no text fills is a blank; a row cut by a page break is joined with its rest.
 * 2. Everything else (`unruled.ts`): characters on one baseline make a line, cut into cells at wide gaps, and a
 *    table's wrapped cells are joined again, column by column, also across a page break.
 * 3. Page furniture (page numbers, running headers and footers repeated on most pages) is dropped; the lines of a
 *    paragraph, wrapped at the right margin, are joined again, also across a page break.
 */
import type { Line, Location } from '../text.js'
import { isPageMark } from '../../tokens/tokens.js'
import type { PdfPage, TextRun } from './extract.js'
import { ems, least, most, SNAP, WIDE, type Box } from './geometry.js'
import { Grid, MAX_CELL_SHARE, MAX_RULES_PER_PAGE, mergeSegments, tableRules } from './grid.js'
import { baselines, cellText, dropOverprints, glyphs } from './runs.js'
import { freeLines, NUMERIC, ROW_START } from './unruled.js'

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

/**
 * A page whose text mostly reads sideways or upside down (a wide table turned on a portrait page) is turned, text
 * and rules, until that text reads left to right.
 */
export function upright(page: PdfPage): { page: PdfPage; back: (box: Box) => Box } {
  const chars = new Map<number, number>()
  for (const run of page.runs) chars.set(run.turn, (chars.get(run.turn) ?? 0) + run.text.length)
  const turn = [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
  if (turn === 0) return { page, back: (box) => box }
  const { width: w, height: h } = page
  const map = (x: number, y: number): [number, number] => (turn === 90 ? [y, w - x] : turn === 270 ? [h - y, x] : [w - x, h - y])
  const boxOf = (x0: number, y0: number, x1: number, y1: number) => {
    const [ax, ay] = map(x0, y0)
    const [bx, by] = map(x1, y1)
    return { x0: Math.min(ax, bx), x1: Math.max(ax, bx), top: Math.min(ay, by), bottom: Math.max(ay, by) }
  }
  const runs = page.runs.map((run) => {
    const box = boxOf(run.x0, run.top, run.x1, run.bottom)
    const turned = ((run.turn - turn + 360) % 360) as TextRun['turn']
    return { ...run, ...box, turn: turned, horizontal: turned === 0 }
  })
  const rules = page.rules.map((rule) => {
    const box = boxOf(rule.x0, rule.y0, rule.x1, rule.y1)
    return { x0: box.x0, x1: box.x1, y0: box.top, y1: box.bottom }
  })
  const [width, height] = turn === 180 ? [w, h] : [h, w]
  // Back to the page as it is shown, for the places the provenance gives.
  const unmap = (x: number, y: number): [number, number] => (turn === 90 ? [w - y, x] : turn === 270 ? [y, h - x] : [w - x, h - y])
  const back = (box: Box): Box => {
    const [ax, ay] = unmap(box.x0, box.top)
    const [bx, by] = unmap(box.x1, box.bottom)
    return { x0: Math.min(ax, bx), x1: Math.max(ax, bx), top: Math.min(ay, by), bottom: Math.max(ay, by) }
  }
  return { page: { ...page, width, height, runs, rules }, back }
}

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

/**
 * A page number at the head or foot of a page: a mark the reader knows (`- 3 -`, `第 3 页`, `3/5`), or a bare number
 * set apart from the text next to it (a table's last value is not).
 */
function isPageNumber(line: Placed, neighbour: Placed | undefined): boolean {
  const text = line.cells.join(' ')
  if (isPageMark(text)) return true
  if (!/^\s*\d{1,4}\s*$/.test(text)) return false
  const gap = neighbour === undefined ? Infinity : Math.max(neighbour.top - line.bottom, line.top - neighbour.bottom)
  return gap > 2 * line.size
}

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
      if (isPageNumber(line, lines[i === 0 ? 1 : i - 1])) return false
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

const ASCII_WORD = /[A-Za-z0-9]$/

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
  const turned = pages.map(upright)
  const placedPages = dropFurniture(turned.map(({ page }) => pageLines(page)))
  const backs = new Map(turned.map(({ page, back }) => [page.number, back]))
  const locationOf = (page: number, box: Box): Location => {
    const shown = backs.get(page)?.(box) ?? box
    return { page, box: [round(shown.x0), round(shown.top), round(shown.x1), round(shown.bottom)] }
  }
  // The right margin of the running text, taken as wide as the left one (the left edge of most lines): the longest
  // line cannot tell it where no paragraph wraps, and a long URL may run past it.
  const starts = placedPages
    .flat()
    .filter((l) => !l.tableRow && l.cells.length === 1)
    .map((l) => l.x0)
    .sort((a, b) => a - b)
  const left = starts.length === 0 ? 0 : starts[Math.floor((starts.length - 1) * 0.05)]!
  const widths = new Map(turned.map(({ page }) => [page.number, page.width]))
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
        const join = ASCII_WORD.test(last.text) && /^[A-Za-z0-9]/.test(line.cells[0]!) ? ' ' : WIDE.test(last.text.slice(-1)) || WIDE.test(line.cells[0]!.slice(0, 1)) ? '' : ' '
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
