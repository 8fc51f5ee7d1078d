/**
 * Hostile input, bounded everywhere (issue 15): each numbered case of the issue, reproduced, now answered with a
 * clear error or the right result; the CLI cases run in a child process with a heap limit, and their peak memory
 * (maxRSS) is bounded. Nothing here measures time: work is bounded by budgets, which the tests reach by size.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import { BUDGETS, MAX_DOCX_INFLATED_BYTES, MAX_FILE_BYTES, MAX_NDJSON_LINE_BYTES, MAX_PDF_INFLATED_BYTES, MAX_TABLE_SLOTS } from '../src/parse/budgets.js'
import { parseDocx, parsePdf, parseReport } from '../src/parse/parse.js'
import { inflatedStreamBytes } from '../src/parse/sources/pdf/streams.js'
import { deflateSync } from 'node:zlib'
import { syntaxErrorOffset } from '../src/cli/json-position.js'
import { checkReport, checkSeries } from '../src/rules/check.js'
import { aggregateReports } from '../src/rules/aggregate.js'
import { renderHtml } from '../src/render/index.js'
import { validateReport } from '../src/validate/validate-report.js'
import { readJson, ROOT } from './support/files.js'
import { ascii85, deflated, flateSpaces, lzwZeros, pdfBomb, pdfWithStream, wordBomb, zipOf } from './support/zip-bomb.js'
import fc from 'fast-check'

const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-budgets-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const seed = readJson('examples/seed-2024-weidong-science-bureau.json') as Report
const seedText = readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.txt'), 'utf8')
const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')
const bin = join(ROOT, 'src', 'cli', 'bin.ts')

/** Heap limit of the child CLI, and the bound on its peak resident memory (tsx and Node take about 150 MB). */
const HEAP_MB = 256
const RSS_LIMIT_MB = 600

interface Run extends SpawnSyncReturns<string> {
  rssMb: number
}

