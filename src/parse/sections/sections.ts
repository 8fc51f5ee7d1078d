/**
 * Stage 3 of the reader: the six section headings, found by meaning. Every line that starts with a numeral is
 * scored against all six titles (the official title from the schema, and the wordings reports use instead); the
 * numeral only breaks ties, so a heading numbered differently from the template is still found, and the matrix row
 * "四、结转下年度继续办理" is never taken for "四、政府信息公开行政复议、行政诉讼情况". A table section's heading counts
 * more when its table's labels follow it. The headings kept are the best-scoring sequence in template order.
 *
 * Headings run into the text around them (crawler text that put the whole body on one line) are first cut out of
 * their line, so that every heading starts a line.
 */
import { trimEndOf } from '../../chars.js'
import { SECTION_KEYS, sectionTitle, type SectionKey } from '../../schema/sections.js'
import { rowsOf } from '../../schema/tables.js'
import type { Line } from '../sources/text.js'
import { labelForms } from '../tables/anchors.js'
import { bigramsOf, normalizeLabel, overlapOf, type Bigrams } from '../tokens/normalize.js'

export { SECTION_KEYS, sectionTitle, type SectionKey }

export interface SectionHeading {
  key: SectionKey
  /** Index of the heading line. */
  line: number
  /** Text on the heading line after the title, if any (a heading run into its first paragraph). */
  rest: string
}

/** Wordings real reports give the section titles besides the official one (which is read from the schema). */
const WORDINGS: Record<SectionKey, string[]> = {
  overview: ['总体情况', '总体概述', '概述', '基本情况', '工作概述', '总体工作情况'],
  proactiveDisclosure: ['主动公开政府信息情况', '主动公开情况', '行政机关主动公开政府信息情况'],
  applications: ['收到和处理政府信息公开申请情况', '依申请公开政府信息情况', '收到和处理申请情况'],
  reviewsAndLawsuits: ['政府信息公开行政复议、行政诉讼情况', '行政复议、行政诉讼情况', '行政复议和行政诉讼情况', '因政府信息公开被申请行政复议、提起行政诉讼情况'],
  problemsAndImprovements: ['存在的主要问题及改进情况', '政府信息公开工作存在的主要问题及改进情况', '存在的问题及改进措施', '存在的主要问题和改进措施'],
  otherMatters: ['其他需要报告的事项', '其他事项'],
}

const NUMERALS = '一二三四五六七八九十'
const NUMERAL_PREFIX = new RegExp(`^([${NUMERALS}]{1,2})[、.,]`)

interface Title {
  official: string
  numeral: string
  bodies: string[]
  grams: Bigrams[]
  /** The length of the longest wording. */
  longest: number
}

const TITLES = new Map<SectionKey, Title>(
  SECTION_KEYS.map((key) => {
    const official = sectionTitle(key)
    const full = normalizeLabel(official)
    const mark = full.indexOf('、')
    const bodies = [...new Set([full.slice(mark + 1), ...WORDINGS[key].map(normalizeLabel)])]
    return [key, { official, numeral: full.slice(0, mark), bodies, grams: bodies.map(bigramsOf), longest: Math.max(...bodies.map((b) => b.length)) }]
  }),
)

/** Labels that only a section's table prints: evidence that a heading is really that table's. */
const TABLE_MARKERS: Partial<Record<SectionKey, string[]>> = Object.fromEntries(
  (['proactiveDisclosure', 'applications', 'reviewsAndLawsuits'] as const).map((key) => {
    const rows = rowsOf('2021', `/${key}`)
    const markers = new Set<string>()
    for (const row of rows.slice(0, 3)) markers.add(labelForms(row.label).core)
    for (const column of rows[0]!.columns) if (normalizeLabel(column.title).length >= 4) markers.add(normalizeLabel(column.title))
    return [key, [...markers].filter((m) => m.length >= 2)]
  }),
)

const escape = (char: string) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A heading anywhere inside a line: numeral, "、", one of the section's wordings (spaces allowed between characters). */
const EMBEDDED = new RegExp(
  `[${NUMERALS}]{1,2}\\s*[、.,，．]\\s*(?:` +
    [...TITLES.values()]
      .flatMap((title) => title.bodies.filter((body) => body.length >= 4).map((body) => [...body].map((c) => (c === '、' ? '[、,，]' : escape(c))).join('\\s*')))
      .join('|') +
    ')',
  'g',
)

/** Cuts headings out of long lines that run them into other text (one cell per line only). */
export function splitEmbeddedHeadings(lines: readonly Line[]): Line[] {
  const out: Line[] = []
  for (const line of lines) {
    if (line.tableRow || line.cells.length > 1 || line.text.length < 60) {
      out.push(line)
      continue
    }
    const cuts = [...line.text.matchAll(EMBEDDED)].map((m) => m.index).filter((index) => index > 0)
    if (cuts.length === 0) {
      out.push(line)
      continue
    }
    const lead = line.cells.length === 1 ? line.cells[0]!.length - line.cells[0]!.trimStart().length : 0
    const bounds = [0, ...cuts, line.text.length]
    for (let i = 0; i + 1 < bounds.length; i++) {
      const text = line.text.slice(bounds[i], bounds[i + 1])
      const column = (line.columns?.[0] ?? 0) + lead + bounds[i]!
      const location = line.location.line === undefined ? line.location : { ...line.location }
      out.push({ ...line, text: text.trim(), cells: text.trim() === '' ? [] : [text], columns: [column], locations: [location], location })
    }
  }
  return out
}

