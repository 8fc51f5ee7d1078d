/**
 * Schema lint and coverage: every pattern and every enumerated value of the published schemas has a document that
 * passes with it and one that fails on it. Report schemas: the fixture folders; the rules schema: rules.json and
 * changed copies of it.
 */
import { describe, expect, it } from 'vitest'
import type { JsonSchema } from '../src/schema/emit.js'
import { publishedRules } from '../src/rules/published.js'
import { report2019Schema, report2021Schema, rulesSchema } from '../src/schema/published.js'
import { createAjv } from '../src/validate/validate-report.js'
import { invalidExpectations, jsonFiles, readJson } from './support/files.js'

interface Constraint {
  /** Instance pointer with "*" for array elements. */
  where: string
  kind: 'pattern' | 'enum'
  /** The pattern, or the enumerated values. */
  values: string[]
}

/** Every pattern and enum/const of a schema document, with where in an instance it applies. */
function constraints(doc: JsonSchema): Constraint[] {
  const defs = (doc.$defs ?? {}) as Record<string, JsonSchema>
  const out: Constraint[] = []
  const visit = (node: JsonSchema, where: string, seen: Set<string>) => {
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace('#/$defs/', '')
      if (seen.has(name)) return
      return visit(defs[name]!, where, new Set([...seen, name]))
    }
    if (typeof node.pattern === 'string') out.push({ where, kind: 'pattern', values: [node.pattern] })
    if (node.const !== undefined && where !== '') out.push({ where, kind: 'enum', values: [String(node.const)] })
    const options = (node.anyOf ?? []) as JsonSchema[]
    if (options.length > 0 && options.every((o) => o.const !== undefined)) {
      out.push({ where, kind: 'enum', values: options.map((o) => String(o.const)) })
      return
    }
    for (const option of options) visit(option, where, seen)
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>)) visit(child, `${where}/${key}`, seen)
    if (node.items !== undefined) visit(node.items as JsonSchema, `${where}/*`, seen)
  }
  visit(doc, '', new Set())
  return out
}

const matches = (where: string, pointer: string) => new RegExp(`^${where.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+')}$`).test(pointer)

function valuesAt(document: unknown, where: string): unknown[] {
  let nodes: unknown[] = [document]
  for (const part of where.split('/').slice(1)) {
    nodes = nodes.flatMap((node) => {
      if (node === null || typeof node !== 'object') return []
      if (part === '*') return Array.isArray(node) ? node : []
      return Object.hasOwn(node, part) ? [(node as Record<string, unknown>)[part]] : []
    })
  }
  return nodes
}

describe('report schemas', () => {
  const validDocuments = [...jsonFiles('examples'), ...jsonFiles('tests/valid')].map(readJson)
  const failures = Object.values(invalidExpectations()).flatMap((e) => e.errors)
  const seen = new Set<string>()
  for (const doc of [report2021Schema, report2019Schema]) {
    for (const constraint of constraints(doc)) {
      const key = `${constraint.kind} ${constraint.where} ${constraint.values.join('|')}`
      if (seen.has(key)) continue
      seen.add(key)
      it(`${constraint.kind} at ${constraint.where}: every value passes in a valid fixture, and an invalid fixture fails on it`, () => {
        const found = validDocuments.flatMap((d) => valuesAt(d, constraint.where))
        if (constraint.kind === 'enum') for (const value of constraint.values) expect(found, value).toContain(value)
        else expect(found.some((value) => typeof value === 'string' && new RegExp(constraint.values[0]!, 'u').test(value))).toBe(true)
        const keywords = constraint.kind === 'pattern' ? ['pattern'] : ['enum', 'const', 'anyOf']
        expect(failures.some((f) => keywords.includes(f.keyword) && matches(constraint.where, f.pointer))).toBe(true)
      })
    }
  }
})

describe('rules schema', () => {
  const validate = createAjv().getSchema(String(rulesSchema.$id))!
  const valid = (data: unknown) => validate(data) as boolean

  it('rules.json passes and uses every enumerated value', () => {
    expect(valid(publishedRules)).toBe(true)
    for (const constraint of constraints(rulesSchema).filter((c) => c.kind === 'enum')) {
      const where = constraint.where.replace(/^\/rules\/\*/, '')
      const found = publishedRules.rules.flatMap((rule) => valuesAt(rule, where))
      for (const value of constraint.values) expect(found, `${constraint.where} ${value}`).toContain(value)
    }
  })

  const change = (edit: (rules: { rules: Record<string, any>[] }) => void) => {
    const copy = structuredClone(publishedRules) as unknown as { rules: Record<string, any>[] }
    edit(copy)
    return copy
  }
  it.each([
    ['a rule id that is not dotted lower camel case', (r: { rules: Record<string, any>[] }) => (r.rules[0]!.id = 'Row Total')],
    ['a pointer that is not a JSON pointer', (r: { rules: Record<string, any>[] }) => (r.rules[0]!.checks[0].left[0] = 'applications/total')],
    ['a text pointer with a bad escape', (r: { rules: Record<string, any>[] }) => (r.rules.find((x) => x.kind === 'text-max-length')!.checks[0].texts[0] = '/a~2b')],
    ['an unknown severity', (r: { rules: Record<string, any>[] }) => (r.rules[0]!.severity = 'fatal')],
    ['an unknown kind', (r: { rules: Record<string, any>[] }) => (r.rules[0]!.kind = 'product')],
    ['an unknown template', (r: { rules: Record<string, any>[] }) => (r.rules[1]!.checks[0].templates = ['2020'])],
    ['a report rule in series scope', (r: { rules: Record<string, any>[] }) => (r.rules[0]!.scope = 'series')],
  ])('fails with %s', (_name, edit) => {
    expect(valid(change(edit))).toBe(false)
  })
})
