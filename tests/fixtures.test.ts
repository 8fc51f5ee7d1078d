/** The valid/ and invalid/ fixture folders and the examples, through validateReport. */
import { describe, expect, it } from 'vitest'
import { validateReport } from '../src/validate/validate-report.js'
import { invalidExpectations, jsonFiles, readJson } from './support/files.js'

describe('valid documents', () => {
  for (const file of [...jsonFiles('examples'), ...jsonFiles('tests/valid')]) {
    it(`${file} validates clean`, () => {
      const result = validateReport(readJson(file))
      expect(result.errors).toEqual([])
      expect(result.valid).toBe(true)
    })
  }
})

describe('invalid documents', () => {
  const expectations = invalidExpectations()

  it('every invalid fixture has a recorded reason, and every reason a fixture', () => {
    const files = jsonFiles('tests/invalid').map((path) => path.replace('tests/invalid/', ''))
    expect(Object.keys(expectations).sort()).toEqual(files)
  })

  for (const [file, expected] of Object.entries(expectations)) {
    const reason = expected.errors.map((e) => `${e.pointer || '/'} (${e.keyword})`).join(', ')
    it(`${file} fails at ${reason} and for nothing else`, () => {
      const result = validateReport(readJson(`tests/invalid/${file}`))
      expect(result.valid).toBe(false)
      const key = (e: { pointer: string; keyword: string }) => `${e.pointer} ${e.keyword}`
      expect(result.errors.map(key).sort()).toEqual(expected.errors.map(key).sort())
      for (const error of result.errors) {
        expect(error.message.zh).toContain(error.pointer || '/')
        expect(error.message.en).toContain(error.pointer || '/')
      }
    })
  }

  it('a __proto__ key pollutes no prototype', () => {
    const result = validateReport(readJson('tests/invalid/proto-key.json'))
    expect(result.valid).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
