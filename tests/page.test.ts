/**
 * The clerk's page in a real browser (Debian's chromium driven by playwright-core), built as `npm run build` builds
 * it and served with its strict CSP as a header as well as in the page. Every file is also read in Node with the
 * page's own reading code (src/page/core.ts, state.ts): the page must show exactly what the library finds.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aggregateReports, checkReport, validateReport } from '../src/index.js'
import { parseReport } from '../src/parse/index.js'
import { loadBytes } from '../src/page/core.js'
import { newItem, statusOf } from '../src/page/state.js'
import { fromWorkbook } from '../src/sheet/index.js'
import { splitPointer, valueAt } from '../src/rules/pointer.js'
import type { Report } from '../generated/report.js'
import { makeBatch } from './support/batch.js'
import { pdfBomb, wordBomb } from './support/zip-bomb.js'
import { MAX_FILE_BYTES } from '../src/parse/budgets.js'
import { officePdf } from './support/office-pdf.js'
import { htmlToDocx } from './support/docx.js'
import { ROOT } from './support/files.js'
import { hasChromium, launch } from './support/print.js'
import { serve } from './support/static-server.js'

const run = hasChromium() || process.env.CI !== undefined
const SEED = join(ROOT, 'examples/seed-2024-weidong-science-bureau.txt')
const REAL_HTML = readFileSync(join(ROOT, 'tests/real-reports/040-pingtan-zhsyq-2024.html'), 'utf8')
/** The real report with one total printed wrong: （七）总计 of natural persons 227 instead of 217. */
const WRONG_TOTAL = REAL_HTML.replace(/(（七）总计<\/p><\/td><td[^>]*><p[^>]*>)217</, '$1227<')
const SHOTS = join(ROOT, '.tmp', 'page-shots')

let dir: string
let files: string
let browser: Browser
let server: Awaited<ReturnType<typeof serve>>

interface Opened {
  page: Page
  /** CSP violations and console errors seen so far. */
  problems: () => Promise<string[]>
}

