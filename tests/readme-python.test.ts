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
