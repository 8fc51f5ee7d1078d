/** schema/ and generated/ are exactly what the model produces. */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { expect, it } from 'vitest'
import { ROOT } from './support/files.js'

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli')

it('regenerating schema/ and generated/ changes nothing (else: run `npm run generate`)', () => {
  const result = spawnSync(process.execPath, [tsxCli, 'scripts/generate.ts', '--check'], { cwd: ROOT, encoding: 'utf8' })
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
})
