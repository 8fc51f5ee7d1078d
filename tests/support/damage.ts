/**
 * Damaged versions of rendered reports: what real publishing does to a table (crawler text that joins cells with
 * no separator, rows collapsed to their non-empty cells, section 四 in three blocks, PDF lines with wrapped labels
 * and page footers, Markdown conversions with generic headers, sub-tables out of order, headings renumbered, label
 * variants). Each damage class is a function from a report to the text a collector would hold. The numbers are
 * made real-looking (mostly small, many zeros) and consistent, as published reports mostly are.
 */
import type { Report } from '../../generated/report.js'
import { layoutReport, type Block, type Cell } from '../../src/render/document.js'
import { rowsFor, rowsOf, type Template } from '../../src/schema/tables.js'
import { parseReport, type ParseResult } from '../../src/parse/parse.js'
import { setAt, splitPointer, valueAt } from '../../src/rules/pointer.js'
import { completeTotals } from '../../src/rules/totals.js'
import { readJson } from './files.js'

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rand = () => number
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!

/** Mostly 0, often small, now and then large: how the cells of real reports are distributed. */
function count(rand: Rand, busy: boolean): number {
  const r = rand()
  if (r < (busy ? 0.35 : 0.7)) return 0
  if (r < 0.9) return 1 + Math.floor(rand() * 9)
  if (r < 0.98) return 10 + Math.floor(rand() * 90)
  return 100 + Math.floor(rand() * 2000)
}

const BASES: Record<Template, string> = {
  '2021': 'examples/seed-2024-weidong-science-bureau.json',
  '2019': 'examples/example-2019-template-fictional.json',
}

/** A consistent report of `template` with real-looking numbers in every table cell. */
export function realisticReport(template: Template, rand: Rand): Report {
  const report = structuredClone(readJson(BASES[template])) as Report
  for (const row of rowsOf(template, '/proactiveDisclosure')) {
    for (const column of row.columns) {
      const value = column.signed ? (rand() < 0.6 ? 0 : Math.floor(rand() * 21) - 10) : column.integer ? count(rand, false) : rand() < 0.6 ? 0 : Math.round(rand() * 2_000_000) / 100
      setAt(report, splitPointer(`${row.pointer}/${column.key}`), value)
    }
  }
  // Section 三: entered cells only (the totals are completed from them), natural persons busiest.
  const matrix = rowsOf(template, '/applications')
  for (const row of matrix) {
    if (row.pointer.endsWith('/outcomes/total') || row.pointer.endsWith('/newlyReceived')) continue
    for (const column of row.columns) {
      if (column.key === 'total') continue
      const busy = column.key === 'naturalPerson'
      const value = row.pointer.endsWith('carriedOverFromLastYear') || row.pointer.endsWith('carriedOverToNextYear') ? (rand() < 0.8 ? 0 : count(rand, busy)) : count(rand, busy)
      setAt(report, splitPointer(`${row.pointer}/${column.key}`), value)
    }
  }
  for (const row of rowsOf(template, '/reviewsAndLawsuits')) {
    for (const column of row.columns) if (column.key !== 'total') setAt(report, splitPointer(`${row.pointer}/${column.key}`), rand() < 0.6 ? 0 : count(rand, true))
  }
  const totals = completeTotals(report)
  // 一 = （七） + 四 − 二, column by column, so that the printed balance holds.
  const a = totals.applications as unknown as Record<string, Record<string, number>> & { outcomes: { total: Record<string, number> } }
  for (const column of Object.keys(a.newlyReceived!)) {
    if (column === 'total') continue
    const out = a.outcomes.total[column]! + a.carriedOverToNextYear![column]!
    a.carriedOverFromLastYear![column] = Math.min(a.carriedOverFromLastYear![column]!, out)
    a.newlyReceived![column] = out - a.carriedOverFromLastYear![column]!
  }
  return completeTotals(totals)
}

/** Every table cell of a report, in the shape it has: pointer and value. */
export function tableCells(report: Report): { pointer: string; value: number }[] {
  const template = report.template as Template
  const out: { pointer: string; value: number }[] = []
  for (const section of ['/proactiveDisclosure', '/applications', '/reviewsAndLawsuits']) {
    for (const row of rowsFor(template, section, report)) {
      for (const column of row.columns) {
        const pointer = `${row.pointer}/${column.key}`
        let node: unknown = report
        for (const part of splitPointer(pointer)) node = (node as Record<string, unknown>)[part]
        out.push({ pointer, value: node as number })
      }
    }
  }
  return out
}

// ---- printing a layout with damage ----

interface Table {
  rows: Cell[][]
  headerRows: number
}

type RowPrinter = (cells: string[], header: boolean, rand: Rand) => string[]

