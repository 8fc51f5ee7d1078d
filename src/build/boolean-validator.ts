/**
 * The validators' fast path (generated/valid-report.ts): each template's schema compiled into a plain function that
 * answers only "valid or not", for the documents that are valid, which are most; `validateReport` runs AJV (the
 * reference, with its messages) only for a document this function rejects. The schemas use a small set of
 * keywords and the compiler knows exactly those, with AJV's semantics (`required` and `properties` by `!==
 * undefined`, `additionalProperties: false` over `for…in`, lengths in code points, patterns with the `u` flag,
 * ajv-formats' `date`); any other keyword stops the generation, so a schema change cannot silently weaken it.
 * A differential test holds it to AJV's verdict on the fixtures and on many generated and mutated documents.
 */
import type { JsonSchema } from '../schema/emit.js'

const KNOWN = new Set(['type', 'required', 'properties', 'additionalProperties', 'maxLength', 'minLength', 'const', '$ref', 'minimum', 'maximum', 'format', 'pattern', 'items', 'maxItems', 'anyOf'])
const ROOT_ONLY = new Set(['$schema', '$id', '$defs'])

interface Emitter {
  /** Each pattern's RegExp, made once at load, by its source. */
  patterns: Map<string, string>
  functions: string[]
  /** Definitions compiled or being compiled, by name. */
  defined: Set<string>
  doc: JsonSchema
  prefix: string
  counter: number
}

const literal = (value: unknown) => JSON.stringify(value)

function typeTest(type: string, v: string): string {
  switch (type) {
    case 'object':
      return `(${v} !== null && typeof ${v} === 'object' && !Array.isArray(${v}))`
    case 'array':
      return `Array.isArray(${v})`
    case 'string':
      return `typeof ${v} === 'string'`
    case 'boolean':
      return `typeof ${v} === 'boolean'`
    case 'integer':
      return `(typeof ${v} === 'number' && !(${v} % 1) && !isNaN(${v}) && isFinite(${v}))`
    case 'number':
      return `(typeof ${v} === 'number' && isFinite(${v}))`
    default:
      throw new Error(`boolean validator: type ${literal(type)} is not supported`)
  }
}

/** Statements that `return false` unless the value in variable `v` is valid against `node`. */
function emit(node: JsonSchema, v: string, e: Emitter, indent: string): string[] {
  const lines: string[] = []
  const fail = (condition: string) => lines.push(`${indent}if (${condition}) return false`)
  for (const key of Object.keys(node)) if (!KNOWN.has(key)) throw new Error(`boolean validator: keyword ${literal(key)} is not supported`)
  if (node.type !== undefined) {
    if (typeof node.type !== 'string') throw new Error('boolean validator: only a single type is supported')
    fail(`!(${typeTest(node.type, v)})`)
  }
  if (node.const !== undefined) {
    if (typeof node.const !== 'string' && typeof node.const !== 'number' && typeof node.const !== 'boolean') throw new Error('boolean validator: only primitive const is supported')
    fail(`${v} !== ${literal(node.const)}`)
  }
  // Keywords that apply to one kind of value only (a value of another kind passes them, as in JSON Schema).
  const strings: string[] = []
  if (typeof node.minLength === 'number') strings.push(`(${v}.length < ${node.minLength * 2} && ucs2length(${v}) < ${node.minLength})`)
  if (typeof node.maxLength === 'number') strings.push(`(${v}.length > ${node.maxLength} && ucs2length(${v}) > ${node.maxLength})`)
  if (typeof node.pattern === 'string') {
    let name = e.patterns.get(node.pattern)
    if (name === undefined) e.patterns.set(node.pattern, (name = `pattern${e.patterns.size}`))
    strings.push(`!${name}.test(${v})`)
  }
  if (node.format !== undefined) {
    if (node.format !== 'date') throw new Error(`boolean validator: format ${literal(node.format)} is not supported`)
    strings.push(`!isDate(${v})`)
  }
  // Where the type was checked above, the guard is known to hold.
  if (strings.length > 0) fail(node.type === 'string' ? strings.join(' || ') : `typeof ${v} === 'string' && (${strings.join(' || ')})`)
  const numbers: string[] = []
  if (typeof node.minimum === 'number') numbers.push(`${v} < ${node.minimum}`)
  if (typeof node.maximum === 'number') numbers.push(`${v} > ${node.maximum}`)
  if (numbers.length > 0) fail(node.type === 'integer' || node.type === 'number' ? numbers.join(' || ') : `typeof ${v} === 'number' && (${numbers.join(' || ')} || isNaN(${v}))`)
  if (node.maxItems !== undefined || node.items !== undefined) {
    const inner: string[] = []
    if (typeof node.maxItems === 'number') inner.push(`${indent}  if (${v}.length > ${node.maxItems}) return false`)
    if (node.items !== undefined) {
      const item = `i${e.counter++}`
      const element = `x${e.counter++}`
      inner.push(`${indent}  for (let ${item} = 0; ${item} < ${v}.length; ${item}++) {`, `${indent}    const ${element}: any = ${v}[${item}]`, ...emit(node.items as JsonSchema, element, e, `${indent}    `), `${indent}  }`)
    }
    if (node.type === 'array') lines.push(...inner.map((line) => line.slice(2)))
    else lines.push(`${indent}if (Array.isArray(${v})) {`, ...inner, `${indent}}`)
  }
  if (node.required !== undefined || node.properties !== undefined || node.additionalProperties !== undefined) {
    const inner: string[] = []
    const properties = (node.properties ?? {}) as Record<string, JsonSchema>
    for (const name of (node.required as string[] | undefined) ?? []) inner.push(`${indent}  if (${v}[${literal(name)}] === undefined) return false`)
    if (node.additionalProperties !== undefined) {
      if (node.additionalProperties !== false) throw new Error('boolean validator: only additionalProperties: false is supported')
      const key = `k${e.counter++}`
      const allowed = Object.keys(properties).map((name) => `${key} === ${literal(name)}`).join(' || ') || 'false'
      inner.push(`${indent}  for (const ${key} in ${v}) if (!(${allowed})) return false`)
    }
    for (const [name, property] of Object.entries(properties)) {
      const value = `p${e.counter++}`
      inner.push(`${indent}  const ${value}: any = ${v}[${literal(name)}]`, `${indent}  if (${value} !== undefined) {`, ...emit(property, value, e, `${indent}    `), `${indent}  }`)
    }
    if (node.type === 'object') lines.push(...inner.map((line) => line.slice(2)))
    else lines.push(`${indent}if (${typeTest('object', v)}) {`, ...inner, `${indent}}`)
  }
  if (node.anyOf !== undefined) {
    const branches = (node.anyOf as JsonSchema[]).map((branch) => functionFor(branch, e))
    fail(`!(${branches.map((name) => `${name}(${v})`).join(' || ')})`)
  }
  if (typeof node.$ref === 'string') {
    const match = /^#\/\$defs\/([A-Za-z0-9_]+)$/.exec(node.$ref)
    if (match === null) throw new Error(`boolean validator: $ref ${literal(node.$ref)} is not supported`)
    fail(`!${definition(match[1]!, e)}(${v})`)
  }
  return lines
}

