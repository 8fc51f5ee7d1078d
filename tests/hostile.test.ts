/**
 * Hostile input: property-based fuzzing (fast-check, fixed seed) of the validator, the checker and the parser over
 * random and mutated JSON, text and HTML — they never throw — plus the named cases of issue 5. FUZZ_RUNS sets the
 * cases per property and the timeouts grow with it. (Linear time is not timed here: `npm run bench` measures it;
 * tests/regex-linear.test.ts and tests/budgets.test.ts bound the work instead.)
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import { parseReport } from '../src/parse/parse.js'
import { aggregateReports } from '../src/rules/aggregate.js'
import { checkReport, checkSeries } from '../src/rules/check.js'
import { validateReport as standaloneValidate } from '../src/standalone/index.js'
import { validateReport } from '../src/validate/validate-report.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { arbitraryReport } from './support/arbitrary.js'
import { readJson, ROOT } from './support/files.js'
import { mutate, random } from './support/mutate.js'

const SEED = 20261129
const RUNS = Number(process.env.FUZZ_RUNS ?? 300)
/** A timeout that grows with the cases asked for: 60 s for the default 300, 200 ms a case beyond. */
const TIMEOUT = Math.max(60_000, RUNS * 200)
const seed = readJson('examples/seed-2024-weidong-science-bureau.json') as Report
const seedText = readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.txt'), 'utf8')

/** Everything a caller could hand in: any JSON value, and JSON-like values with odd numbers and keys. */
const anything = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true, withSparseArray: true }),
  fc.record({ template: fc.constantFrom('2021', '2019', 2021, null), meta: fc.anything(), applications: fc.anything() }),
)

