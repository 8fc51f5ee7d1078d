/**
 * The table reader's arithmetic (src/parse/tables/solve.ts), its label normaliser and half-width conversion
 * (src/parse/tokens/normalize.ts) and its split of cells into words (src/parse/tokens/tokens.ts): each fast path
 * against the reference it replaces, on generated input.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Reading } from '../src/parse/tables/readings.js'
import { solve, type SumConstraint, type Variable } from '../src/parse/tables/solve.js'
import { normalizeLabel, normalizeLabelByRegExps, readNumber, readNumberByRegExps, toHalfWidth } from '../src/parse/tokens/normalize.js'
import { wordsOf } from '../src/parse/tokens/tokens.js'

const cell = (value: number) => ({ value, raw: String(value), location: { line: 1 }, how: 'printed' }) as unknown as NonNullable<Reading[number]>

/** Variables of 1–3 cells with 1–3 readings (values small integers or tenths, some cells unread), and sums over them. */
const problem = fc
  .array(fc.record({ width: fc.integer({ min: 1, max: 3 }), readings: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 6 })
  .chain((shapes) => {
    const pointers = shapes.flatMap((shape, v) => Array.from({ length: shape.width }, (_, i) => `/v${v}/c${i}`))
    const value = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 200 }).map((n) => n / 10))
    const variables = fc.tuple(
      ...shapes.map((shape, v) =>
        fc.array(fc.array(fc.option(value, { freq: 12, nil: undefined }), { minLength: shape.width, maxLength: shape.width }), { minLength: shape.readings, maxLength: shape.readings }).map(
          (readings): Variable => ({ cells: Array.from({ length: shape.width }, (_, i) => `/v${v}/c${i}`), readings: readings.map((r) => r.map((x) => (x === undefined ? undefined : cell(x)))) }),
        ),
      ),
    )
    const constraint = fc.record({
      rule: fc.constantFrom('a', 'b', 'c'),
      terms: fc.array(fc.record({ pointer: fc.constantFrom(...pointers, '/elsewhere'), weight: fc.constantFrom(1, -1) }), { minLength: 2, maxLength: 5 }),
    }) as fc.Arbitrary<SumConstraint>
    return fc.tuple(variables, fc.array(constraint, { maxLength: 5 }))
  })

describe('the table arithmetic', () => {
  it('gives the same readings and broken sums with the one-value shortcut as with the partial sums, on 3,000 generated tables', () => {
    let broken = 0
    let pruned = 0
    fc.assert(
      fc.property(problem, ([variables, constraints]) => {
        const fast = solve(variables, constraints)
        const reference = solve(variables, constraints, { shortcut: false })
        expect(fast).toEqual(reference)
        broken += fast.broken.length
        pruned += fast.alive.filter((alive, v) => alive.length < variables[v]!.readings.length).length
      }),
      { numRuns: 3000, seed: 12 },
    )
    // Both kinds of outcome occur: sums that break and readings that sums rule out.
    expect(broken).toBeGreaterThan(100)
    expect(pruned).toBeGreaterThan(100)
  })

  it('with one reading per table, breaks exactly the sums whose printed values do not add up', () => {
    const variables: Variable[] = [{ cells: ['/a', '/b', '/c'], readings: [[cell(5), cell(2), cell(3)]] }]
    const holds: SumConstraint = { rule: 'holds', terms: [{ pointer: '/a', weight: 1 }, { pointer: '/b', weight: -1 }, { pointer: '/c', weight: -1 }] }
    const fails: SumConstraint = { rule: 'fails', terms: [{ pointer: '/a', weight: 1 }, { pointer: '/b', weight: -1 }] }
    expect(solve(variables, [holds, fails]).broken.map((c) => c.rule)).toEqual(['fails'])
  })
})

describe('the label normaliser', () => {
  const alphabet = [...'０１２3４5、。 \u3000\u00a0\t\n\u200b\ufeff\u2028"\'“”‘’「」『』〝〞【】[]〔〕（）()［］＂＇abcＡＢ一二申请件数总计.，,：'].map((c) => fc.constant(c))
  it('gives what the regular expressions give, on 20,000 generated strings of the characters it treats and of any character', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.oneof(...alphabet), { maxLength: 24 }).map((chars) => chars.join('')), fc.string({ unit: 'binary', maxLength: 24 })), (text) => {
        expect(normalizeLabel(text)).toBe(normalizeLabelByRegExps(text))
      }),
      { numRuns: 20_000, seed: 3 },
    )
  })
  it('reads a printed label as the template prints it', () => {
    expect(normalizeLabel('（一） 申请人 “数量”。')).toBe('(一)申请人数量')
    expect(normalizeLabel('1、２、【其他】')).toBe('1.2.(其他)')
  })
})

/** What toHalfWidth stood for: three replacements, one after another. */
const toHalfWidthByRegExps = (text: string) =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')

describe('the half-width conversion and the split into words', () => {
  const alphabet = [...'０１２3４5、。 \u3000\u00a0\t\n\r\v\f\u1680\u2000\u200a\u200b\u200c\u200d\u200e\u202f\u205f\ufeff\u2028\u2029\uff01\uff5e\uff5f\uff00（）abc一二万元'].map((c) => fc.constant(c))
  const text = fc.oneof(fc.array(fc.oneof(...alphabet), { maxLength: 24 }).map((chars) => chars.join('')), fc.string({ unit: 'binary', maxLength: 24 }))
  it('toHalfWidth gives what the regular expressions give, on 20,000 generated strings', () => {
    fc.assert(fc.property(text, (s) => {
      expect(toHalfWidth(s)).toBe(toHalfWidthByRegExps(s))
    }), { numRuns: 20_000, seed: 5 })
  })
  it('readNumber reads what the regular expressions read, on 20,000 generated strings (its first test only spares text)', () => {
    const numeric = fc.array(fc.constantFrom(...'0123456789０１２+-＋－,.．万元件 \u3000\u200b\ufeff\u00a0x一'), { maxLength: 12 }).map((chars) => chars.join(''))
    let numbers = 0
    fc.assert(
      fc.property(fc.oneof(numeric, text), (s) => {
        const read = readNumber(s)
        expect(read).toEqual(readNumberByRegExps(s))
        if (read !== undefined) numbers++
      }),
      { numRuns: 20_000, seed: 7 },
    )
    expect(numbers).toBeGreaterThan(1000)
  })
  it('wordsOf gives the runs /\\S+/g finds, and where each starts, on 20,000 generated strings', () => {
    fc.assert(fc.property(text, (s) => {
      expect(wordsOf(s)).toEqual([...s.matchAll(/\S+/g)].map((m) => ({ word: m[0], column: m.index })))
    }), { numRuns: 20_000, seed: 6 })
  })
})

