/**
 * PDF import. Real PDFs printed by headless Chromium from generated reports (committed, and printed afresh where
 * Chromium is installed, as CI installs it) parse back to the very report; PDFs typeset as office suites export
 * them, with each of their quirks, parse with every cell right; provenance points at the cell on its page; scans,
 * encrypted, broken and oversized files get one clear error.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import { parsePdf, parseReport, type ParseResult } from '../src/parse/parse.js'
import { extractPdf } from '../src/parse/sources/pdf/extract.js'
import { MAX_PDF_BYTES, MAX_PDF_PAGES } from '../src/parse/sources/pdf/read.js'
import { renderHtml, renderText } from '../src/render/index.js'
import { emptyScore, scoreCells, tableCells } from './support/damage.js'
import { htmlToDocx } from './support/docx.js'
import { exportWithLibreOffice, hasLibreOffice, LIBREOFFICE_FIXTURES } from './support/libreoffice.js'
import { readJson, ROOT } from './support/files.js'
import { OFFICE_FIXTURES, officeFixture, QUIRK_VARIANTS, quirkReport } from './support/office-fixtures.js'
import { officePdf } from './support/office-pdf.js'
import { COMMITTED, printCorpus } from './support/pdf-corpus.js'
import { writePdf, type WrittenPage } from './support/pdf-writer.js'
import { hasChromium, launch, printReport } from './support/print.js'

const PDF_DIR = join(ROOT, 'tests', 'pdf')
const bytes = (path: string) => new Uint8Array(readFileSync(join(PDF_DIR, path)))
const notInfo = (result: ParseResult) => result.diagnostics.filter((d) => d.level !== 'info')
const LONG = 600_000

describe('PDFs printed by Chromium from rendered reports', () => {
  const committed = printCorpus(COMMITTED.seed, COMMITTED.count)

  it('the committed PDFs are the corpus the script prints (their reports are not edited by hand)', () => {
    const files = readdirSync(join(PDF_DIR, 'printed')).sort()
    expect(files).toEqual(committed.flatMap((entry) => [`${entry.name}.json`, `${entry.name}.pdf`]).sort())
    for (const entry of committed) expect(JSON.parse(readFileSync(join(PDF_DIR, 'printed', `${entry.name}.json`), 'utf8'))).toEqual(entry.report)
  })

  it.each(committed.map((entry) => [entry.name, entry] as const))('%s parses back to the very report', async (_name, entry) => {
    const result = await parseReport(bytes(`printed/${entry.name}.pdf`))
    expect(notInfo(result)).toEqual([])
    expect(result.report).toEqual(entry.report)
    expect(result.valid && result.complete).toBe(true)
  }, LONG)

  it('the seed printed on five A5 pages (the benchmark’s PDF) parses back to the seed', async () => {
    const data = bytes('seed-a5-5-pages.pdf')
    const { pageCount } = await extractPdf(data, { maxPages: 10, maxRuns: 100_000 })
    expect(pageCount).toBe(5)
    const result = await parseReport(data)
    expect(notInfo(result)).toEqual([])
    expect(result.report).toEqual(readJson('examples/seed-2024-weidong-science-bureau.json'))
  })

  // CI installs Chromium (.ci/run); elsewhere the test runs where it is installed.
  it.runIf(hasChromium() || process.env.CI !== undefined)('fresh reports of both templates, printed now in every style, parse back to the very report', async () => {
    const browser = await launch()
    try {
      const corpus = printCorpus(20261202, 18)
      expect(new Set(corpus.map((e) => e.report.template))).toEqual(new Set(['2021', '2019']))
      for (const entry of corpus) {
        const result = await parseReport(await printReport(browser, entry.report, entry.style))
        expect(notInfo(result), entry.name).toEqual([])
        expect(result.report, entry.name).toEqual(entry.report)
      }
    } finally {
      await browser.close()
    }
  }, LONG)
})

describe('PDFs as office suites export them', () => {
  it('the committed office-export PDFs are what the typesetter makes (byte for byte)', () => {
    const files = readdirSync(join(PDF_DIR, 'office')).sort()
    expect(files).toEqual(Object.keys(OFFICE_FIXTURES).map((name) => `${name}.pdf`).sort())
    for (const name of Object.keys(OFFICE_FIXTURES)) expect(Buffer.from(officeFixture(name)).equals(Buffer.from(bytes(`office/${name}.pdf`))), name).toBe(true)
  })

  it.each(Object.keys(OFFICE_FIXTURES))('%s parses back to the very report', async (name) => {
    const result = await parseReport(bytes(`office/${name}.pdf`))
    expect(notInfo(result).filter((d) => d.code !== 'extra-values')).toEqual([])
    expect(result.report).toEqual(OFFICE_FIXTURES[name]!.report())
  }, LONG)

  it.each(Object.entries(QUIRK_VARIANTS))('%s: every cell of both templates right, none wrong or missing', async (name, quirks) => {
    const score = emptyScore()
    for (const template of ['2021', '2019'] as const) {
      for (let run = 0; run < 3; run++) {
        const report = quirkReport(template, run)
        scoreCells(report, await parseReport(officePdf(report, quirks)), `${template} run ${run}`, score)
      }
    }
    expect(score.wrong, name).toEqual([])
    expect(score.unreported, name).toEqual([])
    expect(score.missing, name).toBe(0)
    expect(score.exact).toBeGreaterThan(1000)
  }, LONG)
})

describe('PDFs exported by an office suite (LibreOffice Writer, from the report as .docx)', () => {
  const squeeze = (value: unknown) => JSON.stringify(value).replace(/\s+/g, '')

  it('the committed exports are the fixtures the script makes', () => {
    expect(readdirSync(join(PDF_DIR, 'libreoffice')).sort()).toEqual(Object.keys(LIBREOFFICE_FIXTURES).map((name) => `${name}.pdf`).sort())
  })

  // Office suites set a little space between Chinese and Latin text by themselves: the text is compared without white space.
  it.each(Object.keys(LIBREOFFICE_FIXTURES))('%s: every cell right; the text the same but for spacing', async (name) => {
    const report = LIBREOFFICE_FIXTURES[name]!.report()
    const result = await parseReport(bytes(`libreoffice/${name}.pdf`))
    const score = scoreCells(report, result, name, emptyScore())
    expect(score.wrong).toEqual([])
    expect(score.missing).toBe(0)
    expect(result.complete).toBe(true)
    for (const key of ['meta', 'overview', 'problemsAndImprovements', 'otherMatters'] as const) expect(squeeze(result.report?.[key]), key).toBe(squeeze(report[key]))
  })

  it.runIf(hasLibreOffice() && process.env.ZFXXGK_LIBREOFFICE !== undefined)('fresh exports match the committed ones in every cell', async () => {
    for (const name of Object.keys(LIBREOFFICE_FIXTURES)) {
      const fresh = await parseReport(await exportWithLibreOffice(name))
      expect(fresh.report, name).toEqual((await parseReport(bytes(`libreoffice/${name}.pdf`))).report)
    }
  }, LONG)
})

describe('provenance', () => {
  const seedReport = () => readJson('examples/seed-2024-weidong-science-bureau.json') as Report
  it.each([
    ['upright', () => bytes('office/seed-2021-wps-ruled.pdf')],
    ['turned sideways (read turned back)', () => officePdf(seedReport(), { sideways: true })],
  ])('gives every cell its page and its box on the page as shown, and the box holds the printed value: %s', async (_name, make) => {
    const data = make()
    const result = await parsePdf(data)
    const { pages } = await extractPdf(data, { maxPages: 10, maxRuns: 100_000 })
    const cells = Object.entries(result.provenance)
    expect(cells.length).toBe(tableCells(result.report as Report).length)
    for (const [pointer, cell] of cells) {
      const { page, box } = cell.location
      expect(page, pointer).toBeGreaterThanOrEqual(1)
      const [x0, top, x1, bottom] = box!
      const onPage = pages[page! - 1]!
      expect(x0 >= 0 && x1 <= onPage.width && top >= 0 && bottom <= onPage.height && x0 < x1 && top < bottom, pointer).toBe(true)
      const inside = onPage.runs.filter((r) => (r.x0 + r.x1) / 2 > x0 && (r.x0 + r.x1) / 2 < x1 && (r.top + r.bottom) / 2 > top && (r.top + r.bottom) / 2 < bottom)
      expect(inside.map((r) => r.text).join(''), pointer).toBe(cell.raw)
    }
  })

  it('names the page and the place in its messages', async () => {
    // “5、属于三类内部事务信息”: the row number printed as “5、” stands apart from its label, as a value too many.
    const result = await parseReport(bytes('office/seed-2021-word-dense-centred-typos.pdf'))
    const located = result.diagnostics.filter((d) => d.location?.page !== undefined && d.level !== 'info')
    expect(located.map((d) => d.code)).toContain('extra-values')
    for (const d of located) {
      expect(d.message.zh).toMatch(/（第 \d+ 页，位置 \d+, \d+, \d+, \d+）/)
      expect(d.message.en).toMatch(/\(page \d+, at \d+, \d+, \d+, \d+\)/)
    }
  })
})

describe('files that cannot be read get one clear error, never a throw', () => {
  const page = (extra: Partial<WrittenPage> = {}): WrittenPage => ({ width: 595, height: 842, texts: [], rules: [], ...extra })
  const texts = [{ text: '某某局2024年政府信息公开工作年度报告一、总体情况本机关认真贯彻落实条例', x: 50, y: 100, size: 12 }]
  const only = async (data: Uint8Array) => {
    const result = await parseReport(data)
    expect(result.report).toBeUndefined()
    expect(result.diagnostics).toHaveLength(1)
    expect(result.diagnostics[0]!.level).toBe('error')
    return result.diagnostics[0]!
  }

  it('a scan (images, no text layer) is told to go through OCR first', async () => {
    const d = await only(writePdf([page({ image: true }), page({ image: true })]))
    expect(d.code).toBe('pdf-no-text')
    expect(d.message.zh).toContain('扫描件')
    expect(d.message.zh).toContain('OCR')
    expect(d.message.en).toContain('run OCR on it first')
  })

  it('a scan that a website stamped with a line of text on each page is still told to go through OCR', async () => {
    const stamp = [{ text: '来源：某某区人民政府网站　发布时间：2025-01-20', x: 40, y: 820, size: 8 }]
    const d = await only(writePdf([page({ image: true, texts: stamp }), page({ image: true, texts: stamp }), page({ image: true, texts: stamp })]))
    expect(d.code).toBe('pdf-no-text')
    expect(d.message.en).toContain('almost no text layer')
    // A report with a picture (a seal, a chart) is no scan.
    const withPicture = writePdf([page({ image: true, texts }), ...Array.from({ length: 2 }, () => page({ texts: Array.from({ length: 12 }, (_, i) => ({ ...texts[0]!, y: 100 + i * 20 })) }))])
    expect((await parseReport(withPicture)).diagnostics.map((d) => d.code)).not.toContain('pdf-no-text')
  })

  it('a PDF with no text at all, and one whose fonts have no map back to characters', async () => {
    expect((await only(writePdf([page()]))).code).toBe('pdf-no-text')
    const d = await only(writePdf([page({ texts })], { toUnicode: false }))
    expect(d.code).toBe('pdf-text-unmapped')
    expect(d.message.en).toContain('use the original document')
  })

  it('an encrypted PDF needs its password; one with only an owner password opens', async () => {
    const d = await only(bytes('encrypted-user-password.pdf'))
    expect(d.code).toBe('pdf-encrypted')
    expect(d.message.zh).toContain('需要密码')
    const open = await parseReport(bytes('encrypted-owner-password-only.pdf'))
    expect(open.report).toEqual(readJson('examples/seed-2024-weidong-science-bureau.json'))
  })

  it('a broken or truncated PDF, a bare header', async () => {
    const whole = officeFixture('seed-2021-wps-ruled')
    for (const data of [whole.slice(0, whole.length / 2), new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n'), new Uint8Array([...new TextEncoder().encode('%PDF-'), ...new Uint8Array(5000).fill(0xff)])]) {
      const d = await only(data)
      expect(d.code).toBe('pdf-unreadable')
      expect(d.message.en).toContain('cannot read the PDF (the file may be damaged)')
    }
  })

  it(`a file over ${MAX_PDF_BYTES} bytes is refused unread; past ${MAX_PDF_PAGES} pages the rest is reported, not read`, async () => {
    const huge = new Uint8Array(MAX_PDF_BYTES + 1)
    huge.set(new TextEncoder().encode('%PDF-1.7\n'))
    expect((await only(huge)).code).toBe('input-too-large')
    const many = await parseReport(writePdf(Array.from({ length: MAX_PDF_PAGES + 5 }, () => page({ texts }))))
    expect(many.diagnostics.find((d) => d.code === 'pdf-pages-not-read')?.message.en).toBe(`the PDF has ${MAX_PDF_PAGES + 5} pages; only the first ${MAX_PDF_PAGES} were read`)
  }, LONG)

  it('a page with far more text than any report is stopped while it is read', async () => {
    // Set two ems apart, so that pdf.js keeps every one a text item of its own.
    const crowded = writePdf([page({ texts: Array.from({ length: 3000 }, (_, i) => ({ text: '零', x: 20 + (i % 35) * 15, y: 20 + Math.floor(i / 35) * 9, size: 5 })) })])
    await expect(extractPdf(crowded, { maxPages: 10, maxRuns: 1000 })).rejects.toMatchObject({ kind: 'too-much-text' })
    const { pages } = await extractPdf(crowded, { maxPages: 10, maxRuns: 20_000 })
    expect(pages[0]!.runs).toHaveLength(3000)
  })

  it('hostile geometry: one baseline of 40,000 characters, a grid of 6,000 rules, a page of overprints: answered, no internal error', async () => {
    const line = page({ texts: Array.from({ length: 400 }, (_, i) => ({ text: '一、本年新收政府信息公开申请数量'.repeat(6) + String(i), x: 10 + i * 0.01, y: 100, size: 9 })) })
    const rules = Array.from({ length: 3000 }, (_, i) => [
      { x0: 10, y0: 10 + i * 0.25, x1: 580, y1: 10 + i * 0.25 },
      { x0: 10 + i * 0.19, y0: 10, x1: 10 + i * 0.19, y1: 800 },
    ]).flat()
    const grid = page({ rules, texts: [{ text: '规章 0 0 0', x: 100, y: 300, size: 10 }] })
    const overprint = page({ texts: Array.from({ length: 4000 }, () => ({ text: '总计', x: 100, y: 100, size: 10 })) })
    for (const pages of [[line], [grid], [overprint]]) {
      const result = await parseReport(writePdf(pages))
      expect(result.diagnostics.map((d) => d.code)).not.toContain('internal')
    }
  }, LONG)

  it('leaves the caller’s bytes as they were', async () => {
    const data = bytes('office/seed-2021-wps-ruled.pdf')
    const copy = data.slice()
    await parseReport(data)
    expect(Buffer.from(data).equals(Buffer.from(copy))).toBe(true)
  })
})

describe('parseReport(bytes) tells the kind of file by its content', () => {
  const report = readJson('examples/seed-2024-weidong-science-bureau.json') as Report
  const text = renderText(report)

  it('PDF, Word, HTML and text files (UTF-8, UTF-16, GB18030) all give the same report', async () => {
    const files: [string, Uint8Array][] = [
      ['pdf', bytes('office/seed-2021-wps-ruled.pdf')],
      ['docx', await htmlToDocx(renderHtml(report))],
      ['html', new TextEncoder().encode(renderHtml(report))],
      ['utf-8 text', new TextEncoder().encode(text)],
      ['utf-16 text', new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))])],
      ['gb18030 text', new Uint8Array(readFileSync(join(ROOT, 'tests', 'encodings', 'seed-gb18030.txt')))],
    ]
    for (const [kind, data] of files) {
      const result = await parseReport(data)
      expect(result.report, kind).toEqual(report)
    }
  })

  it('an old .doc, a zip that is no Word file, and bytes that are no text get a clear error', async () => {
    const doc = await parseReport(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))
    expect(doc.diagnostics[0]!.code).toBe('input-doc')
    const zip = await parseReport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))
    expect(zip.diagnostics[0]!.code).toBe('input-zip')
    const binary = await parseReport(new Uint8Array([0x81, 0x30, 0xff, 0xfe, 0x00, 0x80, 0xff]))
    expect(binary.diagnostics[0]!.code).toBe('input-not-text')
  })
})
