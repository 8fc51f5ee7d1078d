/**
 * The 主管部门's 汇总: many reports of one template generation and one year summed into one report, every count and
 * amount added up, with the list of the reports included. Mixing template generations is refused (their tables
 * differ); mixing years is refused unless asked for. Where some reports printed 2021's （六）其他处理 as one row,
 * the summary holds it as one row: the others' three rows are summed into it.
 */
import type { Report } from '../../generated/report.js'
import type { Bilingual } from '../validate/messages.js'
import { alternativesOf, type Alternative, type Template } from '../schema/tables.js'
import { templateOf } from '../schema/published.js'
import { splitPointer, valueAt } from './pointer.js'

export interface AggregateOptions {
  /** Agency name of the summary (default: "汇总（N份报告）"). */
  agencyName?: string
  /** Sum reports of different years (the summary takes the latest year). Default: refuse. */
  allowMixedYears?: boolean
}

export interface IncludedReport {
  index: number
  agencyName: string
  year: number
  title?: string
  sourceUrl?: string
}

export type AggregateResult =
  | { ok: true; report: Report; included: IncludedReport[] }
  | { ok: false; error: Bilingual }

/** Sections whose numbers are summed; text (paragraphs, notes) is not carried into the summary. */
const NUMERIC_SECTIONS = ['proactiveDisclosure', 'applications', 'reviewsAndLawsuits'] as const

/** Adds the numbers of `source` into `target`, which has the same shape; strings and arrays are left out. */
function addInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key in source) {
    // A caller may pass unvalidated objects: never follow a key onto a prototype.
    if (!Object.hasOwn(source, key) || key === '__proto__' || key === 'constructor' || key === 'prototype') continue
    const value = source[key]
    if (typeof value === 'number') {
      const sum = ((target[key] as number | undefined) ?? 0) + value
      target[key] = Number.isInteger(sum) ? sum : Math.round(sum * 1e6) / 1e6
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      if (!Object.hasOwn(target, key)) target[key] = {}
      addInto(target[key] as Record<string, unknown>, value as Record<string, unknown>)
    }
  }
}

