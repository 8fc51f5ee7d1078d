/**
 * Canonical report → HTML with the template's tables, rowspans and colspans as the official layout has them.
 *
 * The markup contract (shared by `render --to html`, the clerk's page and the tests; see the README):
 * - every value cell is a `<td data-pointer="<JSON pointer>">` (header and label cells have no `data-pointer`);
 * - a cell that a finding is about (its first pointer) carries `data-finding="<rule ids>"` and
 *   `data-severity="error|warning"`; the other cells the finding names carry `data-involved="<rule ids>"`;
 * - a cell that was not read carries `data-missing` and prints 缺 (never blank, which a reader takes for 0);
 * - a value cell has `id="cell-<pointer, '/' as '-'>"`, a section heading `id="section-<key>"`, and each finding in the
 *   list `id="finding-<n>"` with `data-rule`, `data-severity` and a link to its cell or section.
 */
import type { Finding } from '../rules/findings.js'
import { layoutReport, type Block, type Cell } from './document.js'
import { MISSING_TEXT, type Renderable } from './layout.js'

export interface HtmlOptions {
  /** Findings of the checker to mark in place and list (`checkReport(report).findings`). */
  findings?: readonly Finding[]
  /** Language of the finding messages and notes (default zh). */
  lang?: 'zh' | 'en'
}

const escape = (text: unknown) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The id of a value cell's element, from its pointer. */
export const cellId = (pointer: string) => `cell-${pointer.slice(1).replace(/\//g, '-')}`

/** Which rules flag which cells: the first pointer of a finding is the cell it is about, the rest are involved. */
interface Marks {
  about: Map<string, { rules: string[]; error: boolean; messages: string[] }>
  involved: Map<string, string[]>
}

function marksOf(findings: readonly Finding[], lang: 'zh' | 'en'): Marks {
  const about: Marks['about'] = new Map()
  const involved: Marks['involved'] = new Map()
  for (const finding of findings) {
    const [first, ...rest] = finding.pointers
    if (first === undefined) continue
    const mark = about.get(first) ?? { rules: [], error: false, messages: [] }
    if (!mark.rules.includes(finding.ruleId)) mark.rules.push(finding.ruleId)
    mark.error ||= finding.severity === 'error'
    mark.messages.push(finding.message[lang])
    about.set(first, mark)
    for (const pointer of rest) {
      const rules = involved.get(pointer) ?? []
      if (!rules.includes(finding.ruleId)) rules.push(finding.ruleId)
      involved.set(pointer, rules)
    }
  }
  return { about, involved }
}

const spans = (c: Cell) => `${c.rowspan === undefined ? '' : ` rowspan="${c.rowspan}"`}${c.colspan === undefined ? '' : ` colspan="${c.colspan}"`}`

function td(c: Cell, marks: Marks, lang: 'zh' | 'en'): string {
  if (c.pointer === undefined) return `<td${spans(c)}>${escape(c.text)}</td>`
  const attributes = [` id="${cellId(c.pointer)}"`, ` data-pointer="${escape(c.pointer)}"`]
  const titles: string[] = []
  if (c.text === MISSING_TEXT) {
    attributes.push(' data-missing')
    titles.push(lang === 'zh' ? '未读出' : 'not read')
  }
  const about = marks.about.get(c.pointer)
  if (about !== undefined) {
    attributes.push(` data-finding="${escape(about.rules.join(' '))}" data-severity="${about.error ? 'error' : 'warning'}"`)
    titles.push(...about.messages)
  }
  const involved = marks.involved.get(c.pointer)
  if (involved !== undefined) attributes.push(` data-involved="${escape(involved.join(' '))}"`)
  if (titles.length > 0) attributes.push(` title="${escape(titles.join('\n'))}"`)
  return `<td${spans(c)}${attributes.join('')}>${escape(c.text)}</td>`
}

function block(b: Block, marks: Marks, lang: 'zh' | 'en'): string[] {
  switch (b.kind) {
    case 'title':
      return [`<h1>${escape(b.text)}</h1>`]
    case 'meta':
      return b.lines.length === 0 ? [] : ['<ul class="meta">', ...b.lines.map((l) => `<li>${escape(l.label)}：${escape(l.value)}</li>`), '</ul>']
    case 'heading':
      return [`<h${b.level}${b.section === undefined ? '' : ` id="section-${b.section}"`}>${escape(b.text)}</h${b.level}>`]
    case 'paragraph':
      return [`<p>${escape(b.text)}</p>`]
    case 'table':
      return ['<table>', ...b.rows.map((row) => `<tr>${row.map((c) => td(c, marks, lang)).join('')}</tr>`), '</table>']
  }
}

