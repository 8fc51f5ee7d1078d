/**
 * The page's reports: what each file gave, the copy the clerk corrects, the corrections as a list (pointer, old,
 * new), and the schema and rule results, recomputed after every correction. No DOM here.
 */
import type { PartialReport } from '../partial.js'
import { checkReport } from '../rules/check.js'
import type { CheckResult } from '../rules/findings.js'
import { splitPointer, valueAt } from '../rules/pointer.js'
import { labelChain } from '../schema/labels.js'
import { templateSchemas } from '../schema/published.js'
import type { ValidationResult } from '../validate/dispatch.js'
import type { Loaded } from './core.js'
import { validateReport } from './core.js'

export interface Correction {
  pointer: string
  /** The official labels of the cell. */
  labels: string[]
  /** The value as read (undefined: not read). */
  old: number | undefined
  new: number | undefined
}

export interface Item {
  key: number
  loaded: Loaded
  /** The report as corrected (a copy of what was read). */
  report: PartialReport | undefined
  corrections: Correction[]
  validation: ValidationResult
  check: CheckResult
}

let nextKey = 1

function evaluate(report: PartialReport | undefined): { validation: ValidationResult; check: CheckResult } {
  if (report === undefined) return { validation: { valid: false, errors: [] } as unknown as ValidationResult, check: { findings: [], errors: 0, warnings: 0, notChecked: [] } }
  return { validation: validateReport(report), check: checkReport(report) }
}

export function newItem(loaded: Loaded): Item {
  const report = loaded.report === undefined ? undefined : (structuredClone(loaded.report) as PartialReport)
  return { key: nextKey++, loaded, report, corrections: [], ...evaluate(report) }
}

export const labelsOf = (item: Item, pointer: string): string[] => {
  const template = item.report?.template
  return template === '2019' || template === '2021' ? labelChain(templateSchemas[template], pointer) : []
}

export const valueOf = (report: unknown, pointer: string): number | undefined => {
  const value = valueAt(report, splitPointer(pointer))
  return typeof value === 'number' ? value : undefined
}

/** Sets (or, for undefined, removes) the number at `pointer`, creating the objects on the way. */
function setAt(report: Record<string, unknown>, pointer: string, value: number | undefined): void {
  const path = splitPointer(pointer)
  let node = report
  for (const key of path.slice(0, -1)) {
    const next = node[key]
    if (typeof next !== 'object' || next === null) node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  const last = path[path.length - 1]!
  if (value === undefined) delete node[last]
  else node[last] = value
}

/** Corrects one cell and checks again. A cell corrected back to what was read leaves the list. */
export function correct(item: Item, pointer: string, value: number | undefined): void {
  if (item.report === undefined) return
  setAt(item.report as Record<string, unknown>, pointer, value)
  const old = valueOf(item.loaded.report, pointer)
  item.corrections = item.corrections.filter((c) => c.pointer !== pointer)
  if (old !== value) item.corrections.push({ pointer, labels: labelsOf(item, pointer), old, new: value })
  Object.assign(item, evaluate(item.report))
}

/** Undoes the correction of one cell. */
export function undo(item: Item, pointer: string): void {
  correct(item, pointer, valueOf(item.loaded.report, pointer))
}

/**
 * A number as a clerk types it: digits (full-width too), an optional sign and decimal part, thousands separators.
 * Empty means "not read". Anything else is undefined (refused).
 */
export function typedNumber(text: string): { value: number | undefined } | undefined {
  const plain = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0B]/g, '+')
    .replace(/[\uFF0D\u2212]/g, '-')
    .replace(/[,，\s]/g, '')
  if (plain === '' || plain === '缺') return { value: undefined }
  if (!/^[+-]?\d{1,15}(\.\d{1,6})?$/.test(plain)) return undefined
  return { value: Number(plain) }
}

/** What the list shows for a file: the problems, worst first. */
export interface Status {
  state: 'failed' | 'errors' | 'incomplete' | 'warnings' | 'complete'
  errors: number
  warnings: number
  missing: number
  schemaErrors: number
}

export function statusOf(item: Item): Status {
  const errors = item.check.errors
  const warnings = item.check.warnings
  const missing = missingCount(item)
  const schemaErrors = item.report === undefined ? 0 : item.validation.valid ? 0 : item.validation.errors.length
  const state = item.report === undefined ? 'failed' : errors > 0 ? 'errors' : missing > 0 || schemaErrors > 0 ? 'incomplete' : warnings > 0 ? 'warnings' : 'complete'
  return { state, errors, warnings, missing, schemaErrors }
}

/** Missing places that are still missing (a corrected cell is no longer missing). */
export function stillMissing(item: Item): string[] {
  return item.loaded.missing.filter((pointer) => valueAt(item.report, splitPointer(pointer)) === undefined)
}

export const missingCount = (item: Item): number => stillMissing(item).length

/** The corrections file: which report, and each corrected cell with its labels, old and new value. */
export function correctionsDocument(item: Item): unknown {
  return {
    file: item.loaded.name,
    agencyName: item.report?.meta?.agencyName,
    year: item.report?.meta?.year,
    template: item.report?.template,
    corrections: item.corrections.map((c) => ({ pointer: c.pointer, labels: c.labels, old: c.old ?? null, new: c.new ?? null })),
  }
}
