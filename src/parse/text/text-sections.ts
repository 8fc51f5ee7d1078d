/**
 * The text of sections 一, 五 and 六, and the prose printed inside the table sections. Lines become paragraphs
 * (a line wrapped in a PDF joins the next); section 一's "（一）主动公开：…" headings become `heading` and `topic`;
 * section 六's sub-items become `additionalItems`, and its 信息处理费 statement is read into structured form.
 */
import type { JsonSchema } from '../../schema/emit.js'
import { readFeeStatement, type FeeStatement } from '../../schema/fee-statement.js'
import { schemaPath } from '../../schema/labels.js'
import { report2021Schema } from '../../schema/published.js'
import type { Line } from '../sources/text.js'
import { canonicalHeading, normalizeLabel } from '../tokens/normalize.js'

const NUMERAL = '[一二三四五六七八九十]{1,3}'
/** The numbered mark that opens a sub-heading: "（一）", "(十二)". */
const HEADING_MARK = new RegExp(`^\\s*[(（]\\s*${NUMERAL}\\s*[)）]`)
const STANDALONE_STOPS = '：:。，,；;'
const INLINE_STOPS = '：:。，,；;（('

/** "（一）主动公开情况" as a line of its own: the mark, then at most 60 characters with no colon or sentence mark. */
function isStandaloneHeading(text: string): boolean {
  const mark = HEADING_MARK.exec(text)
  if (mark === null) return false
  const rest = text.slice(mark[0].length)
  if (rest.length === 0 || rest.trimStart().length > 60) return false
  for (const char of rest) if (STANDALONE_STOPS.includes(char)) return false
  return true
}

/**
 * "（一）主动公开：…": the heading (the mark and 1–40 characters of words) and the text after its colon. One scan of
 * the line, so a line of any length costs linear time.
 */
