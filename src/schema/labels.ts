/**
 * Reads official labels out of a schema document: the `title` of the field a JSON pointer designates and the chain
 * of titles that leads to it. Parser, renderers and messages all take labels from here, never from copies.
 */
import type { JsonSchema } from './emit.js'

export interface SchemaNode {
  /** The schema at this place, with `$ref` resolved. */
  schema: JsonSchema
  /** The official label of the place: the `title` beside the `$ref` if any, else the definition's. */
  title: string | undefined
}

export function decodePointer(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((part) => (part.includes('~') ? part.replace(/~1/g, '/').replace(/~0/g, '~') : part))
}

export function encodePointer(parts: readonly (string | number)[]): string {
  let out = ''
  for (const part of parts) {
    const text = String(part)
    out += '/' + (text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text)
  }
  return out
}

/** `node` with its `$ref`s (`#/$defs/…` within `doc`) followed to the definition; `{}` for a name `doc` lacks. */
export function resolveRef(doc: JsonSchema, node: JsonSchema): JsonSchema {
  let here = node
  for (let hops = 0; typeof here.$ref === 'string' && hops < 32; hops++) {
    const name = here.$ref.replace('#/$defs/', '')
    here = (doc.$defs as Record<string, JsonSchema>)[name] ?? {}
  }
  return here
}

/** The branch of an `anyOf` of shapes that has property `part`, resolved; undefined if `node` is no such union. */
function alternativeWith(doc: JsonSchema, node: JsonSchema, part: string): JsonSchema | undefined {
  if (!Array.isArray(node.anyOf)) return undefined
  for (const option of node.anyOf as JsonSchema[]) {
    const resolved = resolveRef(doc, option)
    if (resolved.type === 'object' && Object.hasOwn((resolved.properties ?? {}) as object, part)) return resolved
  }
  return undefined
}

/** The schema nodes from the root to the place `pointer` designates; shorter if the pointer leaves the schema. */
export function schemaPath(doc: JsonSchema, pointer: string): SchemaNode[] {
  const nodes: SchemaNode[] = []
  let node: JsonSchema = doc
  let resolved = resolveRef(doc, node)
  nodes.push({ schema: resolved, title: resolved.title as string | undefined })
  for (const part of decodePointer(pointer)) {
    // Alternative shapes (anyOf of objects): the branch that has this property; the title stays the union's.
    const branch = alternativeWith(doc, resolved, part)
    if (branch !== undefined) resolved = branch
    const properties = resolved.properties as Record<string, JsonSchema> | undefined
    if (properties !== undefined && Object.hasOwn(properties, part)) node = properties[part]!
    else if (resolved.type === 'array' && /^(0|[1-9][0-9]*)$/.test(part)) node = resolved.items as JsonSchema
    else break
    const isItem = resolved.type === 'array'
    resolved = resolveRef(doc, node)
    const title = (typeof node.title === 'string' ? node.title : resolved.title) as string | undefined
    nodes.push({ schema: resolved, title: isItem ? `#${Number(part) + 1}` : title })
  }
  return nodes
}

/**
 * Labels already looked up, per schema document. The renderers, the sheet and the checker's messages ask for the
 * same few hundred labels once per report; a bound keeps pointers a caller makes up from growing it.
 */
const LABELS_KEPT = 4096
const chains = new WeakMap<JsonSchema, Map<string, readonly string[]>>()

/** The chain of official labels for `pointer`, below the document's own title. */
export function labelChain(doc: JsonSchema, pointer: string): string[] {
  let known = chains.get(doc)
  if (known === undefined) chains.set(doc, (known = new Map()))
  let chain = known.get(pointer)
  if (chain === undefined) {
    chain = schemaPath(doc, pointer)
      .slice(1)
      .map((node) => node.title)
      .filter((title): title is string => title !== undefined && title !== '')
    if (known.size < LABELS_KEPT) known.set(pointer, chain)
  }
  return [...chain]
}

const labels = new WeakMap<JsonSchema, Map<string, string | undefined>>()

/** The official label of the field at `pointer`, or undefined if the schema has no such field. */
export function labelAt(doc: JsonSchema, pointer: string): string | undefined {
  let known = labels.get(doc)
  if (known === undefined) labels.set(doc, (known = new Map()))
  if (known.has(pointer)) return known.get(pointer)
  const path = schemaPath(doc, pointer)
  const label = path.length === decodePointer(pointer).length + 1 ? path[path.length - 1]!.title : undefined
  if (known.size < LABELS_KEPT) known.set(pointer, label)
  return label
}
