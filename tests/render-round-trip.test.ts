/**
 * Rendering: parse(render(r)) equals r, for every renderer, over generated reports of both templates in canonical
 * form (fast-check, fixed seed). Canonical form is what the parser produces: `$schema` set; a paragraph's topic is
 * the one named by its heading or, without one, by the nearest heading above it; optional lists are absent rather
 * than empty.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import { parseReport } from '../src/parse/parse.js'
import { renderHtml, renderMarkdown, renderText } from '../src/render/index.js'
import { validateReport } from '../src/validate/validate-report.js'
import { arbitraryReport } from './support/arbitrary.js'
import { canonical } from './support/canonical.js'
import { readJson } from './support/files.js'

const renderers = { text: renderText, markdown: renderMarkdown, html: renderHtml }
const reports = arbitraryReport().map(canonical)

describe.each(Object.entries(renderers))('%s renderer', (_name, render) => {
  it('parse(render(r)) equals r for generated reports of both templates', () => {
    fc.assert(
      fc.property(reports, (report) => {
        expect(validateReport(report).errors).toEqual([])
        const result = parseReport(render(report))
        expect(result.diagnostics.filter((d) => d.level !== 'info')).toEqual([])
        expect(result.report).toEqual(report)
      }),
      { seed: 20261129, numRuns: 150 },
    )
  })

  it('round-trips the examples', () => {
    for (const file of ['examples/seed-2024-weidong-science-bureau.json', 'examples/example-2019-template-fictional.json']) {
      const report = readJson(file) as Report
      expect(parseReport(render(report)).report).toEqual(report)
    }
  })
})

describe('layout', () => {
  const seed = readJson('examples/seed-2024-weidong-science-bureau.json') as Report

  it('HTML has the template’s merged cells', () => {
    const html = renderHtml(seed)
    expect(html).toContain('<td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>')
    expect(html).toContain('<td rowspan="22">三、本年度办理结果</td>')
    expect(html).toContain('<td rowspan="8">（三）不予公开</td><td>1.属于国家秘密</td>')
    expect(html).toContain('<td colspan="5">行政复议</td><td colspan="10">行政诉讼</td>')
  })

  it('plain text is tab-separated like the published seed', () => {
    const text = renderText(seed)
    expect(text).toContain('\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n')
    expect(text).toContain('行政规范性文件\t0\t0\t0\n')
  })

  it('escapes markup in text', () => {
    const report = structuredClone(seed)
    report.problemsAndImprovements.paragraphs = ['<script>alert(1)</script> & “引号”。']
    const html = renderHtml(report)
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”。</p>')
    expect((parseReport(html).report as Report).problemsAndImprovements.paragraphs).toEqual(report.problemsAndImprovements.paragraphs)
  })
})
