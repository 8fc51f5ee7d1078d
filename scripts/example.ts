/**
 * The main job on the bundled example, through the command line exactly as a user runs it:
 * parse the seed report's text, check it, render it back to the official layout, and validate every example.
 * Output goes to .tmp/example/. Exit code: the worst of the steps.
 */
import { mkdirSync } from 'node:fs'
import { run } from '../src/cli/main.js'

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stdout.write(text),
  stdin: async function* () {},
  cwd: process.cwd(),
}
const lang = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1]! : 'zh'
mkdirSync('.tmp/example', { recursive: true })

const steps: string[][] = [
  ['parse', 'examples/seed-2024-weidong-science-bureau.txt', '-o', '.tmp/example/seed.json'],
  ['check', '.tmp/example/seed.json'],
  ['render', '.tmp/example/seed.json', '--to', 'html', '-o', '.tmp/example/seed.html'],
  ['render', '.tmp/example/seed.json', '--to', 'md', '-o', '.tmp/example/seed.md'],
  ['validate', 'examples/seed-2024-weidong-science-bureau.json', 'examples/example-2019-template-fictional.json'],
]
let worst = 0
for (const step of steps) {
  process.stdout.write(`\n$ zfxxgk-report ${step.join(' ')} --lang ${lang}\n`)
  const code = await run([...step, '--lang', lang], io)
  process.stdout.write(`(exit ${code})\n`)
  worst = Math.max(worst, code)
}
process.stdout.write(`\n.tmp/example/: seed.json (canonical), seed.html, seed.md\n`)
process.exit(worst)
