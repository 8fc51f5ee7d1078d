/** Benchmark 4: the CLI's cold start against `node -e 0`. */
import { join } from 'node:path'
import { ROOT, timed } from '../common.js'
import { fmt, median, pairedRatio, table, turnOrder } from '../measure.js'

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
