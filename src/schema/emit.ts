/**
 * Turns the TypeBox model into self-contained JSON Schema 2020-12 documents. A definition named with `define()` is
 * written once under `$defs` and referenced; a `labelled()` use of it becomes a `$ref` with its own title and
 * description. TypeBox's own metadata (`~kind`, `~optional`) is non-enumerable and does not appear.
 */
import { copiedDefinition, definitionName } from '../model/registry.js'

export type JsonSchema = { [key: string]: unknown }

export interface EmitOptions {
  $id: string
  /** Title and description of the document when the root is not itself a named definition. */
  title?: string
  description?: string
}

export function emitSchema(root: object, options: EmitOptions): JsonSchema {
  const defs = new Map<string, unknown>()

  const refTo = (def: object): string => {
    const name = definitionName(def)!
    if (!defs.has(name)) {
      defs.set(name, null) // reserve the slot first: keeps $defs in first-use order
      defs.set(name, walk(def, def))
    }
    return `#/$defs/${name}`
  }

  function walk(node: unknown, inlineRoot: object | null): unknown {
    if (Array.isArray(node)) return node.map((item) => walk(item, null))
    if (node === null || typeof node !== 'object') return node
    if (node !== inlineRoot && definitionName(node) !== undefined) return { $ref: refTo(node) }
    const original = copiedDefinition(node)
    if (original !== undefined) {
      const ref: JsonSchema = { $ref: refTo(original) }
      for (const key of ['title', 'description'] as const) {
        const own = (node as JsonSchema)[key]
        if (own !== (original as JsonSchema)[key]) ref[key] = own
      }
      return ref
    }
    const out: JsonSchema = {}
    for (const [key, value] of Object.entries(node)) out[key] = walk(value, null)
    return out
  }

  const body = walk(root, root) as JsonSchema
  const head: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: options.$id,
  }
  if (options.title !== undefined) head.title = options.title
  if (options.description !== undefined) head.description = options.description
  const doc: JsonSchema = { ...head, ...body }
  // The root may itself be a named definition: it is written inline at the root, never twice.
  const rootName = definitionName(root)
  if (rootName !== undefined) defs.delete(rootName)
  if (defs.size > 0) doc.$defs = Object.fromEntries(defs)
  return doc
}
