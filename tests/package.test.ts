/**
 * The package as users get it: pack it, install the tarball in a temporary project, import every `exports` entry
 * with ESM `import` and CommonJS `require`, type-check a consumer under `module: NodeNext`, and lint the package
 * with publint and @arethetypeswrong/cli.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from './support/files.js'
import { makeBatch } from './support/batch.js'
import { htmlToDocx } from './support/docx.js'
import { hasChromium } from './support/print.js'
import { renderHtml } from '../src/render/index.js'
import { parseReport } from '../src/parse/parse.js'
import { aggregateReports, checkReport, validateReport } from '../src/index.js'
import { fromWorkbook, sheetColumns } from '../src/sheet/index.js'
import { splitPointer, valueAt } from '../src/rules/pointer.js'

const require = createRequire(import.meta.url)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const run = (command: string, args: string[], cwd: string): SpawnSyncReturns<string> =>
  spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } })
const ok = (result: SpawnSyncReturns<string>) => {
  if (result.status !== 0) throw new Error(`${result.stdout}\n${result.stderr}`)
  return result.stdout
}

let work = ''
let tarball = ''
let installed = ''
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string
  exports: Record<string, unknown>
}

/** Every concrete specifier the exports map offers, wildcard entries expanded over the files they match. */
function specifiers(): string[] {
  const out: string[] = []
  for (const key of Object.keys(manifest.exports)) {
    if (!key.includes('*')) out.push(key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`)
    else {
      const [dir, suffix] = key.slice(2).split('*') as [string, string]
      for (const file of readdirSync(join(installed, dir)).filter((name) => name.endsWith(suffix))) {
        out.push(`${manifest.name}/${dir}${file}`)
      }
    }
  }
  return out
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'zfxxgk-pack-'))
  const packed = ok(run(npm, ['pack', '--silent', '--pack-destination', work], ROOT)).trim().split('\n').pop()!
  tarball = join(work, packed)
  const consumer = join(work, 'consumer')
  ok(run('mkdir', ['-p', consumer], work))
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  ok(run(npm, ['install', '--silent', '--prefer-offline', '--no-package-lock', tarball], consumer))
  installed = join(consumer, 'node_modules', manifest.name)
})

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true })
})

describe('packed tarball', { timeout: 300_000 }, () => {
  it('ships the schema, the built entries and the generated types, and no sources or tests', () => {
    const files = ok(run('tar', ['-tzf', tarball], work)).split('\n')
    expect(files).toContain('package/schema/report.schema.json')
    expect(files).toContain('package/dist/index.cjs')
    expect(files).toContain('package/generated/report.ts')
    for (const name of ['LICENSE', 'CHANGELOG.md', 'README.md']) expect(files).toContain(`package/${name}`)
    expect(files.some((file) => file.startsWith('package/dist/cli-chunks/'))).toBe(true)
    expect(files.some((file) => file.startsWith('package/tests/') || file.startsWith('package/src/'))).toBe(false)
  })

  it('the installed command starts on little code: --version loads no package and at most 16 KB of its chunks; validating a valid report loads neither AJV nor picomatch nor commander nor the parser nor the other commands\' code', () => {
    // What a start costs is counted as the files Node loads (a size is deterministic; a time on this machine is not).
    const consumer = join(work, 'consumer')
    // The hooks run on a thread of their own, whose process.stderr reaches the terminal through the main thread later:
    // a command that ends with process.exit can end before those lines come (on CI under load the line for commander
    // went missing). writeSync to descriptor 2 is written when the module is loaded.
    writeFileSync(join(consumer, 'loaded-hooks.mjs'), "import { writeSync } from 'node:fs'\nexport async function load(url, context, next) { const r = await next(url, context); if (url.startsWith('file:')) writeSync(2, 'LOADED ' + url + '\\n'); return r }\n")
    writeFileSync(join(consumer, 'loaded.mjs'), "import { register } from 'node:module'\nregister('./loaded-hooks.mjs', import.meta.url)\n")
    const cli = join(installed, 'dist', 'cli.js')
    const loaded = (args: string[]) => {
      const result = run(process.execPath, ['--import', './loaded.mjs', cli, ...args], consumer)
      expect(result.status).toBe(0)
      const urls = [...result.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => decodeURIComponent(new URL(m[1]!).pathname))
      expect(urls).toContain(cli)
      return urls
    }
    const own = (path: string) => path.startsWith(join(installed, 'dist') + '/')
    const version = loaded(['--version'])
    expect(version.filter((path) => !own(path) && !path.endsWith('loaded.mjs') && !path.endsWith('loaded-hooks.mjs'))).toEqual([])
    const chunkBytes = version.filter((path) => path !== cli && own(path)).reduce((sum, path) => sum + statSync(path).size, 0)
    expect(chunkBytes).toBeLessThanOrEqual(16 * 1024)
    const validate = loaded(['validate', join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json')])
    expect(validate.filter((path) => /node_modules\/(ajv|ajv-formats|picomatch|parse5|typebox|commander)\//.test(path))).toEqual([])
    expect(validate.filter((path) => /cli-chunks\/(parse|standalone|main)-/.test(path))).toEqual([])
    // The whole command line (commander, main) for anything else, e.g. an option a plain validate does not take.
    const whole = loaded(['validate', '--lang', 'en', '--timeout', '60', join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json')])
    const wholeLoaded = `loaded:\n${whole.join('\n')}`
    expect(whole.some((path) => /node_modules\/commander\//.test(path)), wholeLoaded).toBe(true)
    expect(whole.some((path) => /cli-chunks\/main-/.test(path)), wholeLoaded).toBe(true)
  })

  it('every exports entry loads with ESM import', () => {
    const list = specifiers()
    expect(list.length).toBeGreaterThanOrEqual(6)
    const script = list
      .map((s) => `await import(${JSON.stringify(s)}, ${s.endsWith('.json') ? "{ with: { type: 'json' } }" : '{}'})`)
      .join(';')
    const result = run(process.execPath, ['--input-type=module', '-e', script + ";console.log('ok')"], join(work, 'consumer'))
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toBe('ok')
  })

  it('every exports entry loads with CommonJS require', () => {
    const script = specifiers().map((s) => `require(${JSON.stringify(s)})`).join(';') + ";console.log('ok')"
    const result = run(process.execPath, ['--input-type=commonjs', '-e', script], join(work, 'consumer'))
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toBe('ok')
  })

  it('examples/consumers/esm, cjs and csp: the same lines from ESM, from CommonJS and with code generation from strings disabled, as the library gives them', () => {
    const consumer = join(work, 'consumer')
    const seedFile = join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json')
    const seed = JSON.parse(readFileSync(seedFile, 'utf8')) as Record<string, unknown> & { meta: Record<string, unknown> }
    const bad = { ...seed, meta: { ...seed.meta, agencyName: '' } }
    writeFileSync(join(consumer, 'bad.json'), JSON.stringify(bad))
    writeFileSync(join(consumer, 'broken.json'), '{"template": "2021",')
    const files = [seedFile, 'bad.json', 'broken.json']
    const outputs = (['esm/validate.mjs', 'cjs/validate.cjs', 'csp/validate.mjs'] as const).map((example) => {
      const file = join(consumer, example.replace('/', '-'))
      copyFileSync(join(ROOT, 'examples', 'consumers', example), file)
      const flags = example.startsWith('csp/') ? ['--disallow-code-generation-from-strings'] : []
      const result = run(process.execPath, [...flags, file, ...files], consumer)
      expect(result.stderr, example).toBe('')
      expect(result.status, example).toBe(1)
      return result.stdout
    })
    expect(outputs[1]).toBe(outputs[0])
    expect(outputs[2]).toBe(outputs[0])
    const lines = outputs[0]!.trim().split('\n')
    const checked = checkReport(seed)
    expect(lines).toContain(`${seedFile}\t${checked.errors} errors, ${checked.warnings} warnings`)
    const invalid = validateReport(bad)
    expect(invalid.valid).toBe(false)
    if (!invalid.valid) expect(lines).toEqual(expect.arrayContaining(invalid.errors.map((error) => `bad.json\t${error.pointer}\t${error.message.zh}`)))
    expect(lines.filter((line) => line.startsWith('broken.json\t不是 JSON 文件'))).toHaveLength(1)
  })

  it('type-checks examples/consumers/typescript (ESM and CommonJS) under module NodeNext and node16, and catches a type error', () => {
    const consumer = join(work, 'consumer')
    for (const file of ['esm.mts', 'cjs.cts']) copyFileSync(join(ROOT, 'examples', 'consumers', 'typescript', file), join(consumer, file))
    writeFileSync(join(consumer, 'wrong.mts'), `import type { Report2021 } from 'zfxxgk-report'\nexport const n: string = (null as unknown as Report2021).applications.newlyReceived.total\n`)
    const tsc = require.resolve('typescript/bin/tsc')
    const flags = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'false']
    const good = run(process.execPath, [tsc, ...flags, 'esm.mts', 'cjs.cts'], consumer)
    expect(good.stdout + good.stderr).toBe('')
    // node16 has no require() of ES modules: the model's CommonJS types refer to TypeBox (ESM-only) as type-only
    // imports resolved as ES modules, or this fails with TS1479.
    const node16 = run(process.execPath, [tsc, ...flags.map((flag) => (flag === 'nodenext' ? 'node16' : flag)), 'esm.mts', 'cjs.cts'], consumer)
    expect(node16.stdout + node16.stderr).toBe('')
    const wrong = run(process.execPath, [tsc, ...flags, 'wrong.mts'], consumer)
    expect(wrong.stdout).toContain("Type 'number' is not assignable to type 'string'")
  })

  it('parses a PDF the same way from ESM, from CommonJS and with the installed command (pdf.js and its CMaps found)', () => {
    const pdf = join(ROOT, 'tests', 'pdf', 'printed', '00-2021-a4-zenhei.pdf')
    const expected = JSON.parse(readFileSync(join(ROOT, 'tests', 'pdf', 'printed', '00-2021-a4-zenhei.json'), 'utf8'))
    const body = `const r = await m.parseReport(new Uint8Array(fs.readFileSync(${JSON.stringify(pdf)})));
      console.log(JSON.stringify({ report: r.report, problems: r.diagnostics.filter((d) => d.level !== 'info') }))`
    const esm = run(process.execPath, ['--input-type=module', '-e', `import fs from 'node:fs'; import * as m from 'zfxxgk-report/parse'; ${body}`], join(work, 'consumer'))
    const cjs = run(process.execPath, ['--input-type=commonjs', '-e', `const fs = require('node:fs'); const m = require('zfxxgk-report/parse'); (async () => { ${body} })()`], join(work, 'consumer'))
    expect(JSON.parse(esm.stdout)).toEqual({ report: expected, problems: [] })
    expect(JSON.parse(cjs.stdout)).toEqual({ report: expected, problems: [] })
    const bin = join(work, 'consumer', 'node_modules', '.bin', 'zfxxgk-report')
    const parsed = run(bin, ['parse', pdf], work)
    expect(parsed.stderr).toBe('')
    expect(JSON.parse(parsed.stdout)).toEqual(expected)
  })

  it('a 主管部门’s folder of 300 files through the installed command: parse → check → export → aggregate, every count, exit code and spreadsheet cell as the library gives them', async () => {
    const bin = join(work, 'consumer', 'node_modules', '.bin', 'zfxxgk-report')
    const folder = join(work, '年报')
    const batch = await makeBatch(300, 2026, 30)
    for (const file of batch) {
      mkdirSync(join(folder, file.name.includes('2019') ? '2019格式' : '2021格式'), { recursive: true })
      writeFileSync(join(folder, file.name.includes('2019') ? '2019格式' : '2021格式', file.name), file.bytes)
    }
    const published = batch.filter((file) => !/\.(json|ndjson)$/.test(file.name))
    const expected = new Map<string, Awaited<ReturnType<typeof parseReport>>>()
    for (const file of published) expected.set(file.name, await parseReport(file.bytes))

    // 1. parse: one JSON file per published report read (named after it; the names are distinct); exit 2 or 1.
    const parsed = run(bin, ['parse', '年报', '--out', 'json', '--quiet'], work)
    const written = readdirSync(join(work, 'json'), { recursive: true }).map(String).filter((name) => name.endsWith('.json'))
    const read = [...expected].filter(([, result]) => result.report !== undefined)
    expect(written.length).toBe(read.length)
    expect(parsed.status).toBe([...expected.values()].some((r) => r.report === undefined || r.hasErrors) ? 2 : 1)
    for (const [name, result] of read) expect(JSON.parse(readFileSync(join(work, 'json', name.replace(/\.[^.]+$/, '.json')), 'utf8')), name).toEqual(result.report)

    // 2. check the parsed reports and the canonical ones: the summary counts every file with a problem.
    const canonical = batch.filter((file) => /\.(json|ndjson)$/.test(file.name)).flatMap((file) => {
      const text = new TextDecoder().decode(file.bytes)
      return file.name.endsWith('.json') ? [JSON.parse(text) as unknown] : text.trim().split('\n').map((line) => JSON.parse(line) as unknown)
    })
    const all = [...read.map(([, r]) => r.report as unknown), ...canonical]
    const counts = { invalid: 0, errors: 0, warnings: 0 }
    for (const report of all) {
      const checked = checkReport(report)
      if (!validateReport(report).valid) counts.invalid++
      else if (checked.errors > 0) counts.errors++
      else if (checked.findings.length > 0) counts.warnings++
    }
    expect(counts.invalid * counts.errors).toBeGreaterThan(0)
    const checked = run(bin, ['check', 'json', ...batch.filter((f) => /\.(json|ndjson)$/.test(f.name)).map((f) => join('年报', f.name.includes('2019') ? '2019格式' : '2021格式', f.name)), '--no-series', '--lang', 'en'], work)
    expect(checked.status).toBe(1)
    expect(checked.stderr).toContain(`${all.length} files: ${counts.invalid + counts.errors + counts.warnings} with problems (0 unreadable, ${counts.invalid} invalid, ${counts.errors} with rule errors, ${counts.warnings} with warnings only)`)

    // 3. export: the workbook holds every report, each cell the report's number.
    const exported = run(bin, ['export', 'json', '-o', '年报.xlsx', '--quiet'], work)
    expect(exported.status, exported.stderr).toBe(0)
    const back = await fromWorkbook(new Uint8Array(readFileSync(join(work, '年报.xlsx'))))
    expect(back.problems).toEqual([])
    expect(back.reports.length).toBe(read.length)
    const byFile = new Map(read.map(([name, result]) => [name.replace(/\.[^.]+$/, '.json'), result.report]))
    for (const row of back.reports) {
      const original = byFile.get(row.name.split('/').pop()!)
      expect(original, row.name).toBeDefined()
      for (const column of sheetColumns(row.report.template as '2021' | '2019').filter((c) => c.kind !== 'text')) {
        expect(valueAt(row.report, splitPointer(column.pointer)), `${row.name} ${column.pointer}`).toEqual(valueAt(original, splitPointer(column.pointer)))
      }
    }

    // 4. aggregate the 2021 reports, skipping the invalid ones: the library's summary, the others listed.
    const reports2021 = read.filter(([name]) => name.includes('2021')).map(([name, r]) => ({ name, report: r.report }))
    const valid2021 = reports2021.filter((r) => validateReport(r.report).valid)
    const summed = run(bin, ['aggregate', 'json', '--glob', '*-2021.json', '--skip-invalid', '--json', '--lang', 'en'], work)
    expect(summed.status).toBe(1)
    const payload = JSON.parse(summed.stdout) as { report: unknown; leftOut: unknown[]; included: unknown[] }
    expect(payload.included).toHaveLength(valid2021.length)
    expect(payload.leftOut).toHaveLength(reports2021.length - valid2021.length)
    expect(payload.report).toEqual((aggregateReports(valid2021.map((r) => r.report) as never) as { report: unknown }).report)
  })

  it('installs the zfxxgk-report command, which parses the seed text to the canonical example', () => {
    const bin = join(work, 'consumer', 'node_modules', '.bin', 'zfxxgk-report')
    expect(run(bin, ['--version'], work).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version)
    const parsed = run(bin, ['parse', join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.txt')], work)
    expect(parsed.status).toBe(0)
    expect(parsed.stdout).toBe(readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json'), 'utf8'))
  })

  it('ships the clerk’s page; `zfxxgk-report page` says where it is and copies it to a new folder, never over one in use', () => {
    const files = ok(run('tar', ['-tzf', tarball], work)).split('\n')
    for (const name of ['index.html', 'page.css', 'page.js', 'worker.js', 'reader-word.js', 'reader-pdf.js', 'pdf/cmaps/UniGB-UCS2-H.bcmap']) expect(files).toContain(`package/dist/page/${name}`)
    const bin = join(work, 'consumer', 'node_modules', '.bin', 'zfxxgk-report')
    const where = run(bin, ['page', '--lang', 'zh'], work)
    expect(where.status).toBe(0)
    expect(where.stdout.trim()).toBe(join(installed, 'dist', 'page', 'index.html'))
    expect(where.stderr).toContain('在浏览器中打开')
    const copied = run(bin, ['page', '--out', 'usb/年报检查'], work)
    expect(copied.status, copied.stderr).toBe(0)
    expect(readFileSync(join(work, 'usb', '年报检查', 'page.js'))).toEqual(readFileSync(join(installed, 'dist', 'page', 'page.js')))
    const again = run(bin, ['page', '--out', 'usb/年报检查', '--lang', 'en'], work)
    expect(again.status).toBe(2)
    expect(again.stderr).toContain('exists and is not empty; not overwritten')
    expect(readdirSync(join(work, 'usb'))).toEqual(['年报检查'])
  })

  it('the standalone validator works with code generation from strings disabled (strict CSP), as ESM and CJS', () => {
    const seed = join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json')
    const body = `const r = JSON.parse(fs.readFileSync(${JSON.stringify(seed)}, 'utf8'));
      const bad = structuredClone(r); bad.applications.newlyReceived.total = -1;
      const e = m.validateReport(bad).errors[0];
      console.log(JSON.stringify([m.validateReport(r).valid, e.pointer, e.keyword, e.message.zh]))`
    const strict = ['--disallow-code-generation-from-strings']
    const esm = run(process.execPath, [...strict, '--input-type=module', '-e', `import fs from 'node:fs'; import * as m from 'zfxxgk-report/standalone'; ${body}`], join(work, 'consumer'))
    const cjs = run(process.execPath, [...strict, '--input-type=commonjs', '-e', `const fs = require('node:fs'); const m = require('zfxxgk-report/standalone'); ${body}`], join(work, 'consumer'))
    const expected = JSON.stringify([true, '/applications/newlyReceived/total', 'minimum', '三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量 › 总计（/applications/newlyReceived/total）：应当为 >= 0'])
    expect(esm.stderr).toBe('')
    expect(esm.stdout.trim()).toBe(expected)
    expect(cjs.stdout.trim()).toBe(expected)
    // The ordinary entry tells a valid report by its fast path (no AJV), but compiles AJV with new Function for the
    // errors of an invalid one, which the flag forbids: the check above can fail …
    const ordinary = run(process.execPath, [...strict, '--input-type=module', '-e', `import fs from 'node:fs'; import * as m from 'zfxxgk-report'; ${body}`], join(work, 'consumer'))
    const [valid, pointer, keyword, message] = JSON.parse(ordinary.stdout.trim()) as [boolean, string, string, string]
    expect([valid, pointer, keyword]).toEqual([true, '', 'environment'])
    // … and says so in one message naming the entry to use, with no generated code dumped on stderr.
    expect(message).toContain('zfxxgk-report/standalone')
    expect(ordinary.stderr).toBe('')
  })

  it('installs lean with --omit=optional (no Word, PDF or workbook reader): schema, validator, checker, HTML and text parsing work; a Word or PDF file says what to install', async () => {
    const lean = join(work, 'lean')
    ok(run('mkdir', ['-p', lean], work))
    writeFileSync(join(lean, 'package.json'), JSON.stringify({ name: 'lean', private: true, type: 'module' }))
    ok(run(npm, ['install', '--silent', '--prefer-offline', '--no-package-lock', '--omit=optional', tarball], lean))
    for (const optional of ['mammoth', 'pdfjs-dist', 'read-excel-file']) expect(existsSync(join(lean, 'node_modules', optional)), optional).toBe(false)
    const seed = join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json')
    const seedText = join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.txt')
    const pdf = join(ROOT, 'tests', 'pdf', 'printed', '00-2021-a4-zenhei.pdf')
    const word = join(lean, 'seed.docx')
    writeFileSync(word, await htmlToDocx(renderHtml(JSON.parse(readFileSync(seed, 'utf8')))))
    const script = `import fs from 'node:fs'
import { validateReport, checkReport } from 'zfxxgk-report'
import { parseReport, parsePdf, parseDocx } from 'zfxxgk-report/parse'
import { fromWorkbook } from 'zfxxgk-report/sheet'
const r = JSON.parse(fs.readFileSync(${JSON.stringify(seed)}, 'utf8'))
const text = parseReport(fs.readFileSync(${JSON.stringify(seedText)}, 'utf8'))
const pdf = await parsePdf(new Uint8Array(fs.readFileSync(${JSON.stringify(pdf)})))
const docx = await parseDocx(new Uint8Array(fs.readFileSync(${JSON.stringify(word)})))
const sheet = await fromWorkbook(new Uint8Array(8)).catch((e) => e.code + ' ' + e.library)
console.log(JSON.stringify([validateReport(r).valid, checkReport(r).errors, text.missing.length, pdf.diagnostics.map((d) => [d.code, d.message.en]), docx.diagnostics.map((d) => d.code), sheet]))`
    writeFileSync(join(lean, 'use.mjs'), script)
    const result = run(process.execPath, ['use.mjs'], lean)
    expect(result.stderr).toBe('')
    const [valid, errors, missing, pdfDiagnostics, docxCodes, sheet] = JSON.parse(result.stdout) as [boolean, number, number, [string, string][], string[], string]
    expect([valid, errors, missing]).toEqual([true, 0, 0])
    expect(pdfDiagnostics).toEqual([['reader-not-installed', 'Reading a PDF needs the optional dependency pdfjs-dist, which is not installed (installed with --omit=optional?): run npm i pdfjs-dist']])
    expect(docxCodes).toEqual(['reader-not-installed'])
    expect(sheet).toBe('ZFXXGK_LIBRARY_MISSING read-excel-file')
    // The command line too, in Chinese: the file is unreadable (exit 2), and the message says what to install.
    const cli = run(process.execPath, [join(lean, 'node_modules', '.bin', 'zfxxgk-report'), 'parse', word, '--lang', 'zh'], lean)
    expect(cli.status).toBe(2)
    expect(cli.stderr).toContain('读取 Word（.docx）文件需要可选依赖 mammoth，但未安装（安装时用了 --omit=optional？）：请运行 npm i mammoth')
  })

  it('publint finds no problem', () => {
    const result = run(process.execPath, [join(ROOT, 'node_modules', 'publint', 'src', 'cli.js'), '--strict', '--pack', 'npm'], ROOT)
    expect(result.stdout + result.stderr).toContain('All good!')
    expect(result.status).toBe(0)
  })

  it('@arethetypeswrong/cli finds no problem for Node 16+ resolution', () => {
    const cli = join(ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js')
    const result = run(process.execPath, [cli, tarball, '--profile', 'node16', '--format', 'json'], ROOT)
    type Problem = { resolutionKind?: string }
    const report = JSON.parse(result.stdout) as { problems?: Problem[]; analysis?: { problems?: Problem[] } }
    // node10 resolution predates `exports` and the package requires Node 20: the node16 profile ignores it.
    const problems = (report.analysis?.problems ?? report.problems ?? []).filter((p) => p.resolutionKind !== 'node10')
    expect(problems).toEqual([])
    expect(result.status).toBe(0)
  })
})

/**
 * The consumer matrix: TypeScript 5.9, 6.0 (the repository's) and 7.0 (the native compiler) × module resolution
 * nodenext, node16 and bundler × an ES module and a CommonJS consumer, each importing every exports entry and using
 * a typed symbol of each. `bundler` takes ES modules only (TypeScript refuses it with `module: commonjs`).
 */
const TYPESCRIPTS = ['5.9.3', '6.0.3', '7.0.2'] as const
const RESOLUTIONS = [
  { name: 'nodenext', flags: ['--module', 'nodenext', '--moduleResolution', 'nodenext'], cjs: true },
  { name: 'node16', flags: ['--module', 'node16', '--moduleResolution', 'node16'], cjs: true },
  { name: 'bundler', flags: ['--module', 'esnext', '--moduleResolution', 'bundler'], cjs: false },
] as const
/** Every entry, a value from it and a type it exports, used so that a wrong declaration fails the check. */
const ENTRY_USES = `
import { validateReport, schemaId, type Report2021 } from 'zfxxgk-report'
import * as model from 'zfxxgk-report/model'
import { parseReport, type ParseResult } from 'zfxxgk-report/parse'
import { toCsv, type SheetEntry } from 'zfxxgk-report/sheet'
import { validateReport as strictValidate } from 'zfxxgk-report/standalone'
import { isReport, checkReport, reportStandardSchema } from 'zfxxgk-report/browser'
import { formSchema, formUiSchema, FORM_DEFAULT_BEHAVIOR, type FormUiSchema } from 'zfxxgk-report/form'
const r = undefined as unknown as Report2021
const total: number = r.applications.newlyReceived.total
const valid: boolean = validateReport({}).valid && strictValidate({}).valid && isReport({})
const id: string = schemaId('report2021')
const template: '2021' = model.Report2021.properties.template.const
const parsed: ParseResult = parseReport('')
const entries: SheetEntry[] = []
const csv: string | undefined = toCsv(entries)
const errors: number = checkReport(r).errors
const vendor: string = reportStandardSchema['~standard'].vendor
const form: [Record<string, unknown>, FormUiSchema, 'skip'] = [formSchema('2019'), formUiSchema('2021'), FORM_DEFAULT_BEHAVIOR.requiredBooleanDefault]
export { total, valid, id, template, parsed, csv, errors, vendor, form }
`

describe('consumer matrix (TypeScript × module resolution × ESM/CommonJS)', { timeout: 600_000 }, () => {
  const compilers = new Map<string, string>()
  beforeAll(() => {
    for (const version of TYPESCRIPTS) {
      if (version === '6.0.3') {
        compilers.set(version, require.resolve('typescript/bin/tsc'))
        continue
      }
      const dir = join(work, `typescript-${version}`)
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }))
      ok(run(npm, ['install', '--silent', '--prefer-offline', '--no-package-lock', `typescript@${version}`], dir))
      compilers.set(version, join(dir, 'node_modules', 'typescript', 'bin', 'tsc'))
    }
  }, 600_000)

  for (const version of TYPESCRIPTS) {
    for (const resolution of RESOLUTIONS) {
      for (const kind of resolution.cjs ? (['esm', 'cjs'] as const) : (['esm'] as const)) {
        it(`TypeScript ${version}, ${resolution.name}, ${kind === 'esm' ? 'ES module' : 'CommonJS'}: every entry type-checks`, () => {
          const consumer = join(work, 'consumer')
          const file = `matrix-${resolution.name}.${kind === 'esm' ? 'mts' : 'cts'}`
          writeFileSync(join(consumer, file), ENTRY_USES)
          const tsc = compilers.get(version)!
          const check = run(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--skipLibCheck', 'false', ...resolution.flags, file], consumer)
          expect(check.stdout + check.stderr).toBe('')
          expect(check.status).toBe(0)
        })
      }
    }
  }
})

/**
 * Bun and Deno, from their npm packages (the platform binaries @oven/bun-linux-x64 and @deno/linux-x64-glibc, which
 * need no install script), run one script in the consumer project: every exports entry imported (and required,
 * under Bun), then validation, the checker, the browser and standalone entries, text and PDF parsing, the form
 * schema and the spreadsheet rows. Each runtime must print exactly what Node prints.
 */
const RUNTIMES = { bun: { package: '@oven/bun-linux-x64', version: '1.4.5', bin: 'bin/bun' }, deno: { package: '@deno/linux-x64-glibc', version: '2.9.6', bin: 'deno' } } as const

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('Bun and Deno import every entry and give Node’s results', { timeout: 600_000 }, () => {
  const binaries = new Map<string, string>()
  let script = ''
  beforeAll(() => {
    const dir = join(work, 'runtimes')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }))
    const packages = Object.values(RUNTIMES).map((runtime) => `${runtime.package}@${runtime.version}`)
    ok(run(npm, ['install', '--silent', '--prefer-offline', '--no-package-lock', ...packages], dir))
    for (const [name, runtime] of Object.entries(RUNTIMES)) binaries.set(name, join(dir, 'node_modules', runtime.package, runtime.bin))
    const seed = join(ROOT, 'examples', 'seed-2024-weidong-science-bureau')
    const pdf = join(ROOT, 'tests', 'pdf', 'printed', '00-2021-a4-zenhei.pdf')
    script = join(work, 'consumer', 'runtimes.mjs')
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
const specifiers = ${JSON.stringify(specifiers())}
for (const specifier of specifiers) await import(specifier, specifier.endsWith('.json') ? { with: { type: 'json' } } : {})
const required = typeof Bun === 'undefined' ? [] : specifiers.filter((s) => !s.endsWith('.json')).map((s) => typeof createRequire(import.meta.url)(s))
const main = await import('zfxxgk-report')
const parse = await import('zfxxgk-report/parse')
const browser = await import('zfxxgk-report/browser')
const standalone = await import('zfxxgk-report/standalone')
const sheet = await import('zfxxgk-report/sheet')
const form = await import('zfxxgk-report/form')
const seed = JSON.parse(readFileSync(${JSON.stringify(seed + '.json')}, 'utf8'))
const bad = { ...seed, applications: { ...seed.applications, newlyReceived: { ...seed.applications.newlyReceived, total: -1 } } }
const fromText = parse.parseReport(readFileSync(${JSON.stringify(seed + '.txt')}, 'utf8'))
const fromPdf = await parse.parseReport(new Uint8Array(readFileSync(${JSON.stringify(pdf)})))
const checked = main.checkReport(bad)
console.log(JSON.stringify({
  required,
  valid: main.validateReport(seed).valid,
  errors: main.validateReport(bad).errors.map((e) => [e.pointer, e.message.zh]),
  standalone: standalone.validateReport(bad).errors.map((e) => e.pointer),
  isReport: browser.isReport(seed),
  findings: checked.findings.map((f) => [f.ruleId, f.pointers, f.message.zh]),
  browserFindings: browser.checkReport(bad).findings.map((f) => f.ruleId),
  textRoundTrip: JSON.stringify(fromText.report) === JSON.stringify(seed),
  pdfCells: JSON.stringify(fromPdf.report?.applications),
  pdfProblems: fromPdf.diagnostics.filter((d) => d.level !== 'info').length,
  csv: sheet.toCsv([{ name: 'seed.json', report: seed }, { name: 'bad.json', report: bad }]),
  form: [form.formSchema('2021').title, Object.keys(form.formUiSchema('2019')).length],
}))
`,
    )
  }, 600_000)

  const node = () => run(process.execPath, [script], join(work, 'consumer'))

  it('Node’s own output, the reference: every part of it as the library gives it in this process', () => {
    const result = node()
    expect(result.stderr).toBe('')
    const out = JSON.parse(result.stdout) as { valid: boolean; errors: [string, string][]; textRoundTrip: boolean; pdfProblems: number; findings: unknown[] }
    expect(out.valid).toBe(true)
    expect(out.errors[0]![0]).toBe('/applications/newlyReceived/total')
    expect(out.textRoundTrip).toBe(true)
    expect(out.pdfProblems).toBe(0)
    expect(out.findings.length).toBeGreaterThan(0)
  })

  for (const name of Object.keys(RUNTIMES)) {
    it(`${name}: the same output as Node`, () => {
      const args = name === 'deno' ? ['run', '--allow-read', '--allow-env', '--allow-sys', '--quiet', script] : [script]
      const result = spawnSync(binaries.get(name)!, args, {
        cwd: join(work, 'consumer'),
        encoding: 'utf8',
        env: { ...process.env, DENO_DIR: join(work, 'deno-cache'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      })
      // Under Deno, pdf.js says its optional canvas binding (for rendering, which text extraction does not use) does
      // not load, and so neither its Path2D polyfill; nothing else may be said.
      const canvas = /^Warning: (Cannot load "@napi-rs\/canvas" package|Cannot polyfill `Path2D`)/
      const stderr = result.stderr.split('\n').filter((line) => line !== '' && !(name === 'deno' && canvas.test(line)))
      expect(stderr).toEqual([])
      const expected = JSON.parse(node().stdout) as { required: string[] }
      const out = JSON.parse(result.stdout) as { required: string[] }
      if (name === 'bun') expect(out.required.length).toBe(specifiers().filter((s) => !s.endsWith('.json')).length)
      expect({ ...out, required: [] }).toEqual({ ...expected, required: [] })
    })
  }
})

