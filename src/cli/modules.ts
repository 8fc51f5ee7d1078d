/**
 * The CLI's heavy modules, each loaded by the first command that needs it, so that `--version`, `--help` and
 * validating a valid report start almost as fast as Node itself: the parser (parse5, and the Word and PDF readers
 * on demand), the renderers, the checker, the spreadsheet writer, and AJV's precompiled validators, which only
 * documents the fast path rejects need (for their messages).
 */
import { validByFastPath } from '../validate/fast.js'
import type { ValidationResult } from '../validate/dispatch.js'

export type Parsing = typeof import('../parse/parse.js') & typeof import('../parse/sources/bytes.js')
export type Checking = typeof import('../rules/check.js') & typeof import('../rules/aggregate.js') & typeof import('../schema/labels.js') & typeof import('../schema/published.js')

const loaded: { parsing?: Parsing; checking?: Checking; rendering?: typeof import('../render/index.js'); sheets?: typeof import('../sheet/workbook.js'); validating?: typeof import('../standalone/index.js') } = {}

export const parsing = async (): Promise<Parsing> => (loaded.parsing ??= { ...(await import('../parse/parse.js')), ...(await import('../parse/sources/bytes.js')) })
export const checking = async (): Promise<Checking> =>
  (loaded.checking ??= { ...(await import('../rules/check.js')), ...(await import('../rules/aggregate.js')), ...(await import('../schema/labels.js')), ...(await import('../schema/published.js')) })
export const rendering = async () => (loaded.rendering ??= await import('../render/index.js'))
export const sheets = async () => (loaded.sheets ??= await import('../sheet/workbook.js'))
export const validating = async () => (loaded.validating ??= await import('../standalone/index.js'))

export { templateOf } from '../schema/generations.js'

/** `validateReport`: a valid report by the fast path alone; any other, by the precompiled validators with their errors. */
export async function validate(data: unknown): Promise<ValidationResult> {
  if (validByFastPath(data)) return { valid: true, report: data as never, errors: [] }
  return (await validating()).validateReport(data)
}
