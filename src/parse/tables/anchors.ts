/**
 * Table reading, step 1: anchor rows by their labels, anywhere in the section and in any order. A printed label is
 * matched in the forms real reports give it: the official label, its numbering with the core ("(二)部分公开" without
 * the bracketed instruction), the core alone, and approximately (a character or word dropped, "规范性文件" for
 * "行政规范性文件"). A bracketed note printed after a label (the template's filling instructions) belongs to it.
 */
import { normalizeLabel } from '../tokens/normalize.js'
import type { RowSpec } from '../../schema/tables.js'
import { matchKey, type Stream } from '../tokens/tokens.js'

export interface Anchor {
  row: RowSpec
  /** Offsets in the stream text: the label occupies [start, end). */
  start: number
  end: number
  /** 3: the official label, 2: numbering and core, 1: the core alone, 0: approximately. */
  quality: number
}

interface LabelForms {
  full: string
  numbering: string
  core: string
}

const NUMBERING = /^(\([一二三四五六七八九十]+\)|\d{1,2}\.|[一二三四五六七八九十]+、)/

const formsOfLabel = new Map<string, LabelForms>()

/** The forms of a label (worked out once per label: labels are the schema's titles). */
export function labelForms(label: string): LabelForms {
  let forms = formsOfLabel.get(label)
  if (forms === undefined) {
    forms = Object.freeze(formsOf(label))
    if (formsOfLabel.size < 4096) formsOfLabel.set(label, forms)
  }
  return forms
}

function formsOf(label: string): LabelForms {
  const full = matchKey(normalizeLabel(label))
  const numbering = NUMBERING.exec(full)?.[1] ?? ''
  const core = full.slice(numbering.length).replace(/\([^()]*\)$/, '')
  return { full, numbering, core }
}

/** At most this many places of one label are considered (a real report prints a label a few times at most). */
export const MAX_LABEL_PLACES = 64

function occurrences(text: string, needle: string, from: number, to: number): number[] {
  const out: number[] = []
  if (needle === '') return out
  for (let at = text.indexOf(needle, from); at >= 0 && at + needle.length <= to && out.length < MAX_LABEL_PLACES; at = text.indexOf(needle, at + 1)) out.push(at)
  return out
}

/** Length of the longest common subsequence of a and b (both short). */
function lcs(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!)
      diagonal = up
    }
  }
  return row[b.length]!
}

/**
 * Approximate places of `core` in text[from, to): a window that starts with one of the core's first three
 * characters (a leading word may be dropped) and ends with one of its last two, at most two characters longer,
 * holding most of the core in order.
 */
function approximate(text: string, core: string, from: number, to: number): { start: number; end: number }[] {
  const chars = [...core]
  if (chars.length < 5) return []
  const found: { start: number; end: number }[] = []
  const firsts = new Set(chars.slice(0, 3))
  const lasts = new Set(chars.slice(-2))
  const need = Math.max(4, Math.ceil(chars.length * 0.7))
  for (let s = from; s < to; s++) {
    if (!firsts.has(text[s]!)) continue
    let best: { start: number; end: number; score: number } | undefined
    for (let e = s + need; e <= Math.min(to, s + chars.length + 2); e++) {
      if (!lasts.has(text[e - 1]!)) continue
      const window = text.slice(s, e)
      const common = lcs(core, window)
      if (common >= need && common >= window.length * 0.85 && (best === undefined || common > best.score)) best = { start: s, end: e, score: common }
    }
    if (best !== undefined) {
      found.push({ start: best.start, end: best.end })
      if (found.length >= MAX_LABEL_PLACES) break
      s = best.end - 1
    }
  }
  return found
}

/** Extends a match over the numbering printed before it and a bracketed note printed after it. */
function extend(text: string, forms: LabelForms, start: number, end: number, from: number, to: number) {
  if (forms.numbering !== '' && start - forms.numbering.length >= from && text.slice(start - forms.numbering.length, start) === forms.numbering) {
    start -= forms.numbering.length
  }
  if (text[end] === '(') {
    const close = text.indexOf(')', end)
    const note = text.slice(end + 1, close)
    // Not the numbering of the next row ("(七)总计"), and no digits: values printed inside a wrapped label are values.
    if (close > end && close < to && close - end <= 160 && !note.includes('(') && !/^[一二三四五六七八九十]+$/.test(note) && !/\d/.test(note)) end = close + 1
  }
  return { start, end }
}

/** Every place the label of `row` is printed in text[from, to), with the quality of each match. */
export function findLabel(stream: Stream, row: RowSpec, from: number, to: number): Anchor[] {
  const forms = labelForms(row.label)
  const text = stream.text
  const out: Anchor[] = []
  const taken = (start: number, end: number) => out.some((a) => start < a.end && a.start < end)
  const add = (start: number, end: number, quality: number) => {
    const span = extend(text, forms, start, end, from, to)
    if (!taken(span.start, span.end)) out.push({ row, start: span.start, end: span.end, quality })
  }
  for (const at of occurrences(text, forms.full, from, to)) add(at, at + forms.full.length, 3)
  if (forms.numbering !== '' && forms.numbering + forms.core !== forms.full) {
    const short = forms.numbering + forms.core
    for (const at of occurrences(text, short, from, to)) add(at, at + short.length, 2)
  }
  if (forms.core.length >= 4 && forms.core !== forms.full) {
    for (const at of occurrences(text, forms.core, from, to)) add(at, at + forms.core.length, 1)
  }
  // Approximately only where the label is not printed in any exact form (the search costs the most).
  if (out.length === 0) for (const { start, end } of approximate(text, forms.core, from, to)) add(start, end, 0)
  return out
}

/**
 * One anchor per row: the best match of its label that no better match of another row overlaps. A core shorter than
 * four characters ("其他") is only matched with its numbering ("3.其他").
 */
export function chooseAnchors(stream: Stream, rows: readonly RowSpec[], from: number, to: number, hasValueBetween: (end: number, next: number) => boolean): { anchors: Anchor[]; labelStarts: number[] } {
  const all = rows.flatMap((row) => findLabel(stream, row, from, to))
  // Every place a label is printed ends the values before it, whether or not it anchors its row (a caption, a
  // label printed twice): its numbering ("1.") is never a value.
  const labelStarts = [...new Set(all.map((a) => a.start))].sort((a, b) => a - b)
  const hasValueAfter = (end: number) => hasValueBetween(end, labelStarts.find((start) => start >= end) ?? to)
  // Better matches first; among equals, a label followed by values, then the longer, then the earlier.
  const scores = new Map(all.map((a) => [a, a.quality * 4 + (hasValueAfter(a.end) ? 2 : 0)]))
  const score = (a: Anchor) => scores.get(a)!
  all.sort((a, b) => score(b) - score(a) || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const chosen: Anchor[] = []
  const rowsTaken = new Set<RowSpec>()
  for (const anchor of all) {
    if (rowsTaken.has(anchor.row)) continue
    if (chosen.some((c) => anchor.start < c.end && c.start < anchor.end)) continue
    chosen.push(anchor)
    rowsTaken.add(anchor.row)
  }
  return { anchors: chosen.sort((a, b) => a.start - b.start), labelStarts }
}
