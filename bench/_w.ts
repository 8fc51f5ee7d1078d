import fc from 'fast-check'
import { arbitraryReport } from '../tests/support/arbitrary.js'
import { makeConsistent } from '../tests/support/consistent.js'
import { toWorkbook } from '../src/sheet/workbook.js'
const distinct = fc.sample(arbitraryReport().map(makeConsistent), { seed: 1, numRuns: 200 })
const entries = Array.from({ length: 10_000 }, (_, i) => ({ name: `报告${i}.json`, report: distinct[i % distinct.length]! }))
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
for (let r = 0; r < 6; r++) {
let t = cpu(); const s = entries.map((e) => JSON.stringify(e.report)).join('\n'); const a = cpu() - t
t = cpu(); const w = await toWorkbook(entries); console.log('ndjson', a, 'xlsx', cpu() - t, (cpu()-t)/a, process.memoryUsage().rss/1e6)
}
