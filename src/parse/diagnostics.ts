/** What the parser says about its input: level, bilingual message, and where (section, row, column, input location). */
import type { JsonSchema } from '../schema/emit.js'
import { labelChain } from '../schema/labels.js'
import type { Bilingual } from '../validate/messages.js'
import type { Location } from './sources/text.js'

export type DiagnosticLevel = 'error' | 'warning' | 'info'

export interface Diagnostic {
  level: DiagnosticLevel
  /** Stable code, e.g. "missing", "ambiguous", "blank-as-zero". */
  code: string
  message: Bilingual
  /** Where in the canonical report. */
  pointer?: string
  /** The official labels of that place: section, row, column. */
  labels?: string[]
  /** Where in the input. */
  location?: Location
  /** Further places in the report the diagnostic is about (e.g. every row after the end of the input). */
  pointers?: string[]
}

export function where(location: Location | undefined): Bilingual {
  if (location === undefined) return { zh: '', en: '' }
  if (location.line !== undefined && location.column !== undefined) {
    return { zh: `（第 ${location.line} 行第 ${location.column} 字）`, en: ` (line ${location.line}, character ${location.column})` }
  }
  if (location.line !== undefined) return { zh: `（第 ${location.line} 行）`, en: ` (line ${location.line})` }
  if (location.element !== undefined) return { zh: `（${location.element}）`, en: ` (${location.element})` }
  if (location.page !== undefined) {
    const box = location.box === undefined ? undefined : location.box.map((n) => Math.round(n)).join(', ')
    return box === undefined
      ? { zh: `（第 ${location.page} 页）`, en: ` (page ${location.page})` }
      : { zh: `（第 ${location.page} 页，位置 ${box}）`, en: ` (page ${location.page}, at ${box})` }
  }
  return { zh: '', en: '' }
}

/** Collects diagnostics and the pointers of what is missing; labels come from the schema of the report's template. */
export class Collector {
  readonly diagnostics: Diagnostic[] = []
  readonly missing: string[] = []
  constructor(
    readonly strict: boolean,
    readonly doc: () => JsonSchema,
  ) {}
  add(level: DiagnosticLevel, code: string, zh: string, en: string, pointer?: string, location?: Location, pointers?: string[]): void {
    const labels = pointer === undefined ? undefined : labelChain(this.doc(), pointer)
    const place = labels === undefined || labels.length === 0 ? { zh: '', en: '' } : { zh: `${labels.join(' › ')}：`, en: `${labels.join(' › ')}: ` }
    const at = where(location)
    const diagnostic: Diagnostic = { level, code, message: { zh: `${place.zh}${zh}${at.zh}`, en: `${place.en}${en}${at.en}` } }
    if (pointer !== undefined) diagnostic.pointer = pointer
    if (labels !== undefined) diagnostic.labels = labels
    if (location !== undefined) diagnostic.location = location
    if (pointers !== undefined) diagnostic.pointers = pointers
    this.diagnostics.push(diagnostic)
  }
  /** Something missing: a warning (an error in strict mode), and its pointer in `missing`. */
  miss(pointer: string, zh: string, en: string, location?: Location, code = 'missing'): void {
    this.missing.push(pointer)
    this.add(this.strict ? 'error' : 'warning', code, zh, en, pointer, location)
  }
  /** Several missing places in one diagnostic (e.g. everything after the end of the input). */
  missAll(pointers: string[], code: string, zh: string, en: string, pointer?: string, location?: Location): void {
    this.missing.push(...pointers)
    this.add(this.strict ? 'error' : 'warning', code, zh, en, pointer, location, pointers)
  }
}
