/**
 * Run by tests/findings-pretenuring.test.ts in a process of its own, with V8's test natives and a young generation of
 * fixed size (`--expose-gc --allow-natives-syntax --min-semi-space-size=1 --max-semi-space-size=1`): whether V8 has
 * come to make the checker's findings, and their messages, in the old generation. It makes the conditions under which
 * V8 decides that: the first results of each allocation site kept alive across young collections (a report's findings
 * are alive until its check returns), then the code made hot, so that the optimised code follows the decision. A
 * control, an object literal treated the same way, shows the decision being taken in this Node. Prints one JSON line.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Report } from '../../generated/report.js'
import { checkReport } from '../../src/index.js'

const young = new Function('value', 'return %InYoungGeneration(value)') as (value: unknown) => boolean
const minorGc = () => (globalThis as unknown as { gc: (options: object) => void }).gc({ type: 'minor', execution: 'sync' })

const seed = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'seed-2024-weidong-science-bureau.json'), 'utf8')) as Report
// Every number of the three tables changed (×3 + 1): every summation fails, and the narrative's numbers disagree.
const broken = structuredClone(seed) as unknown as Record<string, unknown>
const bump = (node: Record<string, unknown>) => {
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'number') node[key] = value * 3 + 1
    else if (value !== null && typeof value === 'object') bump(value as Record<string, unknown>)
  }
}
for (const key of ['proactiveDisclosure', 'applications', 'reviewsAndLawsuits']) bump(broken[key] as Record<string, unknown>)

const control = (i: number) => ({ index: i, inner: { index: i } })

/** Four rounds of six results kept across a young collection, then 3,000 made and dropped. */
function treat<T>(make: () => T): T {
  const kept: T[] = []
  for (let round = 0; round < 4; round++) {
    for (let k = 0; k < 6; k++) kept.push(make())
    minorGc()
  }
  for (let i = 0; i < 3000; i++) make()
  return make()
}

let n = 0
const controlObject = treat(() => Array.from({ length: 40 }, () => control(n++)))[0]!
const findings = treat(() => checkReport(broken as unknown as Report)).findings
console.log(
  JSON.stringify({
    controlYoung: young(controlObject),
    findings: findings.length,
    rules: [...new Set(findings.map((f) => f.ruleId))].length,
    old: findings.filter((f) => !young(f) || !young(f.message)).map((f) => f.ruleId),
  }),
)
