/**
 * Report metadata from the lines before section 一: a "label：value" block whose labels are the official titles of
 * the meta fields (what the renderers print), else the title line ("XX局2024年政府信息公开工作年度报告"), else the
 * first year the text names.
 */
import { labelAt } from '../../schema/labels.js'
import { META_FIELDS } from '../../schema/sections.js'
import { report2021Schema } from '../../schema/published.js'
import type { Line } from '../sources/text.js'
import { normalizeLabel } from '../tokens/normalize.js'

export interface MetaRead {
  fields: Record<string, string | number>
  /** How the year and the agency were found. */
  yearFrom?: 'block' | 'title' | 'text'
  agencyFrom?: 'block' | 'title'
  /** The publisher a crawler recorded ("发布机构: …"): the agency if nothing better names it. */
  publisher?: string
}

const titleOf = (field: string) => normalizeLabel(labelAt(report2021Schema, `/meta/${field}`)!)
const TITLE = /^(.*?)((?:19|20)\d{2})\s*年(?:度)?\s*(?:政府信息公开|政务公开|信息公开)[^。，,]{0,20}报告/

/** The "key: value" lines a site crawler writes above the page text ("标题: …", "发布机构: …", "原文链接: …"). */
const CRAWLER_LINE = /^(?:(标题|题目|文章标题|发布机构|信息来源|来源|原文链接|来源网址|链接|网址|URL|发布时间|发布日期|文号|栏目|索引号|本地目录)\s*|(页面链接[^：:]*))[：:](.*)$/i
const SOURCE_URL = /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][!-~]*)?$/

export function readMeta(preamble: readonly Line[], body: readonly Line[], pageTitle?: string): MetaRead {
  const read: MetaRead = { fields: {} }
  const block = new Map(META_FIELDS.map((field) => [titleOf(field), field]))
  const rest: string[] = []
  const texts: string[] = []
  for (const line of preamble) {
    const text = line.text.replace(/^[#>*\-\s]+/, '').trim()
    if (text === '' || (text.length >= 2 && text.startsWith('=') && text.endsWith('=') && !/[\n\r\u2028\u2029]/.test(text))) continue
    const crawler = CRAWLER_LINE.exec(text)
    if (crawler === null) {
      texts.push(text)
      continue
    }
    const key = crawler[1] ?? crawler[2]
    const value = crawler[3]
    if (/标题|题目/.test(key!)) texts.push(value!.trim())
    else if (/发布机构|来源$/.test(key!) && value!.trim() !== '') read.publisher = value!.trim()
    else if (/链接|网址|URL/i.test(key!) && SOURCE_URL.test(value!.trim())) read.fields.sourceUrl = value!.trim()
  }
  let blockFields = 0
  for (const text of texts) {
    const match = /^([^：:]{2,20})[：:](.+)$/.exec(text)
    const field = match === null ? undefined : block.get(normalizeLabel(match[1]!))
    if (field === undefined) {
      rest.push(text)
      continue
    }
    blockFields++
    read.fields[field] = field === 'year' && /^\d{4}$/.test(match![2]!.trim()) ? Number(match![2]!.trim()) : match![2]!.trim()
  }
  if (read.fields.year !== undefined) read.yearFrom = 'block'
  if (read.fields.agencyName !== undefined) read.agencyFrom = 'block'

  // A block of labelled fields is the whole story (the renderers print one); else read the title line.
  const hasBlock = blockFields > 0
  const isTitle = (text: string) => text.length <= 80 && /报告$|报告\s*[（(]|年度报告/.test(text)
  let titleIndex = hasBlock ? -1 : rest.findIndex(isTitle)
  // The page's own <title> ("…年度报告_栏目_网站名") where the text has no title line.
  if (titleIndex < 0 && !hasBlock && pageTitle !== undefined && isTitle(pageTitle.split(/[_|｜]/)[0]!.trim())) {
    rest.push(pageTitle.split(/[_|｜]/)[0]!.trim())
    titleIndex = rest.length - 1
  }
  if (titleIndex >= 0) {
    let title = rest[titleIndex]!
    const match = TITLE.exec(title)
    // "2025某乡2025年度…": a year printed before the agency too.
    let agency = (match?.[1] ?? '').trim().replace(/^(?:19|20)\d{2}\s*年?度?/, '').trim()
    const previous = rest[titleIndex - 1]
    // The agency on the line above the title ("乌海市工业和信息化局" / "政府信息公开工作年度报告").
    if (agency === '' && previous !== undefined && previous.length <= 30 && !/[。，,：:；;]/.test(previous) && !/^\d/.test(previous)) {
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
