/** Benchmark 2c: linear time, parsing 8× the input of hostile shapes against 1×. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cpuPerCall, fromDist, ROOT } from '../common.js'
import { fmt, median, pairedRatio, table } from '../measure.js'

const { parseReport } = await fromDist<typeof import('../../src/parse/index.js')>('parse.js')
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
  await cpuPerCall(async () => parseReport(small), 2)
  for (let round = 0; round < 5; round++) {
    times[0].push(await cpuPerCall(async () => parseReport(small), 3))
    times[1].push(await cpuPerCall(async () => parseReport(large), 1))
  }
  const [a, b] = [median(times[0]), median(times[1])]
  linearRows.push([name, `${(small.length / 1000).toFixed(1)}k`, fmt.ns(a), fmt.ns(b), fmt.ratio(pairedRatio(times[1], times[0]))])
}
table('2c. Linear time: parsing 8× the input (CPU time, 5 interleaved rounds, the median of their ratios; linear ≈ 8×, quadratic 64×)', ['input shape', '1× characters', '1×', '8×', '8× / 1×'], linearRows)
