/**
 * Text runs → characters and lines: runs cut into characters placed by their advances, characters printed over
 * themselves dropped, characters on one baseline grouped, and the text of a group with spaces where the gaps are.
 */
import type { TextRun } from './extract.js'
import { ems, WIDE } from './geometry.js'

/** A gap wider than this many ems between Latin letters or digits is a space. */
export const SPACE_GAP_EM = 0.2

/**
 * Runs cut into characters, placed in proportion to their estimated advances across the run's width. pdf.js joins
 * glyphs that follow each other in the content stream into one item (with a space where a gap was), whatever
 * they are: cells set close together, a word and its reprint (simulated bold), a run across a ruling line. By
 * characters, each is placed on its own.
 */
export function glyphs(runs: readonly TextRun[]): TextRun[] {
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
export function dropOverprints(runs: readonly TextRun[]): TextRun[] {
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
export function baselines(all: readonly TextRun[]): TextRun[][] {
  // A run turned a quarter (a label written down its cell) has no baseline across: it is a line of its own.
  const turned = all.filter((run) => run.turn === 90 || run.turn === 270).map((run) => [run])
  const runs = turned.length === 0 ? all : all.filter((run) => run.turn !== 90 && run.turn !== 270)
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
  const across = lines.map((line) => line.runs.sort((a, b) => a.x0 - b.x0))
  return turned.length === 0 ? across : [...across, ...turned].sort((a, b) => a[0]!.top - b[0]!.top)
}

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
export function joinRuns(runs: readonly TextRun[]): string {
  let text = ''
  runs.forEach((run, i) => {
    const previous = runs[i - 1]
    if (previous !== undefined && run.x0 - previous.x1 > spaceGap(previous.text, run.text) * Math.min(run.size, previous.size)) text += ' '
    text += run.text
  })
  return text
}

/** Lines of text inside one cell, joined: a cell's text wraps at its width, so the lines run on. */
export function cellText(runs: readonly TextRun[]): string {
  return baselines(runs)
    .map((line) => joinRuns(line).trim())
    .join('')
}

