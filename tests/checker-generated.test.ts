/**
 * The generated checker (generated/checker.ts) against the interpreted plan (src/rules/plan.ts), the reference:
 * identical results (findings in order, with their messages, counts, and the rules that could not run) on the
 * examples, on what the parser reads from the real reports, and on more than 10,000 generated and mutated reports:
 * consistent ones, ones with random numbers (findings everywhere), ones with cells removed or replaced by values of
 * every wrong kind, rows replaced, and （六） printed as one row. A copy of the published rules, equal but not the
 * same object, runs on the interpreted plan; that it does is checked too, so the comparison compares two engines.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COMPILED_STEPS, compiledChecks } from '../generated/checker.js'
import { parseReport } from '../src/parse/parse.js'
import { checkReport } from '../src/rules/check.js'
import type { CheckKit } from '../src/rules/compiled-kit.js'
import { planFor } from '../src/rules/plan.js'
import { publishedRules } from '../src/rules/published.js'
import { visibleLength } from '../src/rules/text.js'
import { compileMessage, fill, fillByRegExp, labelValues } from '../src/rules/messages.js'
import { templateSchemas } from '../src/schema/published.js'
import { arbitraryReport } from './support/arbitrary.js'
import { makeConsistent } from './support/consistent.js'
import { asOneRowOtherHandling, random as damageRandom, realisticReport } from './support/damage.js'
import { readJson, ROOT } from './support/files.js'
import { mutate, random } from './support/mutate.js'

const interpreted = structuredClone(publishedRules)
const both = (report: unknown) => ({ generated: checkReport(report), interpreted: checkReport(report, { rules: interpreted }) })

describe('the generated checker', () => {
  it('is the one that runs for the published rules (a kit that records every call sees them), and is current', () => {
    for (const template of ['2021', '2019'] as const) {
      expect(COMPILED_STEPS[template]).toBe(planFor(publishedRules).report[template].length)
      const calls: string[] = []
      const kit: CheckKit = { sum: (step, actual, expected) => calls.push(actual !== actual || expected !== expected ? `unread ${step}` : `sum ${step}`), other: (step) => calls.push(`other ${step}`) }
      compiledChecks[template]!({ template }, kit)
      // An empty report: every summation unread, every other check called, each once, in plan order (but one that
      // finds nothing while its cells are 0 or missing).
      const steps = planFor(publishedRules).report[template]
      expect(calls).toEqual(steps.flatMap((step, i) => (step.sum !== undefined ? [`unread ${i}`] : step.nonZeroCells === undefined ? [`other ${i}`] : [])))
    }
  })

  it('runs a check that finds nothing while its cells are 0 exactly when one of them holds another number', () => {
    const steps = planFor(publishedRules).report['2021']
    const guarded = steps.flatMap((step, i) => (step.nonZeroCells === undefined ? [] : [{ i, cells: step.nonZeroCells }]))
    // The fee-notice rule (text-implies-zero) is one.
    expect(guarded.length).toBeGreaterThan(0)
    const seed = readJson('examples/seed-2024-weidong-science-bureau.json') as Record<string, unknown>
    for (const { i, cells } of guarded) {
      for (const [value, runs] of [[0, false], [Number.NaN, false], ['3', false], [3, true], [-1, true], [0.5, true]] as const) {
        for (const pointer of cells) {
          const report = structuredClone(seed)
          const path = pointer.split('/').slice(1)
          let node = report as Record<string, unknown>
          for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>
          for (const other of cells) {
            const otherPath = other.split('/').slice(1)
            let row = report as Record<string, unknown>
            for (const key of otherPath.slice(0, -1)) row = (row[key] ??= {}) as Record<string, unknown>
            row[otherPath[otherPath.length - 1]!] = 0
          }
          node[path[path.length - 1]!] = value
          const called: number[] = []
          compiledChecks['2021']!(report, { sum: () => undefined, other: (step) => called.push(step) })
          expect(called.includes(i), `${pointer} = ${String(value)}`).toBe(runs)
        }
      }
    }
  })

  it('reads only own properties, whatever the rows are made of and whatever Object.prototype holds, as the interpreted plan does', () => {
    const seed = readJson('examples/seed-2024-weidong-science-bureau.json') as Record<string, Record<string, Record<string, unknown>>>
    const variants: [string, (report: typeof seed) => unknown][] = [
      ['rows of a class', (r) => {
        class Row {
          constructor(values: object) {
            Object.assign(this, values)
          }
        }
        r.applications!.newlyReceived = new Row(r.applications!.newlyReceived!) as unknown as Record<string, unknown>
        return r
      }],
      ['cells inherited from a prototype', (r) => {
        r.applications!.newlyReceived = Object.create(r.applications!.newlyReceived!) as Record<string, unknown>
        return r
      }],
      ['a section inherited', (r) => Object.assign(Object.create({ applications: r.applications }) as object, { ...r, applications: undefined })],
      ['cells behind getters', (r) => {
        const row = r.applications!.newlyReceived!
        const values = { ...row }
        for (const key of Object.keys(values)) Object.defineProperty(row, key, { get: () => values[key], enumerable: true })
        values.total = 999
        return r
      }],
      ['a non-enumerable cell', (r) => {
        Object.defineProperty(r.applications!.newlyReceived!, 'total', { value: 999, enumerable: false })
        return r
      }],
      ['rows without a prototype', (r) => {
        r.applications!.newlyReceived = Object.assign(Object.create(null) as object, r.applications!.newlyReceived, { total: 998 }) as Record<string, unknown>
        return r
      }],
      ['a row that is an array', (r) => {
        r.applications!.newlyReceived = Object.assign([1, 2, 3], { total: 6 }) as unknown as Record<string, unknown>
        return r
      }],
    ]
    for (const [what, make] of variants) {
      const report = make(structuredClone(seed))
      const { generated, interpreted: reference } = both(report)
      expect(generated, what).toEqual(reference)
    }
    // Names the checker reads, put on Object.prototype: never read as a row or a cell of a report that lacks them.
    const prototype = Object.prototype as Record<string, unknown>
    for (const [name, value] of [['total', 7], ['naturalPerson', 7], ['outcomes', { total: { total: 1 } }], ['applications', {}]] as const) {
      const report = structuredClone(seed)
      delete report.applications!.newlyReceived!.total
      delete report.applications!.outcomes
      try {
        prototype[name] = value
        const { generated, interpreted: reference } = both(report)
        expect(generated, `Object.prototype.${name}`).toEqual(reference)
        expect(generated.notChecked.length, `Object.prototype.${name}`).toBeGreaterThan(0)
      } finally {
        delete prototype[name]
      }
      const { generated, interpreted: reference } = both(report)
      expect(generated).toEqual(reference)
    }
  })

  it('agrees with the interpreted plan on the examples and on what the parser reads from every real report', () => {
    let compared = 0
    for (const file of readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.json'))) {
      const { generated, interpreted: reference } = both(readJson(`examples/${file}`))
      expect(generated, file).toEqual(reference)
      compared++
    }
    const real = join(ROOT, 'tests', 'real-reports')
    for (const file of readdirSync(real).filter((name) => name.endsWith('.txt') || name.endsWith('.html'))) {
      const parsed = parseReport(readFileSync(join(real, file), 'utf8'))
      const { generated, interpreted: reference } = both(parsed.report)
      expect(generated, file).toEqual(reference)
      compared++
    }
    // 2 examples and the 9 real reports.
    expect(compared).toBe(11)
  })

  it('agrees on more than 10,000 generated and mutated reports, findings and notChecked included', () => {
    const rng = random(20261202)
    const rand = damageRandom(20261202)
    const generatedReports = fc.sample(arbitraryReport(), { seed: 20261202, numRuns: 2500 })
    let compared = 0
    let findings = 0
    let notChecked = 0
    const compare = (report: unknown, what: string) => {
      const { generated, interpreted: reference } = both(report)
      expect(generated, what).toEqual(reference)
      compared++
      findings += generated.findings.length
      notChecked += generated.notChecked.length
    }
    generatedReports.forEach((report, i) => {
      compare(report, `generated ${i}`)
      const consistent = makeConsistent(structuredClone(report))
      compare(consistent, `consistent ${i}`)
      const { text, change } = mutate(consistent, rng)
      compare(JSON.parse(text), `mutated ${i}: ${change}`)
      const second = mutate(report, rng)
      compare(JSON.parse(second.text), `mutated ${i}: ${second.change}`)
    })
    for (let i = 0; i < 200; i++) {
      const report = realisticReport(i % 2 === 0 ? '2021' : '2019', rand)
      compare(report, `realistic ${i}`)
      if (report.template === '2021') compare(asOneRowOtherHandling(report), `one-row （六） ${i}`)
    }
    expect(compared).toBeGreaterThan(10_000)
    // The corpus reaches both kinds of result, so the agreement is not over empty lists.
    expect(findings).toBeGreaterThan(5000)
    expect(notChecked).toBeGreaterThan(500)
  }, 300_000)

  it('a message compiled with its labels, and one filled at once, read as the template filled in by one replacement, for every summation of both templates', () => {
    let compared = 0
    for (const rule of publishedRules.rules) {
      if (rule.kind !== 'sum') continue
      for (const check of rule.checks) {
        for (const template of ['2021', '2019'] as const) {
          if (check.templates !== undefined && !check.templates.includes(template)) continue
          const labels = labelValues(templateSchemas[template], check.left, check.right)
          const open = ['actual', 'expected', 'difference'] as const
          const message = compileMessage(rule.message, labels, open)
          for (const values of [{ actual: 3, expected: 5, difference: 2 }, { actual: 0.1, expected: 1e21, difference: '{cell}' }, { expected: 4 }, {}] as Record<string, string | number>[]) {
            expect(message(open.map((name) => values[name]))).toEqual(fillByRegExp(rule.message, { ...labels, ...values }))
            expect(fill(rule.message, { ...labels, ...values })).toEqual(fillByRegExp(rule.message, { ...labels, ...values }))
            compared++
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(200)
    // Braces in a value are not read again, and a slot nobody fills stays as written.
    const template = { zh: '{cell}：{actual}{unknown}', en: '{cell}: {actual}{unknown}' }
    expect(compileMessage(template, { cell: '{actual}' }, ['actual'])([1])).toEqual(fillByRegExp(template, { cell: '{actual}', actual: 1 }))
    // A slot fixed and open reads the fixed value; one open but not given, or neither, stays as written.
    expect(compileMessage(template, { actual: 2 }, ['actual', 'unknown'])([1])).toEqual(fillByRegExp(template, { actual: 2 }))
    expect(compileMessage(template, {}, [])([])).toEqual(template)
    expect(fill(template, { cell: '{actual}', actual: 1 })).toEqual(fillByRegExp(template, { cell: '{actual}', actual: 1 }))
  })

  it('visibleLength by a loop over the characters counts as the regular expression did', () => {
    const byRegExp = (text: string) => {
      const visible = text.replace(/\s+/gu, '')
      let low = 0
      for (let i = 0; i < visible.length; i++) if (visible.charCodeAt(i) >= 0xdc00 && visible.charCodeAt(i) <= 0xdfff) low++
      return visible.length - low
    }
    const spaces = ' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u180e'
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(...spaces.split('')), fc.constant('😀')), { maxLength: 20 }).map((parts) => parts.join('')), (text) => visibleLength(text) === byRegExp(text)), { seed: 5, numRuns: 2000 })
  })
})