/** Where a finding links to: its cell if the report prints one there, else its section's heading. */
function target(finding: Finding, cells: ReadonlySet<string>): string {
  const first = finding.pointers[0]
  if (first !== undefined && cells.has(first)) return cellId(first)
  const section = first?.split('/')[1]
  return section === undefined || section === '' || section === 'meta' ? 'findings' : `section-${section}`
}

const FINDINGS_TITLE = { zh: '检查结果', en: 'Findings' }
const SEVERITY = { zh: { error: '错误', warning: '提示' }, en: { error: 'error', warning: 'warning' } }

function findingsList(findings: readonly Finding[], cells: ReadonlySet<string>, lang: 'zh' | 'en'): string[] {
  if (findings.length === 0) return []
  return [
    `<section id="findings" class="findings"><h2>${FINDINGS_TITLE[lang]}</h2>`,
    '<ol>',
    ...findings.map(
      (f, i) =>
        `<li id="finding-${i + 1}" data-rule="${escape(f.ruleId)}" data-severity="${f.severity}"><a href="#${target(f, cells)}">${SEVERITY[lang][f.severity]}（${escape(f.ruleId)}）：${escape(f.message[lang])}</a></li>`,
    ),
    '</ol>',
    '</section>',
  ]
}

const cellPointers = (blocks: readonly Block[]) =>
  new Set(blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((row) => row.flatMap((c) => (c.pointer === undefined ? [] : [c.pointer]))) : [])))

/** The report as HTML fragments (no document around it), its cells marked: what the clerk's page shows. */
export function renderHtmlBody(report: Renderable, options?: HtmlOptions): string {
  return bodyOf(layoutReport(report), optionsOf(options))
}

function optionsOf(options: HtmlOptions | undefined): { findings: readonly Finding[]; lang: 'zh' | 'en' } {
  if (options === undefined || options === null) return { findings: [], lang: 'zh' }
  if (typeof options !== 'object') throw new TypeError('render: the options must be an object')
  if (options.findings !== undefined && !Array.isArray(options.findings)) throw new TypeError('render: options.findings must be an array of findings')
  if (options.lang !== undefined && options.lang !== 'zh' && options.lang !== 'en') throw new TypeError('render: options.lang must be "zh" or "en"')
  const findings = (options.findings ?? []).filter((f): f is Finding => typeof f === 'object' && f !== null && Array.isArray(f.pointers) && typeof f.message === 'object' && f.message !== null)
  return { findings, lang: options.lang ?? 'zh' }
}

function bodyOf(blocks: readonly Block[], options: { findings: readonly Finding[]; lang: 'zh' | 'en' }): string {
  const marks = marksOf(options.findings, options.lang)
  return blocks.flatMap((b) => block(b, marks, options.lang)).join('\n')
}

/** The list of findings, each linking to its cell (or its section where no cell is printed for it); "" if none. */
export function renderFindingsHtml(report: Renderable, findings: readonly Finding[], lang: 'zh' | 'en' = 'zh'): string {
  return findingsList(findings, cellPointers(layoutReport(report)), lang).join('\n')
}

/** The look of marked cells: colour and a symbol (never colour alone). */
export const MARK_STYLE = [
  'td[data-severity="error"]{background:#fde2e1;outline:2px solid #b3261e}',
  'td[data-severity="error"]::after{content:" ✗";color:#b3261e;font-weight:bold}',
  'td[data-severity="warning"]{background:#fff4ce;outline:2px dashed #8a6100}',
  'td[data-severity="warning"]::after{content:" ⚠";color:#8a6100}',
  'td[data-involved]{box-shadow:inset 0 -3px 0 #b3261e55}',
  'td[data-missing]{color:#555;background:repeating-linear-gradient(45deg,#eee 0 4px,#fff 4px 8px);font-style:italic}',
].join('\n')

export function renderHtml(report: Renderable, given?: HtmlOptions): string {
  const blocks = layoutReport(report)
  const options = optionsOf(given)
  const title = blocks[0]!.kind === 'title' ? blocks[0]!.text : ''
  return [
    '<!DOCTYPE html>',
    `<html lang="${options.lang === 'en' ? 'en' : 'zh-CN'}">`,
    '<head><meta charset="utf-8">',
    `<title>${escape(title)}</title>`,
    `<style>table{border-collapse:collapse;margin:1em 0}td{border:1px solid #999;padding:2px 6px;text-align:center}\n${MARK_STYLE}</style>`,
    '</head>',
    '<body>',
    ...(options.findings.length === 0 ? [] : findingsList(options.findings, cellPointers(blocks), options.lang)),
    bodyOf(blocks, options),
    '</body>',
    '</html>',
  ].join('\n') + '\n'
}
