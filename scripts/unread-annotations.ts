/**
 * esbuild plugins for code that runs in browsers (the browser entry, the clerk's page): the schema documents and
 * the rules file without the keys no code there reads — `description`, `$comment`, `examples` (the English
 * explanations, a large part of them), and for the browser entry the validation keywords too. The labels
 * (`title`), the structure and the rules' messages stay.
 */
import { readFileSync } from 'node:fs'
import type { Plugin } from 'esbuild'

const ANNOTATIONS = ['description', '$comment', 'examples']
/** What validation alone reads (the browser entry validates with its generated code, never with the schemas). */
const VALIDATION = ['maximum', 'maxLength', 'minLength', 'pattern', 'format', 'required', 'additionalProperties', 'maxItems', '$schema']

function without(keys: ReadonlySet<string>, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((item) => without(keys, item))
  if (node === null || typeof node !== 'object') return node
  // A key under `properties` or `$defs` is a name, not a keyword: kept whatever it is.
  const named = (key: string) => key === 'properties' || key === '$defs'
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !keys.has(key))
      .map(([key, value]) => [key, named(key) ? Object.fromEntries(Object.entries(value as object).map(([name, child]) => [name, without(keys, child)])) : without(keys, value)]),
  )
}

function plugin(name: string, keys: readonly string[]): Plugin {
  const set = new Set(keys)
  return {
    name,
    setup(context) {
      context.onLoad({ filter: /[\\/]schema[\\/](report(-\d{4})?\.schema|rules|claims)\.json$/ }, (args) => ({ contents: JSON.stringify(without(set, JSON.parse(readFileSync(args.path, 'utf8')))), loader: 'json' }))
    },
  }
}

/** For the clerk's page, which also validates with AJV's standalone code (it keeps its own copies of the schemas). */
export const withoutDescriptions = plugin('without-descriptions', ANNOTATIONS)
/** For the browser entry: the labels and the shape of the tables, which the checker's messages and plan read. */
export const labelsAndShapes = plugin('labels-and-shapes', [...ANNOTATIONS, ...VALIDATION])
