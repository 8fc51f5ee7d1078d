/**
 * The streaming .xlsx writer (src/sheet/xlsx.ts), checked by readers written by others: read-excel-file reads every
 * cell back; Python's zipfile tests the container's checksums; a workbook of the same cells by write-excel-file (an
 * independent writer) reads back the same; the environment's two compressions (Node's zlib, fflate's deflate for
 * browsers) give the same parts. Its memory is bounded by counting: no chunk handed to the compressor is larger than
 * XLSX_CHUNK_BYTES, whatever the number of rows.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync, Zip, ZipDeflate } from 'fflate'
import fc from 'fast-check'
import readXlsxFile from 'read-excel-file/node'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultLibraries, useLibraries } from '../src/libraries.js'
import { columnLetters, writeXlsx, xmlText, XLSX_CHUNK_BYTES, type XlsxCell } from '../src/sheet/xlsx.js'

const read = async (bytes: Uint8Array) => (await readXlsxFile(Buffer.from(bytes))) as unknown as { sheet: string; data: unknown[][] }[]
// Under Node the default is Node's zlib.
const nodeWriter = defaultLibraries.zipWriter

afterEach(() => useLibraries({ zipWriter: defaultLibraries.zipWriter }))

/** Text a reader gets back: what XML 1.0 can hold (controls other than tab, newline and return, and lone surrogates, are dropped). */
const expectedText = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')

describe('the cells', () => {
  it('column letters: A … Z, AA … ZZ, AAA … XFD (Excel’s last column)', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD'])
  })

  it('text: markup escaped, characters XML cannot hold dropped, the rest kept (Chinese, emoji, tabs, new lines)', () => {
    expect(xmlText('a & b < c > "d"')).toBe('a &amp; b &lt; c &gt; &quot;d&quot;')
    expect(xmlText('第一\u0000段\u0008\uFFFF')).toBe('第一段')
    expect(xmlText('😀 \uD800 \uDC00 ok')).toBe('😀   ok')
    expect(xmlText('行\t一\n行二\r')).toBe('行\t一\n行二\r')
  })

  it('every cell a reader gets back is the one written: numbers of every kind, text of any characters, empty cells skipped', async () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.nat({ max: 10 ** 9 }),
      fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    )
    const sheets = fc.sample(fc.array(fc.array(cell, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 40 }), { seed: 7, numRuns: 12 })
    const bytes = await writeXlsx(sheets.map((rows, i) => ({ name: `表${i + 1}`, frozenRows: 1, rows })))
    const back = await read(bytes)
    expect(back.map((s) => s.sheet)).toEqual(sheets.map((_, i) => `表${i + 1}`))
    sheets.forEach((rows, i) => {
      const width = Math.max(...rows.map((row) => row.length))
      const expected = rows.map((row) => Array.from({ length: width }, (_, j) => {
        const value = row[j]
        if (typeof value === 'number') return Object.is(value, -0) ? 0 : value
        if (typeof value !== 'string') return null
        // read-excel-file trims text and takes an empty cell for none.
        const text = expectedText(value).trim()
        return text === '' ? null : text
      }))
      // A reader drops the rows and columns after the last one holding a value.
      const trimmed = trimEmpty(expected)
      expect(trimEmpty(back[i]!.data.map((row) => row.map((v) => (v === undefined ? null : v)))), `sheet ${i + 1}`).toEqual(trimmed)
    })
  })

  it('refuses a sheet name Excel refuses, before writing anything', async () => {
    for (const name of ['', 'a'.repeat(32), '年度/汇总', '问题?', '表[1]']) await expect(writeXlsx([{ name, frozenRows: 0, rows: [] }])).rejects.toThrow(/sheet name/)
    await expect(writeXlsx([{ name: '表', frozenRows: 0, rows: [] }, { name: '表', frozenRows: 0, rows: [] }])).rejects.toThrow(/sheet name/)
  })
})

