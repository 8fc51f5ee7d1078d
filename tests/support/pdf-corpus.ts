/**
 * The reports the PDF tests print, chosen by seed so that the committed PDFs, the script that made them and the
 * tests agree: generated reports of both templates (random text and numbers from the schema, and real-looking
 * consistent numbers), one of them with （六）其他处理 as a single row, each in one of the print styles.
 */
import fc from 'fast-check'
import type { Report } from '../../generated/report.js'
import { arbitraryReport } from './arbitrary.js'
import { canonical } from './canonical.js'
import { asOneRowOtherHandling, random, realisticReport } from './damage.js'
import { PRINT_STYLES, type PrintStyle } from './print.js'

export interface CorpusEntry {
  name: string
  report: Report
  style: PrintStyle
}

/** `count` reports from `seed`: even ones from the schema's arbitrary, odd ones real-looking, styles in turn. */
export function printCorpus(seed: number, count: number): CorpusEntry[] {
  const generated = fc.sample(arbitraryReport().map(canonical), { seed, numRuns: count })
  const rand = random(seed)
  return Array.from({ length: count }, (_, i) => {
    const style = PRINT_STYLES[i % PRINT_STYLES.length]!
    let report = i % 2 === 0 ? generated[i]! : canonical(realisticReport(i % 4 === 1 ? '2021' : '2019', rand))
    if (i % 6 === 3 && report.template === '2021') report = asOneRowOtherHandling(report)
    return { name: `${String(i).padStart(2, '0')}-${report.template}-${style.name}`, report, style }
  })
}

/** The committed corpus (tests/pdf/printed): made by `npm run test-pdfs`. */
export const COMMITTED = { seed: 20261201, count: 8 }
