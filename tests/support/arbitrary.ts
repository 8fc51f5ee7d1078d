/**
 * fast-check arbitraries derived from the published schema: schema-valid reports of either template, with plain
 * Chinese text that quotes no numbers (so the text rules stay silent and renderers can round-trip it).
 */
import fc from 'fast-check'
import type { Report } from '../../generated/report.js'
import type { JsonSchema } from '../../src/schema/emit.js'
import { templateSchemas } from '../../src/schema/published.js'

const WORDS = ['政府', '信息', '公开', '工作', '推进', '本机关', '年度', '平台', '规范', '政策', '解读', '群众', '服务', '制度', '监督', '加强', '完善', '及时', '发布', '栏目']
const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 12 })
  .map((words) => words.join('') + '。')
export const paragraphText = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(''))

const PATTERN_ARBITRARIES: Record<string, fc.Arbitrary<string>> = {
  '^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][!-~]*)?$': fc.stringMatching(/^[a-z]{1,10}$/).map((path) => `https://www.example.gov.cn/${path}.html`),
  '^[1-9][0-9]{5}$': fc.integer({ min: 110000, max: 659999 }).map(String),
  '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$': fc
    .tuple(fc.constantFrom('11', '12', '13', '31', '51', '91'), fc.integer({ min: 110000, max: 659999 }), fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{10}$/))
    .map(([a, b, c]) => `${a}${b}${c}`),
}

function resolve(doc: JsonSchema, node: JsonSchema): JsonSchema {
  if (typeof node.$ref !== 'string') return node
  return { ...(doc.$defs as Record<string, JsonSchema>)[node.$ref.replace('#/$defs/', '')]!, ...node, $ref: undefined }
}

/** An arbitrary of the values `node` accepts (for the subset of JSON Schema the report schemas use). */
export function fromSchema(doc: JsonSchema, node: JsonSchema, key = ''): fc.Arbitrary<unknown> {
  const schema = resolve(doc, node)
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as JsonSchema[]).map((option) => fromSchema(doc, option)))
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties as Record<string, JsonSchema>
      const record: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [name, child] of Object.entries(properties)) if (name !== '$schema') record[name] = fromSchema(doc, child, name)
      return fc.record(record, { requiredKeys: ((schema.required ?? []) as string[]).filter((name) => name !== '$schema') })
    }
    case 'array':
      return fc.array(fromSchema(doc, schema.items as JsonSchema), { maxLength: 3 })
    case 'integer': {
      const min = schema.minimum as number
      if (key === 'year') return fc.integer({ min: 2019, max: 2030 })
      return min < 0 ? fc.integer({ min: -30, max: 30 }) : fc.oneof({ weight: 9, arbitrary: fc.nat(40) }, { weight: 1, arbitrary: fc.nat(100000) })
    }
    case 'number':
      return fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 10000)
    case 'boolean':
      return fc.boolean()
    case 'string': {
      if (schema.format === 'date') return fc.date({ min: new Date('2009-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
      const pattern = schema.pattern as string | undefined
      if (pattern !== undefined) return PATTERN_ARBITRARIES[pattern]!
      if (key === 'agencyName') return fc.constantFrom('示例县人民政府办公室', '示例市生态环境局', '示例镇人民政府')
      if (key === 'heading') return fc.constantFrom('（一）主动公开', '（二）依申请公开', '（一）人大代表建议和政协提案办理结果公开情况')
      if (key === 'title') return fc.constant('示例机关年度报告')
      return paragraphText
    }
    default:
      throw new Error(`no arbitrary for ${JSON.stringify(schema).slice(0, 80)}`)
  }
}

/** Schema-valid reports of the given template generation(s). */
export function arbitraryReport(templates: readonly ('2021' | '2019')[] = ['2021', '2019']): fc.Arbitrary<Report> {
  return fc.oneof(...templates.map((t) => fromSchema(templateSchemas[t], templateSchemas[t]))) as fc.Arbitrary<Report>
}
