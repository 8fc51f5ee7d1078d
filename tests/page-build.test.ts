/**
 * The clerk's page as built (scripts/build-page.ts, part of `npm run build`): its files, its strict CSP, and the size
 * of what opening it loads (deterministic for the same sources, unlike a time). The browser tests are page.test.ts.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { readJson } from './support/files.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from './support/files.js'

/**
 * The page's JavaScript before the Word and PDF readers, gzipped: the 150 KB, and 15 KB for the claims of the
 * narrative (their vocabulary, reader and checker: 9 KB) and what came since.
 */
const PAGE_BUDGET_BYTES = 165 * 1024

let dir: string
const file = (name: string) => readFileSync(join(dir, name))

describe('the page as built', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zfxxgk-page-build-'))
    const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-page.ts', dir], { cwd: ROOT, encoding: 'utf8' })
    expect(built.status, built.stderr).toBe(0)
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('has the page, its worker, the two readers and pdf.js’s character maps', () => {
    for (const name of ['index.html', 'page.css', 'page.js', 'worker.js', 'reader-word.js', 'reader-pdf.js', 'sheet-writer.js', 'pdf/cmaps/UniGB-UCS2-H.bcmap', 'pdf/cmaps/Adobe-GB1-UCS2.bcmap']) {
      expect(existsSync(join(dir, name)), name).toBe(true)
    }
  })

  it('opening it loads page.js (and the worker) only: ≤ 165 KB gzipped; the readers load when such a file is dropped', () => {
    const html = file('index.html').toString('utf8')
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script src="page.js" defer>'])
    const opening = gzipSync(file('page.js'), { level: 9 }).length + gzipSync(file('worker.js'), { level: 9 }).length
    expect(opening).toBeLessThanOrEqual(PAGE_BUDGET_BYTES)
    expect(file('page.js').toString('utf8')).not.toMatch(/reader-(word|pdf)\.js["'][^;]*<script/)
    for (const reader of ['reader-word.js', 'reader-pdf.js', 'sheet-writer.js']) expect(html).not.toContain(reader)
  })

  it('carries the schemas’ titles (the labels) but not their English descriptions, which nothing on the page reads', () => {
    const script = file('page.js').toString('utf8')
    const year = (readJson('schema/report-2021.schema.json') as { $defs: Record<string, { properties: Record<string, { title: string; description: string }> }> }).$defs.ReportMeta!.properties.year!
    expect(script).toContain(year.title)
    expect(year.description.length).toBeGreaterThan(20)
    expect(script).not.toContain(year.description)
  })

  it('ships a strict Content-Security-Policy, and nothing in the page or its scripts needs more', () => {
    const html = file('index.html').toString('utf8')
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
    expect(policy).toBeDefined()
    const directives = Object.fromEntries(policy!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))
    expect(directives['default-src']).toEqual(["'none'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['style-src']).toEqual(["'self'"])
    expect(policy).not.toMatch(/unsafe-(inline|eval)|wasm-unsafe-eval|\*/)
    // No inline script or style, no style attributes, no inline event handlers.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i)
    // The page's own script never generates code (the validator is precompiled).
    for (const name of ['page.js', 'worker.js']) expect(file(name).toString('utf8'), name).not.toMatch(/new Function\(|\beval\(/)
  })
})
