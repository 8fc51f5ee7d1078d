/** Benchmark 7: 10,000 reports exported as a workbook against writing them as NDJSON. */
import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { arbitraryReport } from '../../tests/support/arbitrary.js'
import { makeConsistent } from '../../tests/support/consistent.js'
import { fromDist, ROOT, timed, TMP } from '../common.js'
import { fmt, median, table } from '../measure.js'

const { toWorkbook } = await fromDist<typeof import('../../src/sheet/index.js')>('sheet.js')
const distinct = fc.sample(arbitraryReport().map(makeConsistent), { seed: 1, numRuns: 200 })
const entries = Array.from({ length: 10_000 }, (_, i) => {
  const report = distinct[i % distinct.length]!
  return { name: `报告${i}.json`, report: { ...report, meta: { ...report.meta, agencyName: `示例机关${i}` } } }
})
const cpuMs = () => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}
const ndjsonFile = join(TMP, 'export.ndjson')
const xlsxFile = join(TMP, 'export.xlsx')
const runs = { ndjson: [] as number[], xlsx: [] as number[] }
// One round to warm up (the first load of the writer, the validators' and the checker's first calls), then 5.
for (let round = 0; round < 6; round++) {
  let start = cpuMs()
  writeFileSync(ndjsonFile, entries.map((entry) => JSON.stringify(entry.report)).join('\n') + '\n')
  const ndjson = cpuMs() - start
  start = cpuMs()
  writeFileSync(xlsxFile, await toWorkbook(entries))
  const xlsx = cpuMs() - start
  if (round > 0) runs.ndjson.push(ndjson), runs.xlsx.push(xlsx)
}
// Memory: the installed command exporting the same 10,000 reports from the NDJSON file, in a process of its own.
const cli = timed([join(ROOT, 'dist', 'cli.js'), 'export', ndjsonFile, '--to', 'xlsx', '--out', join(TMP, 'export-cli.xlsx'), '--quiet'])
table('7. 10,000 reports exported (CPU time in this process, median of 5 interleaved rounds after one to warm up)', ['output', 'CPU', 'size', 'vs NDJSON'], [
  ['NDJSON, JSON.stringify per report (baseline)', `${median(runs.ndjson).toFixed(0)} ms`, fmt.mb(statSync(ndjsonFile).size), '1.00×'],
  ['.xlsx: toWorkbook (reports, findings, missing, 汇总), streamed', `${median(runs.xlsx).toFixed(0)} ms`, fmt.mb(statSync(xlsxFile).size), fmt.ratio(median(runs.xlsx) / median(runs.ndjson))],
  [`zfxxgk-report export --to xlsx of the NDJSON file: peak memory ${fmt.mb(cli.rss)}`, `${cli.seconds.toFixed(2)} s wall`, fmt.mb(statSync(join(TMP, 'export-cli.xlsx')).size), ''],
])
