/** What the parser says about its input: level, bilingual message, and where (section, row, column, input location). */
import type { Bilingual } from '../validate/messages.js'
import type { Location } from './document.js'

export type DiagnosticLevel = 'error' | 'warning' | 'info'

export interface Diagnostic {
  level: DiagnosticLevel
  /** Stable code, e.g. "cell-missing", "blank-as-zero". */
  code: string
  message: Bilingual
  /** Where in the canonical report. */
  pointer?: string
  /** The official labels of that place: section, row, column. */
  labels?: string[]
  /** Where in the input. */
  location?: Location
}

export function where(location: Location | undefined): Bilingual {
  if (location === undefined) return { zh: '', en: '' }
  if (location.line !== undefined) return { zh: `（第 ${location.line} 行）`, en: ` (line ${location.line})` }
  if (location.element !== undefined) return { zh: `（${location.element}）`, en: ` (${location.element})` }
  return { zh: '', en: '' }
}
