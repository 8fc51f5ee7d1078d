/**
 * The tables of the report as the schema defines them: the rows of each table section (object nodes whose fields
 * are all numbers), their official labels and their columns. Parser and renderers both read the layout from here,
 * so a new row or column in the model is a new row or column for both.
 */
import type { JsonSchema } from './emit.js'
import { schemaPath } from './labels.js'
import { templateSchemas } from './published.js'
import { splitPointer, valueAt } from '../rules/pointer.js'

export type Template = keyof typeof templateSchemas

export interface ColumnSpec {
  key: string
  /** The cell's JSON pointer (its row's pointer, then `key`): one string per cell, built once, so that maps keyed by
   * cells hash it once. */
  pointer: string
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

const cache = new Map<string, { rows: RowSpec[]; alternatives: Alternative[] }>()

function tableOf(template: Template, section: string): { rows: RowSpec[]; alternatives: Alternative[] } {
  const key = `${template} ${section}`
  let table = cache.get(key)
  if (table === undefined) {
    const alternatives: Alternative[] = []
    table = { rows: computeRows(template, section, alternatives), alternatives }
    cache.set(key, table)
  }
  return table
}

/** Every table row below `section`, in document order (computed once per template and section). */
export function rowsOf(template: Template, section: string): RowSpec[] {
  return tableOf(template, section).rows
}

/**
 * A place where the template allows two shapes (the 2021 （六）其他处理: its three rows, or the one row a report
 * printed instead): the rows of each shape. `rowsOf` gives the first shape's; readers and renderers that meet the
 * other use these.
 */
export interface Alternative {
  pointer: string
  shapes: RowSpec[][]
}

/** The places below `section` where the template allows more than one shape of rows. */
export function alternativesOf(template: Template, section: string): Alternative[] {
  return tableOf(template, section).alternatives
}

function computeRows(template: Template, section: string, alternatives: Alternative[]): RowSpec[] {
  const doc = templateSchemas[template]
  const rowsOfShape = (schema: JsonSchema, title: string | undefined, pointer: string, rows: RowSpec[]): void => {
    if (Array.isArray(schema.anyOf)) {
      const shapes = (schema.anyOf as JsonSchema[]).map((option) => {
        const resolved = option.$ref === undefined ? option : ((doc.$defs as Record<string, JsonSchema>)[String(option.$ref).replace('#/$defs/', '')] ?? {})
        const shape: RowSpec[] = []
        rowsOfShape(resolved, (option.title as string | undefined) ?? title, pointer, shape)
        return shape
      })
      alternatives.push({ pointer, shapes })
      rows.push(...(shapes[0] ?? []))
      return
    }
    if (schema.type !== 'object') return
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
    const children = Object.keys(properties).map((key) => ({ key, node: node(doc, `${pointer}/${key}`), own: properties[key]! }))
    if (children.length > 0 && children.every((child) => child.node.schema.type === 'integer' || child.node.schema.type === 'number')) {
      rows.push({
        pointer,
        label: title ?? '',
        columns: children.map((child) => ({
          key: child.key,
          pointer: `${pointer}/${child.key}`,
          title: child.node.title ?? child.key,
          integer: child.node.schema.type === 'integer',
          signed: typeof child.node.schema.minimum === 'number' && child.node.schema.minimum < 0,
        })),
      })
      return
    }
    for (const child of children) {
      const here = node(doc, `${pointer}/${child.key}`)
      const raw = child.own.$ref === undefined ? child.own : here.schema
      rowsOfShape(Array.isArray(child.own.anyOf) ? child.own : raw, here.title, `${pointer}/${child.key}`, rows)
    }
  }
  const root = node(doc, section)
  const rows: RowSpec[] = []
  rowsOfShape(root.schema, root.title, section, rows)
  return rows
}


/** The rows of `section` with each alternative in the shape `choose` picks (the template's first shape by default). */
export function rowsInShape(template: Template, section: string, choose: (alternative: Alternative) => RowSpec[] | undefined): RowSpec[] {
  let rows = rowsOf(template, section)
  for (const alternative of alternativesOf(template, section)) {
    const shape = choose(alternative)
    if (shape === undefined || shape === alternative.shapes[0]) continue
    const first = rows.indexOf(alternative.shapes[0]![0]!)
    rows = [...rows.slice(0, first), ...shape, ...rows.slice(first + alternative.shapes[0]!.length)]
  }
  return rows
}

/** The index of the shape `report` holds at `alternative`: the first whose rows it has any of; else the template's first (0). */
export function heldShape(alternative: Alternative, report: unknown): number {
  const held = alternative.shapes.findIndex((shape) => shape.some((row) => valueAt(report, splitPointer(row.pointer)) !== undefined))
  return held < 0 ? 0 : held
}

/** The rows of `section` in the shape `report` holds: at each alternative, the shape whose rows the report has. */
export function rowsFor(template: Template, section: string, report: unknown): RowSpec[] {
  return rowsInShape(template, section, (alternative) => alternative.shapes[heldShape(alternative, report)])
}
