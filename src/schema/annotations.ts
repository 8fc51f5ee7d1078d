/**
 * A schema document without its annotations (title, description, $comment, examples): what a validator needs and
 * nothing more. The precompiled validators are generated from it, since AJV's code keeps the schema objects it
 * tests property names against, and the labels and descriptions would travel with every copy of the validator (a
 * browser page's included). Validation never depends on annotations, so the results are the same.
 */
import type { JsonSchema } from './emit.js'

const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples'])
/** Keywords whose value is a map of names to schemas (the names are data, not keywords). */
const SCHEMA_MAPS = new Set(['properties', '$defs', 'patternProperties', 'dependentSchemas'])
/** Keywords whose value is one schema or a list of schemas. */
const SUBSCHEMAS = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'anyOf', 'allOf', 'oneOf', 'prefixItems'])

export function withoutAnnotations(schema: JsonSchema): JsonSchema {
  return withoutKeywords(schema, ANNOTATIONS)
}

/** The schema without its descriptions, the titles kept: the labels a form shows, in Chinese only. */
export function withoutDescriptions(schema: JsonSchema): JsonSchema {
  return withoutKeywords(schema, DESCRIPTIONS)
}

const DESCRIPTIONS = new Set(['description', '$comment'])

/** `schema` rebuilt without the given keywords wherever they are keywords (never a property named so). */
function withoutKeywords(schema: JsonSchema, drop: ReadonlySet<string>): JsonSchema {
  if (typeof schema !== 'object' || schema === null) return schema
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    if (drop.has(key)) continue
    if (SCHEMA_MAPS.has(key)) out[key] = Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([name, sub]) => [name, withoutKeywords(sub, drop)]))
    else if (SUBSCHEMAS.has(key)) out[key] = Array.isArray(value) ? value.map((sub) => withoutKeywords(sub as JsonSchema, drop)) : withoutKeywords(value as JsonSchema, drop)
    else out[key] = value
  }
  return out as JsonSchema
}
