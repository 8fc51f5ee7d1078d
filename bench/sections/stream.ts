/** Benchmark 3: 100,000 generated reports through the CLI's check as a stream, against bare JSON.parse loops. */
import { createWriteStream, existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { arbitraryReport } from '../../tests/support/arbitrary.js'
import { makeConsistent } from '../../tests/support/consistent.js'
import { ROOT, timed, TMP } from '../common.js'
import { fmt, median, pairedRatio, table, turnOrder } from '../measure.js'

const count = Number(process.env.BENCH_REPORTS ?? 100_000)
const file = join(TMP, `reports-${count}.ndjson`)
if (!existsSync(file)) {
  const distinct = fc.sample(arbitraryReport().map(makeConsistent), { seed: 1, numRuns: 1000 })
  const out = createWriteStream(file)
  for (let i = 0; i < count; i++) {
    const report = distinct[i % distinct.length]!
    out.write(JSON.stringify({ ...report, meta: { ...report.meta, agencyName: `示例机关${i}` } }) + '\n')
  }
  await new Promise((resolve) => out.end(resolve))
}
const bytes = statSync(file).size
// Interleaved rounds (one run of each command per round), the times the medians of the rounds and the ratios the
// medians of the rounds' ratios: one run each moved the ratio by 25% between runs on the busy machine, as the load
// shifted under one command and not the other.
const STREAM_ROUNDS = Number(process.env.BENCH_STREAM_ROUNDS ?? 5)
const streamCommands: string[][] = [
  [join(ROOT, 'bench', 'json-parse-loop.mjs'), file],
  [join(ROOT, 'bench', 'json-parse-loop-buffer.mjs'), file],
  [join(ROOT, 'dist', 'cli.js'), 'check', file, '--json', '--quiet', '--fail-on', 'error'],
  [join(ROOT, 'dist', 'cli.js'), 'check', file, '--json', '--quiet', '--fail-on', 'error', '--no-claims'],
]
const streamRuns = streamCommands.map((): ReturnType<typeof timed>[] => [])
// The order rotates every round; each ratio is the median of the rounds' ratios to the baseline's run of that round.
for (let round = 0; round < STREAM_ROUNDS; round++) for (const i of turnOrder(streamCommands.length, round)) streamRuns[i]!.push(timed(streamCommands[i]!))
const medianRun = (runs: ReturnType<typeof timed>[]) => ({ cpu: median(runs.map((r) => r.cpu)), seconds: median(runs.map((r) => r.seconds)), rss: Math.max(...runs.map((r) => r.rss)) })
const [parseLoop, parseLoopBuffer, cliCheck, cliCheckNoClaims] = streamRuns.map(medianRun) as ReturnType<typeof medianRun>[] as [ReturnType<typeof medianRun>, ReturnType<typeof medianRun>, ReturnType<typeof medianRun>, ReturnType<typeof medianRun>]
const streamRow = (name: string, run: ReturnType<typeof medianRun>, i: number) => [name, `${run.cpu.toFixed(2)} s`, `${run.seconds.toFixed(2)} s`, (count / run.seconds).toFixed(0), fmt.mb(run.rss), fmt.ratio(pairedRatio(streamRuns[i]!.map((r) => r.cpu), streamRuns[0]!.map((r) => r.cpu)))]
table(
  `3. ${count.toLocaleString('en')} generated reports as NDJSON (${fmt.mb(bytes)}): CPU time of the process (all its threads), median of ${STREAM_ROUNDS} interleaved rounds (the ratio: of the rounds\' ratios); peak memory the highest`,
  ['command', 'CPU', 'wall', 'reports/s', 'peak memory', 'CPU vs baseline'],
  [
    streamRow('JSON.parse loop over the file (baseline)', parseLoop, 0),
    streamRow('the same loop, reading as the CLI does (one buffer)', parseLoopBuffer, 1),
    streamRow('zfxxgk-report check (validate + rules), streamed', cliCheck, 2),
    streamRow('the same, --no-claims', cliCheckNoClaims, 3),
  ],
)
