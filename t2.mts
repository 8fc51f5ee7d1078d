import { readFileSync } from 'node:fs'
import { checkReport } from './src/rules/check.js'
import { parseReport } from './src/parse/parse.js'
import { measure, fmt } from './bench/measure.js'
const seedText = readFileSync('examples/seed-2024-weidong-science-bureau.json','utf8')
const seed = JSON.parse(seedText)
const text = readFileSync('examples/seed-2024-weidong-science-bureau.txt','utf8')
const b = measure(() => JSON.parse(seedText), { perBatch: 500 }).median
console.log('check', fmt.ns(measure(() => checkReport(seed), { perBatch: 500 }).median), (measure(() => checkReport(seed), { perBatch: 500 }).median / b).toFixed(2))
console.log('parse', fmt.ns(measure(() => parseReport(text), { perBatch: 50 }).median))
