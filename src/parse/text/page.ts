/**
 * What a web page or a signed document puts around the report: a site footer after it ("版权所有", "网站标识码",
 * "打印本页" …), a signature and a date under it ("卫东区科学技术局 / 2025年1月20日"), a "发布时间：" line above it.
 * Found here so that they do not end up as paragraphs of section 六, and so that the date becomes `publishedOn`.
 */
import type { Line } from '../sources/text.js'

const FOOTER = /版权所有|主办单位|承办单位|网站标识码|ICP备|公网安备|技术支持|联系我们|网站地图|打印本页|关闭窗口|【打印】|【关闭】|扫一扫|分享到|上一篇|下一篇|相关链接|浏览次数|访问量/
const DATE_LINE = /^\s*((?:19|20)\d{2})\s*(?:年|-|\.|\/)\s*(\d{1,2})\s*(?:月|-|\.|\/)\s*(\d{1,2})\s*(?:日\s*)?$/
const PUBLISHED = /(?:发布|成文|印发)(?:时间|日期)\s*[：:]\s*((?:19|20)\d{2})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/
const AGENCY = /^[^。，,；;：:（()）!！?？]{2,40}(局|委|办|办公室|政府|厅|院|中心|委员会|街道|街道办事处|镇|乡|所|处|站|队|会|部|署|馆|社|司)$/

const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`

export interface PageEnd {
  /** Index of the first line that is not part of the report any more. */
  end: number
  footerLine?: number
  publishedOn?: string
  dateLine?: number
  signature?: { line: number; text: string }
}

/** Finds where the report's text ends after `from` (the last heading): footer, date line, signature. */
export function pageEnd(lines: readonly Line[], from: number): PageEnd {
  let end = lines.length
  let footerLine: number | undefined
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]!.text
    if (!lines[i]!.tableRow && text.length <= 120 && FOOTER.test(text)) {
      end = i
      footerLine = i
      break
    }
  }
  const result: PageEnd = { end, ...(footerLine === undefined ? {} : { footerLine }) }
  let i = end - 1
  while (i > from && lines[i]!.text.trim() === '') i--
  const date = i > from ? DATE_LINE.exec(lines[i]!.text) : null
  if (date !== null) {
    const [, y, m, d] = date
    if (Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31) {
      result.publishedOn = iso(y!, m!, d!)
      result.dateLine = i
      result.end = i
      i--
      while (i > from && lines[i]!.text.trim() === '') i--
    }
  }
  // A signature is the agency's name on the line above the date (never a numbered heading or a table cell).
  const candidate = i > from ? lines[i]!.text.trim() : ''
  if (result.dateLine !== undefined && !lines[i]!.tableRow && AGENCY.test(candidate) && !/^[一二三四五六七八九十]+、/.test(candidate)) {
    result.signature = { line: i, text: candidate }
    result.end = i
  }
  return result
}

/** A "发布时间：2025-01-20" line among `lines` (the part of a page above the report). */
export function publishedLine(lines: readonly Line[]): string | undefined {
  for (const line of lines) {
    const match = PUBLISHED.exec(line.text)
    if (match !== null) return iso(match[1]!, match[2]!, match[3]!)
  }
  return undefined
}
