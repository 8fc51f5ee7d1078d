/**
 * Makes the PDFs the tests read, so that a clean clone has them (`npm run test-pdfs`):
 * - tests/pdf/printed: generated reports printed by headless Chromium (Debian's `chromium` and CJK fonts:
 *   `apt-get install -y chromium fonts-wqy-zenhei fonts-wqy-microhei fonts-arphic-uming`), each with the report
 *   it was printed from;
 * - tests/pdf/libreoffice: reports as .docx exported to PDF by LibreOffice Writer (`--libreoffice` makes only these;
 *   Debian's libreoffice-writer);
 * - tests/pdf/seed-a5-5-pages.pdf: the seed report printed on five A5 pages (the benchmark's PDF);
 * - tests/pdf/office: the seed report typeset as office suites export it, with their quirks (deterministic: the
 *   tests make them again and compare the bytes). `npm run test-pdfs -- --office` makes only these.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Report } from '../generated/report.js'
import { readJson, ROOT } from '../tests/support/files.js'
import { OFFICE_FIXTURES, officeFixture } from '../tests/support/office-fixtures.js'
import { exportWithLibreOffice, hasLibreOffice, LIBREOFFICE_FIXTURES } from '../tests/support/libreoffice.js'
import { COMMITTED, printCorpus } from '../tests/support/pdf-corpus.js'
import { hasChromium, launch, printReport, SEED_A5 } from '../tests/support/print.js'

const printed = join(ROOT, 'tests/pdf/printed')
const office = join(ROOT, 'tests/pdf/office')

for (const [name] of Object.entries(OFFICE_FIXTURES)) {
  mkdirSync(office, { recursive: true })
  writeFileSync(join(office, `${name}.pdf`), officeFixture(name))
}
console.log(`${Object.keys(OFFICE_FIXTURES).length} office-export PDFs in tests/pdf/office`)

if (process.argv.includes('--office')) process.exit(0)

const libreoffice = join(ROOT, 'tests/pdf/libreoffice')
if (hasLibreOffice()) {
  rmSync(libreoffice, { recursive: true, force: true })
  mkdirSync(libreoffice, { recursive: true })
  for (const name of Object.keys(LIBREOFFICE_FIXTURES)) writeFileSync(join(libreoffice, `${name}.pdf`), await exportWithLibreOffice(name))
  console.log(`${Object.keys(LIBREOFFICE_FIXTURES).length} LibreOffice exports in tests/pdf/libreoffice`)
} else console.error('soffice not found (apt-get install -y libreoffice-writer): tests/pdf/libreoffice left as it is')
if (process.argv.includes('--libreoffice')) process.exit(0)
if (!hasChromium()) {
  console.error('chromium not found (apt-get install -y chromium fonts-wqy-zenhei fonts-wqy-microhei fonts-arphic-uming): tests/pdf/printed left as it is')
  process.exit(1)
}
rmSync(printed, { recursive: true, force: true })
mkdirSync(printed, { recursive: true })
const browser = await launch()
try {
  for (const entry of printCorpus(COMMITTED.seed, COMMITTED.count)) {
    writeFileSync(join(printed, `${entry.name}.pdf`), await printReport(browser, entry.report, entry.style))
    writeFileSync(join(printed, `${entry.name}.json`), JSON.stringify(entry.report, null, 2) + '\n')
  }
  const seed = readJson('examples/seed-2024-weidong-science-bureau.json') as Report
  writeFileSync(join(ROOT, 'tests/pdf/seed-a5-5-pages.pdf'), await printReport(browser, seed, SEED_A5))
} finally {
  await browser.close()
}
console.log(`${COMMITTED.count} printed PDFs in tests/pdf/printed`)
