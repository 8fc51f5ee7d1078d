/**
 * The markup contract that `render --to html`, the clerk's page and the tests share (README, "The markup
 * contract"): every value cell carries its JSON pointer, flagged cells their rule ids, missing cells data-missing and
 * 缺 (never a blank, which a reader takes for 0). Read back with parse5, as a consumer would.
 */
import { parse } from 'parse5'
import { describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import { checkReport } from '../src/rules/check.js'
import { splitPointer, valueAt } from '../src/rules/pointer.js'
import { parseReport } from '../src/parse/parse.js'
import { renderHtml, renderHtmlBody, renderMarkdown, renderText } from '../src/render/index.js'
import { random, realisticReport, tableCells } from './support/damage.js'
import { runCli } from './support/cli.js'
import { readJson } from './support/files.js'

type Element = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Element[]; value?: string }

function cellsOf(html: string): { attrs: Record<string, string>; text: string }[] {
  const out: { attrs: Record<string, string>; text: string }[] = []
  const text = (node: Element): string => (node.nodeName === '#text' ? node.value! : (node.childNodes ?? []).map(text).join(''))
  const walk = (node: Element) => {
    if (node.nodeName === 'td') out.push({ attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])), text: text(node) })
    for (const child of node.childNodes ?? []) walk(child)
  }
  walk(parse(html) as unknown as Element)
  return out
}

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!))
}

const seed = readJson('examples/seed-2024-weidong-science-bureau.json') as Report
const example2019 = readJson('examples/example-2019-template-fictional.json') as Report

