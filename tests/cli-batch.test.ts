/**
 * The command line as a 主管部门 uses it on a folder: subfolders and --glob, UTF-16 files, render of several and of
 * incomplete reports, aggregate --skip-invalid and reports whose own totals are wrong. In-process, on temporary folders.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import { aggregateReports } from '../src/rules/aggregate.js'
import { runCli } from './support/cli.js'
import { readJson, ROOT } from './support/files.js'

let dir = ''
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zfxxgk-batch-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const cli = (args: string[], stdin = '') => runCli(args, stdin, dir)
const write = (name: string, content: string | Uint8Array) => {
  mkdirSync(join(dir, name, '..'), { recursive: true })
  writeFileSync(join(dir, name), content)
}
const seedText = readFileSync(join(ROOT, 'examples/seed-2024-weidong-science-bureau.txt'), 'utf8')
const seedJson = readFileSync(join(ROOT, 'examples/seed-2024-weidong-science-bureau.json'), 'utf8')
const seed = JSON.parse(seedJson) as Report

const utf16 = (text: string, endian: 'le' | 'be') => {
  const bytes = new Uint8Array(2 + text.length * 2)
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff])
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    bytes[2 + 2 * i + (endian === 'le' ? 0 : 1)] = code & 0xff
    bytes[2 + 2 * i + (endian === 'le' ? 1 : 0)] = code >> 8
  }
  return bytes
}

describe('UTF-16 files (Windows Notepad’s “Unicode”), told by their byte order mark', () => {
  it.each(['le', 'be'] as const)('UTF-16%s text parses to the canonical example; UTF-16 JSON validates', async (endian) => {
    write('seed.txt', utf16(seedText, endian))
    const parsed = await cli(['parse', 'seed.txt'])
    expect(parsed.stderr).toBe('')
    expect(parsed.stdout).toBe(seedJson)
    write('seed.json', utf16(seedJson, endian))
    expect((await cli(['validate', 'seed.json'])).code).toBe(0)
  })
})

describe('folders', () => {
  it('are read with their subfolders (not hidden ones), sorted by path; --glob keeps the files whose path matches', async () => {
    write('年报/区直/科技局.txt', seedText)
    write('年报/乡镇/某镇/2024.txt', seedText)
    write('年报/乡镇/某镇/说明.docx.bak', 'not a report')
    write('年报/.git/x.txt', seedText)
    const all = await cli(['parse', '年报', '--json', '--quiet'])
    expect((JSON.parse(all.stdout) as { input: string }[]).map((r) => r.input)).toEqual(['年报/乡镇/某镇/2024.txt', '年报/区直/科技局.txt'])
    const some = await cli(['parse', '年报', '--glob', '乡镇/**', '--json', '--quiet'])
    expect((JSON.parse(some.stdout) as { input: string }[]).map((r) => r.input)).toEqual(['年报/乡镇/某镇/2024.txt'])
    const none = await cli(['parse', '年报', '--glob', '**/*.pdf', '--lang', 'en'])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('the folder 年报 and its subfolders hold no report files (.pdf, .docx, .html, .htm, .txt, .text, .md) matching **/*.pdf')
  })
})

describe('render', () => {
  it('several reports (files and NDJSON lines) into --out DIR, one file each; without --out, a usage error', async () => {
    write('a/seed.json', seedJson)
    write('b/seed.json', seedJson)
    write('batch.ndjson', `${JSON.stringify(seed)}\n${JSON.stringify(readJson('examples/example-2019-template-fictional.json'))}\n`)
    const result = await cli(['render', 'a', 'b', 'batch.ndjson', '--to', 'md', '-o', 'out', '--lang', 'en'])
    expect(result.code, result.stderr).toBe(0)
    expect(readdirSync(join(dir, 'out'), { recursive: true }).map(String).sort()).toEqual(['a', 'a/seed.md', 'b', 'b/seed.md', 'batch.ndjson-1.md', 'batch.ndjson-2.md'])
    expect(readFileSync(join(dir, 'out/batch.ndjson-2.md'), 'utf8')).toContain('2019')
    const noOut = await cli(['render', 'a/seed.json', 'b/seed.json', '--lang', 'en'])
    expect(noOut.code).toBe(2)
    expect(noOut.stderr).toContain('rendering several reports needs --out <folder>')
  })

  it('an incomplete report is rendered as read, cells not read printed 缺 and marked data-missing (exit 1)', async () => {
    const partial = structuredClone(seed) as unknown as { applications: { newlyReceived: Record<string, number> } }
    delete partial.applications.newlyReceived.naturalPerson
    write('partial.json', JSON.stringify(partial))
    const result = await cli(['render', 'partial.json', '--lang', 'zh'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('按读出的内容生成，未读出的单元格印作“缺”')
    expect(result.stdout).toContain('data-pointer="/applications/newlyReceived/naturalPerson" data-missing title="未读出">缺</td>')
    write('nothing.json', '{"template": "2021"}')
    expect((await cli(['render', 'nothing.json'])).code).toBe(2)
  })
})

describe('aggregate', () => {
  it('refuses a batch with an invalid report, unless --skip-invalid: then sums the valid ones, lists the rest and why (exit 1)', async () => {
    write('reports/a.json', seedJson)
    write('reports/b.json', seedJson)
    const broken = structuredClone(seed) as unknown as { meta: Record<string, unknown> }
    delete broken.meta.agencyName
    write('reports/c.json', JSON.stringify(broken))
    const refused = await cli(['aggregate', 'reports', '--lang', 'en'])
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toContain('--skip-invalid sums the valid ones')
    const skipped = await cli(['aggregate', 'reports', '--skip-invalid', '--json', '--lang', 'zh'])
    expect(skipped.code).toBe(1)
    const payload = JSON.parse(skipped.stdout) as { report: Report; included: { input: string }[]; leftOut: { input: string; why: string }[] }
    const library = aggregateReports([seed, seed])
    expect(payload.report).toEqual((library as { report: Report }).report)
    expect(payload.included.map((r) => r.input)).toEqual(['reports/a.json', 'reports/b.json'])
    expect(payload.leftOut.map((r) => r.input)).toEqual(['reports/c.json'])
    expect(payload.leftOut[0]!.why).toContain('机关名称')
    expect(skipped.stderr).toContain('reports/c.json: 未计入汇总（不符合格式）')
    expect(skipped.stderr).toContain('已汇总 2 份报告，未计入 1 份')
  })

  it('says which reports’ own totals are wrong instead of summing them silently (exit 1)', async () => {
    const wrong = structuredClone(seed)
    ;(wrong.applications.outcomes.total as { naturalPerson: number }).naturalPerson += 5
    write('a.json', seedJson)
    write('wrong.json', JSON.stringify(wrong))
    const result = await cli(['aggregate', 'a.json', 'wrong.json', '--lang', 'en'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/wrong\.json: its own totals are wrong \(\d+, e\.g\. applications\.[a-z-]+\); summed as printed/)
    expect(result.stderr).not.toContain('a.json: its own totals')
    expect(JSON.parse(result.stdout)).toEqual((aggregateReports([seed, wrong]) as { report: Report }).report)
  })
})

describe('check on a folder of published and canonical reports', () => {
  it('reads published reports too, runs every rule even on an incomplete one (and says which could not run), results on stdout, a summary that counts every file with a problem', async () => {
    write('收到/科技局.txt', seedText)
    write('收到/龙岗.txt', readFileSync(join(ROOT, 'tests/real-reports/034-longgang-dept-2024.txt')))
    const wrong = structuredClone(seed)
    ;(wrong.applications.outcomes.total as { naturalPerson: number }).naturalPerson += 5
    write('收到/算错.json', JSON.stringify(wrong))
    const long = (readJson('tests/rule-fixtures/overview.length.json') as { reports: unknown[] }).reports[0]
    write('收到/太长.json', JSON.stringify(long))
    write('收到/坏.pdf', 'not a pdf at all')
    const result = await cli(['check', '收到', '--lang', 'en'])
    expect(result.code).toBe(2)
    expect(result.stdout).toContain('收到/科技局.txt: valid, no findings')
    // The incomplete real report: schema errors, the rules that ran, and those that could not.
    expect(result.stdout).toMatch(/收到\/龙岗\.txt: invalid \(\d+ errors\)/)
    expect(result.stdout).toMatch(/收到\/龙岗\.txt: \d+ rules could not run \(cells missing\)/)
    expect(result.stdout).toContain('  reviewsAndLawsuits.group-total: lacks')
    expect(result.stdout).toMatch(/收到\/算错\.json: [1-9]\d* errors/)
    expect(result.stderr).toContain('收到/坏.pdf')
    expect(result.stderr).toContain('5 files: 4 with problems (1 unreadable, 1 invalid, 1 with rule errors, 1 with warnings only)')
    // Machines: one JSON line per report, with what could not be checked.
    const json = await cli(['check', '收到/龙岗.txt', '--json'])
    const line = JSON.parse(json.stdout) as { valid: boolean; notChecked: { ruleId: string }[]; missing: string[] }
    expect(line.valid).toBe(false)
    expect(line.notChecked.map((n) => n.ruleId)).toContain('reviewsAndLawsuits.group-total')
    expect(line.missing.length).toBeGreaterThan(0)
  })
})

describe('help and usage errors in Chinese', () => {
  it('with --lang zh (or a Chinese locale): help titles, descriptions, choices and commander’s usage errors', async () => {
    const help = await cli(['--help', '--lang', 'zh'])
    expect(help.code).toBe(0)
    for (const text of ['用法：', '选项：', '命令：', '显示帮助', '显示版本号', '导出电子表格', '审核网页']) expect(help.stdout).toContain(text)
    expect(help.stdout).not.toMatch(/Usage:|Options:|Commands:|display help/)
    const render = await cli(['render', '--help', '--lang', 'zh'])
    expect(render.stdout).toContain('输出格式（可选：html、md、text；默认：html）')
    for (const [args, text] of [
      [['chek', '--lang', 'zh'], "错误：未知命令 'chek'"],
      [['check', '--lang', 'zh'], "错误：缺少参数 'inputs'"],
      [['parse', 'x.txt', '--bogus', '--lang', 'zh'], "错误：未知选项 '--bogus'"],
      [['render', 'x.json', '--to', 'pdf', '--lang=zh'], "错误：选项 '--to <format>' 的值 'pdf' 无效，可选：html, md, text。"],
    ] as const) {
      const result = await cli([...args])
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr).toContain(text)
    }
    const english = await cli(['chek', '--lang', 'en'])
    expect(english.stderr).toContain("error: unknown command 'chek'")
  })
})

describe('progress', () => {
  it('on a terminal, one bar redrawn in place and cleared at the end; otherwise a line per file (batches of more than ten)', async () => {
    for (let i = 0; i < 12; i++) write(`多/${String(i).padStart(2, '0')}.txt`, seedText)
    const bar = await runCli(['parse', '多', '--out', 'json', '--lang', 'zh'], '', dir, true)
    expect(bar.code).toBe(0)
    const frames = bar.stderr.split('\r\x1b[K').filter((frame) => frame !== '')
    expect(frames).toHaveLength(12)
    expect(frames[0]).toBe('[------------------------] 1/12 多/00.txt')
    expect(frames[11]).toBe('[######################--] 12/12 多/11.txt')
    expect(bar.stderr.endsWith('\r\x1b[K')).toBe(true)
    const lines = await cli(['parse', '多', '--out', 'json2'])
    expect(lines.stderr.split('\n').filter((line) => /^\[\d+\/12\] /.test(line))).toHaveLength(12)
    expect(lines.stderr).not.toContain('\r')
  })
})

describe('results on stdout, buffered', () => {
  it('writes a long stream in a few large writes, in order; a slow source still sees each result before the next line comes', async () => {
    const { run } = await import('../src/cli/main.js')
    const seed = readJson('examples/seed-2024-weidong-science-bureau.json') as Report
    const line = JSON.stringify(seed) + '\n'
    // 2,000 reports at once: every result, in order, in far fewer writes than lines.
    const writes: string[] = []
    const code = await run(['validate', '-', '--ndjson', '--json'], {
      stdout: (text) => writes.push(text),
      stderr: () => undefined,
      stdin: async function* () {
        yield new TextEncoder().encode(line.repeat(2000))
      },
      cwd: ROOT,
    })
    expect(code).toBe(0)
    const lines = writes.join('').trim().split('\n')
    expect(lines).toHaveLength(2000)
    expect(lines.every((l) => JSON.parse(l).valid === true)).toBe(true)
    expect(lines.map((l) => JSON.parse(l).input)).toEqual(lines.map((_, i) => JSON.parse(lines[i]!).input).sort((a, b) => Number(/\d+$/.exec(a)?.[0]) - Number(/\d+$/.exec(b)?.[0])))
    expect(writes.length).toBeLessThan(50)
    // Three lines, the source waiting between them (for a timer: any wait lets the output go; nothing is timed).
    const seen: number[] = []
    let results = 0
    await run(['validate', '-', '--ndjson', '--json'], {
      stdout: (text) => (results += text.split('\n').filter(Boolean).length),
      stderr: () => undefined,
      stdin: async function* () {
        for (let i = 0; i < 3; i++) {
          seen.push(results)
          yield new TextEncoder().encode(line)
          await new Promise((resolve) => setTimeout(resolve, 1))
        }
      },
      cwd: ROOT,
    })
    expect(seen).toEqual([0, 1, 2])
    expect(results).toBe(3)
  })
})
