/** The whole project type-checks, including the type-level tests in tests/types/. */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { expect, it } from 'vitest'
import { ROOT } from './support/files.js'

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

it.each(['tsconfig.json', 'tsconfig.page.json'])('tsc -p %s reports no error (TypeBox Static<> and generated types agree; the page against the DOM)', (project) => {
  const result = spawnSync(process.execPath, [tsc, '-p', project], { cwd: ROOT, encoding: 'utf8' })
  expect(result.stdout + result.stderr).toBe('')
  expect(result.status).toBe(0)
})
