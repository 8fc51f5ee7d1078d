/** Benchmark 2b: parsing a five-page PDF against pdf.js extracting its text alone. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cpuPerCall, fromDist, ROOT } from '../common.js'
import { fmt, median, pairedRatio, table } from '../measure.js'

const { parseReport } = await fromDist<typeof import('../../src/parse/index.js')>('parse.js')
// CPU time (process.cpuUsage: pdf.js runs in this thread in Node), rounds interleaved, medians compared.
const pdfBytes = new Uint8Array(readFileSync(join(ROOT, 'tests', 'pdf', 'seed-a5-5-pages.pdf')))
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
const extractTextAlone = async () => {
  const document = await pdfjs.getDocument({ data: pdfBytes.slice(), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise
  for (let n = 1; n <= document.numPages; n++) await (await document.getPage(n)).getTextContent()
  await document.destroy()
}
const pdfOperations: [string, () => Promise<unknown>][] = [
  ['pdf.js: getTextContent of every page (baseline)', extractTextAlone],
  ['parseReport(PDF bytes): text, rules, geometry, reader', () => parseReport(pdfBytes)],
]
for (const [, f] of pdfOperations) await cpuPerCall(f, 3)
const pdfRounds = pdfOperations.map(() => [] as number[])
for (let round = 0; round < 7; round++) for (const [i, [, f]] of pdfOperations.entries()) pdfRounds[i]!.push(await cpuPerCall(f, 5))
const pdfMedians = pdfRounds.map(median)
table(
  `2b. A five-page PDF (${fmt.kb(pdfBytes.length)}, the seed printed by Chromium on A5): CPU time, median of 7 interleaved rounds of 5; the ratio is the median of the rounds\' ratios`,
  ['operation', 'median CPU', 'min–max', 'vs pdf.js text alone'],
  pdfOperations.map(([name], i) => [name, fmt.ns(pdfMedians[i]!), `${fmt.ns(Math.min(...pdfRounds[i]!))}–${fmt.ns(Math.max(...pdfRounds[i]!))}`, fmt.ratio(pairedRatio(pdfRounds[i]!, pdfRounds[0]!))]),
)