/** A function checking `node`, named in order. */
function functionFor(node: JsonSchema, e: Emitter, name = `${e.prefix}branch${e.counter++}`): string {
  const body = emit(node, 'x', e, '  ')
  e.functions.push([`function ${name}(x: any): boolean {`, ...body, '  return true', '}'].join('\n'))
  return name
}

function definition(name: string, e: Emitter): string {
  const fn = `${e.prefix}${name}`
  if (!e.defined.has(name)) {
    e.defined.add(name)
    const node = (e.doc.$defs as Record<string, JsonSchema> | undefined)?.[name]
    if (node === undefined) throw new Error(`boolean validator: no definition ${name}`)
    functionFor(node, e, fn)
  }
  return fn
}

/** A pattern as the body of a regular-expression literal: every unescaped `/` escaped (`\\/` is valid with the `u` flag). */
function asLiteral(source: string): string {
  if (/[\n\r\u2028\u2029]/.test(source)) throw new Error('boolean validator: a pattern with a line break is not supported')
  let out = ''
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!
    if (char === '\\') out += char + (source[++i] ?? '')
    else out += char === '/' ? '\\/' : char
  }
  return out
}

/** The source of generated/valid-report.ts: one boolean function per template schema (without annotations). */
export function booleanValidatorSource(docs: Record<string, JsonSchema>): string {
  const patterns = new Map<string, string>()
  const functions: string[] = []
  const exported: string[] = []
  for (const [template, doc] of Object.entries(docs)) {
    const rest = Object.fromEntries(Object.entries(doc).filter(([key]) => !ROOT_ONLY.has(key))) as JsonSchema
    const e: Emitter = { patterns, functions, defined: new Set(), doc, prefix: `t${template}_`, counter: 0 }
    exported.push(`${literal(template)}: ${functionFor(rest, e, `valid${template}`)}`)
  }
  return [
    '/* Generated by `npm run generate` from the template schemas (src/build/boolean-validator.ts). Do not edit by hand. */',
    '/* eslint-disable */',
    "import { isDate, ucs2length } from '../src/validate/fast-kit.js'",
    '',
    // Regular-expression literals, which the ReDoS analysis of the tests reads.
    ...[...patterns].map(([source, name]) => `const ${name} = /${asLiteral(source)}/u`),
    '',
    ...functions.flatMap((fn) => [fn, '']),
    '/** Whether a document is valid against each template\'s schema: the same verdict as AJV, no messages. */',
    `export const validTemplate: Record<string, (data: unknown) => boolean> = { ${exported.join(', ')} }`,
    '',
  ].join('\n')
}
