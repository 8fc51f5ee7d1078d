// Validate and check report files, from an ES module: node validate.mjs report.json …
// Prints one line per error or finding (file, pointer or rule, message in Chinese); exit code 1 if any report is
// invalid or has an arithmetic error.
import { readFileSync } from 'node:fs'
import { checkReport, validateReport } from 'zfxxgk-report'

let failed = false
for (const file of process.argv.slice(2)) {
  let data
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    console.log(`${file}\t不是 JSON 文件 / not a JSON file: ${error.message}`)
    failed = true
    continue
  }
  const result = validateReport(data)
  if (!result.valid) {
    for (const error of result.errors) console.log(`${file}\t${error.pointer}\t${error.message.zh}`)
    failed = true
    continue
  }
  const checked = checkReport(result.report)
  for (const finding of checked.findings) console.log(`${file}\t${finding.severity}\t${finding.ruleId}\t${finding.message.zh}`)
  if (checked.errors > 0) failed = true
  console.log(`${file}\t${checked.errors} errors, ${checked.warnings} warnings`)
}
process.exitCode = failed ? 1 : 0
