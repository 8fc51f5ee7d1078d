/**
 * Unruled text: characters on one baseline cut into cells at wide gaps, and the lines of a table's wrapped cells
 * joined again, column by column.
 */
import type { TextRun } from './extract.js'
import { least, most, type Box } from './geometry.js'
import { baselines, joinRuns, SPACE_GAP_EM } from './runs.js'

/** A gap wider than this many ems between runs on one baseline separates cells. */
const CELL_GAP_EM = 0.6

/** Where a table's row label begins: "（一）", "1.", "一、". */
export const ROW_START = /^\s*(?:[（(][一二三四五六七八九十]+[)）]|\d{1,2}\s*[.、．]|[一二三四五六七八九十]+、)/
/** A value cell: a number, maybe signed, maybe with its unit. */
export const NUMERIC = /^[-+－]?[0-9０-９][0-9０-９,，.．]*\s*(?:%|％|万元|元|件|个|项|次)?$/

/** A cell of unruled text: runs close together on one baseline, and the lines of a wrapped cell below them. */
export interface FreeCell extends Box {
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
export function freeLines(runs: readonly TextRun[], textWidth: number): FreeCell[][] {
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

