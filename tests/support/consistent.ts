/** Turns an arbitrary report into one that satisfies every arithmetic rule, via the totals helper. */
import type { Report } from '../../generated/report.js'
import { completeTotals } from '../../src/rules/totals.js'
import { columnsOf } from '../../src/schema/places.js'
import { report2021Schema } from '../../src/schema/published.js'

const APPLICANT_COLUMNS = columnsOf(report2021Schema, 'ApplicantCounts').filter((column) => column !== 'total')

type Row = Record<string, number>

/**
 * Completes the totals, then makes the entered parts honour the printed balance (一 + 二 = （七） + 四) column by
 * column: 二 is capped by what the outcomes and the carry-over account for and 一 is the rest. The year is moved
 * into the template's range.
 */
export function makeConsistent(report: Report): Report {
  const copy = completeTotals(report)
  copy.meta.year = copy.template === '2019' ? 2019 + (copy.meta.year % 2) : Math.max(2021, copy.meta.year)
  const a = copy.applications as unknown as Record<string, Row> & { outcomes: { total: Row } }
  for (const column of APPLICANT_COLUMNS) {
    const out = a.outcomes.total[column]! + a.carriedOverToNextYear![column]!
    a.carriedOverFromLastYear![column] = Math.min(a.carriedOverFromLastYear![column]!, out)
    a.newlyReceived![column] = out - a.carriedOverFromLastYear![column]!
  }
  return completeTotals(copy)
}

/** JSON pointers of every number in the arithmetic tables (section 三's matrix and section 四). */
export function arithmeticCells(report: Report): string[] {
  const cells: string[] = []
  const walk = (node: unknown, pointer: string) => {
    if (typeof node === 'number') cells.push(pointer)
    else if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [key, value] of Object.entries(node)) walk(value, `${pointer}/${key}`)
    }
  }
  walk(report.applications, '/applications')
  walk(report.reviewsAndLawsuits, '/reviewsAndLawsuits')
  return cells
}
