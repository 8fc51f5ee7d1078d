/**
 * The report's metadata as the parser settles it: what the lines above section 一 give (meta.ts), the options the
 * caller passed, the page's date, signature and publisher; each source named in a diagnostic.
 */
import type { Collector } from '../diagnostics.js'
import { META_FIELDS } from '../../schema/sections.js'
import type { Line } from '../sources/text.js'
import type { MetaRead } from './meta.js'
import { publishedLine, type PageEnd } from './page.js'

export function reportMeta(
  meta: MetaRead,
  lines: readonly Line[],
  firstHeading: number,
  page: PageEnd,
  options: { year?: number; agencyName?: string },
  out: Collector,
): Record<string, unknown> {
  const metaOut: Record<string, unknown> = { ...meta.fields }
  if (options.year !== undefined) metaOut.year = options.year
  if (options.agencyName !== undefined) metaOut.agencyName = options.agencyName
  const publishedOn = publishedLine(lines.slice(0, firstHeading)) ?? page.publishedOn
  if (metaOut.publishedOn === undefined && publishedOn !== undefined) {
    metaOut.publishedOn = publishedOn
    out.add('info', 'date-read', `发布日期 ${publishedOn} 取自落款或页面信息`, `publication date ${publishedOn} read from the signature or the page`, '/meta/publishedOn', page.dateLine === undefined ? undefined : lines[page.dateLine]!.location)
  }
  if (page.signature !== undefined) {
    if (metaOut.agencyName === undefined) {
      metaOut.agencyName = page.signature.text
      out.add('info', 'agency-from-signature', `机关名称取自落款“${page.signature.text}”`, `agency name taken from the signature “${page.signature.text}”`, '/meta/agencyName', lines[page.signature.line]!.location)
    } else {
      out.add('info', 'signature-dropped', `落款“${page.signature.text}”不计入正文`, `the signature “${page.signature.text}” is not kept as text`, undefined, lines[page.signature.line]!.location)
    }
  }
  if (page.footerLine !== undefined) {
    const count = lines.slice(page.footerLine).filter((line) => line.text !== '').length
    out.add('info', 'footer-dropped', `报告之后的 ${count} 行（页面页脚）未读取`, `${count} lines after the report (the page footer) not read`, undefined, lines[page.footerLine]!.location)
  }
  if (metaOut.agencyName === undefined && meta.publisher !== undefined) {
    metaOut.agencyName = meta.publisher
    out.add('info', 'agency-from-publisher', `机关名称取自页面的发布机构“${meta.publisher}”`, `agency name taken from the page’s publisher “${meta.publisher}”`, '/meta/agencyName')
  }
  if (meta.yearFrom === 'text' && options.year === undefined) {
    out.add('info', 'year-from-text', `报告年度取自正文中首次出现的年份 ${String(metaOut.year)}`, `report year taken from the first year in the text, ${String(metaOut.year)}`, '/meta/year')
  }
  if (metaOut.year === undefined) out.miss('/meta/year', '未找到报告年度', 'report year not found')
  if (metaOut.agencyName === undefined) out.miss('/meta/agencyName', '未找到机关名称（可用 agencyName 选项提供）', 'agency name not found (pass it as agencyName)')
  return Object.fromEntries(META_FIELDS.filter((field) => metaOut[field] !== undefined).map((field) => [field, metaOut[field]]))

}
