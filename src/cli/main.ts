/**
 * The zfxxgk-report command line, built on commander. `run(argv, io)` does the work and returns the exit code:
 * 0 clean, 1 findings (invalid reports, rule findings, parse warnings), 2 usage error or unreadable input.
 */
import { existsSync } from 'node:fs'
import { dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command, CommanderError, Option } from 'commander'
import type { Report } from '../../generated/report.js'
import type { ParseOptions, ParseResult } from '../parse/parse.js'
import type { SheetEntry } from '../sheet/workbook.js'
// Each command loads what it needs (modules.ts); the fast path validates a valid report without AJV.
import { checking, parsing, rendering, sheets, templateOf, validate, validating, type Checking } from './modules.js'
import type { Finding, NotChecked } from '../rules/findings.js'
import { JSON_EXTENSIONS, REPORT_EXTENSIONS, copyFolderAtomically, outputFolder, decodeReportText, ensureFolder, expandFolders, InputError, outputNames, readInput, writeAtomically, type Encoding, type Io, type ReadLimits } from './io.js'
import { VERSION } from './version.js'
import { Context, failed, label, langOf, unreadable, UsageError, type Lang } from './context.js'
import { documents, printErrors, validateCommand } from './validate-command.js'

const ANY_REPORT_EXTENSIONS = [...REPORT_EXTENSIONS, ...JSON_EXTENSIONS]

/** Results go to stdout (so that `> 结果.txt` holds them); progress and notes go to stderr. */
function printFindings(ctx: Context, name: string, findings: readonly Finding[], valid = true) {
  if (findings.length === 0) {
    ctx.out(`${name}: ${valid ? label(ctx.lang, '符合格式，勾稽关系无问题', 'valid, no findings') : label(ctx.lang, '勾稽关系无问题', 'no findings')}`)
    return
  }
  const errors = findings.filter((f) => f.severity === 'error').length
  ctx.out(`${name}: ${label(ctx.lang, `${errors} 个错误，${findings.length - errors} 个警告`, `${errors} errors, ${findings.length - errors} warnings`)}`)
  for (const f of findings) {
    const severity = label(ctx.lang, f.severity === 'error' ? '错误' : '警告', f.severity)
    ctx.out(`  ${severity} ${f.ruleId} ${f.pointers[0] ?? ''}\n    ${f.message[ctx.lang]}`)
  }
}

/** The rules that could not run on an incomplete report, and the cells they lack. */
function printNotChecked(ctx: Context, name: string, report: unknown, notChecked: readonly NotChecked[], { labelChain, templateSchemas }: Checking) {
  if (notChecked.length === 0) return
  ctx.out(`${name}: ${label(ctx.lang, `${notChecked.length} 条规则未能检查（缺少单元格）`, `${notChecked.length} rules could not run (cells missing)`)}`)
  const template = templateOf(report) ?? '2021'
  for (const n of notChecked) {
    const cells = n.missing.slice(0, 3).map((pointer) => labelChain(templateSchemas[template], pointer).slice(-2).join(' › '))
    const more = n.missing.length > 3 ? label(ctx.lang, ` 等 ${n.missing.length} 个`, ` and ${n.missing.length - 3} more`) : ''
    ctx.out(`  ${n.ruleId}: ${label(ctx.lang, '缺', 'lacks')} ${cells.join(label(ctx.lang, '、', ', '))}${more}`)
  }
}

// ---- parse ----

interface ParseFlags {
  format: 'auto' | 'text' | 'html' | 'docx' | 'pdf'
  encoding: Encoding
  strict?: boolean
  year?: string
  agency?: string
  template?: '2019' | '2021'
  out?: string
  json?: boolean
  verbose?: boolean
}

