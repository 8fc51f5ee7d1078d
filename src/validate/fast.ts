/** The validators' fast path (generated/valid-report.ts) as the entries ask it: a yes for a valid report, no messages. */
import { validTemplate } from '../../generated/valid-report.js'
import { templateOf } from '../schema/generations.js'

/** True if `data` is a valid report by the generated check; false for anything else, a value that cannot be read included. */
export function validByFastPath(data: unknown): boolean {
  const template = templateOf(data)
  if (template === undefined) return false
  try {
    return validTemplate[template]!(data)
  } catch {
    return false
  }
}