function trimEmpty(rows: unknown[][]): unknown[][] {
  const copy = rows.map((row) => [...row])
  while (copy.length > 0 && copy[copy.length - 1]!.every((v) => v === null)) copy.pop()
  const width = Math.max(0, ...copy.map((row) => row.reduce((last: number, v, j) => (v === null ? last : j + 1), 0)))
  return copy.map((row) => Array.from({ length: width }, (_, j) => row[j] ?? null))
}

describe('the file', () => {
  const rows: XlsxCell[][] = [['文件', '数量', '说明'], ['甲.json', 12, '第一段\n第二段 & 备注'], ['乙.json', 0, null], ['丙.json', 3.5, '']]

  it('reads the same as the same cells written by write-excel-file, another writer', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node')
    const theirs = await writeXlsxFile([{ sheet: '报告', data: rows.map((row) => row.map((value) => (value === null || value === '' ? null : { value }))) }] as never).toBuffer()
    const ours = await writeXlsx([{ name: '报告', frozenRows: 1, rows }])
    expect(await read(ours)).toEqual(await read(new Uint8Array(theirs)))
  })

  it('is a ZIP whose checksums Python’s zipfile verifies, with the parts a workbook needs and the header rows frozen', async () => {
    const bytes = await writeXlsx([{ name: '报告', frozenRows: 2, rows }])
    const folder = mkdtempSync(join(tmpdir(), 'xlsx-'))
    try {
      const file = join(folder, 'book.xlsx')
      writeFileSync(file, bytes)
      const names = execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); bad = z.testzip(); print("bad " + bad if bad else "\\n".join(z.namelist()))', file], { encoding: 'utf8' }).trim().split('\n')
      expect(names).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml'])
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
    const sheet = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml'])
    expect(sheet).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>')
  })

  it('Node’s zlib and fflate’s deflate (the browser’s) give the same parts', async () => {
    const many = Array.from({ length: 3000 }, (_, i): XlsxCell[] => [`报告${i}.json`, i, i % 7 === 0 ? null : `第${i}段`, i * 3])
    useLibraries({ zipWriter: nodeWriter })
    const byZlib = unzipSync(await writeXlsx([{ name: '报告', frozenRows: 1, rows: many }]))
    useLibraries({ zipWriter: async () => ({ Zip, entry: (name) => new ZipDeflate(name, { level: 1 }) }) })
    const byFflate = unzipSync(await writeXlsx([{ name: '报告', frozenRows: 1, rows: many }]))
    expect(Object.keys(byZlib)).toEqual(Object.keys(byFflate))
    for (const name of Object.keys(byZlib)) expect(Buffer.from(byZlib[name]!).equals(Buffer.from(byFflate[name]!)), name).toBe(true)
  })
})

describe('bounded memory, by counting', () => {
  it('hands the compressor chunks of at most XLSX_CHUNK_BYTES, and more of them as the rows grow: nothing is held whole', async () => {
    const chunkSizes = async (count: number) => {
      const sizes: number[] = []
      const base = await nodeWriter()
      useLibraries({
        zipWriter: async () => ({
          Zip: base.Zip,
          entry: (name) => {
            const file = base.entry(name)
            const push = file.push.bind(file)
            file.push = (chunk, final) => {
              if (name.startsWith('xl/worksheets/')) sizes.push(chunk.length)
              push(chunk, final)
            }
            return file
          },
        }),
      })
      const row: XlsxCell[] = ['某机关（示例）.json', ...Array.from({ length: 200 }, (_, j) => j * 11), '一段说明文字。'.repeat(20)]
      const bytes = await writeXlsx([{ name: '报告', frozenRows: 2, rows: (function* () { for (let i = 0; i < count; i++) yield row })() }])
      return { sizes, bytes }
    }
    const small = await chunkSizes(500)
    const large = await chunkSizes(5000)
    expect(Math.max(...small.sizes, ...large.sizes)).toBeLessThanOrEqual(XLSX_CHUNK_BYTES)
    const total = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0)
    expect(total(large.sizes)).toBeGreaterThan(9 * total(small.sizes))
    expect(large.sizes.length).toBeGreaterThan(5 * small.sizes.length)
    expect((await read(large.bytes))[0]!.data).toHaveLength(5000)
  })
})