async function parseOne(ctx: Context, path: string, flags: ParseFlags): Promise<ParseResult | undefined> {
  const input = await readInput(path, ctx.io, ctx.limits)
  const { parseDocx, parsePdf, parseReport, sniff } = await parsing()
  const options: ParseOptions = { validator: (await validating()).validateReport }
  if (flags.strict === true) options.strict = true
  if (flags.year !== undefined) options.year = Number(flags.year)
  if (flags.agency !== undefined) options.agencyName = flags.agency
  if (flags.template !== undefined) options.template = flags.template
  const extension = extname(path).toLowerCase()
  const kind = sniff(input.bytes)
  if (kind === 'pdf' && (flags.format === 'auto' || flags.format === 'pdf')) return parsePdf(input.bytes, options)
  if (flags.format === 'pdf' || (extension === '.pdf' && kind !== 'pdf')) {
    throw new InputError({ zh: `${input.name} 不是 PDF 文件（文件开头没有 %PDF- 标记）`, en: `${input.name} is not a PDF (it does not start with the %PDF- header)` })
  }
  if (kind === 'doc') {
    throw new InputError({ zh: `${input.name} 是旧版 Word（.doc）文件：请另存为 .docx 或 PDF 后再解析`, en: `${input.name} is an old Word (.doc) file: save it as .docx or PDF, then parse that` })
  }
  const format =
    flags.format === 'auto' ? (extension === '.docx' || kind === 'docx' || kind === 'zip' ? 'docx' : extension === '.html' || extension === '.htm' ? 'html' : undefined) : flags.format
  if (format === 'docx') return parseDocx(input.bytes, options)
  if (format !== undefined) options.format = format
  const { text, encoding } = decodeReportText(input, flags.encoding)
  if (encoding === 'gb18030' && flags.encoding === 'auto') {
    ctx.say({ zh: `${input.name}：不是 UTF-8，已按 GB18030（GBK）编码读取`, en: `${input.name}: not UTF-8; read as GB18030 (GBK)` })
  }
  return parseReport(text, options)
}

async function parseCommand(ctx: Context, given: string[], flags: ParseFlags) {
  if (flags.year !== undefined && !/^\d{4}$/.test(flags.year)) throw new UsageError({ zh: `--year 应为四位年份：${flags.year}`, en: `--year takes a four-digit year: ${flags.year}` })
  // A folder stands for the reports in it: the output is then that of several inputs.
  const inputs = expandFolders(given, ctx.io, undefined, ctx.glob)
  const several = inputs.length > 1 || inputs.length !== given.length || given.some((path, i) => path !== inputs[i])
  // Output names are settled before any work: two inputs never write one file.
  const names = several && flags.out !== undefined && flags.json !== true ? outputNames(inputs, ctx.io) : []
  outputFolder(flags.out, several && flags.json !== true, ctx.io)
  const results: { input: string; result: ParseResult }[] = []
  for (const [index, path] of inputs.entries()) {
    await ctx.breathe()
    ctx.progress(index, inputs.length, path)
    try {
      const result = await parseOne(ctx, path, flags)
      if (result === undefined) continue
      results.push({ input: path, result })
      const shown = result.diagnostics.filter((d) => flags.verbose === true || d.level !== 'info')
      for (const d of shown) ctx.say(`${path}: ${label(ctx.lang, { error: '错误', warning: '警告', info: '说明' }[d.level], d.level)} ${d.message[ctx.lang]}`)
      // Schema errors that no diagnostic explains (a cell missing is said above; an agency name missing is not).
      const unexplained = result.validationErrors.filter((e) => !result.missing.some((pointer) => e.pointer === pointer || e.pointer.startsWith(pointer + '/') || pointer.startsWith(e.pointer + '/')))
      if (result.report !== undefined && !result.valid) {
        ctx.say(
          label(
            ctx.lang,
            `${path}: 读出的报告不符合格式（${result.validationErrors.length} 处）；仍按读出的内容输出，请补全后再校验`,
            `${path}: the report as read does not match the schema (${result.validationErrors.length} errors); it is written as read: complete it, then validate`,
          ),
        )
        for (const error of unexplained) ctx.say(`  ${error.message[ctx.lang]}`)
      }
      if (result.report === undefined || result.hasErrors) ctx.exit(result.report === undefined ? 2 : 1)
      else if (!result.valid || !result.complete || shown.some((d) => d.level === 'warning')) ctx.exit(1)
    } catch (error) {
      ctx.unreadable(error)
    }
  }
  const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n'
  if (flags.json === true) {
    const payload = results.map(({ input, result }) => ({ input, ...result }))
    const text = json(several ? payload : payload[0] ?? null)
    if (flags.out !== undefined) writeAtomically(flags.out, text, ctx.io)
    else ctx.out(text)
    return
  }
  const reports = results.filter(({ result }) => result.report !== undefined)
  if (!several) {
    if (reports[0] === undefined) return
    const text = json(reports[0].result.report)
    if (flags.out !== undefined) writeAtomically(flags.out, text, ctx.io)
    else ctx.out(text)
  } else if (flags.out !== undefined) {
    // One JSON file per input, named after it (see outputNames: clashing names keep their extension or their path).
    ensureFolder(flags.out, ctx.io)
    for (const { input, result } of reports) {
      await ctx.breathe()
      const target = join(flags.out, names[inputs.indexOf(input)]!)
      ensureFolder(dirname(target), ctx.io)
      writeAtomically(target, json(result.report), ctx.io)
    }
  } else {
    for (const { result } of reports) ctx.out(JSON.stringify(result.report))
  }
}

