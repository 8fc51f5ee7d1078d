/**
 * The office-export quirks the PDF reader must survive, as named variants; and the committed PDFs made from them
 * (tests/pdf/office), each a report with a combination of quirks.
 */
import type { Report } from '../../generated/report.js'
import { canonical } from './canonical.js'
import { asOneRowOtherHandling, random, realisticReport } from './damage.js'
import { readJson } from './files.js'
import { officePdf, type OfficeQuirks } from './office-pdf.js'

export const QUIRK_VARIANTS: Record<string, Partial<OfficeQuirks>> = {
  'ruled (WPS: stroked rules)': {},
  'ruled (Word: filled rules, cut cells closed)': { filledRules: true, closeCutCells: true },
  'stream shuffled': { order: 'shuffled' },
  'stream: all labels, then all numbers': { order: 'labels-first' },
  'label typos': { typos: true },
  'numbers at the bottom of their cells': { numbersAtBottom: true },
  'short pages (more page breaks in tables)': { pageHeight: 600 },
  'horizontal rules only': { rules: 'horizontal' },
  'no rules': { rules: 'none' },
  'no rules, shuffled, short pages': { rules: 'none', order: 'shuffled', pageHeight: 600 },
  'no rules, numbers at the bottom': { rules: 'none', numbersAtBottom: true },
  'dense (no cell padding)': { dense: true },
  'centred labels': { centreLabels: true },
  'a text item per character, bold by overprint': { charRuns: true, overprint: true },
  'no rules, dense': { rules: 'none', dense: true },
  'no rules, centred': { rules: 'none', centreLabels: true },
  'no rules, per character, overprint, shuffled': { rules: 'none', charRuns: true, overprint: true, order: 'shuffled' },
  'no rules, dense, centred, typos': { rules: 'none', dense: true, centreLabels: true, typos: true },
  'no outer side rules': { openSides: true },
  'header rows repeated on every page (Word), short pages': { repeatHeader: true, pageHeight: 600, filledRules: true, closeCutCells: true },
  'pages turned sideways (text reading downwards)': { sideways: true },
  'vertical labels as one turned run': { turnedLabels: true },
  'vertical labels as one turned run, no rules': { turnedLabels: true, rules: 'none' },
  'zeros left blank, short pages, cut cells closed': { zerosBlank: true, pageHeight: 600, closeCutCells: true },
  'a frame round every page, a slanted watermark': { pageFrame: true, watermark: true },
  'text in the predefined CMap UniGB-UCS2-H, font not embedded, no ToUnicode': { encoding: 'UniGB-UCS2-H' },
  'everything at once, ruled': { dense: true, centreLabels: true, charRuns: true, overprint: true, typos: true, order: 'shuffled', pageHeight: 600, filledRules: true, openSides: true, pageFrame: true, watermark: true },
}

/** A real-looking report for run `run` of a quirk test: 2021 runs alternate with （六）其他处理 as one row. */
export function quirkReport(template: '2021' | '2019', run: number): Report {
  const report = canonical(realisticReport(template, random(run * 31 + 7)))
  return run % 2 === 1 && template === '2021' ? asOneRowOtherHandling(report) : report
}

const seed = () => canonical(readJson('examples/seed-2024-weidong-science-bureau.json') as Report)
const example2019 = () => canonical(readJson('examples/example-2019-template-fictional.json') as Report)

export const OFFICE_FIXTURES: Record<string, { report: () => Report; quirks: Partial<OfficeQuirks> }> = {
  'seed-2021-wps-ruled': { report: seed, quirks: {} },
  'seed-2021-word-dense-centred-typos': { report: seed, quirks: { filledRules: true, closeCutCells: true, dense: true, centreLabels: true, typos: true, pageHeight: 600 } },
  'example-2019-unruled-scrambled': { report: example2019, quirks: { rules: 'none', charRuns: true, overprint: true, order: 'shuffled' } },
  'realistic-2021-one-row-other-handling-unruled': { report: () => quirkReport('2021', 1), quirks: { rules: 'none', numbersAtBottom: true, pageHeight: 600 } },
  'realistic-2019-labels-first-horizontal-rules': { report: () => quirkReport('2019', 2), quirks: { rules: 'horizontal', order: 'labels-first' } },
}

export const officeFixture = (name: string): Uint8Array => officePdf(OFFICE_FIXTURES[name]!.report(), OFFICE_FIXTURES[name]!.quirks)
