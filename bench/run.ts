/**
 * npm run bench: every figure is a ratio against a baseline measured in the same run, printed with the medians.
 *   1. validation per report (AJV compiled, AJV standalone, TypeBox Compile) and the rule checker vs JSON.parse;
 *   2. parsing text and HTML reports, per KB, vs parse5's own parse of the same report as HTML;
 *   2b. parsing a five-page PDF vs pdf.js extracting its text alone (CPU time, interleaved rounds);
 *   2c. linear time: parsing 8× the input of seven hostile shapes over 1× (CPU time, interleaved rounds);
 *   3. 100,000 generated reports through the CLI's check (validate + rules; with and without the claims) as a stream vs a
 *      bare JSON.parse loop (readline), and that loop reading the file as the CLI does (CPU time of each process, 5
 *      interleaved rounds, the median of their ratios);
 *   4. CLI cold start vs `node -e 0` (CPU time of each process, interleaved rounds);
 *   5. the size of the standalone validator, minified and gzipped;
 *   6. the clerk's page: the size of its scripts, and 500 generated files (HTML, text, Word, JSON, NDJSON) loaded and
 *      checked in headless Chromium vs the same reading and checking in Node (CPU time of the browser's processes vs
 *      this process's; wall time too; interleaved rounds, medians).
 *   7. 10,000 reports exported as a workbook (.xlsx) vs written as NDJSON (CPU time, 3 interleaved rounds).
 * BENCH_REPORTS=N changes the size of the stream (default 100000), BENCH_STREAM_ROUNDS=N its rounds (default 5);
 * BENCH_PAGE_FILES=N the page's batch (default 500).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, createWriteStream } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import fc from 'fast-check'
import { parse as parseHtml } from 'parse5'
import Schema from 'typebox/schema'
import type { Report } from '../generated/report.js'
import { renderHtml } from '../src/render/index.js'
import { report2021Schema } from '../src/schema/published.js'
import { arbitraryReport } from '../tests/support/arbitrary.js'
import { makeConsistent } from '../tests/support/consistent.js'
import { fmt, interleaved, median, pairedRatio, table, turnOrder, type Compared } from './measure.js'
import { benchPage } from './page.js'

const ROOT = join(import.meta.dirname, '..')
const TMP = join(ROOT, '.tmp', 'bench')
mkdirSync(TMP, { recursive: true })
if (!existsSync(join(ROOT, 'dist', 'cli.js')) || !existsSync(join(ROOT, 'dist', 'standalone.js'))) {
  throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)')
}

console.log(`zfxxgk-report benchmarks — ${new Date().toISOString().slice(0, 10)}`)
console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${fmt.mb(totalmem())} RAM, Node ${process.version}, ${process.platform}`)

// ---- 1. validation and checking per report ----
// From dist/, as users run it (bundled: the generated code and its helpers in one scope).
const dist = (await import(join(ROOT, 'dist', 'index.js'))) as typeof import('../src/index.js')
const distStandalone = (await import(join(ROOT, 'dist', 'standalone.js'))) as typeof import('../src/standalone/index.js')
const { parseReport } = (await import(join(ROOT, 'dist', 'parse.js'))) as typeof import('../src/parse/index.js')
const { toWorkbook } = (await import(join(ROOT, 'dist', 'sheet.js'))) as typeof import('../src/sheet/index.js')
const seedText = readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json'), 'utf8')
const seed = JSON.parse(seedText) as Report
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
{
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
}

// ---- 2. parsing published reports ----
const seedReportText = readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.txt'), 'utf8')
const seedHtml = renderHtml(seed)
const parsers: (() => unknown)[] = [() => parseHtml(seedHtml), () => parseReport(seedReportText), () => parseReport(seedHtml)]
const [html5, textParse, htmlParse] = interleaved(parsers, { perBatch: 10, batches: 225 }) as [Compared, Compared, Compared]
const kb = (s: string) => Buffer.byteLength(s) / 1024
table(
  '2. Parsing a published report: CPU time, 225 interleaved turns of one batch of 10 per parser; the ratio is the median of the turns\' ratios',
  ['input', 'size', 'median', 'per KB', 'vs parse5.parse of the HTML'],
  [
    ['parse5.parse(HTML of the seed) (baseline)', fmt.kb(Buffer.byteLength(seedHtml)), fmt.ns(html5.median), fmt.ns(html5.median / kb(seedHtml)), '1.00×'],
    ['parseReport(seed text, tab layout)', fmt.kb(Buffer.byteLength(seedReportText)), fmt.ns(textParse.median), fmt.ns(textParse.median / kb(seedReportText)), fmt.ratio(textParse.ratio)],
    ['parseReport(seed HTML, official layout)', fmt.kb(Buffer.byteLength(seedHtml)), fmt.ns(htmlParse.median), fmt.ns(htmlParse.median / kb(seedHtml)), fmt.ratio(htmlParse.ratio)],
  ],
)

// ---- 2b. parsing a PDF ----
// CPU time (process.cpuUsage: pdf.js runs in this thread in Node), rounds interleaved, medians compared.
const pdfBytes = new Uint8Array(readFileSync(join(ROOT, 'tests', 'pdf', 'seed-a5-5-pages.pdf')))
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
const extractTextAlone = async () => {
  const document = await pdfjs.getDocument({ data: pdfBytes.slice(), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise
  for (let n = 1; n <= document.numPages; n++) await (await document.getPage(n)).getTextContent()
  await document.destroy()
}
const cpu = async (f: () => Promise<unknown>, times: number) => {
  const start = process.cpuUsage()
  for (let i = 0; i < times; i++) await f()
  const used = process.cpuUsage(start)
  return ((used.user + used.system) * 1000) / times
}
const pdfOperations: [string, () => Promise<unknown>][] = [
  ['pdf.js: getTextContent of every page (baseline)', extractTextAlone],
  ['parseReport(PDF bytes): text, rules, geometry, reader', () => parseReport(pdfBytes)],
]
for (const [, f] of pdfOperations) await cpu(f, 3)
const pdfRounds = pdfOperations.map(() => [] as number[])
for (let round = 0; round < 7; round++) for (const [i, [, f]] of pdfOperations.entries()) pdfRounds[i]!.push(await cpu(f, 5))
const pdfMedians = pdfRounds.map(median)
table(
  `2b. A five-page PDF (${fmt.kb(pdfBytes.length)}, the seed printed by Chromium on A5): CPU time, median of 7 interleaved rounds of 5; the ratio is the median of the rounds\' ratios`,
  ['operation', 'median CPU', 'min–max', 'vs pdf.js text alone'],
  pdfOperations.map(([name], i) => [name, fmt.ns(pdfMedians[i]!), `${fmt.ns(Math.min(...pdfRounds[i]!))}–${fmt.ns(Math.max(...pdfRounds[i]!))}`, fmt.ratio(pairedRatio(pdfRounds[i]!, pdfRounds[0]!))]),
)

// ---- 2c. linear time ----
// Moved here from the tests (a ratio of times depends on the machine's load; the tests bound work by budgets and
// analyse every regex instead). CPU time of parsing 8× the input over 1×, median of 5 interleaved rounds: linear work
// gives about 8 (garbage collection takes it higher), quadratic work 64.
const reportText = readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.txt'), 'utf8')
const shapes: [string, (n: number) => string][] = [
  ['the seed repeated', (n) => reportText.repeat(n)],
  ['lines of numbers', (n) => '三、收到和处理政府信息公开申请情况\n' + '0 1 2 3 4 5 6\n'.repeat(2000 * n)],
  ['one long line of cells', (n) => '二、主动公开政府信息情况\n' + '规章 | '.repeat(5000 * n)],
  ['bars only', (n) => '|\n'.repeat(20000 * n)],
  ['nested HTML tables', (n) => '<table><tr><td rowspan="9">'.repeat(50) + '<td>0</td>'.repeat(5000 * n)],
  ['digits after 收取信息处理费', (n) => `六、其他需要报告的事项\n本机关收取信息处理费${'9'.repeat(10_000 * n)}`],
  ['spaces after （一）', (n) => `一、总体情况\n（一）${' '.repeat(2500 * n)}y`],
]
const linearRows: string[][] = []
for (const [name, make] of shapes) {
  const small = make(1)
  const large = make(8)
  const times: [number[], number[]] = [[], []]
  await cpu(async () => parseReport(small), 2)
  for (let round = 0; round < 5; round++) {
    times[0].push(await cpu(async () => parseReport(small), 3))
    times[1].push(await cpu(async () => parseReport(large), 1))
  }
  const [a, b] = [median(times[0]), median(times[1])]
  linearRows.push([name, `${(small.length / 1000).toFixed(1)}k`, fmt.ns(a), fmt.ns(b), fmt.ratio(pairedRatio(times[1], times[0]))])
}
table('2c. Linear time: parsing 8× the input (CPU time, 5 interleaved rounds, the median of their ratios; linear ≈ 8×, quadratic 64×)', ['input shape', '1× characters', '1×', '8×', '8× / 1×'], linearRows)

// ---- 3. the stream ----
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
/** A child process: its wall time, its CPU time (all its threads) and its peak memory, from bench/rss.cjs. */
const timed = (args: string[]) => {
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, ['--require', join(ROOT, 'bench', 'rss.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const rss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? 0) * 1024
  const cpu = Number(/BENCH_CPU_MS=([0-9.]+)/.exec(result.stderr)?.[1] ?? NaN) / 1000
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr.slice(0, 500)}`)
  return { seconds, cpu, rss }
}
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

// ---- 4. cold start ----
// CPU time of each process from its start to its exit (bench/rss.cjs), rounds interleaved, medians.
const coldCommands: [string, string[]][] = [
  ['node -e 0 (baseline)', ['-e', '0']],
  ['zfxxgk-report --version', [join(ROOT, 'dist', 'cli.js'), '--version']],
  ['zfxxgk-report validate <one report>', [join(ROOT, 'dist', 'cli.js'), 'validate', 'examples/seed-2024-weidong-science-bureau.json', '--quiet']],
  ['zfxxgk-report check <one report>', [join(ROOT, 'dist', 'cli.js'), 'check', 'examples/seed-2024-weidong-science-bureau.json', '--quiet']],
]
const coldTimes = coldCommands.map((): number[] => [])
for (let round = 0; round < 21; round++) for (const i of turnOrder(coldCommands.length, round)) coldTimes[i]!.push(timed(coldCommands[i]![1]).cpu * 1000)
table(
  '4. CLI cold start: CPU time of the process (all its threads), median of 21 interleaved rounds (the ratio: of the rounds\' ratios)',
  ['command', 'median CPU', 'vs node -e 0'],
  coldCommands.map(([name], i) => [name, `${median(coldTimes[i]!).toFixed(0)} ms`, fmt.ratio(pairedRatio(coldTimes[i]!, coldTimes[0]!))]),
)

// ---- 5. the standalone validator's size ----
const sizes = [] as string[][]
for (const entry of ['standalone.js', 'standalone.cjs']) {
  const source = readFileSync(join(ROOT, 'dist', entry))
  const minified = await build({ entryPoints: [join(ROOT, 'dist', entry)], bundle: true, minify: true, write: false, platform: 'neutral', format: entry.endsWith('.cjs') ? 'cjs' : 'esm', logLevel: 'silent' })
  const code = minified.outputFiles[0]!.contents
  sizes.push([`dist/${entry}`, fmt.kb(source.length), fmt.kb(code.length), fmt.kb(gzipSync(code, { level: 9 }).length)])
}
{
  // The browser entry as an application's bundler ships it: zfxxgk-report/standalone left to a chunk of its own.
  const source = readFileSync(join(ROOT, 'dist', 'browser.js'))
  const minified = await build({ entryPoints: [join(ROOT, 'dist', 'browser.js')], bundle: true, minify: true, write: false, platform: 'browser', format: 'esm', external: ['zfxxgk-report/standalone'], logLevel: 'silent' })
  const code = minified.outputFiles[0]!.contents
  sizes.push(['dist/browser.js, all of it (verdict, rules and claims)', fmt.kb(source.length), fmt.kb(code.length), fmt.kb(gzipSync(code, { level: 9 }).length)])
  // A page that imports the verdict and the rules alone (isReport, checkRules, checkSeriesRules): what its bundler ships.
  const rulesOnly = await build({ stdin: { contents: `export { isReport, checkRules, checkSeriesRules } from ${JSON.stringify(join(ROOT, 'dist', 'browser.js'))}`, resolveDir: ROOT }, bundle: true, minify: true, write: false, platform: 'browser', format: 'esm', external: ['zfxxgk-report/standalone'], logLevel: 'silent' })
  const rulesCode = rulesOnly.outputFiles[0]!.contents
  sizes.push(['dist/browser.js, imported for the verdict and the rules', '', fmt.kb(rulesCode.length), fmt.kb(gzipSync(rulesCode, { level: 9 }).length)])
}
table('5. Validators and checker for browsers (minified by esbuild as a bundler would)', ['file', 'as built', 'minified', 'minified + gzip'], sizes)

// ---- 6. the clerk's page ----
const pageSizes = (['page.js', 'worker.js', 'reader-word.js', 'reader-pdf.js'] as const).map((name) => {
  const code = readFileSync(join(ROOT, 'dist', 'page', name))
  return [name, fmt.kb(code.length), fmt.kb(gzipSync(code, { level: 9 }).length), name.startsWith('reader') ? 'only when such a file is dropped' : 'on opening the page']
})
table('6a. The clerk’s page (dist/page), minified as built', ['script', 'size', 'gzip', 'loaded'], pageSizes)
await benchPage()

// ---- 7. spreadsheet export ----
{
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
}
writeFileSync(join(TMP, 'last-run.txt'), new Date().toISOString())