// ---- validate / check ----

interface CheckFlags {
  json?: boolean
  ndjson?: boolean
  series?: boolean
  claims?: boolean
  failOn: 'error' | 'warning'
}

/** The reports to check: JSON and NDJSON as they are; published reports (HTML, Word, PDF, text) read by the parser. */
async function* reportInputs(ctx: Context, inputs: string[], ndjson: boolean): AsyncGenerator<{ name: string; data: unknown; missing?: string[] }> {
  for (const [index, path] of inputs.entries()) {
    if (ndjson || path === '-' || /\.(json|ndjson|jsonl)$/i.test(path)) {
      yield* documents(ctx, [path], ndjson)
      continue
    }
    await ctx.breathe()
    ctx.progress(index, inputs.length, path)
    try {
      const result = await parseOne(ctx, path, { format: 'auto', encoding: 'auto' })
      if (result?.report === undefined) {
        for (const d of result?.diagnostics.filter((d) => d.level === 'error') ?? []) ctx.say(`${path}: ${label(ctx.lang, '错误', 'error')} ${d.message[ctx.lang]}`)
        unreadable.count++
        ctx.exit(2)
        continue
      }
      yield { name: path, data: result.report, missing: result.missing }
    } catch (error) {
      ctx.unreadable(error)
    }
  }
}

/**
 * Validates each report and runs every rule on whatever was read, even an incomplete or schema-invalid report (the
 * rules that could not run are listed, with the cells they lack). Results on stdout; a summary on stderr that counts
 * every file with a problem.
 */
async function checkCommand(ctx: Context, given: string[], flags: CheckFlags) {
  const modules = await checking()
  const { checkReport, checkSeries } = modules
  // --no-claims: the rules alone, without reading the claims of the narrative.
  const claimsOption = flags.claims === false ? { claims: false as const } : {}
  const inputs = expandFolders(given, ctx.io, ANY_REPORT_EXTENSIONS, ctx.glob)
  const valid: { name: string; report: Report }[] = []
  const streaming = flags.ndjson === true || inputs.some((i) => /\.(ndjson|jsonl)$/i.test(i))
  const counts = { reports: 0, invalid: 0, errors: 0, warningsOnly: 0 }
  const unreadableBefore = unreadable.count
  const fails = (findings: readonly Finding[]) => findings.some((f) => flags.failOn === 'warning' || f.severity === 'error')
  for await (const { name, data, missing } of reportInputs(ctx, inputs, flags.ndjson === true)) {
    counts.reports++
    const validation = await validate(data)
    const checked = checkReport(data, claimsOption)
    const { findings, notChecked } = checked
    if (!validation.valid) counts.invalid++
    else if (checked.errors > 0) counts.errors++
    else if (findings.length > 0) counts.warningsOnly++
    if (!validation.valid || fails(findings)) ctx.exit(1)
    if (flags.json === true) {
      ctx.out(JSON.stringify({ input: name, valid: validation.valid, errors: validation.valid ? [] : validation.errors, findings, notChecked, ...(missing === undefined ? {} : { missing }) }))
    } else {
      if (!validation.valid) printErrors(ctx, name, validation.errors)
      printFindings(ctx, name, findings, validation.valid)
      printNotChecked(ctx, name, data, notChecked, modules)
    }
    if (validation.valid && !streaming) valid.push({ name, report: validation.report })
  }
  if (flags.series !== false) {
    // One series per agency: reports of several agencies in one batch are never compared with each other.
    const groups = new Map<string, { name: string; report: Report }[]>()
    for (const entry of valid) {
      const key = entry.report.meta.creditCode ?? entry.report.meta.agencyName
      groups.set(key, [...(groups.get(key) ?? []), entry])
    }
    for (const [agency, members] of groups) {
      if (members.length < 2) continue
      const { findings } = checkSeries(members.map((m) => m.report), claimsOption)
      if (fails(findings)) ctx.exit(1)
      if (flags.json === true) ctx.out(JSON.stringify({ series: members.map((m) => m.name), agency, findings }))
      else {
        const located = findings.map((f) => {
          const where = f.reportIndex === undefined ? undefined : members[f.reportIndex]!.name
          return { ...f, message: { zh: `${where === undefined ? '' : where + '：'}${f.message.zh}`, en: `${where === undefined ? '' : where + ': '}${f.message.en}` } }
        })
        printFindings(ctx, label(ctx.lang, `系列：${agency}（${members.length} 份报告）`, `series: ${agency} (${members.length} reports)`), located)
      }
    }
  }
  const unreadableFiles = unreadable.count - unreadableBefore
  if ((counts.reports + unreadableFiles > 1) && !ctx.quiet) {
    const problems = counts.invalid + counts.errors + counts.warningsOnly + unreadableFiles
    ctx.say(
      label(
        ctx.lang,
        `共 ${counts.reports + unreadableFiles} 份：${problems} 份有问题（${unreadableFiles} 份无法读取，${counts.invalid} 份不符合格式，${counts.errors} 份勾稽关系有错误，${counts.warningsOnly} 份只有提示）`,
        `${counts.reports + unreadableFiles} files: ${problems} with problems (${unreadableFiles} unreadable, ${counts.invalid} invalid, ${counts.errors} with rule errors, ${counts.warningsOnly} with warnings only)`,
      ),
    )
  }
}

