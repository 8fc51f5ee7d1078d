/**
 * Reports exported to PDF by an office suite: the rendered report as a Word .docx, opened and exported by
 * LibreOffice Writer (`soffice --headless --convert-to pdf`, Debian's libreoffice-writer), as agencies export theirs
 * from WPS or Word. Plain tables (no borders, text at the top of its cell, labels wrapped over many lines) and
 * bordered ones with their text centred.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Report } from '../../generated/report.js'
import { renderHtml } from '../../src/render/index.js'
import { canonical } from './canonical.js'
import { htmlToDocx, type DocxOptions } from './docx.js'
import { readJson } from './files.js'
import { quirkReport } from './office-fixtures.js'

export const SOFFICE = '/usr/bin/soffice'
export const hasLibreOffice = () => existsSync(SOFFICE)

const seed = () => canonical(readJson('examples/seed-2024-weidong-science-bureau.json') as Report)
const example2019 = () => canonical(readJson('examples/example-2019-template-fictional.json') as Report)

export const LIBREOFFICE_FIXTURES: Record<string, { report: () => Report; docx: DocxOptions }> = {
  'seed-2021-plain': { report: seed, docx: {} },
  'seed-2021-bordered-centred': { report: seed, docx: { borders: true, centred: true } },
  'example-2019-plain': { report: example2019, docx: {} },
  'realistic-2021-one-row-other-handling-bordered': { report: () => quirkReport('2021', 1), docx: { borders: true } },
  'realistic-2019-centred': { report: () => quirkReport('2019', 2), docx: { centred: true } },
}

/** The PDF LibreOffice exports from the report's .docx. */
export async function exportWithLibreOffice(name: string): Promise<Uint8Array> {
  const fixture = LIBREOFFICE_FIXTURES[name]!
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-lo-'))
  try {
    writeFileSync(join(dir, `${name}.docx`), await htmlToDocx(renderHtml(fixture.report()), fixture.docx))
    execFileSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, `${name}.docx`)], { stdio: 'ignore' })
    return new Uint8Array(readFileSync(join(dir, `${name}.pdf`)))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
