/**
 * The parser on real published reports (tests/real-reports, copied verbatim from shared/reports) and on the seed.
 * Expected cells were written by hand from each text; the parser must read exactly those, invent nothing, and name
 * exactly what the text lacks.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseReport } from '../src/parse/parse.js'
import { splitPointer, valueAt } from '../src/rules/pointer.js'
import { rowsOf, type Template } from '../src/schema/tables.js'
import { readJson, ROOT } from './support/files.js'

interface Expected {
  template: Template
  meta: Record<string, unknown>
  rows: Record<string, (number | null)[]>
  text: Record<string, string>
  missing: string[]
  diagnostics: { code: string; pointer?: string; line?: number }[]
}

const REPORTS = [
  '002-nileke-town-2023',
  '007-wuhan-hanyang-qzfb-2022',
  '013-tongguan-zhujian-2019',
  '021-audit-bureau-2020-pdf-flipbook-p9',
  '022-lantian-zirangh-2021',
  '034-longgang-dept-2024',
]

const MISSING_CODES = ['missing', 'rows-not-found', 'input-ends', 'ambiguous', 'unreadable']

/** Every number in the table sections of a parsed report, by pointer. */
function numbers(report: unknown): Map<string, number> {
  const out = new Map<string, number>()
  const walk = (node: unknown, pointer: string) => {
    if (typeof node === 'number') out.set(pointer, node)
    else if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [key, value] of Object.entries(node)) walk(value, `${pointer}/${key}`)
    }
  }
  for (const section of ['proactiveDisclosure', 'applications', 'reviewsAndLawsuits']) {
    walk((report as Record<string, unknown>)[section], `/${section}`)
  }
  return out
}

describe('the seed', () => {
  it('parses to exactly the committed canonical example, valid and complete', () => {
    const result = parseReport(readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.txt'), 'utf8'))
    expect(result.report).toEqual(readJson('examples/seed-2024-weidong-science-bureau.json'))
    expect(result.valid).toBe(true)
    expect(result.complete).toBe(true)
    expect(result.diagnostics.filter((d) => d.level !== 'info')).toEqual([])
  })
})

describe.each(REPORTS)('real report %s', (name) => {
  const expected = readJson(`tests/real-reports/${name}.expected.json`) as Expected
  const result = parseReport(readFileSync(join(ROOT, 'tests', 'real-reports', `${name}.txt`), 'utf8'))
  const report = result.report as Record<string, unknown>

  it('tells the template generation and the metadata the text gives', () => {
    expect(result.template).toBe(expected.template)
    expect(report.meta).toEqual(expected.meta)
  })

  it('reads every cell present in the text, and invents none', () => {
    const wanted = new Map<string, number>()
    for (const [row, values] of Object.entries(expected.rows)) {
      const spec = rowsOf(expected.template, row.split('/').slice(0, 2).join('/')).find((r) => r.pointer === row)
      expect(spec, `${row} is a row of the ${expected.template} template`).toBeDefined()
      spec!.columns.forEach((column, i) => {
        if (values[i] !== null && values[i] !== undefined) wanted.set(`${row}/${column.key}`, values[i]!)
      })
    }
    expect(Object.fromEntries(numbers(report))).toEqual(Object.fromEntries(wanted))
  })

  it('keeps the text as printed', () => {
    for (const [pointer, text] of Object.entries(expected.text)) expect(valueAt(report, splitPointer(pointer))).toBe(text)
  })

  it('names exactly what is missing, and is therefore not valid', () => {
    expect([...result.missing].sort()).toEqual([...expected.missing].sort())
    expect(result.complete).toBe(false)
    expect(result.valid).toBe(false)
    for (const pointer of expected.missing) {
      // One diagnostic names each missing place: by itself, or with the others it explains (the input ends, rows not found).
      const diagnostic = result.diagnostics.find((d) => MISSING_CODES.includes(d.code) && (d.pointer === pointer || d.pointers?.includes(pointer)))
      expect(diagnostic, pointer).toBeDefined()
      expect(diagnostic!.level).toBe('warning')
      expect(diagnostic!.message.zh.length).toBeGreaterThan(0)
      expect(diagnostic!.message.en.length).toBeGreaterThan(0)
    }
  })

  it('reports how it read what it read', () => {
    for (const want of expected.diagnostics) {
      const found = result.diagnostics.find((d) => d.code === want.code && (want.pointer === undefined || d.pointer === want.pointer))
      expect(found, want.code).toBeDefined()
      if (want.line !== undefined) expect(found!.location?.line).toBe(want.line)
    }
  })

  it('in strict mode, every missing part is an error', () => {
    const strict = parseReport(readFileSync(join(ROOT, 'tests', 'real-reports', `${name}.txt`), 'utf8'), { strict: true })
    expect(strict.hasErrors).toBe(true)
    expect(strict.diagnostics.filter((d) => d.code === 'missing').every((d) => d.level === 'error')).toBe(true)
    expect(strict.report).toEqual(result.report)
  })
})