// ---- render / aggregate ----

/**
 * Renders each input. An incomplete report (what `parse` wrote for a report it could not read whole) is rendered as
 * read, its missing cells printed 缺, with a note and exit 1; only what is not a report at all (no template or meta)
 * is refused. One input goes to stdout or `--out FILE`; several need `--out DIR`, one file each.
 */
async function renderCommand(ctx: Context, given: string[], flags: { to: 'html' | 'md' | 'text'; out?: string; findings?: boolean }) {
  if (flags.findings === true && flags.to !== 'html') {
    ctx.say({ zh: '错误：--findings 只用于 --to html', en: 'error: --findings works with --to html only' })
    return ctx.exit(2)
  }
  const inputs = expandFolders(given, ctx.io, JSON_EXTENSIONS, ctx.glob)
  outputFolder(flags.out, inputs.length > 1 || inputs[0] !== given[0], ctx.io)
  const extension = { html: '.html', md: '.md', text: '.txt' }[flags.to]
  const { renderHtml, renderMarkdown, renderText } = await rendering()
  const { checkReport } = await checking()
  const rendered: { input: string; text: string }[] = []
  for await (const { name, data } of documents(ctx, inputs, false)) {
    if (templateOf(data) === undefined || typeof (data as { meta?: unknown }).meta !== 'object' || (data as { meta?: unknown }).meta === null) {
      ctx.say({ zh: `${name}：不是报告（缺少 template 或 meta），未生成`, en: `${name}: not a report (no template or meta); not rendered` })
      ctx.exit(2)
      continue
    }
    const report = data as Report
    const validation = await validate(report)
    if (!validation.valid) {
      ctx.say(label(ctx.lang, `${name}：不符合格式（${validation.errors.length} 处），按读出的内容生成，未读出的单元格印作“缺”`, `${name}: not schema-valid (${validation.errors.length} errors); rendered as read, cells not read printed 缺`))
      ctx.exit(1)
    }
    const text =
      flags.to === 'html'
        ? renderHtml(report, { lang: ctx.lang, ...(flags.findings === true ? { findings: checkReport(report).findings } : {}) })
        : { md: renderMarkdown, text: renderText }[flags.to](report)
    rendered.push({ input: name, text })
  }
  if (rendered.length === 0) return
  const several = inputs.length > 1 || inputs[0] !== given[0] || rendered.length > 1
  if (!several) {
    if (flags.out !== undefined) writeAtomically(flags.out, rendered[0]!.text, ctx.io)
    else ctx.out(rendered[0]!.text)
    return
  }
  if (flags.out === undefined) throw new UsageError({ zh: '生成多份报告需要 --out 目录', en: 'rendering several reports needs --out <folder>' })
  // One file per input, named after it; an NDJSON line after its file and line number.
  const names = outputNames(rendered.map((r) => r.input.replace(/:(\d+)$/, '-$1')), ctx.io, extension)
  ensureFolder(flags.out, ctx.io)
  for (const [i, { text }] of rendered.entries()) {
    const target = join(flags.out, names[i]!)
    ensureFolder(dirname(target), ctx.io)
    writeAtomically(target, text, ctx.io)
  }
  if (!ctx.quiet) ctx.say(label(ctx.lang, `已生成 ${rendered.length} 份，写入 ${flags.out}`, `rendered ${rendered.length} reports into ${flags.out}`))
}

/**
 * The 汇总. Every input must be a schema-valid report, or with --skip-invalid the others are left out and listed with
 * their first reason. A report whose own totals are wrong is summed as printed, but said (exit 1): a 汇总 of wrong
 * totals is wrong too, and the clerk must know which reports to send back.
 */
