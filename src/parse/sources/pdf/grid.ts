/**
 * Ruled tables: the page's rules merged into segments, only the rules of tables kept, and the cell around a point
 * found from the nearest rule on each side that reaches it.
 */
import type { Rule } from './extract.js'
import { SNAP, type Box } from './geometry.js'

// A page with more rules than MAX_RULES_PER_PAGE (a report's tables have a few hundred) is read as if unruled.
export { MAX_RULES_PER_PAGE } from '../../budgets.js'
/** A cell larger than this share of the page is a frame around the text, not a table cell. */
export const MAX_CELL_SHARE = 0.25

/** Collinear rules merged into maximal segments: horizontal ones keyed by y, vertical ones by x. */
export interface Segment {
  at: number
  from: number
  to: number
}

export function mergeSegments(rules: readonly Rule[], horizontal: boolean): Segment[] {
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
export function tableRules(horizontal: Segment[], vertical: Segment[]): { horizontal: Segment[]; vertical: Segment[] } {
  const meets = (h: Segment, v: Segment) => v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP
  const hCount = horizontal.map((h) => vertical.filter((v) => meets(h, v)).length)
  const vCount = vertical.map((v) => horizontal.filter((h) => meets(h, v)).length)
  return {
    horizontal: horizontal.filter((h, i) => hCount[i]! >= 3 || vertical.some((v, k) => vCount[k]! >= 3 && meets(h, v))),
    vertical: vertical.filter((v, i) => vCount[i]! >= 3 || horizontal.some((h, k) => hCount[k]! >= 3 && meets(h, v))),
  }
}

/** Finds the cell of the grid around a point: the nearest rule on each side that reaches the point. */
export class Grid {
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