/**
 * The browser entry as applications ship it: bundled from the installed package by esbuild and by Vite (code
 * splitting on: zfxxgk-report/standalone in a chunk of its own, loaded for the invalid report only), served under
 * the strict Content-Security-Policy of the clerk's page (no 'unsafe-eval'), and run in headless Chromium.
 */
describe.runIf(hasChromium() || process.env.CI !== undefined)('the browser entry bundled by esbuild and Vite, run in Chromium under a strict CSP', { timeout: 300_000 }, () => {
  const APP = readFileSync(join(ROOT, 'examples', 'consumers', 'browser', 'app.mjs'), 'utf8')
  const HTML = readFileSync(join(ROOT, 'examples', 'consumers', 'browser', 'index.html'), 'utf8')
  const seedText = readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json'), 'utf8')
  const expected = JSON.stringify([true, 0, false, false, '/meta/agencyName', validateReport({ ...JSON.parse(seedText), meta: { ...JSON.parse(seedText).meta, agencyName: '' } }).valid ? '' : (validateReport({ ...JSON.parse(seedText), meta: { ...JSON.parse(seedText).meta, agencyName: '' } }) as { errors: { message: { zh: string } }[] }).errors[0]!.message.zh])

  async function runInChromium(folder: string): Promise<{ title: string; scripts: string[] }> {
    writeFileSync(join(folder, 'seed.json'), seedText)
    const { serve } = await import('./support/static-server.js')
    const { launch } = await import('./support/print.js')
    const server = await serve(folder)
    const browser = await launch()
    try {
      const page = await browser.newPage()
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(error.message))
      page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()) })
      await page.goto(new URL("index.html", server.url).href)
      await page.waitForFunction(() => (globalThis as unknown as { document: { title: string } }).document.title !== 'loading', undefined, { timeout: 60_000 })
      expect(problems).toEqual([])
      return { title: await page.title(), scripts: server.requests.filter((path) => path.endsWith('.js')) }
    } finally {
      await browser.close()
      await server.close()
    }
  }

  it('esbuild (splitting, ES modules)', async () => {
    const consumer = join(work, 'consumer')
    const folder = join(consumer, 'out-esbuild')
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(consumer, 'app.mjs'), APP)
    const { build } = await import('esbuild')
    await build({ absWorkingDir: consumer, entryPoints: { app: 'app.mjs' }, bundle: true, splitting: true, format: 'esm', platform: 'browser', target: 'es2022', outdir: folder, logLevel: 'silent' })
    writeFileSync(join(folder, 'index.html'), HTML)
    const { title, scripts } = await runInChromium(folder)
    expect(title).toBe(expected)
    // The standalone validators came as a chunk of their own, after the page's own script.
    expect(scripts.length).toBeGreaterThanOrEqual(2)
  })

  it('Vite (production build)', async () => {
    const consumer = join(work, 'consumer')
    const root = join(consumer, 'vite-app')
    mkdirSync(root, { recursive: true })
    writeFileSync(join(root, 'app.js'), APP)
    writeFileSync(join(root, 'index.html'), HTML)
    const { build } = await import('vite')
    await build({ root, logLevel: 'silent', configFile: false, build: { outDir: join(root, 'dist'), target: 'es2022', emptyOutDir: true }, resolve: { preserveSymlinks: false } })
    const { title, scripts } = await runInChromium(join(root, 'dist'))
    expect(title).toBe(expected)
    expect(scripts.length).toBeGreaterThanOrEqual(2)
  })
})