async function open(url = server.url, viewport = { width: 1400, height: 1000 }): Promise<Opened> {
  const page = await browser.newPage({ viewport, acceptDownloads: true })
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon/.test(message.text())) errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { violations: string[] }).violations = [])
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`))
  })
  await page.goto(url)
  return {
    page,
    problems: async () => [...errors, ...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).map((v) => `CSP: ${v}`)],
  }
}

async function load(page: Page, paths: string[], rows: number): Promise<void> {
  await page.setInputFiles('#files', paths)
  await page.waitForFunction((n) => document.body.dataset.pending === '0' && document.querySelectorAll('#file-list tbody tr').length === n, rows, { timeout: 120_000 })
}

async function downloaded(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)])
  return readFileSync((await download.path())!, 'utf8')
}

/** The value cells the page shows: pointer → printed text, and the marks. */
const cellsOf = (page: Page) =>
  page.$$eval('#report-body td[data-pointer]', (cells) =>
    cells.map((cell) => ({
      pointer: cell.getAttribute('data-pointer')!,
      text: cell.textContent ?? '',
      finding: cell.getAttribute('data-finding'),
      severity: cell.getAttribute('data-severity'),
      missing: cell.hasAttribute('data-missing'),
    })),
  )

const write = (name: string, data: string | Uint8Array) => {
  const path = join(files, name)
  writeFileSync(path, data)
  return path
}

describe.runIf(run)('the clerk’s page in Chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zfxxgk-page-'))
    files = join(dir, 'files')
    mkdirSync(files)
    mkdirSync(SHOTS, { recursive: true })
    const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-page.ts', join(dir, 'page')], { cwd: ROOT, encoding: 'utf8' })
    expect(built.status, built.stderr).toBe(0)
    server = await serve(join(dir, 'page'))
    browser = await launch()
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('the seed text: complete, every cell shown with the value the library reads, none marked; the export validates', async () => {
    const { page, problems } = await open()
    await load(page, [SEED], 1)
    const expected = parseReport(readFileSync(SEED, 'utf8'))
    expect(expected.complete).toBe(true)
    expect(await page.getAttribute('#file-list tbody tr', 'data-state')).toBe('complete')
    const cells = await cellsOf(page)
    expect(cells.length).toBeGreaterThan(150)
    for (const cell of cells) {
      expect(cell.missing, cell.pointer).toBe(false)
      expect(cell.finding, cell.pointer).toBeNull()
      expect(Number(cell.text.replace(/万元$/, '')), cell.pointer).toBe(valueAt(expected.report, splitPointer(cell.pointer)))
    }
    const exported = JSON.parse(await downloaded(page, '#export-json'))
    expect(exported).toEqual(expected.report)
    expect(validateReport(exported).valid).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'seed-desktop.png'), fullPage: true })
    expect(await problems()).toEqual([])
    await page.close()
  })

  it('a real report with a wrong total: the cells the rules flag are marked (colour and symbol); correcting the cell by keyboard clears them; corrections and JSON export', async () => {
    expect(WRONG_TOTAL).not.toBe(REAL_HTML)
    const { page, problems } = await open()
    await load(page, [write('040-wrong-total.html', WRONG_TOTAL)], 1)
    const read = parseReport(WRONG_TOTAL)
    const findings = checkReport(read.report).findings
    const errors = findings.filter((f) => f.severity === 'error')
    expect(errors.map((f) => f.ruleId).sort()).toEqual(['applications.balance', 'applications.outcome-total', 'applications.row-total'])
    expect(await page.getAttribute('#file-list tbody tr', 'data-state')).toBe('errors')

    // Marked in place: exactly the first cell of each finding that has one, with the finding's rule ids.
    const cells = await cellsOf(page)
    const marked = Object.fromEntries(cells.filter((c) => c.finding !== null).map((c) => [c.pointer, c.finding!.split(' ').sort()]))
    const expectedMarks: Record<string, string[]> = {}
    for (const f of findings) if (cells.some((c) => c.pointer === f.pointers[0])) (expectedMarks[f.pointers[0]!] ??= []).push(f.ruleId)
    expect(marked).toEqual(Object.fromEntries(Object.entries(expectedMarks).map(([k, v]) => [k, v.sort()])))
    expect(marked['/applications/outcomes/total/naturalPerson']).toContain('applications.outcome-total')
    const total = page.locator('td[data-pointer="/applications/outcomes/total/naturalPerson"]')
    expect(await total.getAttribute('data-severity')).toBe('error')
    expect(await total.evaluate((cell) => getComputedStyle(cell, '::after').content)).toContain('✗')
    expect(await total.evaluate((cell) => getComputedStyle(cell).backgroundColor)).not.toBe(await page.locator('td[data-pointer="/applications/outcomes/disclosed/naturalPerson"]').evaluate((cell) => getComputedStyle(cell).backgroundColor))
    // The list of findings: one entry per finding, each with a button that takes the focus to its cell.
    expect(await page.locator('#findings-list li').count()).toBe(findings.length)
    await page.locator('#findings-list li[data-rule="applications.outcome-total"] button').click()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-pointer'))).toBe('/applications/outcomes/total/naturalPerson')
    // Provenance on focus: how it was read, the printed text, where.
    const panel = await page.locator('#cell-panel').innerText()
    expect(panel).toContain('227')
    expect(panel).toContain(read.provenance['/applications/outcomes/total/naturalPerson']!.location.element!)
    await page.screenshot({ path: join(SHOTS, 'wrong-total-desktop.png') })

    // Correct with the keyboard: Enter opens the cell, type, Enter commits; the checks run again at once.
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('217')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelectorAll('td[data-severity="error"]').length === 0)
    expect(await page.locator('#findings-list li[data-severity="error"]').count()).toBe(0)
    expect(await page.getAttribute('#file-list tbody tr', 'data-state')).not.toBe('errors')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-pointer'))).toBe('/applications/outcomes/total/naturalPerson')
    expect(await page.locator('#corrections-list li').count()).toBe(1)

    // Leaving the page with corrections not exported: the browser asks first (the event is cancelled).
    const leaving = () => page.evaluate(() => !dispatchEvent(new Event('beforeunload', { cancelable: true })))
    expect(await leaving()).toBe(true)
    const corrections = JSON.parse(await downloaded(page, '#export-corrections'))
    expect(await leaving()).toBe(false)
    expect(JSON.parse(await downloaded(page, '#export-all-corrections'))).toEqual([corrections])
    expect(corrections.corrections).toEqual([{ pointer: '/applications/outcomes/total/naturalPerson', labels: expect.arrayContaining(['（七）总计', '自然人']), old: 227, new: 217 }])
    const exported = JSON.parse(await downloaded(page, '#export-json'))
    expect(validateReport(exported).valid).toBe(true)
    expect(exported).toEqual(parseReport(REAL_HTML).report)
    // Undo puts the wrong value and its marks back.
    await page.locator('#corrections-list button').click()
    await page.waitForFunction(() => document.querySelectorAll('td[data-severity="error"]').length > 0)
    expect(await problems()).toEqual([])
    await page.close()
  })

  it('a real report as a Word file: the Word reader loads only then, and the page reads what parseDocx reads', async () => {
    const docx = await htmlToDocx(REAL_HTML)
    const { page, problems } = await open()
    expect(server.requests.filter((r) => r.includes('reader-'))).toEqual([])
    await load(page, [write('040-pingtan.docx', docx)], 1)
    expect(server.requests.filter((r) => r.includes('reader-'))).toEqual(['/reader-word.js'])
    const [expected] = await loadBytes('040-pingtan.docx', docx)
    expect(expected!.report).toBeDefined()
    expect(expected!.missing.filter((pointer) => !pointer.startsWith('/meta/'))).toEqual([])
    const cells = await cellsOf(page)
    expect(cells.length).toBe(Object.keys(expected!.provenance).length)
    for (const cell of cells) expect(Number(cell.text), cell.pointer).toBe(valueAt(expected!.report, splitPointer(cell.pointer)))
    expect(JSON.parse(await downloaded(page, '#export-json'))).toEqual(expected!.report)
    expect(await problems()).toEqual([])
    await page.close()
  })

  it('a PDF: pdf.js loads only then, with its character maps from beside the page, and the page reads what parsePdf reads', async () => {
    const { page, problems } = await open()
    // Text in a predefined CMap with no ToUnicode map: only pdf.js's character maps recover it.
    const seed = JSON.parse(readFileSync(join(ROOT, 'examples/seed-2024-weidong-science-bureau.json'), 'utf8')) as Report
    const predefined = write('seed-unigb-ucs2.pdf', officePdf(seed, { encoding: 'UniGB-UCS2-H' }))
    const pdfs = [...['tests/pdf/printed/00-2021-a4-zenhei.pdf', 'tests/pdf/office/seed-2021-wps-ruled.pdf'].map((p) => join(ROOT, p)), predefined]
    await load(page, pdfs, 3)
    expect(server.requests).toContain('/reader-pdf.js')
    for (const [i, path] of pdfs.entries()) {
      const [expected] = await loadBytes(path.split('/').pop()!, new Uint8Array(readFileSync(path)))
      expect(expected!.missing, path).toEqual([])
      await page.locator('#file-list button.file').nth(i).click()
      expect(JSON.parse(await downloaded(page, '#export-json')), path).toEqual(expected!.report)
      expect((await cellsOf(page)).some((c) => c.missing)).toBe(false)
    }
    expect(JSON.parse(await downloaded(page, '#export-json'))).toEqual(seed)
    expect(server.requests).toContain('/pdf/cmaps/UniGB-UCS2-H.bcmap')
    expect(await problems()).toEqual([])
    await page.close()
  })

  it('English, an incomplete report with missing cells shown as missing (not 0), NDJSON in and out, and the 汇总 refusing mixed templates', async () => {
    const { page, problems } = await open()
    const reports = [JSON.parse(readFileSync(join(ROOT, 'examples/seed-2024-weidong-science-bureau.json'), 'utf8')), parseReport(REAL_HTML).report] as Report[]
    const ndjson = write('two.ndjson', `${JSON.stringify(reports[0])}\n{"template": "2021", "meta":\n${JSON.stringify(reports[1])}\n`)
    const flattened = join(ROOT, 'tests/real-reports/040-pingtan-zhsyq-2024-flattened.txt')
    await load(page, [ndjson, flattened], 4)
    const rows = await page.$$eval('#file-list tbody tr', (trs) => trs.map((tr) => ({ state: tr.getAttribute('data-state'), text: tr.textContent })))
    expect(rows.map((r) => r.state)).toEqual(['complete', 'failed', 'warnings', 'incomplete'])

    // The flattened crawler text: its missing cells are marked and print 缺, never a number.
    const read = parseReport(readFileSync(flattened, 'utf8'))
    await page.locator('#file-list button.file').nth(3).click()
    const missing = (await cellsOf(page)).filter((c) => c.missing)
    expect(missing.length).toBeGreaterThan(0)
    for (const cell of missing) {
      expect(cell.text).toBe('缺')
      expect(valueAt(read.report, splitPointer(cell.pointer))).toBeUndefined()
      expect(read.missing.some((m) => cell.pointer.startsWith(m))).toBe(true)
    }
    await page.screenshot({ path: join(SHOTS, 'missing-desktop.png') })

    // The summary of the two valid 2021 reports is the library's.
    const summary = JSON.parse(await downloaded(page, '#export-aggregate'))
    const library = aggregateReports(reports)
    expect(library.ok).toBe(true)
    expect(summary).toEqual((library as { report: Report }).report)
    expect(await page.locator('#status').innerText()).toContain('040-pingtan-zhsyq-2024-flattened.txt')
    const all = (await downloaded(page, '#export-ndjson')).trim().split('\n').map((line) => JSON.parse(line))
    expect(all).toHaveLength(3)
    // The spreadsheet: the writer loads only now; the workbook reads back to the reports shown.
    expect(server.requests).not.toContain('/sheet-writer.js')
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')])
    expect(server.requests).toContain('/sheet-writer.js')
    const workbook = await fromWorkbook(new Uint8Array(readFileSync((await xlsx.path())!)))
    expect(workbook.reports.map((r) => r.report)).toEqual(all.map((report) => expect.objectContaining({ meta: report.meta })))
    expect(workbook.reports.filter((r) => r.valid).map((r) => r.report)).toEqual([reports[0], reports[1]])

    // English: the page's words and the findings' messages.
    await page.click('#lang')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.locator('#findings-title').innerText()).toBe('Findings')
    const english = checkReport(read.report).findings.map((f) => f.message.en)
    expect(await page.$$eval('#findings-list li .message', (els) => els.map((e) => e.textContent))).toEqual(english)

    // A 2019 report joins: the summary is refused with the library's message.
    await load(page, [join(ROOT, 'examples/example-2019-template-fictional.json')], 5)
    await page.click('#export-aggregate')
    const refused = aggregateReports([...reports, JSON.parse(readFileSync(join(ROOT, 'examples/example-2019-template-fictional.json'), 'utf8'))])
    expect(refused.ok).toBe(false)
    expect(await page.locator('#status').innerText()).toBe((refused as { error: { en: string } }).error.en)
    expect(await problems()).toEqual([])
    await page.close()
  })

  it('a folder of 60 generated files in mixed formats, in subfolders, picked as a folder: each file’s status on the page is the one the library gives it', async () => {
    const batch = await makeBatch(60, 7)
    const folder = join(files, '年报')
    for (const [i, file] of batch.entries()) {
      const sub = join(folder, i % 2 === 0 ? '区直部门' : '乡镇街道')
      mkdirSync(sub, { recursive: true })
      writeFileSync(join(sub, file.name), file.bytes)
    }
    writeFileSync(join(folder, '封面.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]))
    const expected: string[] = []
    for (const [i, file] of batch.entries()) {
      const path = `年报/${i % 2 === 0 ? '区直部门' : '乡镇街道'}/${file.name}`
      for (const loaded of await loadBytes(path, file.bytes)) expected.push(`${loaded.name} ${statusOf(newItem(loaded)).state}`)
    }
    expect(new Set(expected.map((e) => e.split(' ').pop())).size).toBeGreaterThanOrEqual(4)
    const { page, problems } = await open()
    await page.setInputFiles('#folder', folder)
    await page.waitForFunction((n) => document.body.dataset.pending === '0' && document.querySelectorAll('#file-list tbody tr').length === n, expected.length, { timeout: 120_000 })
    const shown = await page.$$eval('#file-list tbody tr', (trs) => trs.map((tr) => `${tr.querySelector('button')!.textContent} ${tr.getAttribute('data-state')}`))
    expect([...shown].sort()).toEqual([...expected].sort())
    // An NDJSON file's reports are listed together, in line order.
    const names = shown.map((row) => row.slice(0, row.lastIndexOf(' ')))
    for (const [i, name] of names.entries()) if (name.endsWith(' #2')) expect(names[i - 1]).toBe(name.replace(/ #2$/, ' #1'))
    expect(await page.locator('#status').innerText()).toMatch(/跳过 1 个/)
    expect(await page.locator('progress').evaluate((bar) => [(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max])).toEqual([60, 60])
    expect(await problems()).toEqual([])
    await page.close()
  })

  it('an incomplete real report: the rules that could not run are listed as checkReport says, each taking the focus to a cell not read', async () => {
    const path = join(ROOT, 'tests/real-reports/034-longgang-dept-2024.txt')
    const expected = checkReport(parseReport(readFileSync(path, 'utf8')).report).notChecked
    expect(expected.length).toBeGreaterThan(0)
    const { page, problems } = await open()
    await load(page, [path], 1)
    expect(await page.locator('#not-checked').isVisible()).toBe(true)
    expect(await page.$$eval('#not-checked-list li', (lis) => lis.map((li) => li.getAttribute('data-rule')))).toEqual(expected.map((n) => n.ruleId))
    await page.locator('#not-checked-list li button').first().click()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-pointer'))).toBe(expected[0]!.missing[0])
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-missing'))).toBe(true)
    expect(await problems()).toEqual([])
    await page.close()
  })

  it('hostile files get a clear error in their row and the page carries on: a file over the size budget (not read), a Word zip bomb, a PDF bomb, JSON that is no report', async () => {
    const big = join(files, 'huge.txt')
    writeFileSync(big, '')
    truncateSync(big, MAX_FILE_BYTES + 1)
    const hostile = [big, write('bomb.docx', wordBomb(400)), write('bomb.pdf', pdfBomb(400)), write('list.json', '[1, 2, 3]'), SEED]
    const { page, problems } = await open()
    await load(page, hostile, hostile.length)
    const rows = await page.$$eval('#file-list tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-state')))
    expect(rows).toEqual(['failed', 'failed', 'failed', 'failed', 'complete'])
    const notes = async (i: number) => {
      await page.locator('#file-list button.file').nth(i).click()
      return page.locator('#report-body').innerText()
    }
    expect(await notes(0)).toContain('MAX_FILE_BYTES')
    expect(await notes(1)).toContain('MAX_DOCX_INFLATED_BYTES')
    expect(await notes(2)).toContain('MAX_PDF_INFLATED_BYTES')
    expect(await notes(3)).toContain('应为一份报告')
    expect(await problems()).toEqual([])
    await page.close()
  })

  it('at a narrow width (a phone, or 200% zoom) nothing but the tables scrolls sideways, and every control is reached by keyboard', async () => {
    const { page, problems } = await open(server.url, { width: 640, height: 900 })
    await load(page, [write('040-wrong-total-narrow.html', WRONG_TOTAL)], 1)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640)
    await page.screenshot({ path: join(SHOTS, 'wrong-total-narrow.png'), fullPage: true })
    // Tab from the top reaches the language switch, both pickers, the list and the first value cell.
    const reached = new Set<string>()
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      reached.add(await page.evaluate(() => document.activeElement?.getAttribute('data-pointer') || document.activeElement?.id || document.activeElement?.className || ''))
    }
    for (const id of ['lang', 'files', 'folder', 'export-json', 'export-ndjson']) expect(reached, id).toContain(id)
    expect([...reached].some((r) => r.startsWith('/'))).toBe(true)
    expect(await problems()).toEqual([])
    await page.close()
  })

  it('opened from a folder (file://, as from a USB stick): reads on the page itself and says so', async () => {
    const { page, problems } = await open(pathToFileURL(join(dir, 'page', 'index.html')).href)
    await load(page, [SEED], 1)
    expect(await page.getAttribute('#file-list tbody tr', 'data-state')).toBe('complete')
    expect(await page.locator('#progress-text').innerText()).toMatch(/本页直接处理|on the page itself/)
    expect((await problems()).filter((p) => !/worker/i.test(p))).toEqual([])
    await page.close()
  })
})
