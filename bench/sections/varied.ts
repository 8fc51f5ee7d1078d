/**
 * Benchmark 1b: validation and checking of 500 varied reports, most with findings, against JSON.parse of their text.
 * Measured in five processes of their own, one after another, and reported as the median of the five: within one
 * process the 45 interleaved turns agree closely, but processes differ by more (the state their collector and
 * compiler come to: 1.18–1.34× in six processes with both cores busy), and one process's figure could land 18% from
 * another run's. BENCH_VARIED_PROCESSES=N changes the number of processes.
 */
import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import type { Report } from '../../generated/report.js'
import { arbitraryReport } from '../../tests/support/arbitrary.js'
import { fromDist } from '../common.js'
import { fmt, interleaved, median, table, type Compared } from '../measure.js'

interface Measured {
  invalid: number
  findings: number
  reports: number
  parsed: number
  checked: Compared
  checkedNoClaims: Compared
}

async function measure(): Promise<Measured> {
  const dist = await fromDist<typeof import('../../src/index.js')>('index.js')
  // Varied reports, most with findings (random numbers break the sums): the checker builds findings. A schema-invalid
  // one would run AJV for its errors; the title says how many there are (none, from this generator and seed).
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
  return { invalid, findings, reports: varied.length, parsed: parsed.median, checked, checkedNoClaims }
}

if (process.env.BENCH_VARIED_CHILD === '1') {
  console.log(JSON.stringify(await measure()))
} else {
  const count = Number(process.env.BENCH_VARIED_PROCESSES ?? 5)
  const runs: Measured[] = []
  for (let i = 0; i < count; i++) {
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename], { encoding: 'utf8', env: { ...process.env, BENCH_VARIED_CHILD: '1' } })
    if (child.status !== 0) throw new Error(`bench section varied, process ${i + 1}: ${child.stderr.slice(0, 500)}`)
    runs.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured)
  }
  const { invalid, findings, reports } = runs[0]!
  const per = (ns: number) => fmt.ns(ns / reports)
  const ratios = (pick: (run: Measured) => Compared) => runs.map((run) => pick(run).ratio)
  const spread = (values: number[]) => `${fmt.ratio(Math.min(...values))}–${fmt.ratio(Math.max(...values))}`
  table(
    `1b. ${reports} varied reports (${invalid} schema-invalid, ${findings} findings in all): CPU time per report, 45 interleaved turns in each of ${count} processes; the median of the processes' medians`,
    ['operation', 'per report', 'vs JSON.parse', 'processes'],
    [
      ['JSON.parse of each report (baseline)', per(median(runs.map((run) => run.parsed))), '1.00×', ''],
      ['validate + every single-report rule', per(median(runs.map((run) => run.checked.median))), fmt.ratio(median(ratios((run) => run.checked))), spread(ratios((run) => run.checked))],
      ['validate + every rule but the claims', per(median(runs.map((run) => run.checkedNoClaims.median))), fmt.ratio(median(ratios((run) => run.checkedNoClaims))), spread(ratios((run) => run.checkedNoClaims))],
    ],
  )
}
