import { readFileSync } from 'node:fs'
import { parseReport } from './src/parse/parse.js'
const text = readFileSync('examples/seed-2024-weidong-science-bureau.txt','utf8')
for (let i = 0; i < 3000; i++) parseReport(text)
