/**
 * The reader on damaged reports, class by class (tests/support/damage.ts): cells read right, missing and wrong,
 * over DAMAGE_RUNS generated reports per class and template (default 60, as in the test). Run: npm run damage
 */
import type { Template } from '../src/schema/tables.js'
import { DAMAGES, scoreDamage } from '../tests/support/damage.js'

const RUNS = Number(process.env.DAMAGE_RUNS ?? 60)
console.log(`| damage | template | cells | read right | missing | wrong |`)
console.log(`|---|---|---|---|---|---|`)
for (const name of Object.keys(DAMAGES)) {
  for (const template of ['2021', '2019'] as Template[]) {
    const score = scoreDamage(name, template, RUNS)
    const [right, missing, wrong] = [score.exact, score.missing, score.wrong.length]
    const total = right + missing + wrong
    console.log(`| ${name} | ${template} | ${total} | ${((100 * right) / total).toFixed(1)}% | ${missing} | ${wrong} |`)
  }
}
