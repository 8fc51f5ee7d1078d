/** The main job on the bundled examples: validate each against the published schema and say what was found. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateReport } from '../src/validate/validate-report.js'

let failures = 0
for (const name of readdirSync('examples').filter((file) => file.endsWith('.json')).sort()) {
  const result = validateReport(JSON.parse(readFileSync(join('examples', name), 'utf8')))
  if (result.valid) {
    const { meta, template } = result.report
    console.log(`✓ examples/${name}: ${meta.agencyName} ${meta.year}年 (${template} template) — 符合格式 / valid`)
  } else {
    failures++
    console.log(`✗ examples/${name}`)
    for (const error of result.errors) console.log(`  ${error.message.zh}\n  ${error.message.en}`)
  }
}
process.exit(failures === 0 ? 0 : 1)
