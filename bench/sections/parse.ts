/** Benchmark 2: parsing the seed as published (its text, its HTML) against parse5's own parse of the HTML. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseHtml } from 'parse5'
import { renderHtml } from '../../src/render/index.js'
import { fromDist, ROOT, seed } from '../common.js'
import { fmt, interleaved, table, type Compared } from '../measure.js'

const { parseReport } = await fromDist<typeof import('../../src/parse/index.js')>('parse.js')
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
