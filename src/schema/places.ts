/** Finds places in a schema document: every JSON pointer at which a named definition is used. */
import type { JsonSchema } from './emit.js'

/** Pointers (in document order) of every property whose schema is `{"$ref": "#/$defs/<name>"}`. Arrays are not entered. */
export function placesOf(doc: JsonSchema, name: string): string[] {
  const defs = (doc.$defs ?? {}) as Record<string, JsonSchema>
  const found: string[] = []
  const visit = (node: JsonSchema, pointer: string): void => {
    const resolved = typeof node.$ref === 'string' ? (defs[node.$ref.replace('#/$defs/', '')] ?? {}) : node
    if (node.$ref === `#/$defs/${name}`) found.push(pointer)
    const properties = resolved.properties as Record<string, JsonSchema> | undefined
    if (resolved.type !== 'object' || properties === undefined) return
    for (const [key, child] of Object.entries(properties)) visit(child, `${pointer}/${key}`)
  }
  visit(doc, '')
  return found
}

/** The property names of a named object definition, in order. */
export function columnsOf(doc: JsonSchema, name: string): string[] {
  const def = ((doc.$defs ?? {}) as Record<string, JsonSchema>)[name]
  return Object.keys((def?.properties ?? {}) as object)
}
