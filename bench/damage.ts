/**
 * The reader on damaged reports, class by class (tests/support/damage.ts): cells read right, missing and wrong,
 * over DAMAGE_RUNS generated reports per class and template (default 60, as in the test). Run: npm run damage
 */
import { parseReport } from '../src/parse/parse.js'
import { splitPointer, valueAt } from '../src/rules/pointer.js'
import type { Template } from '../src/schema/tables.js'
import { asOneRowOtherHandling, DAMAGES, ONE_ROW, random, realisticReport, tableCells } from '../tests/support/damage.js'

const RUNS = Number(process.env.DAMAGE_RUNS ?? 60)
console.log(`| damage | template | cells | read right | missing | wrong |`)
console.log(`|---|---|---|---|---|---|`)
for (const [name, damage] of Object.entries(DAMAGES)) {
  for (const template of ['2021', '2019'] as Template[]) {
    let right = 0
    let missing = 0
    let wrong = 0
    for (let run = 0; run < RUNS; run++) {
      const rand = random(run * 7919 + (template === '2021' ? 1 : 2) + name.length * 104729)
      const report = name === ONE_ROW ? asOneRowOtherHandling(realisticReport(template, rand)) : realisticReport(template, rand)
      const result = parseReport(damage(report, rand), { template })
      for (const { pointer, value } of tableCells(report)) {
        const got = valueAt(result.report, splitPointer(pointer))
        if (got === undefined) missing++
        else if (got === value) right++
        else wrong++
      }
    }
    const total = right + missing + wrong
    console.log(`| ${name} | ${template} | ${total} | ${((100 * right) / total).toFixed(1)}% | ${missing} | ${wrong} |`)
  }
}