function cli(args: string[], options: { input?: string | Buffer; stdin?: number; nodeFlags?: string[]; cwd?: string } = {}): Run {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`)
  const result = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, ...(options.nodeFlags ?? []), '--import', join(ROOT, 'tests', 'support', 'rss.mjs'), '--import', tsx, bin, '--lang', 'en', ...args], {
    cwd: options.cwd ?? dir,
    encoding: 'utf8',
    env: { ...process.env, ZFXXGK_RSS_FILE: rssFile },
    maxBuffer: 1 << 26,
    ...(options.input !== undefined ? { input: options.input } : {}),
    ...(options.stdin !== undefined ? { stdio: [options.stdin, 'pipe', 'pipe'] } : {}),
  }) as Run
  result.rssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN
  return result
}

/** A run that failed as promised: exit 2, a message, no stack trace, no V8 abort, bounded memory. */
function refused(run: Run, message: RegExp) {
  expect(run.status, run.stderr).toBe(2)
  expect(run.stderr).toMatch(message)
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|FATAL ERROR|Bug :/)
  expect(run.rssMb).toBeLessThan(RSS_LIMIT_MB)
}

describe('1. a table whose spans would cover millions of slots', { timeout: 180_000 }, () => {
  const table = '<table>' + '<tr><td rowspan="1000" colspan="1000">x</td></tr>'.repeat(1000) + '</table>'

  it('is refused by the slot budget before the slots are marked (library)', () => {
    expect(table.length).toBeLessThan(60_000)
    const result = parseReport(table, { format: 'html' })
    expect(result.report).toBeUndefined()
    expect(result.diagnostics).toHaveLength(1)
    expect(result.diagnostics[0]!.code).toBe('input-too-large')
    expect(result.diagnostics[0]!.message.en).toContain('MAX_TABLE_SLOTS')
    // the first cell covers the budget exactly (1000 × 1000); the second would pass it
    expect(result.diagnostics[0]!.message.en).toContain('table 1, row 2, cell 1 exceeds the budget MAX_TABLE_SLOTS')
  })

  it('a rowspan reaches only the rows the table has, so a real table with a huge rowspan still reads', () => {
    const html = `<table><tr><td rowspan="65534">规章</td><td>1</td></tr><tr><td>2</td></tr></table>`
    expect(parseReport(html, { format: 'html' }).diagnostics.map((d) => d.code)).not.toContain('input-too-large')
    // the budget is far above a real table: 1000 rows of 1000 columns would be the first to exceed it
    expect(MAX_TABLE_SLOTS).toBe(1000 * 1000)
  })

  it('a table of more cells than the cell budget, and a text of more lines than the line budget, are refused', () => {
    const cells = parseReport(`<table><tr>${'<td>1</td>'.repeat(50_001)}</tr></table>`, { format: 'html' })
    expect(cells.diagnostics.map((d) => d.message.en)).toEqual([expect.stringContaining('table 1, row 1, cell 50001 exceeds the budget MAX_TABLE_CELLS')])
    const lines = parseReport('一、总体情况\n' + '文\n'.repeat(200_001))
    expect(lines.diagnostics.map((d) => d.message.en)).toEqual([expect.stringContaining('exceeds the budget MAX_LINES')])
  })

  it('through the CLI: exit 2, the budget named, bounded memory', () => {
    writeFileSync(join(dir, 'spans.html'), table)
    refused(cli(['parse', 'spans.html']), /MAX_TABLE_SLOTS/)
  })
})

describe('2. zip bombs (and PDF bombs)', { timeout: 180_000 }, () => {
  it('a Word file that inflates to 400 MB stops at the budget, counted while inflating (library)', async () => {
    const bomb = wordBomb(400)
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    const result = await parseDocx(bomb)
    expect(result.diagnostics.map((d) => d.code)).toEqual(['input-too-large'])
    expect(result.diagnostics[0]!.message.en).toContain('MAX_DOCX_INFLATED_BYTES')
    expect(result.diagnostics[0]!.message.en).toContain('word/document.xml')
  })

  it('one whose directory understates the size is refused the same way, whatever it declares', async () => {
    const result = await parseReport(new Uint8Array(wordBomb(200, 1000)))
    expect(result.diagnostics[0]!.message.en).toContain('MAX_DOCX_INFLATED_BYTES')
  })

  it('one within the budget whose declared size is wrong is a broken archive, said plainly', async () => {
    const result = await parseDocx(wordBomb(2, 1000))
    expect(result.diagnostics.map((d) => d.code)).toEqual(['docx-unreadable'])
    expect(result.diagnostics[0]!.message.en).toMatch(/declares 1000 bytes but inflates to 2097152/)
  })

  it('a truncated or garbled archive gets one error, never an exception', async () => {
    const good = zipOf([{ ...deflated('<a/>'), name: 'word/document.xml' }])
    for (const bytes of [good.subarray(0, good.length - 5), Buffer.concat([good.subarray(0, 40), Buffer.alloc(9, 0xff), good.subarray(49)])]) {
      const result = await parseDocx(bytes)
      expect(result.diagnostics).toHaveLength(1)
      expect(result.diagnostics[0]!.code).toBe('docx-unreadable')
    }
  })

  it('a PDF whose content stream inflates to 400 MB, or 300 MB through two FlateDecode stages, stops at the budget', async () => {
    expect(MAX_PDF_INFLATED_BYTES).toBeLessThan(300 * 1024 * 1024)
    for (const bomb of [pdfBomb(400), pdfBomb(300, 2)]) {
      expect(bomb.length).toBeLessThan(1024 * 1024)
      const result = await parsePdf(new Uint8Array(bomb))
      expect(result.diagnostics.map((d) => d.code)).toEqual(['input-too-large'])
      expect(result.diagnostics[0]!.message.en).toMatch(/stream 1 of the PDF \(at byte \d+\) exceeds the budget MAX_PDF_INFLATED_BYTES/)
    }
    // under the budget it is an ordinary PDF without text
    expect((await parsePdf(new Uint8Array(pdfBomb(2)))).diagnostics.map((d) => d.code)).toEqual(['pdf-no-text'])
  })

  it('so does one through the other expanding filters: LZW, and Flate wrapped in ASCII85 or ASCIIHex', async () => {
    const bombs = [
      pdfWithStream(lzwZeros(400), '/LZWDecode'),
      pdfWithStream(ascii85(flateSpaces(300)), '[/ASCII85Decode /FlateDecode]'),
      pdfWithStream(Buffer.from(flateSpaces(300).toString('hex') + '>', 'latin1'), '[/AHx /Fl]'),
    ]
    for (const bomb of bombs) {
      expect(bomb.length).toBeLessThan(1024 * 1024)
      const result = await parsePdf(new Uint8Array(bomb))
      expect(result.diagnostics.map((d) => d.message.en)).toEqual([expect.stringMatching(/exceeds the budget MAX_PDF_INFLATED_BYTES/)])
    }
    // the decoders count right: every stage's output, in the order the dictionary names them
    const count = (body: Uint8Array, filter: string) => inflatedStreamBytes(new Uint8Array(pdfWithStream(body, filter)), 1 << 30)
    expect(await count(deflateSync(Buffer.from('hello world')), '/FlateDecode')).toBe(11)
    expect(await count(Buffer.from([2, 65, 66, 67, 247, 0x5a, 128]), '/RunLengthDecode')).toBe(3 + 10)
    expect(await count(Buffer.from('68656c6c6f>', 'latin1'), '/ASCIIHexDecode')).toBe(5)
    expect(await count(ascii85(Buffer.from('hello world')), '/A85')).toBe(11)
    const lzwCount = await count(lzwZeros(1), '/LZWDecode')
    expect(lzwCount).toBeGreaterThanOrEqual(1 << 20)
    expect(lzwCount).toBeLessThan((1 << 20) + 4096)
    // a small LZW run of zeros is a page without text, read whole
    expect((await parsePdf(new Uint8Array(pdfWithStream(lzwZeros(1), '/LZWDecode')))).diagnostics.map((d) => d.code)).toEqual(['pdf-no-text'])
  })

  it('through the CLI: the 400 MB PDF bomb costs bounded memory, exit 2', () => {
    writeFileSync(join(dir, 'bomb.pdf'), pdfBomb(400))
    refused(cli(['parse', 'bomb.pdf']), /MAX_PDF_INFLATED_BYTES/)
  })

  it('through the CLI: the 400 MB bomb costs bounded memory, exit 2', () => {
    expect(MAX_DOCX_INFLATED_BYTES).toBeLessThan(400 * 1024 * 1024)
    writeFileSync(join(dir, 'bomb.docx'), wordBomb(400))
    refused(cli(['parse', 'bomb.docx']), /MAX_DOCX_INFLATED_BYTES/)
  })
})

describe('3. text that used to make the parser backtrack (the regexes are analysed in regex-linear.test.ts)', { timeout: 180_000 }, () => {
  it('80 KB of digits after 收取信息处理费 and 20 KB of spaces after （一） parse, and nothing is invented', () => {
    const digits = seedText.replace('六、其他需要报告的事项', `六、其他需要报告的事项\n本机关收取信息处理费${'9'.repeat(80_000)}x`)
    expect(parseReport(digits).diagnostics.map((d) => d.code)).not.toContain('internal')
    const spaces = seedText.replace('六、其他需要报告的事项', `六、其他需要报告的事项\n（一）${' '.repeat(20_000)}y`)
    const result = parseReport(spaces)
    expect(result.diagnostics.map((d) => d.code)).not.toContain('internal')
    expect(result.report?.applications).toEqual(seed.applications)
  })
})

describe('4. unbounded NDJSON and stdin', { timeout: 180_000 }, () => {
  it('a line over the line budget is an error for that line; the next line is still checked', () => {
    const long = `{"template":"2021","x":"${'a'.repeat(MAX_NDJSON_LINE_BYTES)}"}\n`
    writeFileSync(join(dir, 'long.ndjson'), long + JSON.stringify(seed) + '\n')
    const run = cli(['check', 'long.ndjson', '--json'])
    refused(run, /line 1 is longer than the budget MAX_NDJSON_LINE_BYTES/)
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { input: string; valid: boolean })
    expect(lines).toEqual([expect.objectContaining({ input: 'long.ndjson:2', valid: true })])
  })

  it('a 100 MB NDJSON file is checked in constant memory (a 64 MB heap), every line answered', () => {
    const line = JSON.stringify(seed) + '\n'
    const count = Math.ceil((100 * 1024 * 1024) / Buffer.byteLength(line))
    writeFileSync(join(dir, 'many.ndjson'), line.repeat(count))
    const run = cli(['check', 'many.ndjson', '--json', '--quiet'], { nodeFlags: ['--max-old-space-size=64'] })
    expect(run.status, run.stderr.slice(0, 2000)).toBe(0)
    expect(run.stdout.trim().split('\n')).toHaveLength(count)
    // the file is read as it arrives: the process holds a few lines, not the 100 MB (nor five times that as strings)
    expect(run.rssMb).toBeLessThan(300)
    rmSync(join(dir, 'many.ndjson'))
  }, 300_000)

  it('/dev/zero (a device whose size says 0) is read against the file budget, not whole', () => {
    refused(cli(['validate', '/dev/zero']), new RegExp(`/dev/zero has at least \\d+ bytes, more than the budget MAX_FILE_BYTES \\(${MAX_FILE_BYTES} bytes\\)`))
  })

  it('an endless stdin is read up to the budget, then refused', () => {
    refused(cli(['validate', '-'], { stdin: openSync('/dev/zero', 'r') }), /<stdin> has at least \d+ bytes, more than the budget MAX_FILE_BYTES/)
  })

  it('check --ndjson - answers each line as it arrives, before stdin ends', async () => {
    const child = spawn(process.execPath, ['--import', tsx, bin, 'check', '--ndjson', '-', '--json', '--lang', 'en'], { cwd: dir })
    let stdout = ''
    const firstAnswer = new Promise<void>((resolve) => child.stdout.on('data', (data: Buffer) => ((stdout += data.toString()), stdout.includes('\n') && resolve())))
    child.stdin.write(JSON.stringify(seed) + '\n')
    await firstAnswer // stdin is still open here: the answer came from the one line alone
    expect(JSON.parse(stdout.split('\n')[0]!)).toMatchObject({ input: '<stdin>:1', valid: true })
    child.stdin.end()
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code).toBe(0)
  }, 180_000)

  it('a FIFO nobody writes to: --timeout ends the wait with a message, exit 2', () => {
    const fifo = join(dir, 'never.json')
    if (spawnSync('mkfifo', [fifo]).status !== 0) return // no mkfifo: nothing to test here
    const run = cli(['--timeout', '0.5', 'validate', 'never.json'])
    refused(run, /reading never\.json took longer than 0\.5 s \(--timeout\)/)
    refused(cli(['--timeout', 'soon', 'validate', 'never.json']), /--timeout takes seconds/)
  })
})

describe('5. invalid UTF-8 inside NDJSON', { timeout: 180_000 }, () => {
  it('is an error naming the line and the byte, never replaced by U+FFFD and accepted', () => {
    const bytes = Buffer.concat([Buffer.from(JSON.stringify(seed) + '\n'), Buffer.from('{"template":"2021","a":"'), Buffer.from([0xff]), Buffer.from('"}\n')])
    writeFileSync(join(dir, 'bad.ndjson'), bytes)
    const offset = Buffer.byteLength(JSON.stringify(seed) + '\n') + 24
    const run = cli(['validate', 'bad.ndjson'])
    refused(run, new RegExp(`bad\\.ndjson line 2 is not valid UTF-8 \\(byte 24 of the line, byte ${offset} of the file\\)`))
    expect(run.stderr).toMatch(/bad\.ndjson:1: valid/)
  })
})

describe('6. two inputs with one base name', { timeout: 180_000 }, () => {
  it('parse a/report.txt b/report.txt -o DIR writes both, each under its path', () => {
    for (const folder of ['a', 'b']) mkdirSync(join(dir, folder), { recursive: true })
    writeFileSync(join(dir, 'a', 'report.txt'), seedText)
    writeFileSync(join(dir, 'b', 'report.txt'), seedText.replace('卫东区科学技术局', '卫东区教育局'))
    const run = cli(['parse', 'a/report.txt', 'b/report.txt', '-o', 'out6'])
    expect(run.status, run.stderr).toBe(0)
    const a = JSON.parse(readFileSync(join(dir, 'out6', 'a', 'report.json'), 'utf8')) as Report
    const b = JSON.parse(readFileSync(join(dir, 'out6', 'b', 'report.json'), 'utf8')) as Report
    expect(a.meta.agencyName).not.toBe(b.meta.agencyName)
  })

  it('clashing inputs outside the working folder are refused before any work, nothing written', () => {
    mkdirSync(join(dir, 'work6'), { recursive: true })
    const run = cli(['parse', '../a/report.txt', '../b/report.txt', '-o', 'out6b'], { cwd: join(dir, 'work6') })
    refused(run, /would write the same output file: \.\.\/a\/report\.txt, \.\.\/b\/report\.txt/)
    expect(existsSync(join(dir, 'work6', 'out6b'))).toBe(false)
  })
})

describe('7. parse of a report that fails the schema', { timeout: 180_000 }, () => {
  it('says so, and why, with exit 1', () => {
    writeFileSync(join(dir, 'no-agency.txt'), seedText.split('\n').filter((line) => !line.includes('卫东区科学技术局')).join('\n'))
    const run = cli(['parse', 'no-agency.txt', '-o', 'no-agency.json'])
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/does not match the schema \(\d+ errors?\); it is written as read/)
  })
})

describe('8. temporary files', { timeout: 180_000 }, () => {
  it('one left by a killed run (its process gone) is swept at the next start; a live one is kept', () => {
    mkdirSync(join(dir, 'out8'), { recursive: true })
    writeFileSync(join(dir, 'seed.txt'), seedText)
    // pid 2^22 + 1 is above Linux's largest pid: never a live process
    const stale = join(dir, 'out8', `.seed.json.${(1 << 22) + 1}.1764633600000.tmp`)
    const live = join(dir, 'out8', `.seed.json.${process.pid}.1764633600000.tmp`)
    writeFileSync(stale, '{"partial')
    writeFileSync(live, '{"being written')
    const run = cli(['parse', 'seed.txt', '-o', 'out8/seed.json'])
    expect(run.status, run.stderr).toBe(0)
    expect(existsSync(stale)).toBe(false)
    expect(existsSync(live)).toBe(true)
    rmSync(live)
  })

  it('SIGTERM during a batch: exit 143 with a message, no temporary left, every written file whole', async () => {
    mkdirSync(join(dir, 'in8'), { recursive: true })
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, 'in8', `r${i}.txt`), seedText)
    const child = spawn(process.execPath, ['--import', tsx, bin, 'parse', 'in8', '-o', 'out8b', '--lang', 'en'], { cwd: dir })
    let stderr = ''
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString()
      // progress lines name each file: stop it in the middle of the batch
      if (/\[5\/40\]/.test(stderr)) child.kill('SIGTERM')
    })
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code).toBe(143)
    expect(stderr).toMatch(/interrupted \(SIGTERM\); unfinished temporary files removed/)
    const left = existsSync(join(dir, 'out8b')) ? readdirSync(join(dir, 'out8b')) : []
    expect(left.filter((name) => name.endsWith('.tmp'))).toEqual([])
    for (const name of left) expect(() => JSON.parse(readFileSync(join(dir, 'out8b', name), 'utf8'))).not.toThrow()
  }, 120_000)
})

describe('9. contracts kept for every argument', { timeout: 180_000 }, () => {
  it('checkSeries is linear (100,000 reports of 20 years) and takes a BigInt year', () => {
    const reports = Array.from({ length: 100_000 }, (_, i) => ({ ...seed, meta: { ...seed.meta, year: 2000 + (i % 20) } }))
    const { findings } = checkSeries(reports)
    // every report after the first of its year repeats a year: one finding each
    expect(findings.filter((f) => f.ruleId === findings[0]!.ruleId).length).toBeGreaterThanOrEqual(100_000 - 20)
    const big = checkSeries([{ ...seed, meta: { ...seed.meta, year: 2024n } }, seed])
    expect(Array.isArray(big.findings)).toBe(true)
  })

  it('parseDocx, parsePdf and parseReport answer any argument with a result, never a rejection or an internal error', async () => {
    for (const value of [undefined, null, 42, 'text', {}, [], new ArrayBuffer(4)]) {
      for (const result of [await parseDocx(value as never), await parsePdf(value as never)]) {
        expect(result.diagnostics.map((d) => d.code)).toEqual(['input-not-bytes'])
      }
    }
    expect(parseReport(seedText, null as never).report).toEqual(seed)
    for (const options of [{ template: '2020' }, { template: 2021 }, { year: '2024' }, { year: 2024.5 }, { strict: 'yes' }, { format: 'pdf' }, { validator: 1 }, 7, 'x', []]) {
      const result = parseReport(seedText, options as never)
      expect(result.diagnostics.map((d) => d.code), JSON.stringify(options)).toEqual(['options-invalid'])
      expect((await parseReport(new TextEncoder().encode(seedText), options as never)).diagnostics.map((d) => d.code)).toEqual(['options-invalid'])
    }
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true }), (options) => {
        const result = parseReport('一、总体情况\n文字', options as never)
        expect(result.diagnostics.some((d) => d.code === 'internal')).toBe(false)
      }),
      { seed: 20261202, numRuns: 300 },
    )
  })

  it('the rules, the summary and the renderers, fuzzed over their arguments: results, or a TypeError that names the argument', () => {
    const typed = (f: () => unknown) => {
      try {
        f()
      } catch (error) {
        expect(error).toBeInstanceOf(TypeError)
        expect((error as Error).message).toMatch(/^(checkReport|checkSeries|render): /)
      }
    }
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true }), fc.anything({ withBigInt: true }), (a, b) => {
        expect(validateReport(a).valid).toBe(false)
        typed(() => checkReport(a, b as never))
        typed(() => checkReport(seed, b as never))
        typed(() => checkSeries(a as never, b as never))
        typed(() => checkSeries([seed, a], b as never))
        for (const result of [aggregateReports(a as never, b as never), aggregateReports([seed, seed], b as never), aggregateReports([seed, a] as never)]) {
          expect(typeof result.ok).toBe('boolean')
        }
        typed(() => renderHtml(a as never))
        typed(() => renderHtml(seed, b as never))
      }),
      { seed: 20261202, numRuns: 500 },
    )
    expect(checkReport(seed, null as never).findings).toEqual([])
    expect(aggregateReports([seed, seed], null as never).ok).toBe(true)
  })

  it('content nested more than 500 levels inside a <td> gets the html-too-deep warning', () => {
    const html = `<table><tr><td>规章</td><td>${'<span>'.repeat(600)}7${'</span>'.repeat(600)}</td></tr></table>`
    expect(parseReport(html, { format: 'html' }).diagnostics.map((d) => d.code)).toContain('html-too-deep')
  })

  it('NaN and Infinity in JSON get a line and column', () => {
    writeFileSync(join(dir, 'nan.json'), '{\n  "template": "2021",\n  "x": NaN\n}\n')
    const run = cli(['validate', 'nan.json'])
    refused(run, /nan\.json is not valid JSON \(line 3, column 8\)/)
  })

  it('the JSON position scanner agrees with JSON.parse on what is valid, and with V8 where V8 gives a position', () => {
    const text = JSON.stringify(seed)
    fc.assert(
      fc.property(fc.nat(text.length), fc.constantFrom('', ',', ']', '}', '"', 'NaN', '-', '1e', '\\', ' ', 'tru', '\u0001'), fc.nat(3), (at, insert, cut) => {
        const input = text.slice(0, at) + insert + text.slice(at + cut)
        let valid = true
        let position: number | undefined
        try {
          JSON.parse(input)
        } catch (error) {
          valid = false
          const given = /position (\d+)/.exec((error as Error).message)
          if (given !== null) position = Number(given[1])
        }
        const found = syntaxErrorOffset(input)
        expect(found === undefined).toBe(valid)
        if (position !== undefined) expect(found).toBe(position)
      }),
      { seed: 20261202, numRuns: 2000 },
    )
  })

  it('the default entry under --disallow-code-generation-from-strings: a valid report is valid (the fast path needs no AJV); an invalid one gets one line naming zfxxgk-report/standalone, no generated code dumped', () => {
    const script = `import { validateReport } from ${JSON.stringify(join(ROOT, 'src', 'index.ts'))}
const seed = ${JSON.stringify(seed)}
if (!validateReport(seed).valid) throw new Error('the seed must be valid')
const result = validateReport({ ...seed, meta: { ...seed.meta, agencyName: '' } })
process.stdout.write(JSON.stringify(result.errors.map((e) => e.message.en)))`
    writeFileSync(join(dir, 'csp.mts'), script)
    const run = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', tsx, join(dir, 'csp.mts')], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    const messages = JSON.parse(run.stdout) as string[]
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/forbids generating code.*zfxxgk-report\/standalone/)
  })
})

describe('the budgets as stated', () => {
  it('the README lists every budget with its value', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    for (const b of BUDGETS) expect(readme, b.name).toMatch(new RegExp(`\\| \`${b.name}\` \\| ${b.value.toLocaleString('en-US')} ${b.unit} \\|`))
  })
})
