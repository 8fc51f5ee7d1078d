/** A report as far as it was read (by the parser, or from a spreadsheet): every field may be missing. */
import type { Report } from '../generated/report.js'

export type PartialReport = DeepPartial<Report>
type DeepPartial<T> = T extends readonly (infer E)[] ? DeepPartial<E>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T
