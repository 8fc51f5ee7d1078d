/** Benchmark 1b: validation and checking of 500 varied reports, most with findings, against JSON.parse of their text. */
import fc from 'fast-check'
import type { Report } from '../../generated/report.js'
import { arbitraryReport } from '../../tests/support/arbitrary.js'
import { fromDist } from '../common.js'
import { fmt, interleaved, table, type Compared } from '../measure.js'

const dist = await fromDist<typeof import('../../src/index.js')>('index.js')
// Varied reports, most with findings (random numbers break the sums), some schema-invalid (a 2019 year on a 2021
// template): validation then runs AJV for its errors, and the checker builds findings.
// Each checked as JSON.parse gives it (as a file is read): fast-check's own objects have shapes that no parsed
// report has, and took 1.3–1.7 times as long to check (with and without the claims).
const texts = fc.sample(arbitraryReport(), { seed: 12, numRuns: 500 }).map((report) => JSON.stringify(report))
const varied = texts.map((text) => JSON.parse(text) as Report)
const parseAll = () => texts.forEach((text) => JSON.parse(text))
const checkAll = () => varied.forEach((report) => (dist.validateReport(report), dist.checkReport(report)))
const checkAllNoClaims = () => varied.forEach((report) => (dist.validateReport(report), dist.checkReport(report, { claims: false })))
const invalid = varied.filter((report) => !dist.validateReport(report).valid).length
const findings = varied.reduce((sum, report) => sum + dist.checkReport(report).findings.length, 0)
const [parsed, checked, checkedNoClaims] = interleaved([parseAll, checkAll, checkAllNoClaims], { perBatch: 1, batches: 45, warmup: 1 }) as [Compared, Compared, Compared]
table(`1b. ${varied.length} varied reports (${invalid} schema-invalid, ${findings} findings in all): CPU time per report, 45 interleaved turns`, ['operation', 'per report', 'vs JSON.parse'], [
  ['JSON.parse of each report (baseline)', fmt.ns(parsed.median / varied.length), '1.00×'],
  ['validate + every single-report rule', fmt.ns(checked.median / varied.length), fmt.ratio(checked.ratio)],
  ['validate + every rule but the claims', fmt.ns(checkedNoClaims.median / varied.length), fmt.ratio(checkedNoClaims.ratio)],
])
