/**
 * Differential validation: the published schema (schema/report.schema.json) gives the same verdict under AJV,
 * TypeBox's own compiler, @cfworker/json-schema and Python's jsonschema (with its format checker) on every fixture
 * and on 10,000 generated and mutated documents (fixed seed); so does the validators' generated fast path
 * (generated/valid-report.ts) on its own, in both directions (validateReport would hide a false "invalid"). A system in another language can use the schema
 * unchanged; any disagreement is a bug in the schema or a documented validator bug.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Validator } from '@cfworker/json-schema'
import fc from 'fast-check'
import Schema from 'typebox/schema'
import { beforeAll, describe, expect, it } from 'vitest'
import { validateReport as standaloneValidate } from '../src/standalone/index.js'
import { reportSchema } from '../src/schema/published.js'
import { createAjv, validateReport } from '../src/validate/validate-report.js'
import { arbitraryReport } from './support/arbitrary.js'
import { invalidExpectations, jsonFiles, ROOT } from './support/files.js'
import { mutate, random } from './support/mutate.js'
import { readFileSync } from 'node:fs'
import { validTemplate } from '../generated/valid-report.js'
import { templateOf } from '../src/schema/published.js'

const SEED = 20261129
const GENERATED = 2500
const MUTATIONS_PER_DOCUMENT = 3

/** A python3 that has jsonschema: the one on PATH, or Debian's (python3-jsonschema, installed by .ci/run). */
function findPython(): string | undefined {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    if (spawnSync(candidate, ['-c', 'import jsonschema'], { encoding: 'utf8' }).status === 0) return candidate
  }
  return undefined
}

interface Case {
  name: string
  text: string
  expected?: boolean
}

function corpus(): Case[] {
  const cases: Case[] = []
  // One line per document (newlines in JSON text are whitespace outside strings).
  const read = (file: string) => readFileSync(join(ROOT, file), 'utf8').replace(/\r?\n/g, ' ')
  for (const file of [...jsonFiles('examples'), ...jsonFiles('tests/valid')]) cases.push({ name: file, text: read(file), expected: true })
  for (const file of Object.keys(invalidExpectations())) cases.push({ name: `tests/invalid/${file}`, text: read(`tests/invalid/${file}`), expected: false })
  const rng = random(SEED)
  fc.sample(arbitraryReport(), { seed: SEED, numRuns: GENERATED }).forEach((report, i) => {
    cases.push({ name: `generated #${i}`, text: JSON.stringify(report), expected: true })
    for (let m = 0; m < MUTATIONS_PER_DOCUMENT; m++) {
      const { text, change } = mutate(report, rng)
      cases.push({ name: `generated #${i}, ${change}`, text })
    }
  })
  return cases
}

const cases = corpus()
const verdicts: Record<string, boolean[]> = {}
const python = findPython()

beforeAll(() => {
  const documents = cases.map((c) => JSON.parse(c.text) as unknown)
  const ajv = createAjv().getSchema(String(reportSchema.$id))!
  verdicts.ajv = documents.map((d) => ajv(d) as boolean)
  const typebox = Schema.Compile(reportSchema as never)
  verdicts.typebox = documents.map((d) => typebox.Check(d))
  const cfworker = new Validator(reportSchema as never, '2020-12', true)
  verdicts.cfworker = documents.map((d) => cfworker.validate(d).valid)
  verdicts.validateReport = documents.map((d) => validateReport(d).valid)
  verdicts.standalone = documents.map((d) => standaloneValidate(d).valid)
  verdicts.fast = documents.map((d) => {
    const template = templateOf(d)
    return template !== undefined && validTemplate[template]!(d)
  })
  if (python !== undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-diff-'))
    writeFileSync(join(dir, 'schema.json'), JSON.stringify(reportSchema))
    writeFileSync(join(dir, 'documents.ndjson'), cases.map((c) => c.text).join('\n') + '\n')
    const script = [
      'import json, sys',
      'from jsonschema import Draft202012Validator, FormatChecker',
      'schema = json.load(open(sys.argv[1], encoding="utf-8"))',
      'Draft202012Validator.check_schema(schema)',
      'validator = Draft202012Validator(schema, format_checker=FormatChecker())',
      'out = []',
      'for line in open(sys.argv[2], encoding="utf-8"):',
      '    out.append("1" if validator.is_valid(json.loads(line)) else "0")',
      'print("".join(out))',
    ].join('\n')
    const result = spawnSync(python, ['-c', script, join(dir, 'schema.json'), join(dir, 'documents.ndjson')], { encoding: 'utf8', maxBuffer: 1 << 26 })
    if (result.status !== 0) throw new Error(`python jsonschema failed: ${result.stderr}`)
    verdicts.python = [...result.stdout.trim()].map((c) => c === '1')
  }
}, 600_000)

describe('differential validation', () => {
  it('the corpus has at least 10,000 generated and mutated documents, valid and invalid', () => {
    const generated = cases.filter((c) => c.name.startsWith('generated'))
    expect(generated.length).toBeGreaterThanOrEqual(10_000)
    const invalid = verdicts.ajv!.filter((v) => !v).length
    expect(invalid).toBeGreaterThan(5000)
    expect(verdicts.ajv!.length - invalid).toBeGreaterThan(2500)
  })

  it('fixtures get the verdict their folder says', () => {
    cases.forEach((c, i) => {
      if (c.expected !== undefined) expect.soft(verdicts.ajv![i], c.name).toBe(c.expected)
    })
  })

  for (const validator of ['typebox', 'cfworker', 'validateReport', 'standalone', 'fast', 'python']) {
    it.skipIf(validator === 'python' && python === undefined && process.env.CI === undefined)(`${validator} agrees with AJV on every document`, () => {
      if (validator === 'python') expect(python, 'python3 with jsonschema (apt-get install python3-jsonschema)').toBeDefined()
      const disagreements = cases
        .map((c, i) => ({ name: c.name, ajv: verdicts.ajv![i], other: verdicts[validator]![i] }))
        .filter((d) => d.ajv !== d.other)
      expect(verdicts[validator]!.length).toBe(cases.length)
      expect(disagreements.slice(0, 10)).toEqual([])
    })
  }
})
