/**
 * The reader on a complete real report whose 200 table cells were read by hand (040, 平潭综合实验区 2024), as its
 * web page and as flattened crawler text; and on a real extraction that lost its numbers (036).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseReport } from '../src/parse/parse.js'
import { normalizeLabel } from '../src/parse/tokens/normalize.js'
import { splitPointer, valueAt } from '../src/rules/pointer.js'
import { rowsOf } from '../src/schema/tables.js'
import { readJson, ROOT } from './support/files.js'

interface HandCell {
  table: '二' | '三' | '四'
  row?: string
  group?: string
  col: string
  value: number
  raw: string
}

const SECTIONS = { 二: '/proactiveDisclosure', 三: '/applications', 四: '/reviewsAndLawsuits' } as const
const key = (text: string) => normalizeLabel(text)

/** The pointer of a hand-read cell, through the official labels of the schema (the last part names the row). */
function pointerOf(cell: HandCell): string {
  const rowLabel = (cell.row ?? cell.group)!.split('/').pop()!
  const row = rowsOf('2021', SECTIONS[cell.table]).find((r) => key(r.label) === key(rowLabel))
  const column = row?.columns.find((c) => key(c.title) === key(cell.col))
  if (row === undefined || column === undefined) throw new Error(`no cell for ${JSON.stringify(cell)}`)
  return `${row.pointer}/${column.key}`
}

const hand = readJson('tests/real-reports/040-pingtan-zhsyq-2024.cells.json') as { cells: HandCell[] }
const read = (file: string) => parseReport(readFileSync(join(ROOT, 'tests', 'real-reports', file), 'utf8'))

describe('040 平潭综合实验区 2024, every cell read by hand', () => {
  it('maps all 200 hand-read cells to distinct cells of the schema', () => {
    expect(new Set(hand.cells.map(pointerOf)).size).toBe(200)
  })

  it('the web page: all 200 cells exact, valid and complete', () => {
    const result = read('040-pingtan-zhsyq-2024.html')
    for (const cell of hand.cells) expect(valueAt(result.report, splitPointer(pointerOf(cell))), pointerOf(cell)).toBe(cell.value)
    expect(result.missing).toEqual([])
    expect(result.report?.meta).toMatchObject({ agencyName: '平潭综合实验区', year: 2024 })
  })

  it('the flattened crawler text: every cell exact or reported ambiguous with the true reading among the candidates', () => {
    const result = read('040-pingtan-zhsyq-2024-flattened.txt')
    let exact = 0
    for (const cell of hand.cells) {
      const pointer = pointerOf(cell)
      const got = valueAt(result.report, splitPointer(pointer))
      if (got === undefined) {
        const why = result.diagnostics.find((d) => d.code === 'ambiguous' && d.pointers?.includes(pointer))
        expect(why, pointer).toBeDefined()
        expect(result.missing).toContain(pointer)
      } else {
        expect(got, pointer).toBe(cell.value)
        exact++
      }
    }
    // "行政规范性文件6233440": 15 splits into three cells fit the layout, and this table has no sum to choose one.
    expect(exact).toBe(197)
    const ambiguous = result.diagnostics.find((d) => d.code === 'ambiguous')!
    expect(ambiguous.message.en).toContain('62|33|440')
    expect(result.report?.meta).toMatchObject({ agencyName: '平潭综合实验区', year: 2024, publishedOn: '2025-03-10' })
  })

  it('the flattened text: every cell read has its provenance, split out of its digit run', () => {
    const result = read('040-pingtan-zhsyq-2024-flattened.txt')
    const total = result.provenance['/applications/newlyReceived/total']!
    expect(total).toMatchObject({ how: 'arithmetic-split', raw: '218' })
    expect(total.location.line).toBe(10)
    expect(Object.keys(result.provenance).length).toBe(197)
  })

  it('the flattened text with a sentence run into the table of section 三: the table is still read whole', () => {
    const text = readFileSync(join(ROOT, 'tests', 'real-reports', '040-pingtan-zhsyq-2024-flattened.txt'), 'utf8').replace(
      '三、收到和处理政府信息公开申请情况（本列',
      '三、收到和处理政府信息公开申请情况2024年，共收到政府信息公开申请218件，均已按时答复。（本列',
    )
    const result = parseReport(text)
    for (const cell of hand.cells.filter((c) => c.table === '三')) expect(valueAt(result.report, splitPointer(pointerOf(cell))), pointerOf(cell)).toBe(cell.value)
  })
})

describe('036 雄县 2019: an extraction that lost its numbers', () => {
  it('invents no cell', () => {
    const result = read('036-xiongxian-township-2019.txt')
    for (const section of ['proactiveDisclosure', 'applications', 'reviewsAndLawsuits']) {
      const walk = (node: unknown): number => (typeof node === 'number' ? 1 : node && typeof node === 'object' ? Object.values(node).reduce((n: number, v) => n + walk(v), 0) : 0)
      expect(walk((result.report as Record<string, unknown>)[section]), section).toBe(0)
    }
    expect(result.complete).toBe(false)
  })
})
