/** The precompiled (standalone) validator gives exactly the verdicts and errors of the AJV one. */
import { describe, expect, it } from 'vitest'
import { validateReport as standalone } from '../src/standalone/index.js'
import { validateReport } from '../src/validate/validate-report.js'
import { jsonFiles, readJson } from './support/files.js'

describe('standalone validator', () => {
  for (const file of [...jsonFiles('examples'), ...jsonFiles('tests/valid'), ...jsonFiles('tests/invalid')]) {
    it(`agrees with the AJV validator on ${file}`, () => {
      const data = readJson(file)
      expect(standalone(data)).toEqual(validateReport(data))
    })
  }

  it('the generated code never builds functions from strings', async () => {
    const { readFileSync } = await import('node:fs')
    const code = readFileSync(new URL('../generated/standalone-validators.cjs', import.meta.url), 'utf8')
    expect(code).not.toMatch(/new Function|\beval\(/)
    expect([...new Set(code.match(/require\("[^"]+"\)/g))].sort()).toEqual([
      'require("ajv-formats/dist/formats")',
      'require("ajv/dist/runtime/ucs2length")',
    ])
  })
})
