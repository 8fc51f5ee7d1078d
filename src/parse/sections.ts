/**
 * Finds the six section headings. A line is the heading of section k if it starts with k's numeral and "、" and the
 * rest is close to the official title (read from the schema), so that the matrix row "四、结转下年度继续办理" is never
 * taken for "四、政府信息公开行政复议、行政诉讼情况", while "六、其他事项" or "行政法复议" typos still are found.
 */
import { SECTION_KEYS, sectionTitle, type SectionKey } from '../schema/sections.js'
import type { Line } from './document.js'
import { normalizeLabel, overlap } from './normalize.js'

export { SECTION_KEYS, sectionTitle, type SectionKey }

export interface SectionHeading {
  key: SectionKey
  /** Index of the heading line. */
  line: number
  /** Text on the heading line after the title, if any (a heading run into its first paragraph). */
  rest: string
}

interface Title {
  official: string
  full: string
  numeral: string
  body: string
}

/** Each section's title, normalised once. */
const TITLES = new Map<SectionKey, Title>(
  SECTION_KEYS.map((key) => {
    const official = sectionTitle(key)
    const full = normalizeLabel(official)
    const mark = full.indexOf('、')
    return [key, { official, full, numeral: full.slice(0, mark + 1), body: full.slice(mark + 1) }]
  }),
)

/** A heading starts with a Chinese numeral (after Markdown markers): everything else is skipped cheaply. */
const MAY_BE_HEADING = /^[\s#>*]*[一二三四五六]/

function matchHeading(text: string, key: SectionKey): string | undefined {
  const plain = text.replace(/^[#>*\s]+/, '').replace(/\*+$/, '')
  const normalized = normalizeLabel(plain)
  const title = TITLES.get(key)!
  if (!normalized.startsWith(title.numeral)) return undefined
  const body = normalized.slice(title.numeral.length)
  // The whole official title, followed by text on the same line.
  if (normalized.startsWith(title.full) && normalized.length > title.full.length) return restAfter(plain, title.official)
  if (body.length > title.body.length + 16 || body.length === 0) return undefined
  return overlap(body, title.body) >= 0.5 ? '' : undefined
}

/** The text of `line` after the title `title` (matched loosely on normalised characters). */
function restAfter(line: string, title: string): string {
  const target = normalizeLabel(title)
  let consumed = ''
  for (let i = 0; i < line.length; i++) {
    consumed += line[i]
    if (normalizeLabel(consumed) === target) return line.slice(i + 1).replace(/^[\s:：]+/, '').trim()
  }
  return ''
}

/** The headings found, in order; a section whose heading is missing is absent. */
export function findSections(lines: readonly Line[]): SectionHeading[] {
  const found: SectionHeading[] = []
  let from = 0
  for (const key of SECTION_KEYS) {
    for (let i = from; i < lines.length; i++) {
      const line = lines[i]!
      if (line.tableRow || line.text.length > 200 || !MAY_BE_HEADING.test(line.text)) continue
      const rest = matchHeading(line.text, key)
      if (rest === undefined) continue
      found.push({ key, line: i, rest })
      from = i + 1
      break
    }
  }
  return found
}
