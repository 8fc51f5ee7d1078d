/**
 * The columns of a template's report sheet, in template order, read from the schema: the metadata, every cell of
 * sections 二, 三 and 四 (each alternative shape included, e.g. （六）其他处理 as three rows or as one), then the text
 * sections as text. Each column has the official label path as its header and the field's JSON pointer, the key
 * that reading a sheet back goes by.
 */
import type { PartialReport } from '../partial.js'
import { otherMattersBlocks, overviewLines, notesOf, paragraphsOf } from '../render/layout.js'
import { labelAt, schemaPath } from '../schema/labels.js'
import { templateSchemas } from '../schema/published.js'
import { META_FIELDS } from '../schema/sections.js'
import { rowsInShape, type Template } from '../schema/tables.js'
import { splitPointer } from '../rules/pointer.js'

export type ColumnKind = 'meta' | 'number' | 'text'

export interface SheetColumn {
  /** The field's JSON pointer (for a text column: its section, e.g. "/overview"). */
  pointer: string
  /** The official labels, outermost first (e.g. 三、… › （七）总计 › 自然人). */
  header: string
  kind: ColumnKind
  /** The pointer split once (the sheet reads every column of every report). */
  path: readonly string[]
  /** The path of the object that holds the field, one array shared by the columns of a table row, and its key there. */
  parent: readonly string[]
  key: string
}

/** The text sections, as one column each: their paragraphs one per line. */
export const TEXT_SECTIONS = ['/overview', '/proactiveDisclosure/notes', '/applications/notes', '/reviewsAndLawsuits/notes', '/problemsAndImprovements', '/otherMatters'] as const
export type TextSection = (typeof TEXT_SECTIONS)[number]

const TABLE_SECTIONS = ['/proactiveDisclosure', '/applications', '/reviewsAndLawsuits']

const cache = new Map<Template, SheetColumn[]>()

export function sheetColumns(template: Template): SheetColumn[] {
  const known = cache.get(template)
  if (known !== undefined) return known
  const doc = templateSchemas[template]
  const parents = new Map<string, readonly string[]>()
  const column = (pointer: string, header: string, kind: ColumnKind): SheetColumn => {
    const path = splitPointer(pointer)
    const parentPointer = pointer.slice(0, pointer.lastIndexOf('/'))
    let parent = parents.get(parentPointer)
    if (parent === undefined) parents.set(parentPointer, (parent = path.slice(0, -1)))
    return { pointer, header, kind, path, parent, key: path[path.length - 1]! }
  }
  const columns: SheetColumn[] = META_FIELDS.map((field) => column(`/meta/${field}`, labelAt(doc, `/meta/${field}`)!, 'meta'))
  for (const section of TABLE_SECTIONS) {
    // Every shape of every alternative, one after the other: a report fills the columns of the shape it has.
    for (const row of rowsInShape(template, section, (alternative) => alternative.shapes.flat())) {
      const path = schemaPath(doc, row.pointer)
        .slice(1)
        .map((node) => node.title ?? '')
      for (const cell of row.columns) columns.push(column(`${row.pointer}/${cell.key}`, [...path, cell.title].join(' › '), 'number'))
    }
  }
  for (const section of TEXT_SECTIONS) columns.push(column(section, schemaPath(doc, section).slice(1).map((node) => node.title ?? '').join(' › '), 'text'))
  cache.set(template, columns)
  return columns
}

/** A text section as it goes into its cell: the paragraphs as printed, one per line. */
export function sectionText(report: PartialReport, section: TextSection): string {
  const renderable = report as Parameters<typeof overviewLines>[0]
  switch (section) {
    case '/overview':
      return overviewLines(renderable).join('\n')
    case '/problemsAndImprovements':
      return paragraphsOf(renderable, 'problemsAndImprovements').join('\n')
    case '/otherMatters': {
      const other = otherMattersBlocks(renderable)
      return [...other.paragraphs, ...other.items.flatMap((item) => [item.heading, ...item.paragraphs])].join('\n')
    }
    default:
      return notesOf(renderable, section.split('/')[1] as 'proactiveDisclosure' | 'applications' | 'reviewsAndLawsuits').join('\n')
  }
}
