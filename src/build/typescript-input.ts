/**
 * Prepares an emitted schema for json-schema-to-typescript so that the types keep the `$defs` names: every
 * `$ref` becomes a `tsType` naming the definition (so a labelled use does not spawn a copy of the type), every
 * official `title` moves into the JSDoc in front of the English description, and each definition is titled with
 * its own name.
 */
import type { JsonSchema } from '../schema/emit.js'

const doc = (title: unknown, description: unknown): string | undefined =>
  [title, description].filter((part) => typeof part === 'string' && part !== '').join('\n\n') || undefined

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert)
  if (node === null || typeof node !== 'object') return node
  const schema = node as JsonSchema
  if (typeof schema.$ref === 'string') {
    const out: JsonSchema = { tsType: schema.$ref.replace('#/$defs/', '') }
    const description = doc(schema.title, schema.description)
    if (description !== undefined) out.description = description
    return out
  }
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'title' || key === 'description' || key === '$id' || key === '$schema') continue
    out[key] = key === 'properties' || key === '$defs' ? mapValues(value as JsonSchema) : convert(value)
  }
  const description = doc(schema.title, schema.description)
  if (description !== undefined) out.description = description
  return out
}

const mapValues = (object: JsonSchema): JsonSchema =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, convert(value)]))

/**
 * One json-schema-to-typescript input per declared type: the root under `rootName`, then every `$defs` entry under
 * its own name. Since every reference is a `tsType` name, each compiles on its own.
 */
export function typescriptInputs(schema: JsonSchema, rootName: string): { name: string; schema: JsonSchema }[] {
  const { $defs, ...root } = schema
  const inputs = [{ name: rootName, schema: root }]
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) inputs.push({ name, schema: def })
  return inputs.map(({ name, schema: part }) => ({ name, schema: { ...(convert(part) as JsonSchema), title: name } }))
}