describe('the markup contract', () => {
  const reports: [string, Report][] = [
    ['the seed (2021)', seed],
    ['the 2019 example', example2019],
    ...[1, 2, 3].map((n): [string, Report] => [`realistic 2021 #${n}`, realisticReport('2021', random(n))]),
    ...[1, 2].map((n): [string, Report] => [`realistic 2019 #${n}`, realisticReport('2019', random(n))]),
  ]
  it.each(reports)('%s: every table cell of the report is one <td data-pointer>, and only those carry one', (_, report) => {
    const cells = cellsOf(renderHtml(report as Report)).filter((c) => c.attrs['data-pointer'] !== undefined)
    const expected = tableCells(report as Report)
    expect(cells.map((c) => c.attrs['data-pointer']).sort()).toEqual(expected.map((c) => c.pointer).sort())
    for (const cell of cells) {
      expect(Number(cell.text.replace(/万元$/, '').replace(/^\+/, '')), cell.attrs['data-pointer']).toBe(valueAt(report, splitPointer(cell.attrs['data-pointer']!)))
      expect(cell.attrs['data-missing']).toBeUndefined()
      expect(cell.attrs['data-finding']).toBeUndefined()
    }
  })

  it('an incomplete report: each cell not read prints 缺 with data-missing, and read back it is missing again, never 0', () => {
    const report = structuredClone(realisticReport('2021', random(5))) as unknown as Record<string, Record<string, Record<string, unknown>>>
    const removed = ['/applications/newlyReceived/naturalPerson', '/reviewsAndLawsuits/administrativeReview/upheld', '/proactiveDisclosure/licensing/administrativeLicensing/decisions']
    for (const pointer of removed) {
      const path = splitPointer(pointer)
      delete (valueAt(report, path.slice(0, -1)) as Record<string, unknown>)[path[path.length - 1]!]
    }
    delete report.problemsAndImprovements
    const html = renderHtml(report as never)
    const missing = cellsOf(html).filter((c) => c.attrs['data-missing'] !== undefined)
    expect(missing.map((c) => c.attrs['data-pointer']).sort()).toEqual([...removed].sort())
    for (const cell of missing) expect(cell.text).toBe('缺')
    // (Markdown is left out: its grid prints the slots under merged header cells blank, and the reader takes blanks
    // next to an under-full row for its values; see the closing note of the page issue.)
    void renderMarkdown
    for (const rendered of [html, renderText(report as never)]) {
      const read = parseReport(rendered)
      for (const pointer of removed) {
        expect(valueAt(read.report, splitPointer(pointer)), pointer).toBeUndefined()
        expect(read.missing.some((m) => pointer.startsWith(m)), pointer).toBe(true)
      }
    }
  })

  it('findings: the first cell of each is marked with its rule ids and severity, the others as involved; every link of the list resolves', () => {
    const report = structuredClone(seed)
    ;(report.applications.outcomes.total as { naturalPerson: number }).naturalPerson += 3
    ;(report.reviewsAndLawsuits.administrativeReview as { total: number }).total += 1
    const findings = checkReport(report).findings
    expect(findings.filter((f) => f.severity === 'error').length).toBeGreaterThanOrEqual(3)
    const html = renderHtml(report, { findings })
    const cells = cellsOf(html)
    const byPointer = new Map(cells.filter((c) => c.attrs['data-pointer'] !== undefined).map((c) => [c.attrs['data-pointer']!, c.attrs]))
    for (const finding of findings) {
      const [first, ...rest] = finding.pointers
      const attrs = byPointer.get(first!)
      if (attrs === undefined) continue
      expect(attrs['data-finding']!.split(' '), first).toContain(finding.ruleId)
      if (finding.severity === 'error') expect(attrs['data-severity']).toBe('error')
      expect(attrs.title).toContain(finding.message.zh)
      for (const pointer of rest) if (byPointer.has(pointer) && !findings.some((f) => f.pointers[0] === pointer)) expect(byPointer.get(pointer)!['data-involved']!.split(' ')).toContain(finding.ruleId)
    }
    const marked = cells.filter((c) => c.attrs['data-finding'] !== undefined).map((c) => c.attrs['data-pointer'])
    expect(new Set(marked)).toEqual(new Set(findings.map((f) => f.pointers[0]).filter((p) => byPointer.has(p!))))
    const ids = idsOf(html)
    const links = [...html.matchAll(/<li id="finding-\d+"[^>]*><a href="#([^"]+)"/g)].map((m) => m[1]!)
    expect(links).toHaveLength(findings.length)
    for (const link of links) expect(ids, link).toContain(link)
    // The body alone (what the page shows) marks the same cells, in English too.
    expect(cellsOf(renderHtmlBody(report, { findings, lang: 'en' })).filter((c) => c.attrs['data-finding'] !== undefined).map((c) => c.attrs['data-pointer'])).toEqual(marked)
    expect(renderHtmlBody(report, { findings, lang: 'en' })).toContain(findings[0]!.message.en.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'))
  })

  it('wrong options are a TypeError that names render', () => {
    expect(() => renderHtml(seed, { findings: 'x' as never })).toThrow(/^render: options.findings/)
    expect(() => renderHtml(seed, { lang: 'fr' as never })).toThrow(/^render: options.lang/)
    expect(() => renderHtml(seed, 5 as never)).toThrow(/^render: the options/)
  })
})

describe('render --to html --findings', () => {
  const cli = (args: string[], stdin: string) => runCli(args, stdin, process.cwd())

  it('marks the cells the rules flag, as the library does; without --findings nothing is marked', async () => {
    const report = structuredClone(seed)
    ;(report.applications.outcomes.total as { naturalPerson: number }).naturalPerson += 3
    const marked = await cli(['render', '-', '--findings', '--lang', 'zh'], JSON.stringify(report))
    expect(marked.code).toBe(0)
    expect(marked.stdout).toBe(renderHtml(report, { findings: checkReport(report).findings, lang: 'zh' }))
    expect(marked.stdout).toContain('data-finding="applications.outcome-total')
    const plain = await cli(['render', '-'], JSON.stringify(report))
    expect(plain.stdout).not.toContain('data-finding')
    expect(plain.stdout).toContain('data-pointer="/applications/outcomes/total/naturalPerson"')
  })

  it('--findings with another format is a usage error (exit 2), in both languages', async () => {
    for (const [lang, text] of [['zh', '--findings 只用于 --to html'], ['en', '--findings works with --to html only']]) {
      const result = await cli(['render', '-', '--to', 'md', '--findings', '--lang', lang!], JSON.stringify(seed))
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(text)
      expect(result.stdout).toBe('')
    }
  })
})
