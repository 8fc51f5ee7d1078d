/**
 * The rules file is enough for another language: tests/python/zfxxgk_rules.py, a Python implementation of every rule
 * kind written from schema/rules.json alone, finds exactly what checkReport and checkSeries find — on every rule
 * fixture, the examples, and generated, made-consistent and mutated reports (fixed seed) that are schema-valid; with
 * tests/python/zfxxgk_claims.py, written from schema/claims.json alone, it reads the claims of the narrative as
 * src/claims/read.ts does (every sentence of the labelled corpus) and checks them as checkReport does.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import { checkReport, checkSeries } from '../src/rules/check.js'
import { validateReport } from '../src/validate/validate-report.js'
import type { Finding } from '../src/rules/findings.js'
import { arbitraryReport } from './support/arbitrary.js'
import { makeConsistent } from './support/consistent.js'
import { jsonFiles, readJson, ROOT } from './support/files.js'
import { mutate, random } from './support/mutate.js'
import { claimKey, corpusPath, readCorpus, type LabelledClaim } from './support/claims-corpus.js'
import { publishedClaims } from '../src/claims/check.js'
import { readClaims } from '../src/claims/read.js'

const claimIds = new Set([...publishedClaims.terms.map((t) => t.id), ...publishedClaims.predicates.map((p) => p.id)])

const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : undefined
const SEED = 20261129

interface Summary {
  report: number | null
  ruleId: string
  severity: string
  pointer: string
  actual: unknown
  expected: unknown
}

const summary = (f: Finding, report: number | null): Summary => ({
  report,
  ruleId: f.ruleId,
  severity: f.severity,
  pointer: f.pointers[0]!,
  actual: f.actual ?? null,
  expected: f.expected ?? null,
})
const sorted = (list: Summary[]) => list.map((s) => JSON.stringify(s)).sort()

function runPython(reports: unknown[], series: boolean): Summary[] {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-py-'))
  writeFileSync(join(dir, 'reports.ndjson'), reports.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n')
  const args = [join(ROOT, 'tests', 'python', 'zfxxgk_rules.py'), join(ROOT, 'schema', 'rules.json'), join(dir, 'reports.ndjson'), ...(series ? ['--series'] : []), '--claims', join(ROOT, 'schema', 'claims.json')]
  const result = spawnSync(python!, args, { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (result.status !== 0) throw new Error(result.stderr)
  return result.stdout.trim() === '' ? [] : result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Summary)
}

describe.skipIf(python === undefined && process.env.CI === undefined)('a Python implementation from rules.json alone', () => {
  it('finds what checkReport finds, report by report', () => {
    const fixtures = jsonFiles('tests/rule-fixtures').flatMap((file) => (readJson(file) as { reports: unknown[] }).reports)
    const examples = jsonFiles('examples').map(readJson)
    const generated = fc.sample(arbitraryReport(), { seed: SEED, numRuns: 200 }) as Report[]
    const consistent = generated.map(makeConsistent)
    const rng = random(SEED)
    const mutated = consistent.map((report) => mutate(report, rng).text)
    // Numbers in the prose in every way reports write them (the numerals of rules.json).
    const worded = ['收到申请三件', '共受理政府信息公开申请二十一件', '收到政府信息公开申请７５件', '受理申请一百零五件', '收到申请三百五件', '行政复议两件，行政诉讼十二件', '收到申请一二件'].map((text) => {
      const report = structuredClone(examples[0]) as Report
      report.overview.paragraphs = [{ text }]
      return report
    })
    // Claims of the narrative: every sentence of the labelled corpus, each in a report, and the claim fixtures.
    const claimed = readCorpus().sentences.map(({ text }) => {
      const report = structuredClone(examples[0]) as Report
      report.overview.paragraphs = [{ text }]
      return report
    })
    const claimFixtures = jsonFiles('tests/claim-fixtures').flatMap((file) => (readJson(file) as { reports: unknown[] }).reports)
    const texts: unknown[] = [...fixtures, ...claimFixtures, ...examples, ...generated, ...consistent, ...mutated, ...worded, ...claimed]
    // The rules are defined on schema-valid reports (run validateReport first): keep those.
    const valid = texts.filter((t) => validateReport(typeof t === 'string' ? (JSON.parse(t) as unknown) : t).valid)
    texts.splice(0, texts.length, ...valid)
    const documents = texts.map((t) => (typeof t === 'string' ? (JSON.parse(t) as unknown) : t))
    const typescript = documents.flatMap((report, i) => checkReport(report).findings.map((f) => summary(f, i)))
    const fromPython = runPython(texts, false)
    expect(typescript.length).toBeGreaterThan(500)
    expect(new Set(typescript.map((s) => s.ruleId)).size).toBeGreaterThanOrEqual(10)
    // The claims are part of what is compared, and many of their kinds are found.
    expect(new Set(typescript.filter((s) => claimIds.has(s.ruleId)).map((s) => s.ruleId)).size).toBeGreaterThanOrEqual(15)
    const a = new Set(sorted(fromPython)); const b = new Set(sorted(typescript))
    expect([...a].filter((x) => !b.has(x)).slice(0, 5)).toEqual([])
    expect([...b].filter((x) => !a.has(x)).slice(0, 5)).toEqual([])
    expect(sorted(fromPython)).toEqual(sorted(typescript))
  })

  it('reads every sentence of the labelled corpus into the same claims as the TypeScript reader', () => {
    const result = spawnSync(python!, [join(ROOT, 'tests', 'python', 'zfxxgk_claims.py'), 'read', join(ROOT, 'schema', 'claims.json'), corpusPath], { encoding: 'utf8', maxBuffer: 1 << 26 })
    if (result.status !== 0) throw new Error(result.stderr)
    const fromPython = new Map(result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: number; claims: LabelledClaim[] }).map((l) => [l.id, l.claims.map(claimKey)]))
    const corpus = readCorpus()
    expect(fromPython.size).toBe(corpus.sentences.length)
    let claims = 0
    for (const sentence of corpus.sentences) {
      const typescript = readClaims(sentence.text, publishedClaims).map(claimKey)
      claims += typescript.length
      expect(fromPython.get(sentence.id), `${sentence.id}: ${sentence.text}`).toEqual(typescript)
    }
    expect(claims).toBeGreaterThan(300)
  })

  it('checks the changes a report states against last year’s report as checkSeries does', () => {
    const base = structuredClone(readJson('examples/seed-2024-weidong-science-bureau.json')) as Report
    const series: Report[][] = []
    for (const [sentence, newly] of [['本年度共收到政府信息公开申请5件，较上年增加2件。', 3], ['本年度共收到政府信息公开申请5件，同比增长25%。', 4], ['本年度共收到政府信息公开申请5件，与上年持平。', 4]] as const) {
      const later = structuredClone(base)
      later.applications.newlyReceived.total = 5
      later.overview.paragraphs = [{ text: sentence }]
      const earlier = structuredClone(base)
      earlier.meta.year = later.meta.year - 1
      earlier.applications.newlyReceived.total = newly
      series.push([earlier, later])
    }
    let found = 0
    for (const reports of series) {
      const typescript = checkSeries(reports).findings.map((f) => summary(f, f.reportIndex ?? null))
      found += typescript.filter((s) => claimIds.has(s.ruleId)).length
      expect(sorted(runPython(reports, true))).toEqual(sorted(typescript))
    }
    expect(found).toBe(1)
  })

  it('finds what checkSeries finds, series by series', () => {
    const series = jsonFiles('tests/rule-fixtures')
      .map((file) => readJson(file) as { rule: string; reports: unknown[] })
      .filter((fixture) => fixture.reports.length > 1)
      .map((fixture) => fixture.reports)
    const years = fc.sample(arbitraryReport(['2021']).map(makeConsistent), { seed: SEED, numRuns: 60 })
    for (let i = 0; i + 2 < years.length; i += 3) {
      series.push(years.slice(i, i + 3).map((r, k) => ({ ...r, meta: { ...r.meta, year: 2021 + k, agencyName: '示例县人民政府办公室' } })))
    }
    for (const reports of series) {
      const typescript = checkSeries(reports).findings.map((f) => summary(f, f.reportIndex ?? null))
      expect(sorted(runPython(reports, true))).toEqual(sorted(typescript))
    }
  })
})