async function aggregateCommand(ctx: Context, given: string[], flags: { agency?: string; allowMixedYears?: boolean; out?: string; json?: boolean; skipInvalid?: boolean }) {
  const inputs = expandFolders(given, ctx.io, JSON_EXTENSIONS, ctx.glob)
  outputFolder(flags.out, false, ctx.io)
  const reports: { input: string; report: Report }[] = []
  const left: { input: string; why: string }[] = []
  const { aggregateReports, checkReport } = await checking()
  for await (const { name, data } of documents(ctx, inputs, false)) {
    const validation = await validate(data)
    if (validation.valid) reports.push({ input: name, report: validation.report })
    else left.push({ input: name, why: validation.errors[0]!.message[ctx.lang] + (validation.errors.length > 1 ? label(ctx.lang, `（等 ${validation.errors.length} 处）`, ` (and ${validation.errors.length - 1} more)`) : '') })
  }
  if (left.length > 0 && flags.skipInvalid !== true) {
    for (const { input, why } of left) ctx.say(`${input}: ${label(ctx.lang, '不符合格式', 'invalid')}: ${why}`)
    ctx.say(label(ctx.lang, '有报告无法读取或不符合格式，未汇总（--skip-invalid 可跳过它们，只汇总符合格式的报告）', 'some reports are unreadable or invalid; nothing aggregated (--skip-invalid sums the valid ones and lists the rest)'))
    return ctx.exit(1)
  }
  if (ctx.code !== 0 && flags.skipInvalid !== true) {
    ctx.say(label(ctx.lang, '有报告无法读取，未汇总', 'some reports are unreadable; nothing aggregated'))
    return
  }
  for (const { input, why } of left) ctx.say(`${input}: ${label(ctx.lang, '未计入汇总（不符合格式）', 'left out (invalid)')}: ${why}`)
  if (left.length > 0) ctx.exit(1)
  if (reports.length === 0) throw new UsageError({ zh: '没有符合格式的报告可汇总', en: 'no valid report to aggregate' })
  // Reports whose own arithmetic is wrong: summed as printed, and said.
  for (const { input, report } of reports) {
    const errors = checkReport(report).findings.filter((f) => f.severity === 'error')
    if (errors.length === 0) continue
    ctx.say(label(ctx.lang, `${input}：本身的合计有误（${errors.length} 处，如 ${errors[0]!.ruleId}），按印出的数字计入汇总`, `${input}: its own totals are wrong (${errors.length}, e.g. ${errors[0]!.ruleId}); summed as printed`))
    ctx.exit(1)
  }
  const result = aggregateReports(reports.map((r) => r.report), { ...(flags.agency === undefined ? {} : { agencyName: flags.agency }), allowMixedYears: flags.allowMixedYears === true })
  if (!result.ok) {
    ctx.say(result.error[ctx.lang])
    ctx.exit(1)
    return
  }
  ctx.say(label(ctx.lang, `已汇总 ${result.included.length} 份报告${left.length > 0 ? `，未计入 ${left.length} 份` : ''}`, `aggregated ${result.included.length} reports${left.length > 0 ? `; ${left.length} left out` : ''}`))
  const payload = { report: result.report, included: result.included.map((r) => ({ ...r, input: reports[r.index]!.input })), leftOut: left }
  const text = JSON.stringify(flags.json === true ? payload : result.report, null, 2) + '\n'
  if (flags.out !== undefined) writeAtomically(flags.out, text, ctx.io)
  else ctx.out(text)
}

// ---- export ----

async function exportCommand(ctx: Context, given: string[], flags: { to: 'xlsx' | 'csv'; out?: string }) {
  if (flags.to === 'xlsx' && flags.out === undefined) throw new UsageError({ zh: '导出 .xlsx 需要 --out 文件名', en: 'exporting .xlsx needs --out <file>' })
  const inputs = expandFolders(given, ctx.io, ANY_REPORT_EXTENSIONS, ctx.glob)
  outputFolder(flags.out, false, ctx.io)
  const entries: SheetEntry[] = []
  for await (const { name, data, missing } of reportInputs(ctx, inputs, false)) {
    if (templateOf(data) === undefined) {
      ctx.say({ zh: `${name}：不是报告（缺少 template），未导出`, en: `${name}: not a report (no template); not exported` })
      ctx.exit(1)
    } else entries.push({ name, report: data as Report, ...(missing === undefined ? {} : { missing }) })
  }
  if (entries.length === 0) throw new UsageError({ zh: '没有可导出的报告', en: 'no report to export' })
  const { toCsv, toWorkbook } = await sheets()
  if (flags.to === 'csv') {
    const csv = toCsv(entries)
    if (csv === undefined) throw new UsageError({ zh: 'CSV 只能容纳一种格式的报告：2019 年格式和 2021 年格式请分别导出（或导出 .xlsx，每种格式一张表）', en: 'a CSV holds reports of one template: export the 2019 and 2021 reports separately (or export .xlsx, a sheet per template)' })
    if (flags.out !== undefined) writeAtomically(flags.out, csv, ctx.io)
    else ctx.out(csv)
  } else writeAtomically(flags.out!, await toWorkbook(entries), ctx.io)
  if (!ctx.quiet) ctx.say(label(ctx.lang, `已导出 ${entries.length} 份报告`, `exported ${entries.length} reports`))
}

