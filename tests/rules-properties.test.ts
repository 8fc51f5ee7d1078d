/** Property-based tests of the totals helper, the arithmetic rules and aggregation (fast-check, fixed seed). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import { aggregateReports } from '../src/rules/aggregate.js'
import { checkReport } from '../src/rules/check.js'
import { setAt, splitPointer, valueAt } from '../src/rules/pointer.js'
import { publishedRules } from '../src/rules/published.js'
import { completeTotals } from '../src/rules/totals.js'
import { validateReport } from '../src/validate/validate-report.js'
import { arbitraryReport } from './support/arbitrary.js'
import { arithmeticCells, makeConsistent } from './support/consistent.js'

const SEED = 20261129
const ARITHMETIC = new Set(publishedRules.rules.filter((rule) => rule.kind === 'sum').map((rule) => rule.id))
const arithmeticFindings = (report: unknown) => checkReport(report).findings.filter((f) => ARITHMETIC.has(f.ruleId))
const consistentReport = arbitraryReport().map(makeConsistent)

describe('totals helper', () => {
  it('a report completed by the totals helper passes every arithmetic rule, and stays schema-valid', () => {
    fc.assert(
      fc.property(consistentReport, (report) => {
        expect(validateReport(report).errors).toEqual([])
        expect(arithmeticFindings(report)).toEqual([])
      }),
      { seed: SEED, numRuns: 200 },
    )
  })

  it('is idempotent and does not touch its input', () => {
    fc.assert(
      fc.property(arbitraryReport(), (report) => {
        const before = structuredClone(report)
        const once = completeTotals(report)
        expect(report).toEqual(before)
        expect(completeTotals(once)).toEqual(once)
      }),
      { seed: SEED, numRuns: 100 },
    )
  })

  it('without the helper, arbitrary totals are caught', () => {
    // Sanity check of the property above: the generator does produce inconsistent reports.
    const found = fc.sample(arbitraryReport(), { seed: SEED, numRuns: 50 }).filter((r) => arithmeticFindings(r).length > 0)
    expect(found.length).toBeGreaterThan(40)
  })
})

describe('single-cell changes', () => {
  it('changing any single cell of the matrix or of section 四 is caught by at least one error', () => {
    const withCell = consistentReport.chain((report) =>
      fc.tuple(fc.constant(report), fc.constantFrom(...arithmeticCells(report)), fc.integer({ min: 1, max: 5 })),
    )
    fc.assert(
      fc.property(withCell, ([report, pointer, delta]) => {
        const path = splitPointer(pointer)
        const value = valueAt(report, path) as number
        const changed = structuredClone(report)
        setAt(changed, path, value >= delta ? value - delta : value + delta)
        const errors = checkReport(changed).findings.filter((f) => f.severity === 'error')
        expect(errors.length).toBeGreaterThan(0)
        expect(errors.some((f) => f.pointers.includes(pointer))).toBe(true)
      }),
      { seed: SEED, numRuns: 500 },
    )
  })
})

describe('aggregation', () => {
  const sameTemplate = (template: '2021' | '2019') =>
    fc.array(arbitraryReport([template]).map(makeConsistent), { minLength: 1, maxLength: 5 }).map((reports) =>
      reports.map((r) => ({ ...r, meta: { ...r.meta, year: reports[0]!.meta.year } })),
    )

  it('sums every count cell by cell, lists the reports, and the sum of consistent reports is consistent', () => {
    fc.assert(
      fc.property(fc.oneof(sameTemplate('2021'), sameTemplate('2019')), (reports) => {
        const result = aggregateReports(reports)
        if (!result.ok) throw new Error(result.error.en)
        expect(result.included.map((r) => r.index)).toEqual(reports.map((_, i) => i))
        expect(validateReport(result.report).errors).toEqual([])
        expect(arithmeticFindings(result.report)).toEqual([])
        // A report that printed 2021's （六） as three rows counts in a one-row summary with their sum.
        const cellOf = (report: Report, path: readonly string[]): number => {
          const value = valueAt(report, path)
          if (typeof value === 'number') return value
          const rows = valueAt(report, path.slice(0, -1)) as Record<string, Record<string, number>>
          return Object.values(rows).reduce((sum, row) => sum + row[path[path.length - 1]!]!, 0)
        }
        for (const pointer of arithmeticCells(result.report)) {
          const path = splitPointer(pointer)
          const sum = reports.reduce((total, r) => total + cellOf(r, path), 0)
          expect(valueAt(result.report, path)).toBe(sum)
        }
        expect(arithmeticCells(result.report).length).toBeGreaterThan(100)
      }),
      { seed: SEED, numRuns: 60 },
    )
  })

  it('refuses to mix template generations, and to mix years unless asked', () => {
    const [a, b] = fc.sample(arbitraryReport(['2021']).map(makeConsistent), { seed: SEED, numRuns: 2 }) as [Report, Report]
    const [c] = fc.sample(arbitraryReport(['2019']).map(makeConsistent), { seed: SEED, numRuns: 1 }) as [Report]
    const mixed = aggregateReports([a, c])
    expect(mixed.ok).toBe(false)
    if (!mixed.ok) {
      expect(mixed.error.zh).toContain('不能混合汇总')
      expect(mixed.error.en).toContain('different template generations')
    }
    const years = aggregateReports([a, { ...b, meta: { ...b.meta, year: a.meta.year + 1 } }])
    expect(years.ok).toBe(false)
    expect(aggregateReports([a, { ...b, meta: { ...b.meta, year: a.meta.year + 1 } }], { allowMixedYears: true }).ok).toBe(true)
    expect(aggregateReports([]).ok).toBe(false)
  })
})
