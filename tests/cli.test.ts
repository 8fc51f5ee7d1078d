/** The command line, run in-process on temporary folders: outputs, exit codes (0/1/2), languages, bad input. */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { runCli } from './support/cli.js'
import { plainValidate } from '../src/cli/dispatch.js'
import { readJson, ROOT } from './support/files.js'

let dir = ''
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zfxxgk-cli-'))
  copyFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.txt'), join(dir, 'seed.txt'))
  copyFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json'), join(dir, 'seed.json'))
  copyFileSync(join(ROOT, 'examples', 'example-2019-template-fictional.json'), join(dir, 'example-2019.json'))
  copyFileSync(join(ROOT, 'tests', 'real-reports', '034-longgang-dept-2024.txt'), join(dir, 'partial.txt'))
})

const cli = (args: string[], stdin = '') => runCli(args, stdin, dir)

const seed = readJson('examples/seed-2024-weidong-science-bureau.json')
const write = (name: string, content: string | Buffer) => writeFileSync(join(dir, name), content)

describe('parse', () => {
  it('turns the seed text into exactly the canonical example (exit 0)', async () => {
    const { code, stdout, stderr } = await cli(['parse', 'seed.txt'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toBe(readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json'), 'utf8'))
  })

  it('names what a cut-off report lacks, in Chinese or English (exit 1)', async () => {
    const zh = await cli(['parse', 'partial.txt', '--lang', 'zh'])
    expect(zh.code).toBe(1)
    expect(zh.stderr).toContain('partial.txt: 警告 三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › （三）不予公开 › 7.属于行政执法案卷 › 总计：缺少该单元格（第 32 行）')
    const en = await cli(['parse', 'partial.txt', '--lang', 'en'])
    expect(en.stderr).toContain('partial.txt: warning 三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › （三）不予公开 › 7.属于行政执法案卷 › 总计: cell missing (line 32)')
    expect(JSON.parse(en.stdout).applications.newlyReceived.total).toBe(66)
  })

  it('--json gives the whole result; several inputs give NDJSON or files in --out', async () => {
    const json = JSON.parse((await cli(['parse', 'partial.txt', '--json'])).stdout)
    expect(json.missing).toContain('/applications/carriedOverToNextYear')
    expect(json.diagnostics.length).toBeGreaterThan(0)
    const many = await cli(['parse', 'seed.txt', 'partial.txt'])
    expect(many.stdout.trim().split('\n').map((line) => JSON.parse(line).meta.year)).toEqual([2024, 2024])
    mkdirSync(join(dir, 'out'))
    expect((await cli(['parse', 'seed.txt', 'partial.txt', '--out', 'out'])).code).toBe(1)
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['partial.json', 'seed.json'])
  })

  it('reads a GBK/GB18030 text (common on government sites) with a notice, unless told UTF-8', async () => {
    copyFileSync(join(ROOT, 'tests', 'encodings', 'seed-gb18030.txt'), join(dir, 'gbk.txt'))
    const auto = await cli(['parse', 'gbk.txt', '--lang', 'en'])
    expect(auto.code).toBe(0)
    expect(auto.stderr).toContain('gbk.txt: not UTF-8; read as GB18030 (GBK)')
    expect(JSON.parse(auto.stdout)).toEqual(readJson('examples/seed-2024-weidong-science-bureau.json'))
    const strict = await cli(['parse', 'gbk.txt', '--encoding', 'utf-8', '--lang', 'en'])
    expect(strict.code).toBe(2)
    expect(strict.stderr).toContain('gbk.txt is not valid UTF-8 (at byte 2)') // \n \n then 卫 = CE C0
  })

  it('reads a PDF; a broken one, or a file named .pdf that is none, gets a clear error; an old .doc is explained', async () => {
    copyFileSync(join(ROOT, 'tests', 'pdf', 'office', 'seed-2021-wps-ruled.pdf'), join(dir, 'report.pdf'))
    const good = await cli(['parse', 'report.pdf'])
    expect(good.stderr).toBe('')
    expect(good.code).toBe(0)
    expect(JSON.parse(good.stdout)).toEqual(seed)
    write('broken.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xff, 0xfe, 0x00])]))
    write('fake.pdf', 'just text')
    write('report.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]))
    const broken = await cli(['parse', 'broken.pdf', '--lang', 'en'])
    expect(broken.code).toBe(2)
    expect(broken.stderr).toContain('broken.pdf: error cannot read the PDF (the file may be damaged)')
    const fake = await cli(['parse', 'fake.pdf', '--lang', 'en'])
    expect(fake.code).toBe(2)
    expect(fake.stderr).toContain('fake.pdf is not a PDF (it does not start with the %PDF- header)')
    const doc = await cli(['parse', 'report.doc', '--lang', 'zh'])
    expect(doc.code).toBe(2)
    expect(doc.stderr).toContain('是旧版 Word（.doc）文件：请另存为 .docx 或 PDF 后再解析')
    for (const result of [broken, fake, doc]) expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('a folder stands for the reports in it: NDJSON, or one JSON file each in --out (created; same names kept apart)', async () => {
    mkdirSync(join(dir, 'reports'))
    copyFileSync(join(ROOT, 'tests', 'pdf', 'office', 'seed-2021-wps-ruled.pdf'), join(dir, 'reports', 'a.pdf'))
    copyFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.txt'), join(dir, 'reports', 'a.txt'))
    copyFileSync(join(ROOT, 'tests', 'pdf', 'office', 'example-2019-unruled-scrambled.pdf'), join(dir, 'reports', 'b.pdf'))
    write('reports/notes.json', '{}')
    const listed = await cli(['parse', 'reports'])
    expect(listed.code).toBe(0)
    const lines = listed.stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(lines.map((r) => r.template)).toEqual(['2021', '2021', '2019'])
    expect(lines[0]).toEqual(seed)
    expect(lines[1]).toEqual(seed)
    const out = await cli(['parse', 'reports', '--out', 'json/2024'])
    expect(out.code).toBe(0)
    expect(readdirSync(join(dir, 'json', '2024')).sort()).toEqual(['a.pdf.json', 'a.txt.json', 'b.json'])
    mkdirSync(join(dir, 'empty'))
    const empty = await cli(['parse', 'empty', '--lang', 'en'])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain('the folder empty and its subfolders hold no report files (.pdf, .docx, .html, .htm, .txt, .text, .md)')
  })

  it('reads stdin and takes --year and --agency where the input is silent', async () => {
    const text = readFileSync(join(dir, 'partial.txt'), 'utf8')
    const { stdout } = await cli(['parse', '-', '--agency', '深圳市龙岗区某局', '--year', '2024'], text)
    expect(JSON.parse(stdout).meta).toEqual({ year: 2024, agencyName: '深圳市龙岗区某局' })
  })
})

describe('validate and check', () => {
  it('a valid report: exit 0; an invalid one: exit 1 with the place named', async () => {
    expect((await cli(['validate', 'seed.json'])).code).toBe(0)
    write('bad.json', JSON.stringify({ ...(seed as object), template: '2020' }))
    const bad = await cli(['validate', 'bad.json', '--lang', 'zh'])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain('年度报告格式（/template）：应当是 "2021" 或 "2019"，实际是 "2020"')
  })

  it('check reports rule findings with exit 1, and --fail-on error ignores warnings', async () => {
    const fixture = readJson('tests/rule-fixtures/applications.balance.json') as { reports: unknown[] }
    write('unbalanced.json', JSON.stringify(fixture.reports[0]))
    const result = await cli(['check', 'unbalanced.json', '--lang', 'en'])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('error applications.balance /applications/newlyReceived/naturalPerson')
    const warning = readJson('tests/rule-fixtures/overview.length.json') as { reports: unknown[] }
    write('long.json', JSON.stringify(warning.reports[0]))
    expect((await cli(['check', 'long.json'])).code).toBe(1)
    expect((await cli(['check', 'long.json', '--fail-on', 'error'])).code).toBe(0)
  })

  it('check quotes the claims of the narrative that the tables contradict, and --no-claims checks the rules alone', async () => {
    const report = structuredClone(seed) as { overview: { paragraphs: { text: string }[] } }
    report.overview.paragraphs[1]!.text = '本年度共收到政府信息公开申请5件。'
    write('claims.json', JSON.stringify(report))
    const result = await cli(['check', 'claims.json'])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('text.applications-received')
    expect(result.stdout).toContain('本年度共收到政府信息公开申请5件')
    const alone = await cli(['check', 'claims.json', '--no-claims'])
    expect(alone.code).toBe(0)
    expect(alone.stdout).not.toContain('text.applications-received')
  })

  it('several reports of one agency: the series rules run too', async () => {
    const fixture = readJson('tests/rule-fixtures/series.carry-over.json') as { reports: unknown[] }
    write('2024.json', JSON.stringify(fixture.reports[0]))
    write('2025.json', JSON.stringify(fixture.reports[1]))
    const result = await cli(['check', '2024.json', '2025.json', '--json'])
    expect(result.code).toBe(1)
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(lines.at(-1).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['series.carry-over', 'series.carry-over'])
    expect((await cli(['check', '2024.json', '2025.json', '--no-series'])).code).toBe(0)
  })

  it('forms one series per agency, so that different agencies are never compared', async () => {
    const fixture = readJson('tests/rule-fixtures/series.carry-over.json') as { reports: { meta: { agencyName: string } }[] }
    const other = structuredClone(fixture.reports[1]!)
    other.meta.agencyName = '卫东区教育体育局'
    write('a-2024.json', JSON.stringify(fixture.reports[0]))
    write('b-2025.json', JSON.stringify(other))
    const result = await cli(['check', 'a-2024.json', 'b-2025.json', '--json'])
    expect(result.stdout).not.toContain('"series"')
    expect(result.code).toBe(0)
  })

  it('streams NDJSON, one result per line', async () => {
    const lines = [JSON.stringify(seed), '', JSON.stringify({ template: '2021' }), '{broken']
    write('batch.ndjson', lines.join('\n'))
    const result = await cli(['check', 'batch.ndjson', '--json', '--lang', 'en'])
    expect(result.code).toBe(2)
    const out = result.stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(out.map((o: { input: string; valid: boolean }) => [o.input, o.valid])).toEqual([['batch.ndjson:1', true], ['batch.ndjson:3', false]])
    expect(result.stderr).toContain('batch.ndjson:4 is not valid JSON (line 1, column 2)')
  })
})

describe('render and aggregate', () => {
  it('renders html, md and text; --out writes the file', async () => {
    expect((await cli(['render', 'seed.json', '--to', 'html'])).stdout).toContain('<td rowspan="22">三、本年度办理结果</td>')
    expect((await cli(['render', 'seed.json', '--to', 'md'])).stdout).toContain('## 四、政府信息公开行政复议、行政诉讼情况')
    expect((await cli(['render', 'seed.json', '--to', 'text', '-o', 'seed.out.txt'])).code).toBe(0)
    expect(readFileSync(join(dir, 'seed.out.txt'), 'utf8')).toContain('一、总体情况')
  })

  it('never leaves a partial output file', async () => {
    write('bad.json', '{"template": "2021"}')
    const before = readdirSync(dir).sort()
    expect((await cli(['render', 'bad.json', '-o', 'never.html'])).code).toBe(2)
    expect((await cli(['parse', 'nothing.txt', '-o', 'never.json'])).code).toBe(2)
    expect(readdirSync(dir).sort()).toEqual(before)
    // An output's folder is made before the work, never found missing at its end.
    expect((await cli(['render', 'seed.json', '-o', 'new-folder/out.html'])).code).toBe(0)
    expect(readFileSync(join(dir, 'new-folder/out.html'), 'utf8')).toContain('<table>')
    write('a-file', 'x')
    const blocked = await cli(['render', 'seed.json', '-o', 'a-file/out.html', '--lang', 'en'])
    expect(blocked.code).toBe(2)
    expect(blocked.stderr).toContain('cannot create the folder')
  })

  it('aggregates reports of one template and year, and refuses to mix templates', async () => {
    const result = await cli(['aggregate', 'seed.json', 'seed.json', '--agency', '卫东区'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).meta).toEqual({ year: 2024, agencyName: '卫东区' })
    const mixed = await cli(['aggregate', 'seed.json', 'example-2019.json', '--lang', 'zh'])
    expect(mixed.code).toBe(1)
    expect(mixed.stderr).toContain('不能混合汇总不同格式的报告')
  })
})

describe('bad input and usage', () => {
  it('a missing file, a folder, invalid JSON, invalid UTF-8: exit 2 with the file named', async () => {
    mkdirSync(join(dir, 'folder'))
    write('broken.json', '{\n  "template": 2021,\n}')
    write('latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]))
    for (const [args, message] of [
      [['validate', 'nope.json'], 'error: no such file: nope.json'],
      [['validate', 'folder'], 'error: the folder folder and its subfolders hold no report files (.json, .ndjson, .jsonl)'],
      [['validate', 'broken.json'], 'error: broken.json is not valid JSON (line 3, column 1)'],
      [['validate', 'latin1.json'], 'error: latin1.json is not valid UTF-8 (at byte 2)'],
    ] as const) {
      const result = await cli([...args, '--lang', 'en'])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(message)
      expect(result.stderr).not.toMatch(/\n\s+at /) // no stack trace
    }
  })

  it('validate takes a folder: its .json, .ndjson and .jsonl files and those of its subfolders, sorted by path', async () => {
    mkdirSync(join(dir, 'json', 'sub'), { recursive: true })
    write('json/b.json', JSON.stringify(seed))
    write('json/sub/a.ndjson', `${JSON.stringify(seed)}\n${JSON.stringify({ ...(seed as object), template: '2020' })}\n`)
    write('json/notes.txt', 'not a report')
    const result = await cli(['validate', 'json', '--json'])
    expect(result.code).toBe(1)
    expect(result.stdout.trim().split('\n').map((line) => [JSON.parse(line).input, JSON.parse(line).valid])).toEqual([
      ['json/b.json', true],
      ['json/sub/a.ndjson:1', true],
      ['json/sub/a.ndjson:2', false],
    ])
    const only = await cli(['validate', 'json', '--glob', 'sub/**', '--json'])
    expect(only.stdout.trim().split('\n').map((line) => JSON.parse(line).input)).toEqual(['json/sub/a.ndjson:1', 'json/sub/a.ndjson:2'])
  })

  it('a BOM is fine', async () => {
    write('bom.json', '\uFEFF' + JSON.stringify(seed))
    expect((await cli(['validate', 'bom.json'])).code).toBe(0)
  })

  it('usage errors exit 2; --version and --help exit 0', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2)
    expect((await cli(['render', 'seed.json', '--to', 'pdf'])).code).toBe(2)
    expect((await cli(['parse', 'seed.txt', '--year', 'last'])).code).toBe(2)
    const version = await cli(['--version'])
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toBe((readJson('package.json') as { version: string }).version)
    expect((await cli(['--help'])).code).toBe(0)
  })

  it('shows progress on stderr for long batches', async () => {
    const files = Array.from({ length: 12 }, (_, i) => `r${i}.json`)
    for (const file of files) write(file, JSON.stringify(seed))
    const result = await cli(['validate', ...files])
    expect(result.stderr).toContain('[12/12] r11.json')
    expect((await cli(['validate', '--quiet', ...files])).stderr).not.toContain('[1/12]')
  })
})

describe('a plain validate, run without commander (bin.ts, dispatch.ts)', () => {
  it('recognises validate with paths and only --json, --ndjson, -q/--quiet and --lang zh|en; anything else goes to the whole command line', () => {
    expect(plainValidate(['validate', '--lang', 'zh', 'a.json', '-', '--json', '-q'])).toEqual({ inputs: ['a.json', '-'], json: true, ndjson: false, quiet: true, lang: 'zh' })
    expect(plainValidate(['validate', '--lang=en', '--ndjson', '--quiet', 'a.ndjson'])).toEqual({ inputs: ['a.ndjson'], json: false, ndjson: true, quiet: true, lang: 'en' })
    for (const args of [['validate'], ['validate', '--json'], ['validate', 'a.json', '--help'], ['validate', 'a.json', '--lang', 'fr'], ['validate', 'a.json', '--lang'], ['validate', '--', 'a.json'], ['-q', 'validate', 'a.json'], ['check', 'a.json'], ['validate', 'a.json', '--timeout', '5'], ['validate', ''], ['validate', 'a.json', '--glob', '*.json'], ['validate', 'a.json', '-x']]) {
      expect(plainValidate(args), args.join(' ')).toBeUndefined()
    }
  })

  it('gives the same stdout, stderr and exit code as the whole command line, for valid, invalid, unreadable, NDJSON and stdin input, in both languages and on a terminal', async () => {
    mkdirSync(join(dir, 'folder'))
    write('bad.json', JSON.stringify({ ...(seed as object), template: '2020' }))
    write('broken.json', '{\n  "template": 2021,\n}')
    write('latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]))
    const lines = [JSON.stringify(seed), JSON.stringify({ ...(seed as object), meta: {} }), '{"template":', '', JSON.stringify(seed)].join('\n')
    write('mixed.ndjson', lines)
    const files = Array.from({ length: 12 }, (_, i) => `r${i}.json`)
    for (const file of files) write(file, JSON.stringify(seed))
    mkdirSync(join(dir, 'reports'))
    for (const file of ['seed.json', 'bad.json', 'mixed.ndjson']) copyFileSync(join(dir, file), join(dir, 'reports', file))
    const cases: [string[], string, boolean][] = [
      [['validate', 'seed.json'], '', false],
      [['validate', 'seed.json', 'example-2019.json'], '', false],
      [['validate', '-q', 'seed.json', 'bad.json'], '', false],
      [['validate', 'bad.json', '--lang', 'zh'], '', false],
      [['validate', '--lang=en', 'bad.json', 'seed.json', '--json'], '', false],
      [['validate', 'mixed.ndjson', '--lang', 'zh'], '', false],
      [['validate', '--ndjson', '-', '--json'], lines, false],
      [['validate', '-'], JSON.stringify(seed), false],
      [['validate', 'nope.json', 'folder', 'broken.json', 'latin1.json', 'seed.json', '--lang', 'en'], '', false],
      [['validate', 'folder', '--lang', 'zh'], '', false],
      [['validate', 'reports'], '', false],
      [['validate', ...files], '', false],
      [['validate', ...files, '--lang', 'zh'], '', true],
      [['validate', '--quiet', ...files], '', true],
    ]
    const codes: number[] = []
    for (const [args, stdin, terminal] of cases) {
      expect(plainValidate(args), args.join(' ')).toBeDefined()
      const plain = await runCli(args, stdin, dir, terminal)
      const whole = await runCli(args, stdin, dir, terminal, true)
      expect(plain, args.join(' ')).toEqual(whole)
      codes.push(plain.code)
    }
    // The cases cover every exit code, and both runners wrote something for each.
    expect(new Set(codes)).toEqual(new Set([0, 1, 2]))
  })
})
