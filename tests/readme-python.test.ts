/** The README's Python snippet for the `sum` rules really works: run it on a rule fixture and on the seed. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { readJson, ROOT } from './support/files.js'

const python = spawnSync('python3', ['--version']).status === 0

it.skipIf(!python && process.env.CI === undefined)('the README Python example finds the balance error of the fixture and nothing in the seed', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const code = readme.match(/```python\n(import json\n\ndef resolve[\s\S]*?)```/)![1]!
    .replace('node_modules/zfxxgk-report/schema/rules.json', join(ROOT, 'schema', 'rules.json'))
  const dir = mkdtempSync(join(tmpdir(), 'readme-py-'))
  const run = (report: unknown) => {
    writeFileSync(join(dir, 'report.json'), JSON.stringify(report))
    const result = spawnSync('python3', ['-c', code], { cwd: dir, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    return result.stdout.trim()
  }
  const fixture = readJson('tests/rule-fixtures/applications.balance.json') as { reports: unknown[] }
  expect(run(fixture.reports[0]).split('\n')).toEqual([
    'applications.balance error /applications/newlyReceived/naturalPerson 14 13',
    'applications.balance error /applications/newlyReceived/total 18 17',
  ])
  expect(run(readJson('examples/seed-2024-weidong-science-bureau.json'))).toBe('')
})

it.skipIf(!python && process.env.CI === undefined)('the README Python validation example picks the schema by template and names each field, where the union schema cannot', () => {
  const hasJsonschema = spawnSync('python3', ['-c', 'import jsonschema'], { encoding: 'utf8' }).status === 0
  expect(hasJsonschema, 'python3-jsonschema (installed by .ci/run)').toBe(true)
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const code = readme.match(/```python\n(import json, sys, jsonschema\n[\s\S]*?)```/)![1]!.replace('node_modules/zfxxgk-report/schema/', join(ROOT, 'schema') + '/')
  const dir = mkdtempSync(join(tmpdir(), 'readme-py-'))
  const run = (report: unknown) => {
    writeFileSync(join(dir, 'report.json'), JSON.stringify(report))
    return spawnSync('python3', ['-c', code], { cwd: dir, encoding: 'utf8' })
  }
  const report = readJson('examples/seed-2024-weidong-science-bureau.json') as Record<string, any>
  expect(run(report).stdout).toBe('')
  report.meta.agencyName = ''
  report.applications.newlyReceived.total = -1
  const lines = run(report).stdout.trim().split('\n')
  expect(lines).toHaveLength(2)
  expect(lines[0]).toMatch(/^\/applications\/newlyReceived\/total -1 is less than the minimum of 0$/)
  expect(lines[1]).toMatch(/^\/meta\/agencyName '' should be non-empty$/)
  // The README's claim about the union schema.
  const union = spawnSync('python3', ['-c', `import json, jsonschema
schema = json.load(open(${JSON.stringify(join(ROOT, 'schema', 'report.schema.json'))}))
report = json.load(open("report.json"))
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(report))
print(len(errors), errors[0].message.endswith("is not valid under any of the given schemas"))`], { cwd: dir, encoding: 'utf8' })
  expect(union.stdout.trim()).toBe('1 True')
  expect(run({ template: '2030' }).stderr.trim()).toBe('template must be "2021" or "2019"')
})