/** Prints the blocks; tables through `row`, everything else one block a line. */
function print(blocks: readonly Block[], row: RowPrinter, rand: Rand, table?: (t: Table, rand: Rand) => Table): string[] {
  const lines: string[] = []
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
      case 'paragraph':
        lines.push(block.text)
        break
      case 'heading':
        lines.push(block.text)
        break
      case 'meta':
        break
      case 'table': {
        const t = table === undefined ? block : table(block, rand)
        t.rows.forEach((cells, r) => lines.push(...row(cells.map((c) => c.text), r < t.headerRows, rand)))
        break
      }
    }
  }
  return lines
}

const isNumber = (text: string) => /^[+-]?\d+(\.\d+)?(万元|元)?$/.test(text)

function titleLines(report: Report): string[] {
  return [`${report.meta.agencyName}${report.meta.year}年度政府信息公开工作年度报告`]
}

export type Damage = (report: Report, rand: Rand) => string

/** Crawler text: every cell joined to the next with no separator, one line per row. */
const flattenedRows: Damage = (report, rand) => [...titleLines(report), ...print(layoutReport(report), (cells) => [cells.join('')], rand)].join('\n')

/** Crawler text: a few header lines, then the whole body on one line, cells joined with no separator. */
const flattenedOneLine: Damage = (report, rand) => {
  const body = print(layoutReport(report), (cells) => [cells.join('')], rand).join('')
  return [`标题: ${titleLines(report)[0]}`, '发布时间: 2025-01-20 10:00', '==================== 正文 ====================', body].join('\n')
}

/** " | " rows whose zero cells were printed empty: "| 12 | | | | | | 12 |". */
const collapsedPipes: Damage = (report, rand) =>
  [...titleLines(report), ...print(layoutReport(report), (cells, header) => [`| ${cells.map((c) => (!header && c === '0' ? ' ' : c)).join(' | ')} |`], rand)].join('\n')

/** One cell per line ending in "|", an empty cell a bare "|" line ("12 |", "|", "|", …). */
const collapsedLines: Damage = (report, rand) =>
  [...titleLines(report), ...print(layoutReport(report), (cells, header) => cells.map((c) => (!header && c === '0' ? '|' : `${c} |`)), rand)].join('\n')

/** Empty cells left as filler runs of known length: "12||||||12". */
const fillerRuns: Damage = (report, rand) =>
  [...titleLines(report), ...print(layoutReport(report), (cells, header) => [`|${cells.map((c) => (!header && c === '0' ? '' : c)).join('|')}|`], rand)].join('\n')

/** Rows printed with their non-empty cells only, nothing where the others were: "label 12 12". */
const collapsedUnmarked: Damage = (report, rand) =>
  [...titleLines(report), ...print(layoutReport(report), (cells, header) => [cells.filter((c) => header || c !== '0').join(' ')], rand)].join('\n')

/** Section 四 printed as three blocks of five, each under its group label; the rest tab-separated. */
const reviewBlocks: Damage = (report, rand) => {
  const lines: string[] = []
  for (const block of layoutReport(report)) {
    if (block.kind === 'table' && block.rows.length === 4 && block.rows[3]!.length === 15) {
      const titles = block.rows[1]!.slice(0, 5).map((c) => c.text)
      const values = block.rows[3]!.map((c) => c.text)
      const [review, litigation] = block.rows[0]!.map((c) => c.text)
      const [without, after] = block.rows[1]!.slice(5).map((c) => c.text)
      lines.push([review, ...titles].join('\t'), values.slice(0, 5).join('\t'))
      lines.push([litigation, without, ...titles].join('\t'), values.slice(5, 10).join('\t'))
      lines.push([after, ...titles].join('\t'), values.slice(10).join('\t'))
      continue
    }
    lines.push(...print([block], (cells) => [cells.join('\t')], rand))
  }
  return [...titleLines(report), ...lines].join('\n')
}

/** PDF extraction: space-separated, long labels wrapped over two lines, page footers between rows. */
const pdfWrapped: Damage = (report, rand) => {
  let page = 2
  const row: RowPrinter = (cells, header, r) => {
    const out: string[] = []
    if (!header && r() < 0.08) out.push(pick(r, [`— ${page} —`, `-${page}-`, `第 ${page} 页`]), (page++, ''))
    const labels = cells.filter((c) => !isNumber(c))
    const numbers = cells.filter(isNumber)
    const label = labels.join(' ')
    if (!header && label.length > 12 && r() < 0.7) {
      const cut = 6 + Math.floor(r() * (label.length - 8))
      out.push(label.slice(0, cut), `${label.slice(cut)} ${numbers.join(' ')}`.trim())
    } else out.push([label, ...numbers].join(' ').trim())
    return out.filter((line) => line !== '')
  }
  return [...titleLines(report), ...print(layoutReport(report), row, rand)].join('\n')
}

