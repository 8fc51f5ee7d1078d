/**
 * Report metadata from the lines before section 一: a "label：value" block whose labels are the official titles of
 * the meta fields (what the renderers print), else the title line ("XX局2024年政府信息公开工作年度报告"), else the
 * first year the text names.
 */
import { labelAt } from '../schema/labels.js'
import { META_FIELDS } from '../schema/sections.js'
import { report2021Schema } from '../schema/published.js'
import type { Line } from './document.js'
import { normalizeLabel } from './normalize.js'

export interface MetaRead {
  fields: Record<string, string | number>
  /** How the year and the agency were found. */
  yearFrom?: 'block' | 'title' | 'text'
  agencyFrom?: 'block' | 'title'
}

const titleOf = (field: string) => normalizeLabel(labelAt(report2021Schema, `/meta/${field}`)!)
const TITLE = /^(.*?)\s*((?:19|20)\d{2})\s*年(?:度)?\s*(?:政府信息公开|政务公开|信息公开)[^。，,]{0,20}报告/

export function readMeta(preamble: readonly Line[], body: readonly Line[]): MetaRead {
  const read: MetaRead = { fields: {} }
  const block = new Map(META_FIELDS.map((field) => [titleOf(field), field]))
  const texts = preamble.map((line) => line.text.replace(/^[#>*\-\s]+/, '').trim()).filter((text) => text !== '')
  const rest: string[] = []
  for (const text of texts) {
    const match = /^([^：:]{2,20})[：:]\s*(.+)$/.exec(text)
    const field = match === null ? undefined : block.get(normalizeLabel(match[1]!))
    if (field === undefined) rest.push(text)
    else read.fields[field] = field === 'year' && /^\d{4}$/.test(match![2]!.trim()) ? Number(match![2]!.trim()) : match![2]!.trim()
  }
  if (read.fields.year !== undefined) read.yearFrom = 'block'
  if (read.fields.agencyName !== undefined) read.agencyFrom = 'block'

  // A block of labelled fields is the whole story (the renderers print one); else read the title line.
  const hasBlock = Object.keys(read.fields).length > 0
  const titleIndex = hasBlock ? -1 : rest.findIndex((text) => text.length <= 80 && /报告$|报告\s*[（(]|年度报告/.test(text))
  if (titleIndex >= 0) {
    let title = rest[titleIndex]!
    const match = TITLE.exec(title)
    let agency = match?.[1]?.trim() ?? ''
    const previous = rest[titleIndex - 1]
    if (match !== null && agency === '' && previous !== undefined && previous.length <= 30 && !/[。，,：:；;]/.test(previous)) {
      agency = previous
      title = previous + title
    }
    read.fields.title = title
    if (match !== null && read.fields.year === undefined) {
      read.fields.year = Number(match[2])
      read.yearFrom = 'title'
    }
    if (agency !== '' && read.fields.agencyName === undefined) {
      read.fields.agencyName = agency
      read.agencyFrom = 'title'
    }
  }
  if (read.fields.year === undefined) {
    for (const text of [...rest, ...body.map((line) => line.text)]) {
      const match = /((?:19|20)\d{2})\s*年/.exec(text)
      if (match !== null && Number(match[1]) >= 2008) {
        read.fields.year = Number(match[1])
        read.yearFrom = 'text'
        break
      }
    }
  }
  return read
}