// ---- page ----

/** The built page (dist/page) beside the CLI: dist/cli.js → dist/page; from the sources, the repository's dist/page. */
function pageFolder(): string | undefined {
  for (const candidate of ['./page/', '../../dist/page/']) {
    const folder = fileURLToPath(new URL(candidate, import.meta.url))
    if (existsSync(join(folder, 'index.html'))) return folder
  }
  return undefined
}

function pageCommand(ctx: Context, flags: { out?: string }) {
  const folder = pageFolder()
  if (folder === undefined) {
    throw new InputError({ zh: '找不到网页文件 dist/page；在源码仓库中请先运行 npm run build', en: 'the page (dist/page) is not there; in the source repository, run npm run build first' })
  }
  if (flags.out === undefined) {
    ctx.out(join(folder, 'index.html'))
    ctx.say(label(ctx.lang, '在浏览器中打开这个文件即可使用（离线，不上传任何内容）；用 --out 目录 复制到别处（例如 U 盘）', 'open this file in a browser (offline; nothing is uploaded); --out <folder> copies the page elsewhere (a USB stick, a static host)'))
    return
  }
  copyFolderAtomically(folder, flags.out, ctx.io)
  ctx.out(join(resolve(ctx.io.cwd, flags.out), 'index.html'))
  ctx.say(label(ctx.lang, `网页已复制到 ${flags.out}：在浏览器中打开其中的 index.html`, `the page is copied to ${flags.out}: open its index.html in a browser`))
}

// ---- the program ----