/** Labels on one line, their values on the next (labels apart from values). */
const labelsApart: Damage = (report, rand) => {
  const row: RowPrinter = (cells, header) => {
    if (header) return [cells.join(' ')]
    const labels = cells.filter((c) => !isNumber(c))
    const numbers = cells.filter(isNumber)
    return labels.length === 0 ? [numbers.join(' ')] : [labels.join(' '), numbers.join(' ')]
  }
  return [...titleLines(report), ...print(layoutReport(report), row, rand)].join('\n')
}

/** A PDF converted to Markdown: one table per row, the label as a caption, generic column headers. */
const markdownPerRow: Damage = (report, rand) => {
  const row: RowPrinter = (cells, header) => {
    if (header) return [cells.join(' ')]
    const labels = cells.filter((c) => !isNumber(c))
    const numbers = cells.filter(isNumber)
    if (numbers.length === 0) return [labels.join(' ')]
    const headers = ['项目', ...numbers.map((_, i) => `数据${i + 1}`)]
    return [labels[labels.length - 1] ?? '', '', `| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, `| ${labels.join(' ')} | ${numbers.join(' | ')} |`, '']
  }
  return [...titleLines(report), ...print(layoutReport(report), row, rand)].join('\n')
}

/** The header rows printed again in the middle of a table (a page break repeats them). */
const repeatedHeader: Damage = (report, rand) => {
  const table = (t: Table, r: Rand): Table => {
    if (t.rows.length - t.headerRows < 4) return t
    const at = t.headerRows + 1 + Math.floor(r() * (t.rows.length - t.headerRows - 2))
    return { headerRows: t.headerRows, rows: [...t.rows.slice(0, at), ...t.rows.slice(0, t.headerRows).map((cells) => cells.map((c) => ({ text: c.text }))), ...t.rows.slice(at)] }
  }
  return [...titleLines(report), ...print(layoutReport(report), (cells) => [cells.join('\t')], rand, table)].join('\n')
}

/** Section 二's sub-tables out of template order, and two rows of the matrix swapped. */
const reordered: Damage = (report, rand) => {
  const blocks = layoutReport(report)
  const firstItem = blocks.findIndex((b) => b.kind === 'table')
  const items: Block[] = []
  let i = firstItem
  while (blocks[i]?.kind === 'table' && (blocks[i] as Table).headerRows === 2) items.push(blocks[i++]!)
  const shuffled = [...items].reverse()
  blocks.splice(firstItem, items.length, ...shuffled)
  const table = (t: Table, r: Rand): Table => {
    if (t.headerRows !== 3 || t.rows.length < 10) return t
    // Swap two adjacent sub-rows that carry no group label cell (so that each keeps its own label).
    const body = t.rows.slice(t.headerRows)
    const singles = body.map((cells, k) => ({ cells, k })).filter(({ cells }) => cells.filter((c) => !isNumber(c.text)).length === 1)
    const k = singles[Math.floor(r() * (singles.length - 1))]!.k
    if (singles.some((s) => s.k === k + 1)) [body[k], body[k + 1]] = [body[k + 1]!, body[k]!]
    return { headerRows: t.headerRows, rows: [...t.rows.slice(0, t.headerRows), ...body] }
  }
  return [...titleLines(report), ...print(blocks, (cells) => [cells.join('\t')], rand, table)].join('\n')
}

/** A narrative numbered 一…五 with its own topics, then the table sections under headings 一、二、三, then 五 and 六. */
const renumbered: Damage = (report, rand) => {
  const blocks = layoutReport(report)
  const renumber: Record<string, string> = { 二: '一', 三: '二', 四: '三' }
  const lines = print(blocks, (cells) => [cells.join('\t')], rand)
  const overview = lines.findIndex((line) => line.startsWith('一、'))
  const narrative = ['一、主动公开方面', '全年主动公开信息若干条。', '二、依申请公开方面', '依法办理申请。', '三、政府信息管理方面', '规范发布流程。', '四、平台建设方面', '完善专栏。', '五、监督保障方面', '加强考核。']
  lines.splice(overview + 1, 0, ...narrative)
  return [...titleLines(report), ...lines.map((line) => {
    const numeral = /^([二三四])、(主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、行政诉讼情况)$/.exec(line)
    return numeral === null ? line : `${renumber[numeral[1]!]}、${numeral[2]}`
  })].join('\n')
}

/** Label variants seen in real reports, applied at random. */
const VARIANTS: [RegExp, string][] = [
  [/^行政规范性文件$/, '规范性文件'],
  [/^2\.其他法律行政法规禁止公开$/, '2.其他法律法规禁止公开'],
  [/^规章$/, '规章(设区的市、自治州人民政府应提供相关数据)'],
  [/、行政机关不再处理/, '，行政机关不再处理'],
  [/^（二）部分公开（区分处理的，只计这一情形，不计其他情形）$/, '（二）部分公开'],
  [/^1\.属于国家秘密$/, '1. 属于 国家秘密'],
  [/^3\.其他$/, '3.其他（含申请人撤回）'],
  [/^一、本年新收政府信息公开申请数量$/, '一、本年新收政府信息公开申请数量（件）'],
]
const labelVariants: Damage = (report, rand) => {
  const row: RowPrinter = (cells, _header, r) => [cells.map((c) => {
    for (const [pattern, replacement] of VARIANTS) if (pattern.test(c) && r() < 0.7) return c.replace(pattern, replacement)
    return c
  }).join('\t')]
  return [...titleLines(report), ...print(layoutReport(report), row, rand)].join('\n')
}

/** A 2021 report printing （六）其他处理 as one row (as some office suites' templates do), tab-separated. */
export function asOneRowOtherHandling(report: Report): Report {
  if (report.template !== '2021') return report
  const copy = structuredClone(report) as Report & { applications: { outcomes: { otherHandling: Record<string, Record<string, number>> } } }
  const rows = Object.values(copy.applications.outcomes.otherHandling)
  const keys = Object.keys(rows[0]!)
  copy.applications.outcomes.otherHandling = Object.fromEntries(keys.map((k) => [k, rows.reduce((sum, row) => sum + row[k]!, 0)])) as never
  return copy
}

export const DAMAGES: Record<string, Damage> = {
  'flattened rows': flattenedRows,
  'flattened, one line': flattenedOneLine,
  'collapsed rows, blanks as "| |"': collapsedPipes,
  'collapsed rows, bare "|" lines': collapsedLines,
  'collapsed rows, filler runs': fillerRuns,
  'collapsed rows, no marks': collapsedUnmarked,
  'section 四 in three blocks': reviewBlocks,
  'PDF lines: wrapped labels, page footers': pdfWrapped,
  'labels apart from values': labelsApart,
  'Markdown, one table per row': markdownPerRow,
  'header rows repeated mid-table': repeatedHeader,
  'sub-tables and rows out of order': reordered,
  'headings renumbered': renumbered,
  'label variants': labelVariants,
  // The report itself is made one-row first (see ONE_ROW); then printed tab-separated as the renderer does.
  '2021 （六） printed as one row': (report, rand) => [...titleLines(report), ...print(layoutReport(report), (cells) => [cells.join('\t')], rand)].join('\n'),
}

/** The damage class whose reports print 2021's （六）其他处理 as one row (their model holds that row). */
export const ONE_ROW = '2021 （六） printed as one row'

/** The classes whose every cell's place the layout still tells: at least 95% of cells must be read. */
export const MUST_READ = new Set(['flattened rows', 'flattened, one line', 'collapsed rows, blanks as "| |"', 'collapsed rows, bare "|" lines', 'collapsed rows, filler runs'])

/** What the reader made of one damage class over `runs` generated reports of `template`. */
export interface DamageScore {
  exact: number
  missing: number
  /** Cells read with another value than printed ("run N: pointer: read x, printed y"). */
  wrong: string[]
  /** Cells not read whose pointer (or an ancestor's) is not in `missing`. */
  unreported: string[]
}

/** Adds to `score` how `result` read every table cell of `report` (`name` labels the wrong and unreported ones). */
export function scoreCells(report: Report, result: ParseResult, name: string, score: DamageScore): DamageScore {
  const missing = new Set(result.missing)
  const reported = (pointer: string) => {
    const parts = pointer.split('/')
    for (let i = parts.length; i > 1; i--) if (missing.has(parts.slice(0, i).join('/'))) return true
    return false
  }
  for (const { pointer, value } of tableCells(report)) {
    const got = valueAt(result.report, splitPointer(pointer))
    if (got === undefined) {
      score.missing++
      if (!reported(pointer)) score.unreported.push(`${name}: ${pointer}`)
    } else if (got === value) score.exact++
    else score.wrong.push(`${name}: ${pointer}: read ${String(got)}, printed ${value}`)
  }
  return score
}

export const emptyScore = (): DamageScore => ({ exact: 0, missing: 0, wrong: [], unreported: [] })

/** Parses `runs` reports damaged by class `name` and scores every table cell (the same seeds for test and bench). */
export function scoreDamage(name: string, template: Template, runs: number): DamageScore {
  const damage = DAMAGES[name]!
  const score: DamageScore = { exact: 0, missing: 0, wrong: [], unreported: [] }
  for (let run = 0; run < runs; run++) {
    const rand = random(run * 7919 + (template === '2021' ? 1 : 2) + name.length * 104729)
    const report = name === ONE_ROW ? asOneRowOtherHandling(realisticReport(template, rand)) : realisticReport(template, rand)
    const result = parseReport(damage(report, rand), { template })
    scoreCells(report, result, `run ${run}`, score)
  }
  return score
}
