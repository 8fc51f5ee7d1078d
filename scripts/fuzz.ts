/**
 * npm run fuzz: the long fuzz run a release makes (FUZZ_MINUTES, default 10). Random and mutated inputs from the real
 * reports in the tests (cut, spliced, bytes flipped, lines repeated or dropped, tags and spans inserted) through
 * parseReport (as text, as HTML and as bytes), and random and mutated JSON through validateReport (both validators)
 * and checkReport. A failure is an exception, a rejection or an `internal` diagnostic; each is printed with the input
 * that caused it (saved under .tmp/fuzz/). Prints the counts at the end; exits 1 if anything failed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { parseReport } from '../src/parse/parse.js'
import { checkReport } from '../src/rules/check.js'
import { validateReport as standaloneValidate } from '../src/standalone/index.js'
import { validateReport } from '../src/validate/validate-report.js'
import { arbitraryReport } from '../tests/support/arbitrary.js'
import { mutate, random as mulberry } from '../tests/support/mutate.js'

const ROOT = join(import.meta.dirname, '..')
const OUT = join(ROOT, '.tmp', 'fuzz')
mkdirSync(OUT, { recursive: true })
const minutes = Number(process.env.FUZZ_MINUTES ?? 10)
const deadline = Date.now() + minutes * 60_000
let seed = Number(process.env.FUZZ_SEED ?? 20261202)

const folder = join(ROOT, 'tests', 'real-reports')
const texts = [
  readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.txt'), 'utf8'),
  ...readdirSync(folder)
    .filter((name) => name.endsWith('.txt') || name.endsWith('.html'))
    .map((name) => readFileSync(join(folder, name), 'utf8')),
]
const reports = [JSON.parse(readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json'), 'utf8')) as unknown]

const pieces = ['<table>', '<tr>', '<td rowspan="999">', '<td colspan="1000">', '</td>', '</tr>', '</table>', '<div>'.repeat(600), '\n', '|', '\t', '0', '9'.repeat(5000), ' '.repeat(5000), '（一）', '收取信息处理费', '一、总体情况', '\uFFFD', '\u0000', '—3—']

/** One mutation of a text: a cut, a splice of another report, a piece inserted, lines repeated or dropped. */
function mutateText(random: Rng, text: string): string {
  const at = () => random.nextInt(0, text.length)
  switch (random.nextInt(0, 5)) {
    case 0: {
      const [a, b] = [at(), at()].sort((x, y) => x - y)
      return text.slice(0, a) + text.slice(b!)
    }
    case 1: {
      const other = texts[random.nextInt(0, texts.length - 1)]!
      const a = at()
      const b = random.nextInt(0, other.length)
      return text.slice(0, a) + other.slice(b, b + random.nextInt(0, 2000)) + text.slice(a)
    }
    case 2: {
      const a = at()
      return text.slice(0, a) + pieces[random.nextInt(0, pieces.length - 1)]!.repeat(random.nextInt(1, 50)) + text.slice(a)
    }
    case 3: {
      const lines = text.split('\n')
      const i = random.nextInt(0, lines.length - 1)
      lines.splice(i, 0, ...Array.from({ length: random.nextInt(1, 200) }, () => lines[i]!))
      return lines.join('\n')
    }
    case 4: {
      const lines = text.split('\n')
      return lines.filter(() => random.nextInt(0, 9) > 0).join('\n')
    }
    default: {
      const chars = [...text]
      for (let k = random.nextInt(1, 20); k > 0; k--) chars[random.nextInt(0, chars.length - 1)] = String.fromCharCode(random.nextInt(0, 0xffff))
      return chars.join('')
    }
  }
}

interface Rng {
  nextInt(from: number, to: number): number
  nextBoolean(): boolean
}

/** Integers and coin flips from the tests' seeded PRNG, so a seed reproduces an input. */
function rng(seedValue: number): Rng {
  const { next } = mulberry(seedValue)
  return { nextInt: (from, to) => from + Math.floor(next() * (to - from + 1)), nextBoolean: () => next() < 0.5 }
}

const counts = { texts: 0, html: 0, bytes: 0, json: 0, failures: 0 }

function failed(kind: string, input: string | Uint8Array, error: unknown) {
  counts.failures++
  const file = join(OUT, `failure-${counts.failures}.${kind === 'bytes' ? 'bin' : 'txt'}`)
  writeFileSync(file, input)
  console.error(`FAIL ${kind}: ${error instanceof Error ? error.stack : String(error)} (input saved to ${file})`)
}

const generated = fc.sample(arbitraryReport(), { seed, numRuns: 200 }) as unknown[]
reports.push(...generated)

while (Date.now() < deadline) {
  const random = rng(seed++)
  let text = texts[random.nextInt(0, texts.length - 1)]!
  for (let k = random.nextInt(1, 4); k > 0; k--) text = mutateText(random, text)
  const html = random.nextBoolean()
  try {
    const result = parseReport(text, html ? { format: 'html' } : {})
    if (result.diagnostics.some((d) => d.code === 'internal')) failed(html ? 'html' : 'text', text, result.diagnostics.find((d) => d.code === 'internal')!.message.en)
    if (result.report !== undefined) checkReport(result.report)
  } catch (error) {
    failed(html ? 'html' : 'text', text, error)
  }
  counts[html ? 'html' : 'texts']++
  if (seed % 10 === 0) {
    const bytes = new TextEncoder().encode(text)
    for (let k = random.nextInt(1, 30); k > 0; k--) bytes[random.nextInt(0, bytes.length - 1)] = random.nextInt(0, 255)
    try {
      const result = await parseReport(bytes)
      if (result.diagnostics.some((d) => d.code === 'internal')) failed('bytes', bytes, result.diagnostics.find((d) => d.code === 'internal')!.message.en)
    } catch (error) {
      failed('bytes', bytes, error)
    }
    counts.bytes++
  }
  const report = reports[random.nextInt(0, reports.length - 1)]
  const { text: json } = mutate(report, mulberry(seed))
  try {
    // JSON text with planted tokens (1e309, 2^53 + 1 …) may not parse: that is the CLI's error, not a failure here.
    let changed: unknown
    try {
      changed = JSON.parse(json)
    } catch {
      changed = undefined
    }
    if (changed !== undefined) {
      for (const validate of [validateReport, standaloneValidate]) validate(changed)
      checkReport(changed)
    }
  } catch (error) {
    failed('json', json, error)
  }
  counts.json++
}

console.log(
  `fuzz: ${minutes} min, seeds from ${process.env.FUZZ_SEED ?? 20261202}: ${counts.texts} texts, ${counts.html} HTML, ${counts.bytes} byte inputs, ${counts.json} JSON documents; ${counts.failures} failures`,
)
process.exitCode = counts.failures > 0 ? 1 : 0
