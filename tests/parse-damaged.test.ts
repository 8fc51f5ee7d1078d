/**
 * The reader on damaged versions of rendered reports, one damage class at a time (tests/support/damage.ts), over
 * many generated reports of both templates with real-looking numbers. Every cell must be read right or reported
 * missing: no wrong cell, ever. Where the damage leaves every cell's place marked (flattened text, collapsed rows
 * with marks), at least 95% of the cells must be read.
 */
import { describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import { parseReport, type ParseResult } from '../src/parse/parse.js'
import { splitPointer, valueAt } from '../src/rules/pointer.js'
import type { Template } from '../src/schema/tables.js'
import { asOneRowOtherHandling, DAMAGES, MUST_READ, ONE_ROW, random, realisticReport, tableCells } from './support/damage.js'

const RUNS = Number(process.env.DAMAGE_RUNS ?? 60)

/**
 * Where a damage class destroys information, less can be read: a row printed with its non-empty cells only and no
 * mark where the others were is often truly ambiguous, and then it must be reported missing, never guessed.
 */
const FLOORS: Record<string, number> = { 'collapsed rows, no marks': 0.15 }

interface Score {
  exact: number
  missing: number
  wrong: string[]
  unreported: string[]
}

function score(report: Report, result: ParseResult): Score {
  const s: Score = { exact: 0, missing: 0, wrong: [], unreported: [] }
  const missing = new Set(result.missing)
  const reported = (pointer: string) => {
    const parts = pointer.split('/')
    for (let i = parts.length; i > 1; i--) if (missing.has(parts.slice(0, i).join('/'))) return true
    return false
  }
  for (const { pointer, value } of tableCells(report)) {
    const got = valueAt(result.report, splitPointer(pointer))
    if (got === undefined) {
      s.missing++
      if (!reported(pointer)) s.unreported.push(pointer)
    } else if (got === value) s.exact++
    else s.wrong.push(`${pointer}: read ${String(got)}, printed ${value}`)
  }
  return s
}

describe.each(Object.keys(DAMAGES))('damage: %s', (name) => {
  it.each(['2021', '2019'] as Template[])(`template %s: every cell right or reported missing, none wrong (${RUNS} reports)`, (template) => {
    const damage = DAMAGES[name]!
    let exact = 0
    let total = 0
    const wrong: string[] = []
    const unreported: string[] = []
    for (let run = 0; run < RUNS; run++) {
      const rand = random(run * 7919 + (template === '2021' ? 1 : 2) + name.length * 104729)
      const report = name === ONE_ROW ? asOneRowOtherHandling(realisticReport(template, rand)) : realisticReport(template, rand)
      const text = damage(report, rand)
      const result = parseReport(text, { template })
      const s = score(report, result)
      exact += s.exact
      total += s.exact + s.missing + s.wrong.length
      wrong.push(...s.wrong.map((w) => `run ${run}: ${w}`))
      unreported.push(...s.unreported.map((p) => `run ${run}: ${p}`))
    }
    expect(wrong.slice(0, 10)).toEqual([])
    expect(unreported.slice(0, 10)).toEqual([])
    // A floor for every class (the reader must not give up on any of them), and 95% where every place is marked.
    const share = exact / total
    expect(share).toBeGreaterThanOrEqual(MUST_READ.has(name) ? 0.95 : (FLOORS[name] ?? 0.9))
  })
})