/** A heading starts with a Chinese numeral (after Markdown markers): everything else is skipped cheaply. */
const MAY_BE_HEADING = new RegExp(`^[\\s#>*]*[${NUMERALS}]`)

interface Candidate {
  key: SectionKey
  line: number
  rest: string
  score: number
}

interface Prepared {
  plain: string
  normalized: string
  prefix: RegExpExecArray
  /** The normalised text after the numeral. */
  body: string
  /** The bigrams of the text after the numeral (worked out for the first title it is compared with). */
  grams?: Bigrams
}

/** A line made ready for scoring once (Markdown markers off, normalised), if it starts with a numeral. */
function prepare(text: string): Prepared | undefined {
  const plain = trimEndOf(text.replace(/^[#>*\s]+/, ''), '*')
  const normalized = normalizeLabel(plain.slice(0, 200))
  const prefix = NUMERAL_PREFIX.exec(normalized)
  return prefix === null ? undefined : { plain, normalized, prefix, body: normalized.slice(prefix[0].length) }
}

/** How well a line reads as the heading of `key` (undefined if not at all), and the text after the title on its line. */
function score(prepared: Prepared, key: SectionKey): { score: number; rest: string } | undefined {
  const { plain, body, prefix } = prepared
  const title = TITLES.get(key)!
  const sameNumeral = prefix[1] === title.numeral
  const bonus = sameNumeral ? 0.25 : 0
  // A title followed by text on the same line.
  for (const wording of title.bodies) {
    if (body.startsWith(wording) && body.length > wording.length && wording.length >= 4) return { score: 1 + bonus, rest: restAfter(plain, prefix[0], wording) }
  }
  if (body.length === 0 || body.length > title.longest + 16) return undefined
  const grams = (prepared.grams ??= bigramsOf(body))
  let similarity = 0
  for (let i = 0; i < title.bodies.length; i++) similarity = Math.max(similarity, body === title.bodies[i] ? 1 : overlapOf(grams, title.grams[i]!))
  if (similarity < (sameNumeral ? 0.5 : 0.8)) return undefined
  return { score: similarity + bonus, rest: '' }
}

/** The text of `line` after its numeral and the title `title` (matched on normalised characters). */
function restAfter(line: string, numeral: string, title: string): string {
  const target = numeral + title
  for (let i = 0; i < Math.min(line.length, target.length * 3 + 20); i++) {
    if (normalizeLabel(line.slice(0, i + 1)) === target) return line.slice(i + 1).replace(/^[\s:：]+/, '').trim()
  }
  return ''
}

/** The headings found, in template order; a section whose heading is missing is absent. */
export function findSections(lines: readonly Line[]): SectionHeading[] {
  const candidates: Candidate[] = []
  lines.forEach((line, i) => {
    if (line.tableRow || !MAY_BE_HEADING.test(line.text)) return
    const prepared = prepare(line.text)
    if (prepared === undefined) return
    for (const key of SECTION_KEYS) {
      const found = score(prepared, key)
      if (found !== undefined) candidates.push({ key, line: i, rest: found.rest, score: found.score })
    }
  })
  // A table section's heading followed by its table's labels (before the next candidate heading) counts more.
  const candidateLines = [...new Set(candidates.map((c) => c.line))].sort((a, b) => a - b)
  const normalizedLines: (string | undefined)[] = []
  for (const candidate of candidates) {
    const markers = TABLE_MARKERS[candidate.key]
    if (markers === undefined) continue
    const next = candidateLines.find((l) => l > candidate.line) ?? lines.length
    // The lines are normalised as far as the first that holds a label (most often the next), each once for all candidates.
    const marked = (text: string) => markers.some((m) => text.includes(m))
    let found = marked(normalizeLabel(candidate.rest))
    for (let l = candidate.line + 1; !found && l < Math.min(next, candidate.line + 80); l++) found = marked((normalizedLines[l] ??= normalizeLabel(lines[l]!.text)))
    if (found) candidate.score += 0.5
  }
  // The best sequence in template order and line order (a weighted increasing subsequence).
  const best: { total: number; previous: number }[] = []
  candidates.forEach((candidate, i) => {
    let total = candidate.score
    let previous = -1
    for (let j = 0; j < i; j++) {
      const before = candidates[j]!
      if (before.line < candidate.line && SECTION_KEYS.indexOf(before.key) < SECTION_KEYS.indexOf(candidate.key) && best[j]!.total + candidate.score > total) {
        total = best[j]!.total + candidate.score
        previous = j
      }
    }
    best.push({ total, previous })
  })
  let end = -1
  best.forEach((b, i) => {
    if (end < 0 || b.total > best[end]!.total) end = i
  })
  const chosen: SectionHeading[] = []
  for (let i = end; i >= 0; i = best[i]!.previous) {
    const c = candidates[i]!
    chosen.unshift({ key: c.key, line: c.line, rest: c.rest })
  }
  return chosen
}
