/**
 * The reader on damaged versions of rendered reports, one damage class at a time (tests/support/damage.ts), over
 * many generated reports of both templates with real-looking numbers. Every cell must be read right or reported
 * missing: no wrong cell, ever. Where the damage leaves every cell's place marked (flattened text, collapsed rows
 * with marks), at least 95% of the cells must be read.
 */
import { describe, expect, it } from 'vitest'
import type { Template } from '../src/schema/tables.js'
import { DAMAGES, MUST_READ, scoreDamage } from './support/damage.js'

const RUNS = Number(process.env.DAMAGE_RUNS ?? 60)

/**
 * Where a damage class destroys information, less can be read: a row printed with its non-empty cells only and no
 * mark where the others were is often truly ambiguous, and then it must be reported missing, never guessed.
 */
const FLOORS: Record<string, number> = { 'collapsed rows, no marks': 0.15 }

describe.each(Object.keys(DAMAGES))('damage: %s', (name) => {
  it.each(['2021', '2019'] as Template[])(`template %s: every cell right or reported missing, none wrong (${RUNS} reports)`, (template) => {
    const { exact, missing, wrong, unreported } = scoreDamage(name, template, RUNS)
    expect(wrong.slice(0, 10)).toEqual([])
    expect(unreported.slice(0, 10)).toEqual([])
    // A floor for every class (the reader must not give up on any of them), and 95% where every place is marked.
    const share = exact / (exact + missing + wrong.length)
    expect(share).toBeGreaterThanOrEqual(MUST_READ.has(name) ? 0.95 : (FLOORS[name] ?? 0.9))
  })
})
