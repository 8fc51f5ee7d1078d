/**
 * The validators' fast path (generated/valid-report.ts, from src/build/boolean-validator.ts) on what JSON cannot
 * carry but a JavaScript caller can pass (inherited properties, properties set to undefined, NaN, Infinity, -0,
 * arrays and class instances in place of objects, strings with lone surrogates), against AJV's verdict; its two
 * helpers against AJV's and ajv-formats' own; and the generator refusing a keyword it does not know.
 */
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as compiled from '../generated/standalone-validators.cjs'
import { validTemplate } from '../generated/valid-report.js'
import { booleanValidatorSource } from '../src/build/boolean-validator.js'
import { isDate, ucs2length } from '../src/validate/fast-kit.js'
import { readJson } from './support/files.js'

const require = createRequire(import.meta.url)
const ajvLength = require('ajv/dist/runtime/ucs2length').default as (text: string) => number
const ajvDate = require('ajv-formats/dist/formats').fullFormats.date.validate as (text: string) => boolean
const ajv = { '2021': compiled.report2021, '2019': compiled.report2019 } as Record<string, (data: unknown) => boolean>

const seed = () => readJson('examples/seed-2024-weidong-science-bureau.json') as Record<string, any>
const example2019 = () => readJson('examples/example-2019-template-fictional.json') as Record<string, any>

describe('the fast path on values only JavaScript can pass', () => {
  const variants: [string, () => unknown][] = [
    ['the seed', seed],
    ['the 2019 example', example2019],
    ['a property set to undefined (AJV: as if absent)', () => ({ ...seed(), problemsAndImprovements: undefined })],
    ['an optional property set to undefined', () => { const r = seed(); r.meta.title = undefined; return r }],
    ['an inherited required property', () => { const r = seed(); const meta = Object.create({ agencyName: '继承的机关' }); Object.assign(meta, r.meta); delete meta.agencyName; r.meta = meta; return r }],
    ['an inherited enumerable extra property', () => { const r = seed(); r.meta = Object.assign(Object.create({ extra: 1 }), r.meta); return r }],
    ['NaN in a cell', () => { const r = seed(); r.applications.newlyReceived.total = NaN; return r }],
    ['Infinity in a cell', () => { const r = seed(); r.applications.newlyReceived.total = Infinity; return r }],
    ['-0 in a cell', () => { const r = seed(); r.applications.newlyReceived.total = -0; return r }],
    ['1.5 in a cell', () => { const r = seed(); r.applications.newlyReceived.total = 1.5; return r }],
    ['a row that is an array', () => { const r = seed(); r.applications.newlyReceived = []; return r }],
    ['a row that is a Date', () => { const r = seed(); r.applications.newlyReceived = new Date(0); return r }],
    ['a row that is a Map with the keys as properties', () => { const r = seed(); r.applications.newlyReceived = Object.assign(new Map(), r.applications.newlyReceived); return r }],
    ['a lone surrogate in the agency name', () => { const r = seed(); r.meta.agencyName = '\ud800'; return r }],
    ['an astral character making 201 code units of 200 code points', () => { const r = seed(); r.meta.agencyName = '😀' + '局'.repeat(199); return r }],
    ['201 code points', () => { const r = seed(); r.meta.agencyName = '😀' + '局'.repeat(200); return r }],
    ['a date that does not exist', () => { const r = seed(); r.meta.publishedOn = '2025-02-29'; return r }],
    ['a leap day', () => { const r = seed(); r.meta.publishedOn = '2024-02-29'; return r }],
    ['a symbol key', () => { const r = seed(); r.meta[Symbol('x')] = 1; return r }],
    ['a non-enumerable extra property', () => { const r = seed(); Object.defineProperty(r.meta, 'extra', { value: 1, enumerable: false }); return r }],
  ]
  for (const [name, make] of variants) {
    it(name, () => {
      const data = make() as { template: string }
      expect(validTemplate[data.template]!(data)).toBe(ajv[data.template]!(data))
    })
  }
  it('the variants reach both verdicts', () => {
    const verdicts = variants.map(([, make]) => { const d = make() as { template: string }; return ajv[d.template]!(d) })
    expect(verdicts).toContain(true)
    expect(verdicts).toContain(false)
  })
})

describe('the helpers', () => {
  it('ucs2length counts code points as AJV does, on strings of any code units', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)), maxLength: 20 }), (a, b) => ucs2length(a + b) === ajvLength(a + b)), { seed: 3, numRuns: 3000 })
  })
  it('isDate is ajv-formats’ date', () => {
    const dates = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    fc.assert(fc.property(fc.oneof(dates, fc.string({ maxLength: 12 }), dates.map((d) => d + '\n'), dates.map((d) => ' ' + d)), (text) => isDate(text) === ajvDate(text)), { seed: 4, numRuns: 5000 })
  })
})

describe('the generator', () => {
  it('refuses a keyword, a type or a format it does not know, rather than skip it', () => {
    for (const node of [{ type: 'object', propertyNames: { maxLength: 3 } }, { type: 'null' }, { type: 'string', format: 'email' }, { type: 'object', additionalProperties: { type: 'string' } }, { $ref: 'other.json' }]) {
      expect(() => booleanValidatorSource({ x: node as never }), JSON.stringify(node)).toThrow(/boolean validator/)
    }
  })
})
