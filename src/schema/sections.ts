/** The six sections of a report, in order, with their official titles (the same in both templates). */
import { labelAt, schemaPath } from './labels.js'
import { report2021Schema } from './published.js'

export const SECTION_KEYS = [
  'overview',
  'proactiveDisclosure',
  'applications',
  'reviewsAndLawsuits',
  'problemsAndImprovements',
  'otherMatters',
] as const
export type SectionKey = (typeof SECTION_KEYS)[number]

export const sectionTitle = (key: SectionKey): string => labelAt(report2021Schema, `/${key}`)!

/** The fields of the report's metadata, in schema order (the same in both templates). */
export const META_FIELDS = Object.keys((schemaPath(report2021Schema, '/meta').pop()!.schema.properties ?? {}) as object)