/** Commander's own words (help titles, usage errors) in Chinese. */
const HELP_TITLES: Record<string, string> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：' }
const USAGE_ERRORS: [RegExp, string][] = [
  [/^error: unknown option '([^']*)'/, "错误：未知选项 '$1'"],
  [/^error: unknown command '([^']*)'/, "错误：未知命令 '$1'"],
  [/^error: missing required argument '([^']*)'/, "错误：缺少参数 '$1'"],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, '错误：参数过多（应为 $2 个，实际 $3 个）'],
  [/^error: option '([^']*)' argument missing/, "错误：选项 '$1' 缺少值"],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are ([^.]*)\./, "错误：选项 '$1' 的值 '$2' 无效，可选：$3。"],
]
/** Commander's suggestion "(Did you mean check?)", found without a regular expression (it would be quadratic). */
function zhSuggestion(text: string): string {
  const start = text.indexOf('(Did you mean ')
  const end = start < 0 ? -1 : text.indexOf('?)', start)
  return end < 0 ? text : `${text.slice(0, start)}（是否想用 ${text.slice(start + '(Did you mean '.length, end)}？）${text.slice(end + 2)}`
}
const zhError = (text: string) => zhSuggestion(USAGE_ERRORS.reduce((out, [pattern, zh]) => out.replace(pattern, zh), text))

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const lang = langOf(argv)
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en)
  let ctx = new Context(io, lang, false)
  const program = new Command()
    .name('zfxxgk-report')
    .description(t('政府信息公开工作年度报告：解析、校验、检查勾稽关系、生成、导出电子表格、汇总', '政府信息公开工作年度报告: parse, validate, check, render, export to a spreadsheet and aggregate'))
    .version(VERSION, '-V, --version', t('显示版本号', 'output the version number'))
    .helpOption('-h, --help', t('显示帮助', 'display help for command'))
    .helpCommand('help [command]', t('显示某个命令的帮助', 'display help for command'))
    .addOption(new Option('--lang <lang>', t('提示语言（默认按系统语言）', 'language of messages (default: from the locale)')).choices(['zh', 'en']).default(lang))
    .option('-q, --quiet', t('标准错误中不显示进度和汇总行', 'no progress or summary lines on stderr'))
    .option('--glob <pattern>', t('读取目录时只读路径匹配的文件，例如 "**/*2024*"', 'with folders: only the files whose path inside the folder matches, e.g. "**/*2024*"'))
    .option('--timeout <seconds>', t('读取单个输入的最长秒数（FIFO、无尽的标准输入）', 'stop reading an input that takes longer than this (a FIFO, an endless stdin)'))
    .exitOverride()
    .configureHelp({
      styleTitle: (title: string) => (lang === 'zh' ? (HELP_TITLES[title] ?? title) : title),
      // Choices and defaults in Chinese too (commander prints "(choices: …, default: …)").
      ...(lang === 'zh'
        ? {
            optionDescription: (option: Option) => {
              const extra = [
                ...(option.argChoices === undefined ? [] : [`可选：${option.argChoices.join('、')}`]),
                ...(option.defaultValue === undefined || option.defaultValue === false ? [] : [`默认：${String(option.defaultValue)}`]),
              ]
              return extra.length === 0 ? option.description : `${option.description}（${extra.join('；')}）`
            },
          }
        : {}),
    })
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text), outputError: (text, write) => write(lang === 'zh' ? zhError(text) : text) })
    .showHelpAfterError()
  program.hook('preAction', (command) => {
    const options = command.opts<{ lang: Lang; quiet?: boolean; timeout?: string; glob?: string }>()
    let limits: ReadLimits = {}
    if (options.timeout !== undefined) {
      const value = Number(options.timeout)
      if (!/^\d+(\.\d+)?$/.test(options.timeout) || !(value > 0) || value > 86_400) {
        throw new UsageError({ zh: `--timeout 应为 0 到 86400 之间的秒数：${options.timeout}`, en: `--timeout takes seconds between 0 and 86400: ${options.timeout}` })
      }
      limits = { timeoutMs: value * 1000 }
    }
    ctx = new Context(io, options.lang, options.quiet === true, limits, options.glob)
  })
  const inputsArgument = t('文件、目录，或 - 表示标准输入', 'files, folders, or - for stdin')

  program
    .command('parse')
    .description(t('文本、HTML、Word（.docx）或 PDF → 规范 JSON（一份：写到标准输出；多份：NDJSON，或 --out 目录中各一个文件）', 'text, HTML, .docx or PDF → canonical JSON (one file: to stdout; several: NDJSON, or files in --out DIR)'))
    .argument('<inputs...>', inputsArgument)
    .addOption(new Option('--format <format>', t('输入格式', 'input format')).choices(['auto', 'text', 'html', 'docx', 'pdf']).default('auto'))
    .addOption(new Option('--encoding <encoding>', t('文本编码（auto：UTF-8，否则 GB18030/GBK；带 BOM 的 UTF-16 自动识别）', 'text encoding (auto: UTF-8, else GB18030/GBK; UTF-16 by its BOM)')).choices(['auto', 'utf-8', 'gb18030']).default('auto'))
    .option('--strict', t('缺少单元格或部分即为错误', 'a missing cell or section is an error'))
    .option('--year <year>', t('报告年度（输入中没有时）', 'report year, where the input does not say'))
    .option('--agency <name>', t('机关名称（输入中没有时）', 'agency name, where the input does not say'))
    .addOption(new Option('--template <generation>', t('指定格式代际，不自动识别', 'template generation, instead of detecting it')).choices(['2019', '2021']))
    .option('-o, --out <path>', t('输出文件（一份输入）或目录（多份）', 'output file (one input) or folder (several)'))
    .option('--json', t('以 JSON 输出完整解析结果（报告、说明、缺失项）', 'print the whole parse result (report, diagnostics, missing) as JSON'))
    .option('--verbose', t('同时显示说明性信息', 'also print informational diagnostics'))
    .action(async (inputs: string[], flags: ParseFlags) => parseCommand(ctx, inputs, flags))

  program
    .command('validate')
    .description(t('按模式校验规范 JSON（.ndjson/.jsonl：每行一份，流式读取）', 'validate canonical JSON against the schema (.ndjson/.jsonl: one report per line, streamed)'))
    .argument('<inputs...>', inputsArgument)
    .option('--ndjson', t('把每个输入都当作 NDJSON 读取', 'read every input as NDJSON'))
    .option('--json', t('每份报告在标准输出中输出一行 JSON', 'one JSON line per report on stdout'))
    .action(async (inputs: string[], flags: { json?: boolean; ndjson?: boolean }) => validateCommand(ctx, inputs, flags))

  program
    .command('check')
    .description(t('校验并检查勾稽关系（也接受已发布的报告：HTML、Word、PDF、文本；不完整的报告也检查，并列出未能检查的规则）；同一机关多个年度时也检查年度衔接', 'validate, then run the consistency rules (published reports too: HTML, Word, PDF, text; an incomplete one is checked as far as it goes, and says which rules could not run); several years of one agency: the series rules too'))
    .argument('<inputs...>', inputsArgument)
    .option('--ndjson', t('把每个输入都当作 NDJSON 读取（流式；不检查年度衔接）', 'read every input as NDJSON (streamed; no series rules)'))
    .option('--json', t('每份报告在标准输出中输出一行 JSON', 'one JSON line per report on stdout'))
    .option('--no-series', t('不检查年度衔接', 'do not run the series rules'))
    .option('--no-claims', t('不检查正文所述数量与表格是否一致（只检查勾稽关系，更快）', 'do not check the numbers the narrative states against the tables (the rules alone; faster)'))
    .addOption(new Option('--fail-on <severity>', t('使退出码为 1 的最低严重程度', 'lowest severity that makes the exit code 1')).choices(['error', 'warning']).default('warning'))
    .action(async (inputs: string[], flags: CheckFlags) => checkCommand(ctx, inputs, flags))

  program
    .command('render')
    .description(t('规范 JSON → 官方表格样式的 HTML、Markdown 或文本（不完整的报告：未读出的单元格印作“缺”）', 'canonical JSON → the official layout as HTML, Markdown or text (incomplete reports: cells not read printed 缺)'))
    .argument('<inputs...>', inputsArgument)
    .addOption(new Option('--to <format>', t('输出格式', 'output format')).choices(['html', 'md', 'text']).default('html'))
    .option('-o, --out <path>', t('输出文件；多份报告时为目录（不存在则创建）', 'output file; for several reports, a folder (created if missing)'))
    .option('--findings', t('HTML：检查勾稽关系，并标出有问题的单元格和问题清单', 'HTML: run the rules and mark the cells they flag (data-finding, data-severity), with the list of findings'))
    .action(async (inputs: string[], flags: { to: 'html' | 'md' | 'text'; out?: string; findings?: boolean }) => renderCommand(ctx, inputs, flags))

  program
    .command('aggregate')
    .description(t('把同一格式、同一年度的报告汇总为一份（主管部门汇总）', 'sum reports of one template and one year into one report (the 主管部门 汇总)'))
    .argument('<inputs...>', inputsArgument)
    .option('--agency <name>', t('汇总报告的机关名称', 'agency name of the summary'))
    .option('--allow-mixed-years', t('允许汇总不同年度的报告', 'sum reports of different years'))
    .option('-o, --out <file>', t('输出文件', 'output file'))
    .option('--json', t('输出 {report, included, leftOut}', 'print {report, included, leftOut}'))
    .option('--skip-invalid', t('只汇总符合格式的报告，列出其余报告及原因（退出码 1）', 'sum the valid reports; list the others and why (exit 1)'))
    .action(async (inputs: string[], flags: { agency?: string; allowMixedYears?: boolean; out?: string; json?: boolean; skipInvalid?: boolean }) =>
      aggregateCommand(ctx, inputs, flags),
    )

  program
    .command('export')
    .description(t('报告（JSON、NDJSON，或已发布的文件和目录）→ 电子表格：每种格式一张报告表，以及检查结果、未读出、汇总', 'reports (JSON, NDJSON, or published files and folders) → a spreadsheet: a sheet of reports per template, findings, what was missing, the 汇总'))
    .argument('<inputs...>', inputsArgument)
    .addOption(new Option('--to <format>', t('xlsx（工作簿）或 csv（一种格式的报告，UTF-8 带 BOM）', 'xlsx (a workbook) or csv (the reports of one template, UTF-8 with BOM)')).choices(['xlsx', 'csv']).default('xlsx'))
    .option('-o, --out <file>', t('输出文件（xlsx 必须指定）', 'output file (needed for xlsx)'))
    .action(async (inputs: string[], flags: { to: 'xlsx' | 'csv'; out?: string }) => exportCommand(ctx, inputs, flags))

  program
    .command('page')
    .description(t('审核网页：显示它的位置，或复制到一个目录（U 盘、静态网站）', 'the clerk’s page: print where it is, or copy it to a folder (a USB stick, a static host)'))
    .option('-o, --out <folder>', t('把网页复制到这个新的（或空的）目录', 'copy the page into this new (or empty) folder'))
    .action((flags: { out?: string }) => pageCommand(ctx, flags))

  try {
    await program.parseAsync([...argv], { from: 'user' })
    return ctx.finish()
  } catch (error) {
    ctx.finish()
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    return failed(ctx, error)
  }
}
