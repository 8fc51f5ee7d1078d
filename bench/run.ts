/**
 * npm run bench: every figure is a ratio against a baseline measured in the same run, printed with the medians. Each
 * section (bench/sections/) runs in a process of its own, in this order:
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
 *   7. 10,000 reports exported as a workbook (.xlsx) vs written as NDJSON (CPU time, 5 interleaved rounds).
 * BENCH_REPORTS=N changes the size of the stream (default 100000), BENCH_STREAM_ROUNDS=N its rounds (default 5);
 * BENCH_PAGE_FILES=N the page's batch (default 500); BENCH_ONLY=parse,stream runs those sections alone.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { ROOT, TMP } from './common.js'
import { fmt } from './measure.js'

if (!existsSync(join(ROOT, 'dist', 'cli.js')) || !existsSync(join(ROOT, 'dist', 'standalone.js'))) {
  throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)')
}

/**
 * The sections in order, each run in a process of its own: a section's figures must not depend on what ran before it.
 * In one process, the parsing of section 2 measured 2.19× parse5 after section 1 and 1b in one run and 2.83× in the
 * next (as much garbage as the collector had left, 84 MB or 239 MB of heap), against 2.05–2.14× in a process of its own.
 */
const SECTIONS = ['per-report', 'varied', 'parse', 'pdf', 'linear', 'stream', 'cold-start', 'sizes', 'page', 'export'] as const
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim())
const unknown = only?.filter((s) => !(SECTIONS as readonly string[]).includes(s)) ?? []
if (unknown.length > 0) throw new Error(`BENCH_ONLY: no section ${unknown.join(', ')} (the sections: ${SECTIONS.join(', ')})`)

console.log(`zfxxgk-report benchmarks — ${new Date().toISOString().slice(0, 10)}`)
console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${fmt.mb(totalmem())} RAM, Node ${process.version}, ${process.platform}`)
const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')
for (const section of SECTIONS) {
  if (only !== undefined && !only.includes(section)) continue
  const run = spawnSync(process.execPath, ['--import', tsx, join(ROOT, 'bench', 'sections', `${section}.ts`)], { cwd: ROOT, stdio: 'inherit', env: process.env })
  if (run.status !== 0) throw new Error(`bench section ${section} failed (exit ${run.status ?? run.signal})`)
}
writeFileSync(join(TMP, 'last-run.txt'), new Date().toISOString())