function inlineHeading(text: string): { heading: string; rest: string } | undefined {
  const mark = HEADING_MARK.exec(text)
  if (mark === null) return undefined
  const start = mark[0].length - mark[0].trimStart().length
  let words = mark[0].length
  while (words < text.length && text[words]!.trim() === '') words++
  let stop = words
  while (stop < text.length && !INLINE_STOPS.includes(text[stop]!)) stop++
  if (stop === text.length || (text[stop] !== ':' && text[stop] !== '：')) return undefined
  const heading = text.slice(start, stop).trimEnd()
  const length = heading.length - (words - start)
  const rest = text.slice(stop + 1).trim()
  return length >= 1 && length <= 40 && rest !== '' ? { heading, rest } : undefined
}
const ENDS_SENTENCE = /[。！？!?；;…][”’"』」)）]*$/

/** A line that reads as running text rather than a table cell (used inside table sections). */
export function isProse(text: string): boolean {
  if (text.length < 2 || /勾稽关系/.test(text)) return false
  return /[。！？!?]/.test(text) || (/[,，、；;:：]$/.test(text) && text.length >= 14)
}

/** Paragraphs of a run of lines: blank lines and sentence ends break paragraphs, wrapped lines are joined. */
export function paragraphsOf(lines: readonly Line[], joinWrapped = true): string[] {
  const paragraphs: string[] = []
  let current = ''
  const close = () => {
    if (current.trim() !== '') paragraphs.push(current.trim())
    current = ''
  }
  for (const line of lines) {
    const text = line.text.trim()
    if (text === '') {
      close()
      continue
    }
    if (current !== '' && (isStandaloneHeading(text) || inlineHeading(text) !== undefined || !joinWrapped)) close()
    current += text
    if (ENDS_SENTENCE.test(text) || isStandaloneHeading(text) || !joinWrapped) close()
  }
  close()
  return paragraphs
}

// ---- section 一 ----

interface Topic {
  value: string
  title: string
}

/** The five topics with their official titles, read from the schema. */
const topicsOf = new WeakMap<JsonSchema, Topic[]>()
function topics(doc: JsonSchema): Topic[] {
  let list = topicsOf.get(doc)
  if (list === undefined) topicsOf.set(doc, (list = topicsIn(doc)))
  return list
}
function topicsIn(doc: JsonSchema): Topic[] {
  const path = schemaPath(doc, '/overview/paragraphs/0/topic')
  const options = (path[path.length - 1]!.schema.anyOf ?? []) as JsonSchema[]
  return options.map((option) => ({ value: String(option.const), title: normalizeLabel(String(option.title)) }))
}

const TOPIC_NUMBERING = new RegExp(`^\\(${NUMERAL}\\)`)

/** The topic a heading names: the longest official title it contains or that contains it. */
export function topicOf(heading: string, doc: JsonSchema = report2021Schema): string | undefined {
  const name = normalizeLabel(heading).replace(TOPIC_NUMBERING, '')
  const matches = topics(doc).filter((t) => name.includes(t.title) || (name.length >= 3 && t.title.includes(name)))
  return matches.sort((a, b) => b.title.length - a.title.length)[0]?.value
}

export interface OverviewParagraph {
  heading?: string
  topic?: string
  text: string
}

/**
 * Section 一's paragraphs. A heading ("（一）主动公开：…" inline, or on a line of its own) starts a topic; the
 * paragraphs after it, up to the next heading, are about that topic too and carry it (without the heading).
 */
export function overviewParagraphs(lines: readonly Line[], joinWrapped: boolean): OverviewParagraph[] {
  const out: OverviewParagraph[] = []
  let pending: string | undefined
  let topic: string | undefined
  const push = (heading: string | undefined, text: string) => {
    if (heading !== undefined) topic = topicOf(heading)
    out.push({ ...(heading === undefined ? {} : { heading }), ...(topic === undefined ? {} : { topic }), text })
  }
  for (const paragraph of paragraphsOf(lines, joinWrapped)) {
    const inline = inlineHeading(paragraph)
    if (isStandaloneHeading(paragraph) && !ENDS_SENTENCE.test(paragraph)) {
      if (pending !== undefined) push(pending, pending)
      pending = canonicalHeading(paragraph)
      continue
    }
    if (inline !== undefined) push(canonicalHeading(inline.heading), inline.rest)
    else push(pending, paragraph)
    pending = undefined
  }
  if (pending !== undefined) push(pending, pending)
  return out
}

// ---- section 六 ----

/** The 信息处理费 situation as report text states it, where it states it plainly. */
export function inferFeeStatement(paragraphs: readonly string[]): FeeStatement | undefined {
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph.split(/[。；;]/)) {
      if (!/信息处理费|收费|收取费用/.test(sentence)) continue
      if (/(?:未|没有|无|不|均未|并未)(?:向申请人)?(?:收取|收费|产生|征收|发生)/.test(sentence)) return { charged: false }
      const charged = /(?:收取|收到)(?:了)?(?:信息处理费|费用)/.exec(sentence)
      if (charged !== null) {
        const fee: FeeStatement = { charged: true }
        // A number starts where no digit precedes it, so a long digit run is scanned once, not once per digit.
        const amount = /(?<![\d.])(\d+(?:\.\d+)?)\s*元/.exec(sentence)
        const cases = /(?<!\d)(\d+)\s*件/.exec(sentence)
        if (amount !== null) fee.amountYuan = Number(amount[1])
        if (cases !== null) fee.cases = Number(cases[1])
        return fee
      }
    }
  }
  return undefined
}

export interface OtherMattersText {
  paragraphs: string[]
  informationProcessingFee?: FeeStatement
  additionalItems?: { heading: string; paragraphs: string[] }[]
}

export function otherMatters(lines: readonly Line[], joinWrapped: boolean): OtherMattersText {
  const out: OtherMattersText = { paragraphs: [] }
  let structured: FeeStatement | undefined
  let item: { heading: string; paragraphs: string[] } | undefined
  for (const paragraph of paragraphsOf(lines, joinWrapped)) {
    const fee = readFeeStatement(paragraph)
    if (fee !== undefined) {
      structured = fee
      continue
    }
    const inline = inlineHeading(paragraph)
    if (isStandaloneHeading(paragraph) && !ENDS_SENTENCE.test(paragraph)) {
      item = { heading: canonicalHeading(paragraph), paragraphs: [] }
      ;(out.additionalItems ??= []).push(item)
    } else if (inline !== undefined) {
      item = { heading: canonicalHeading(inline.heading), paragraphs: [inline.rest] }
      ;(out.additionalItems ??= []).push(item)
    } else if (item !== undefined) item.paragraphs.push(paragraph)
    else out.paragraphs.push(paragraph)
  }
  const fee = structured ?? inferFeeStatement([...out.paragraphs, ...(out.additionalItems ?? []).flatMap((i) => i.paragraphs)])
  if (fee !== undefined) out.informationProcessingFee = fee
  return out
}