/** The pointer of the first summed integer that is no longer exact, if any. */
function firstUnsafe(node: unknown, pointer = ''): string | undefined {
  if (typeof node === 'number') return Number.isInteger(node) && !Number.isSafeInteger(node) ? pointer : undefined
  if (node === null || typeof node !== 'object') return undefined
  for (const [key, value] of Object.entries(node)) {
    const found = firstUnsafe(value, `${pointer}/${key}`)
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * Places where the reports hold different shapes of the template (the 2021 （六）其他处理: three rows in some
 * reports, the one row printed in others). There the summary holds the one row, the shape every report can give.
 */
function coarsestShapes(reports: readonly Report[], template: Template): Alternative[] {
  return alternativesOf(template, '/applications').filter((alternative) => {
    const one = alternative.shapes.find((shape) => shape.length === 1 && shape[0]!.pointer === alternative.pointer)
    return one !== undefined && reports.some((report) => typeof (valueAt(report, splitPointer(alternative.pointer)) as Record<string, unknown> | undefined)?.total === 'number')
  })
}

/**
 * `report` with each of `places` as one row: its rows summed column by column. Only the objects on the way to a
 * place are copied; the rest is shared with `report`, which is not changed.
 */
function asOneRow(report: Report, places: readonly Alternative[]): Report {
  const copy = { ...report } as Record<string, unknown>
  for (const alternative of places) {
    const path = splitPointer(alternative.pointer)
    const here = valueAt(copy, path) as Record<string, Record<string, number>> | undefined
    if (here === undefined || typeof here.total === 'number') continue
    const one = alternative.shapes.find((shape) => shape.length === 1)![0]!
    const row = Object.fromEntries(one.columns.map((c) => [c.key, Object.values(here).reduce((sum, r) => sum + (r[c.key] ?? 0), 0)]))
    let node = copy
    for (const key of path.slice(0, -1)) node = node[key] = { ...(node[key] as Record<string, unknown>) }
    node[path[path.length - 1]!] = row
  }
  return copy as unknown as Report
}

export function aggregateReports(reports: readonly Report[], given?: AggregateOptions): AggregateResult {
  // Any argument gets an answer: what cannot be summed is an error result, never an exception.
  if (!Array.isArray(reports)) return { ok: false, error: { zh: '应传入报告数组', en: 'reports must be an array of reports' } }
  if (given !== undefined && given !== null && (typeof given !== 'object' || Array.isArray(given))) {
    return { ok: false, error: { zh: '选项应为对象', en: 'the options must be an object' } }
  }
  const options: AggregateOptions = given ?? {}
  if (options.agencyName !== undefined && typeof options.agencyName !== 'string') return { ok: false, error: { zh: '选项 agencyName 应为文本', en: 'the option agencyName must be a string' } }
  const notReport = reports.findIndex((report) => templateOf(report) === undefined || typeof (report as { meta?: unknown }).meta !== 'object' || (report as { meta?: unknown }).meta === null)
  if (notReport >= 0) {
    return { ok: false, error: { zh: `第 ${notReport + 1} 份不是报告（请先校验）`, en: `item ${notReport + 1} is not a report (validate the reports first)` } }
  }
  try {
    return aggregateValid(reports, options)
  } catch (error) {
    return { ok: false, error: { zh: `无法汇总：报告不符合格式（请先校验）：${(error as Error).message}`, en: `cannot aggregate: a report does not match the schema (validate first): ${(error as Error).message}` } }
  }
}

function aggregateValid(reports: readonly Report[], options: AggregateOptions): AggregateResult {
  if (reports.length === 0) {
    return { ok: false, error: { zh: '没有可汇总的报告', en: 'There are no reports to aggregate' } }
  }
  const templates = [...new Set(reports.map((report) => report.template))]
  if (templates.length > 1) {
    const counts = templates.map((t) => `${t}: ${reports.filter((r) => r.template === t).length}`).join(', ')
    return {
      ok: false,
      error: {
        zh: `不能混合汇总不同格式的报告（${counts}）：2019年格式与2021年格式的表格不同，请分别汇总`,
        en: `Reports of different template generations cannot be summed together (${counts}): their tables differ; aggregate each separately`,
      },
    }
  }
  const years = [...new Set(reports.map((report) => report.meta.year))].sort((a, b) => a - b)
  if (years.length > 1 && options.allowMixedYears !== true) {
    return {
      ok: false,
      error: {
        zh: `报告年度不一致（${years.join('、')}）；如确需跨年度汇总，请使用 allowMixedYears`,
        en: `The reports cover different years (${years.join(', ')}); pass allowMixedYears to sum them anyway`,
      },
    }
  }
  const summary: Record<string, unknown> = {
    template: templates[0],
    meta: { year: years[years.length - 1], agencyName: options.agencyName ?? `汇总（${reports.length}份报告）` },
    overview: { paragraphs: [] },
    problemsAndImprovements: { paragraphs: [] },
    otherMatters: { paragraphs: [] },
  }
  for (const section of NUMERIC_SECTIONS) summary[section] = {}
  const coarse = coarsestShapes(reports, templates[0] as Template)
  for (const report of reports) {
    const shaped = coarse.length === 0 ? report : asOneRow(report, coarse)
    for (const section of NUMERIC_SECTIONS) {
      addInto(summary[section] as Record<string, unknown>, shaped[section] as unknown as Record<string, unknown>)
    }
  }
  const overflow = firstUnsafe(summary)
  if (overflow !== undefined) {
    return {
      ok: false,
      error: {
        zh: `汇总后 ${overflow} 超出可精确表示的整数范围（2^53），请分批汇总`,
        en: `the sum at ${overflow} is beyond the integers JSON represents exactly (2^53); aggregate in smaller batches`,
      },
    }
  }
  const included = reports.map((report, index) => {
    const entry: IncludedReport = { index, agencyName: report.meta.agencyName, year: report.meta.year }
    if (report.meta.title !== undefined) entry.title = report.meta.title
    if (report.meta.sourceUrl !== undefined) entry.sourceUrl = report.meta.sourceUrl
    return entry
  })
  return { ok: true, report: summary as unknown as Report, included }
}
