/** Finds places in a schema document: every JSON pointer at which a named definition is used. */
import type { JsonSchema } from './emit.js'

/**
 * Pointers (in document order) of every property whose schema is `{"$ref": "#/$defs/<name>"}`, in one variant of
 * the document: at each `anyOf` of alternative shapes (the 2021 （六）其他处理, three rows or one), `choose` picks the
 * branch (default: every branch). Arrays are not entered.
 */
export function placesOf(doc: JsonSchema, name: string, choose?: (pointer: string, branches: number) => number): string[] {
  const defs = (doc.$defs ?? {}) as Record<string, JsonSchema>
  const found: string[] = []
  const visit = (node: JsonSchema, pointer: string): void => {
    const resolved = typeof node.$ref === 'string' ? (defs[node.$ref.replace('#/$defs/', '')] ?? {}) : node
    if (node.$ref === `#/$defs/${name}`) found.push(pointer)
    if (Array.isArray(resolved.anyOf) && (resolved.anyOf as JsonSchema[]).some((option) => option.$ref !== undefined || option.type === 'object')) {
      const options = resolved.anyOf as JsonSchema[]
      const only = choose?.(pointer, options.length)
      options.forEach((option, i) => {
        if (only === undefined || only === i) visit(option, pointer)
      })
      return
    }
    const properties = resolved.properties as Record<string, JsonSchema> | undefined
    if (resolved.type !== 'object' || properties === undefined) return
    for (const [key, child] of Object.entries(properties)) visit(child, `${pointer}/${key}`)
  }
  visit(doc, '')
  return found
}

/** Pointers of the alternatives in a document: every `anyOf` whose branches are shapes, with its branch count. */
export function alternativesOf(doc: JsonSchema): { pointer: string; branches: number }[] {
  const found: { pointer: string; branches: number }[] = []
  placesOf(doc, '\u0000', (pointer, branches) => {
    found.push({ pointer, branches })
    return 0
  })
  return found
}

/**
 * The places of `name` in each variant of the document (one per combination of alternatives), so that a sum over
 * "every row" is written once per shape a report can have.
 */
export function placeVariants(doc: JsonSchema, name: string): string[][] {
  const alternatives = alternativesOf(doc)
  let combinations: Map<string, number>[] = [new Map()]
  for (const { pointer, branches } of alternatives) {
    combinations = combinations.flatMap((c) => Array.from({ length: branches }, (_, i) => new Map([...c, [pointer, i]])))
  }
  return combinations.map((c) => placesOf(doc, name, (pointer) => c.get(pointer) ?? 0))
}

/** The property names of a named object definition, in order. */
export function columnsOf(doc: JsonSchema, name: string): string[] {
  const def = ((doc.$defs ?? {}) as Record<string, JsonSchema>)[name]
  return Object.keys((def?.properties ?? {}) as object)
}
