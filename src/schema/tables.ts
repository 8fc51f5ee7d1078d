/**
 * The tables of the report as the schema defines them: the rows of each table section (object nodes whose fields
 * are all numbers), their official labels and their columns. Parser and renderers both read the layout from here,
 * so a new row or column in the model is a new row or column for both.
 */
import type { JsonSchema } from './emit.js'
import { schemaPath } from './labels.js'
import { templateSchemas } from './published.js'

export type Template = keyof typeof templateSchemas

export interface ColumnSpec {
  key: string
  title: string
  integer: boolean
  signed: boolean
}

export interface RowSpec {
  pointer: string
  label: string
  columns: ColumnSpec[]
}

const node = (doc: JsonSchema, pointer: string) => {
  const path = schemaPath(doc, pointer)
  return path[path.length - 1]!
}

const cache = new Map<string, RowSpec[]>()

/** Every table row below `section`, in document order (computed once per template and section). */
export function rowsOf(template: Template, section: string): RowSpec[] {
  const key = `${template} ${section}`
  let rows = cache.get(key)
  if (rows === undefined) {
    rows = computeRows(template, section)
    cache.set(key, rows)
  }
  return rows
}

function computeRows(template: Template, section: string): RowSpec[] {
  const doc = templateSchemas[template]
  const rows: RowSpec[] = []
  const visit = (pointer: string) => {
    const here = node(doc, pointer)
    if (here.schema.type !== 'object') return
    const properties = Object.keys((here.schema.properties ?? {}) as object)
    const children = properties.map((key) => ({ key, node: node(doc, `${pointer}/${key}`) }))
    if (children.length > 0 && children.every((child) => child.node.schema.type === 'integer' || child.node.schema.type === 'number')) {
      rows.push({
        pointer,
        label: here.title ?? '',
        columns: children.map((child) => ({
          key: child.key,
          title: child.node.title ?? child.key,
          integer: child.node.schema.type === 'integer',
          signed: typeof child.node.schema.minimum === 'number' && child.node.schema.minimum < 0,
        })),
      })
      return
    }
    for (const child of children) visit(`${pointer}/${child.key}`)
  }
  visit(section)
  return rows
}

