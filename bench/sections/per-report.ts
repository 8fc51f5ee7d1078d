/** Benchmark 1: validation and checking of one report (the seed) against JSON.parse of its text, in this process. */
import Schema from 'typebox/schema'
import { report2021Schema } from '../../src/schema/published.js'
import { fromDist, seed, seedText } from '../common.js'
import { fmt, interleaved, table } from '../measure.js'

const dist = await fromDist<typeof import('../../src/index.js')>('index.js')
const distStandalone = await fromDist<typeof import('../../src/standalone/index.js')>('standalone.js')
const typebox = Schema.Compile(report2021Schema as never)
const ajvAlone = dist.createAjv().getSchema(String(report2021Schema.$id))!
// An equal copy of the published rules runs on the interpreted plan, the reference the generated checker replaces.
const interpretedRules = { rules: structuredClone(dist.rules) }
if (!dist.validateReport(seed).valid || !distStandalone.validateReport(seed).valid || !typebox.Check(seed) || !ajvAlone(seed)) throw new Error('the seed must be valid')
// Three interleaved rounds over all operations, the median per operation: run order and JIT state even out.
const operations: [string, () => unknown][] = [
  ['JSON.parse of the report (baseline)', () => JSON.parse(seedText)],
  ['validateReport (fast path; AJV only for invalid documents)', () => dist.validateReport(seed)],
  ['validateReport from zfxxgk-report/standalone', () => distStandalone.validateReport(seed)],
  ['AJV alone (the compiled schema, all errors)', () => ajvAlone(seed)],
  ['TypeBox Compile().Check', () => typebox.Check(seed)],
  ['checkReport (all rules; summations generated)', () => dist.checkReport(seed, { claims: false })],
  ['checkReport on the interpreted plan (the reference)', () => dist.checkReport(seed, { ...interpretedRules, claims: false })],
  ['checkReport with the claims of the narrative (the default)', () => dist.checkReport(seed)],
  ['validate + every single-report rule', () => dist.validateReport(seed).valid && dist.checkReport(seed)],
  ['validate + every rule but the claims', () => dist.validateReport(seed).valid && dist.checkReport(seed, { claims: false })],
]
const combined = interleaved(operations.map(([, f]) => f), { perBatch: 500 })
const rows = operations.map(([name], i) => [name, combined[i]!] as const)
table(
  `1. Per report (${fmt.kb(seedText.length)} JSON, the seed): CPU time, 75 turns of one batch of 500 per operation, interleaved; the ratio is the median of the turns' ratios`,
  ['operation', 'median', 'min–max', 'vs JSON.parse'],
  rows.map(([name, t]) => [name, fmt.ns(t.median), `${fmt.ns(t.min)}–${fmt.ns(t.max)}`, fmt.ratio(t.ratio)]),
)
