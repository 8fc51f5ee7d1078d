/**
 * The pieces the layout (document.ts) is built from, read from the schema: the meta block, each table's rows with
 * their label chains and printed values, section 六's statement and sub-items. The few header words of the template
 * that are not field labels (they name no field) are here, once.
 */
import { trimEndOf } from '../chars.js'
import type { Report } from '../../generated/report.js'
import type { PartialReport } from '../partial.js'
import { labelAt, schemaPath } from '../schema/labels.js'
import { templateSchemas } from '../schema/published.js'
import { META_FIELDS, sectionTitle, type SectionKey } from '../schema/sections.js'
import { rowsFor, rowsOf, type RowSpec, type Template } from '../schema/tables.js'
import { valueAt, splitPointer } from '../rules/pointer.js'
import { renderFeeStatement } from '../schema/fee-statement.js'

export { TEMPLATE_TEXT } from '../schema/template-text.js'

export { sectionTitle }

/**
 * What the renderers take: a schema-valid report, or what a parse read of one (its missing cells and sections are
 * printed empty; the HTML writer marks them). The template and the meta object are needed.
 */
export type Renderable = Report | PartialReport

/** What a cell that was not read prints: never blank, since a reader takes a blank cell for 0. */
export const MISSING_TEXT = '缺'

const schemaOf = (report: Renderable) => templateSchemas[report.template as Template]

/** "label：value" lines of the meta block, in schema order, for the fields the report has. */
export function metaLines(report: Renderable): { label: string; value: string }[] {
  const doc = schemaOf(report)
  return META_FIELDS
    .filter((field) => (report.meta as unknown as Record<string, unknown>)[field] !== undefined)
    .map((field) => ({ label: labelAt(doc, `/meta/${field}`)!, value: String((report.meta as unknown as Record<string, unknown>)[field]) }))
}

export function documentTitle(report: Renderable): string {
  return report.meta?.title ?? `${report.meta?.agencyName ?? ''}${report.meta?.year ?? ''}年政府信息公开工作年度报告`
}

/** A number as reports print it: no exponent, "+" on a positive signed change. */
export function formatNumber(value: number, signed = false): string {
  let text = String(value)
  if (/e/i.test(text)) text = Math.abs(value) < 1 ? trimEndOf(value.toFixed(20), '0') : BigInt(Math.round(value)).toString()
  return signed && value > 0 ? `+${text}` : text
}

export interface TableRow {
  spec: RowSpec
  /** The labels printed to the left of the values, outermost first (e.g. ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"]). */
  labels: string[]
  values: string[]
  /** The JSON pointer of each value's cell. */
  pointers: string[]
}

/** The rows of a table section with their label chains below the section and their printed values. */
export function tableRows(report: Renderable, section: SectionKey): TableRow[] {
  const doc = schemaOf(report)
  return rowsFor(report.template as Template, `/${section}`, report).map((spec) => {
    const chain = schemaPath(doc, spec.pointer)
      .slice(2)
      .map((node) => node.title ?? '')
    return {
      spec,
      labels: chain,
      pointers: spec.columns.map((column) => `${spec.pointer}/${column.key}`),
      values: spec.columns.map((column) => {
        const value = valueAt(report, splitPointer(`${spec.pointer}/${column.key}`))
        if (typeof value !== 'number') return MISSING_TEXT
        // The unit is in the key (…TenThousandYuan); where the printed column title does not state it, the cell does.
        const unit = column.key.endsWith('TenThousandYuan') && !column.title.includes('万元') ? '万元' : ''
        return formatNumber(value, column.signed) + unit
      }),
    }
  })
}

/** Section 二's tables: one per 第二十条 item, with its rows. */
export function itemTables(report: Renderable): { title: string; columns: string[]; rows: TableRow[] }[] {
  const tables = new Map<string, { title: string; columns: string[]; rows: TableRow[] }>()
  for (const row of tableRows(report, 'proactiveDisclosure')) {
    const title = row.labels[0]!
    const table = tables.get(title) ?? { title, columns: row.spec.columns.map((c) => c.title), rows: [] }
    table.rows.push({ ...row, labels: row.labels.slice(1) })
    tables.set(title, table)
  }
  return [...tables.values()]
}

/** The matrix header: the title over the applicant columns, the applicant columns (without 总计), and 总计. */
export function matrixColumns(report: Renderable): { heading: string; applicants: string[]; total: string } {
  const [first] = rowsOf(report.template as Template, '/applications')
  const titles = first!.columns.map((column) => column.title)
  const path = schemaPath(schemaOf(report), first!.pointer)
  return { heading: String(path[path.length - 1]!.schema.title), applicants: titles.slice(0, -1), total: titles[titles.length - 1]! }
}

export function notesOf(report: Renderable, section: 'proactiveDisclosure' | 'applications' | 'reviewsAndLawsuits'): string[] {
  return strings((report[section] as { notes?: string[] } | undefined)?.notes)
}

/** Section 六 as printed: paragraphs, the 信息处理费 statement, then the added sub-items. */
export function otherMattersBlocks(report: Renderable): { paragraphs: string[]; items: { heading: string; paragraphs: string[] }[] } {
  const other = report.otherMatters
  const paragraphs = strings(other?.paragraphs)
  const fee = other?.informationProcessingFee
  if (fee !== undefined && typeof fee.charged === 'boolean') paragraphs.push(renderFeeStatement(fee as Parameters<typeof renderFeeStatement>[0]))
  const items = (Array.isArray(other?.additionalItems) ? other!.additionalItems! : []).filter((item) => typeof item?.heading === 'string')
  return { paragraphs, items: items.map((item) => ({ heading: item!.heading!, paragraphs: strings(item!.paragraphs) })) }
}

/** The paragraphs of a text section as printed (none if the section was not read). */
export const paragraphsOf = (report: Renderable, section: 'problemsAndImprovements'): string[] => strings(report[section]?.paragraphs)

const strings = (list: readonly (string | undefined)[] | undefined): string[] => (Array.isArray(list) ? list : []).filter((text): text is string => typeof text === 'string')

export function overviewLines(report: Renderable): string[] {
  const paragraphs = report.overview?.paragraphs
  return (Array.isArray(paragraphs) ? paragraphs : [])
    .filter((p) => typeof p?.text === 'string')
    .map((p) => (p!.heading === undefined ? p!.text! : `${p!.heading}：${p!.text}`))
}

/** Section 四's header: groups with their column titles. */
export function reviewHeader(report: Renderable) {
  const doc = schemaOf(report)
  const rows = tableRows(report, 'reviewsAndLawsuits')
  return {
    review: labelAt(doc, '/reviewsAndLawsuits/administrativeReview')!,
    litigation: labelAt(doc, '/reviewsAndLawsuits/administrativeLitigation')!,
    groups: rows.map((row) => ({ title: row.labels[row.labels.length - 1]!, columns: row.spec.columns.map((c) => c.title), values: row.values, pointers: row.pointers })),
  }
}