describe('validator and checker never throw', () => {
  it('on random values', () => {
    fc.assert(
      fc.property(anything, (value) => {
        for (const validate of [validateReport, standaloneValidate]) {
          const result = validate(value)
          expect(typeof result.valid).toBe('boolean')
        }
        expect(Array.isArray(checkReport(value).findings)).toBe(true)
        expect(Array.isArray(checkSeries([value, seed, value]).findings)).toBe(true)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  }, TIMEOUT)

  it('on reports with one change anywhere', () => {
    const rng = random(SEED)
    fc.assert(
      fc.property(arbitraryReport(), (report) => {
        const { text } = mutate(report, rng)
        const value = JSON.parse(text) as unknown
        expect(validateReport(value).valid === standaloneValidate(value).valid).toBe(true)
        expect(Array.isArray(checkReport(value).findings)).toBe(true)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  }, TIMEOUT)

  it('on a value whose getters throw', () => {
    const trap = { template: '2021', get meta(): never { throw new Error('boom') } }
    expect(validateReport(trap).errors[0]!.keyword).toBe('exception')
    expect(() => checkReport(trap)).toThrow('boom') // the checker reads only what validation accepted; documented
  })
})

describe('parser never throws', () => {
  const labels = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、结转下年度继续办理', '四、政府信息公开行政复议、行政诉讼情况', '规章', '行政许可', '(一)予以公开', '1.属于国家秘密', '（七）总计', '第二十条第（一）项', '信息处理费：是否收取信息处理费：是；收费件数：x。']
  const token = fc.oneof(fc.constantFrom(...labels, '0', '+3', '-', '—', '/', '24.5万元', '|', '||||', '\t', '\n', '\n\n', ' ', '。', '：'), fc.string(), fc.nat(99999).map(String))
  const text = fc.array(token, { maxLength: 300 }).map((parts) => parts.join(''))
  const tag = fc.constantFrom('table', 'tr', 'td', 'th', 'p', 'br', 'div', 'tbody', 'span', 'script')
  const attrs = fc.constantFrom('', ' rowspan="3"', ' colspan="99999999"', ' rowspan="-1"', ' colspan="abc"', ' rowspan="0"')
  const html = fc
    .array(fc.oneof(fc.tuple(tag, attrs).map(([t, a]) => `<${t}${a}>`), tag.map((t) => `</${t}>`), token), { maxLength: 300 })
    .map((parts) => parts.join(''))

  it('on random text built from labels, numbers and separators', () => {
    fc.assert(
      fc.property(text, (input) => {
        const result = parseReport(input)
        expect(Array.isArray(result.diagnostics)).toBe(true)
        expect(result.diagnostics.some((d) => d.code === 'internal')).toBe(false)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  }, TIMEOUT)

  it('on random HTML with odd spans', () => {
    fc.assert(
      fc.property(html, (input) => {
        const result = parseReport(input, { format: 'html' })
        expect(result.diagnostics.some((d) => d.code === 'internal')).toBe(false)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  }, TIMEOUT)

  it('on the seed with random cuts and insertions', () => {
    fc.assert(
      fc.property(fc.nat(seedText.length), fc.nat(seedText.length), token, (a, b, insert) => {
        const input = seedText.slice(0, Math.min(a, b)) + insert + seedText.slice(Math.max(a, b))
        const result = parseReport(input)
        expect(result.diagnostics.some((d) => d.code === 'internal')).toBe(false)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  }, TIMEOUT)
})

describe('named hostile cases', () => {
  it('deeply nested JSON and HTML', () => {
    const deep = JSON.parse('['.repeat(100000) + ']'.repeat(100000)) as unknown
    expect(validateReport(deep).errors[0]!.keyword).toBe('type')
    const nested = { ...seed, overview: { paragraphs: JSON.parse('['.repeat(100000) + ']'.repeat(100000)) } }
    expect(validateReport(nested).valid).toBe(false)
    expect(checkReport(nested).findings).toEqual(expect.any(Array))
    const html = parseReport('<div>'.repeat(100000) + 'x', { format: 'html' })
    expect(html.diagnostics.map((d) => d.code)).toContain('html-too-deep')
  })

  it('a 50 MB input is refused with one clear error, quickly', () => {
    const result = parseReport('政'.repeat(50 * 1024 * 1024 / 3))
    expect(result.diagnostics.map((d) => d.code)).toEqual(['input-too-large'])
    const big = { ...seed, problemsAndImprovements: { paragraphs: ['问'.repeat(17_000_000)] } }
    const errors = validateReport(big).errors
    expect(errors.map((e) => [e.pointer, e.keyword])).toEqual([['/problemsAndImprovements/paragraphs/0', 'maxLength']])
  })

  it('__proto__ and constructor keys: rejected, and no prototype is polluted', () => {
    const evil = JSON.parse(`{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "template": "2021"}`) as unknown
    expect(validateReport(evil).valid).toBe(false)
    checkReport(evil)
    const inside = JSON.parse(JSON.stringify(seed).replace('"applications":{', '"applications":{"__proto__":{"polluted":1},')) as Report
    expect(validateReport(inside).errors.map((e) => e.pointer)).toEqual(['/applications/__proto__'])
    aggregateReports([inside, inside])
    checkSeries([inside, inside])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it.each([
    ['NaN', Number.NaN, 'type'],
    ['Infinity', Number.POSITIVE_INFINITY, 'type'],
    ['1e309 (parsed as Infinity)', JSON.parse('1e309') as number, 'type'],
    ['2^53 + 1 (parsed as 2^53)', JSON.parse('9007199254740993') as number, 'maximum'],
    ['a numeric string', '3', 'type'],
    ['a boolean', true, 'type'],
  ])('a count of %s is refused, never stored as a silent wrong number', (_name, value, keyword) => {
    const report = structuredClone(seed) as any
    report.applications.newlyReceived.naturalPerson = value
    const errors = validateReport(report).errors
    expect(errors.map((e) => [e.pointer, e.keyword])).toEqual([['/applications/newlyReceived/naturalPerson', keyword]])
  })

  it('-0 is a valid 0', () => {
    const report = structuredClone(seed)
    report.applications.newlyReceived.naturalPerson = -0
    expect(validateReport(report).valid).toBe(true)
  })

  it('an invalid amount (NaN, Infinity) in a fee is refused', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, -1]) {
      const report = structuredClone(seed)
      ;(report.proactiveDisclosure.fees.administrativeFees as { amountTenThousandYuan: number }).amountTenThousandYuan = value
      expect(validateReport(report).valid).toBe(false)
    }
  })
})
