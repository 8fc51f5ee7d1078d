/**
 * zfxxgk-report/browser: its size, minified and gzipped as a browser bundler ships it (a size is deterministic; a
 * time is not), with no AJV in it; and its results, the same as the main entry's: checkReport on the examples and
 * on generated and mutated reports (messages included, so the labels it carries are the schema's), isReport as AJV's
 * verdict, and validateReport's errors, which it gets from zfxxgk-report/standalone loaded on demand.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type BuildOptions } from 'esbuild'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { labelsAndShapes } from '../scripts/unread-annotations.js'
import { checkReport, checkSeries } from '../src/rules/check.js'
import { validateReport } from '../src/standalone/index.js'
import { arbitraryReport } from './support/arbitrary.js'
import { readJson, ROOT } from './support/files.js'
import { mutate, random } from './support/mutate.js'

/**
 * The budgets it holds to, as a page's bundler ships it. Issue 12's goal: 20 KB for the validator and the checker
 * (the verdict and the rules of schema/rules.json: isReport, checkRules, checkSeriesRules); the claims of the
 * narrative (schema/claims.json without descriptions, their reader and checker) add about 11 KB to the whole entry,
 * which checks exactly as the main entry does. See the README's benchmark section for where it stands.
 */
const RULES_BUDGET_BYTES = 20 * 1024
const BUDGET_BYTES = 30 * 1024

const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-browser-'))
let shipped: Uint8Array
let rulesShipped: Uint8Array
let entry: typeof import('../src/browser/index.js')

