// Prints "N passed, N failed" from vitest's JSON report. A test file that failed before running any test (an
// import error, say) counts as one failed test; a missing report counts as one failure.
import { readFileSync } from 'node:fs'

let report
try {
  report = JSON.parse(readFileSync(process.argv[2], 'utf8'))
} catch {
  console.log('0 passed, 1 failed')
  process.exit(0)
}
const brokenFiles = report.testResults.filter(
  (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
).length
console.log(`${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed`)
