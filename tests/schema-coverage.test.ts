/**
 * Schema lint and coverage: every pattern and every enumerated value of the published schemas has a document that
 * passes with it and one that fails on it. Report schemas: the fixture folders; the rules schema: rules.json and
 * changed copies of it.
 */
import { describe, expect, it } from 'vitest'
import type { JsonSchema } from '../src/schema/emit.js'
import { publishedRules } from '../src/rules/published.js'
import { checkReport } from '../src/rules/check.js'
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

  // A kind the published rules no longer use but rules files of users may (schema 1.x keeps it): the numbers of the
  // narrative are checked by schema/claims.json since 1.3 (tests/claims.test.ts).
  const KEPT: Record<string, string[]> = { '/rules/*/kind': ['text-number'] }

  it('rules.json passes and uses every enumerated value (but the kinds kept for other rules files)', () => {
    expect(valid(publishedRules)).toBe(true)
    for (const constraint of constraints(rulesSchema).filter((c) => c.kind === 'enum')) {
      const where = constraint.where.replace(/^\/rules\/\*/, '')
      const found = publishedRules.rules.flatMap((rule) => valuesAt(rule, where))
      for (const value of constraint.values) {
        if (KEPT[constraint.where]?.includes(value)) expect(found, `${constraint.where} ${value} is kept, unused`).not.toContain(value)
        else expect(found, `${constraint.where} ${value}`).toContain(value)
      }
    }
  })

  it('a rules file of the kept text-number kind still passes and runs', () => {
    const rule = {
      id: 'text.review-cases',
      severity: 'warning',
      scope: 'report',
      kind: 'text-number',
      description: { zh: '正文中行政复议的件数应与第四部分表格一致。', en: 'The number of 行政复议 cases quoted in the text matches section 四.' },
      message: { zh: '正文称行政复议 {number} 件（“{excerpt}”），与表格不符（表格：{value}）', en: 'The text quotes {number} cases (“{excerpt}”); the table: {value}' },
      checks: [{ texts: ['/reviewsAndLawsuits/notes'], patterns: ['行政复议([0-9]{1,4})件'], readings: [['/reviewsAndLawsuits/administrativeReview/total']] }],
    }
    const rules = { ...structuredClone(publishedRules), rules: [rule] } as unknown as typeof publishedRules
    expect(valid(rules)).toBe(true)
    const report = structuredClone(readJson('examples/seed-2024-weidong-science-bureau.json')) as Record<string, any>
    report.reviewsAndLawsuits.notes = ['本年度发生行政复议2件。']
    const findings = checkReport(report, { rules, claims: false }).findings
    expect(findings.map((f) => [f.ruleId, f.actual])).toEqual([['text.review-cases', 2]])
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