beforeAll(async () => {
  const common: BuildOptions = { entryPoints: [join(ROOT, 'src', 'browser', 'index.ts')], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', charset: 'utf8', legalComments: 'none', logLevel: 'error', plugins: [labelsAndShapes] }
  // As an application's bundler ships it: the standalone validators left to a chunk loaded on demand.
  shipped = (await build({ ...common, external: ['zfxxgk-report/standalone'], write: false })).outputFiles[0]!.contents
  // A page that imports the verdict and the rules alone: the bundler leaves the rest out.
  const { entryPoints: _, ...rest } = common
  const rulesOnly = `export { isReport, checkRules, checkSeriesRules } from ${JSON.stringify(join(ROOT, 'src', 'browser', 'index.ts'))}`
  rulesShipped = (await build({ ...rest, stdin: { contents: rulesOnly, resolveDir: ROOT, loader: 'ts' }, external: ['zfxxgk-report/standalone'], write: false })).outputFiles[0]!.contents
  // To run here: the same code, with the package's own standalone entry taken from the sources.
  const runnable = (await build({ ...common, minify: false, platform: 'node', alias: { 'zfxxgk-report/standalone': join(ROOT, 'src', 'standalone', 'index.ts') }, write: false })).outputFiles[0]!.text
  writeFileSync(join(dir, 'browser.mjs'), runnable)
  entry = await import(join(dir, 'browser.mjs'))
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('zfxxgk-report/browser', () => {
  it(`is at most ${BUDGET_BYTES / 1024} KB minified and gzipped, and carries no AJV and no schema descriptions`, () => {
    const gzipped = gzipSync(shipped, { level: 9 }).length
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES)
    const text = new TextDecoder().decode(shipped)
    expect(text).not.toContain('must have required property')
    expect(text).not.toContain('ajv')
    expect(text).toContain('import("zfxxgk-report/standalone")')
    const year = (readJson('schema/report-2021.schema.json') as { $defs: Record<string, { properties: Record<string, { title: string; description: string }> }> }).$defs.ReportMeta!.properties.year!
    expect(text).toContain(year.title)
    expect(text).not.toContain(year.description)
  })

  it(`imported for the verdict and the rules alone, is at most ${RULES_BUDGET_BYTES / 1024} KB minified and gzipped, with no claims and no generated checker in it`, () => {
    const gzipped = gzipSync(rulesShipped, { level: 9 }).length
    expect(gzipped).toBeLessThanOrEqual(RULES_BUDGET_BYTES)
    expect(gzipped).toBeLessThan(gzipSync(shipped, { level: 9 }).length - 5 * 1024)
    const text = new TextDecoder().decode(rulesShipped)
    const claims = readJson('schema/claims.json') as { terms: { id: string; phrases: string[] }[] }
    expect(text.includes(claims.terms[0]!.phrases[0]!), 'the claims are in the bundle').toBe(false)
    expect(new TextDecoder().decode(shipped).includes(claims.terms[0]!.phrases[0]!)).toBe(true)
    // The generated functions first test that Object.prototype has none of the names they read ('"total" in …').
    expect(/"withoutReview"in\b/.test(text), 'the generated checker is in the bundle').toBe(false)
    expect(/"withoutReview"in\b/.test(new TextDecoder().decode(shipped))).toBe(false)
    expect(text.includes('/applications/newlyReceived/naturalPerson')).toBe(true)
  })

  it('checkRules and checkSeriesRules give the main entry\'s findings without the claims; they take no claim vocabulary', () => {
    const seed = readJson('examples/seed-2024-weidong-science-bureau.json') as Record<string, unknown>
    const rng = random(11)
    const reports: unknown[] = [seed, readJson('examples/example-2019-template-fictional.json')]
    for (const report of fc.sample(arbitraryReport(), { seed: 11, numRuns: 300 })) reports.push(report, JSON.parse(mutate(report, rng).text))
    let findings = 0
    for (const [i, report] of reports.entries()) {
      const ours = entry.checkRules(report)
      expect(ours, `report ${i}`).toEqual(checkReport(report, { claims: false }))
      findings += ours.findings.length
    }
    expect(findings).toBeGreaterThan(500)
    const earlier = { ...seed, meta: { ...(seed.meta as object), year: 2023 } }
    expect(entry.checkSeriesRules([earlier, seed])).toEqual(checkSeries([earlier, seed], { claims: false }))
    expect(entry.checkSeries([earlier, seed])).toEqual(checkSeries([earlier, seed]))
    expect(entry.checkRules(seed, { claims: false })).toEqual(checkReport(seed, { claims: false }))
    expect(() => entry.checkRules(seed, { claims: readJson('schema/claims.json') as never })).toThrow(/checkRules checks no claims/)
    expect(() => entry.checkSeriesRules('x' as never)).toThrow(/checkSeriesRules: the reports must be an array/)
  })

  it('checks as the main entry does, messages and notChecked included, on the examples and 1,500 generated and mutated reports', () => {
    const rng = random(7)
    const reports: unknown[] = [readJson('examples/seed-2024-weidong-science-bureau.json'), readJson('examples/example-2019-template-fictional.json')]
    for (const report of fc.sample(arbitraryReport(), { seed: 7, numRuns: 500 })) reports.push(report, JSON.parse(mutate(report, rng).text), JSON.parse(mutate(report, rng).text))
    let findings = 0
    for (const [i, report] of reports.entries()) {
      const ours = entry.checkReport(report)
      expect(ours, `report ${i}`).toEqual(checkReport(report))
      findings += ours.findings.length
    }
    expect(findings).toBeGreaterThan(1000)
  })

  it('isReport is the validators’ verdict; validateReport gives the standalone validators’ errors for an invalid report', async () => {
    const seed = readJson('examples/seed-2024-weidong-science-bureau.json') as Record<string, unknown>
    expect(entry.isReport(seed)).toBe(true)
    expect(await entry.validateReport(seed)).toEqual(validateReport(seed))
    const broken = { ...seed, meta: { ...(seed.meta as object), agencyName: '' }, extra: 1 }
    expect(entry.isReport(broken)).toBe(false)
    const result = await entry.validateReport(broken)
    expect(result.valid).toBe(false)
    expect(result).toEqual(validateReport(broken))
    for (const value of [null, 5, 'x', [], {}, { template: '2030' }]) {
      expect(entry.isReport(value)).toBe(false)
      expect(await entry.validateReport(value)).toEqual(validateReport(value))
    }
  })
})
