/** Bilingual text, and the AJV error → bilingual message conversion. */
import type { ErrorObject } from 'ajv'
import type { JsonSchema } from '../schema/emit.js'
import { labelChain } from '../schema/labels.js'
import { localizeZh } from './localize.js'

/** A message in Chinese and in English. */
export interface Bilingual {
  zh: string
  en: string
}

/** One reason a document does not conform to the schema. */
export interface ValidationError {
  /** JSON pointer of the offending value (for a missing or extra property: of that property). */
  pointer: string
  /** The official labels leading to that place, e.g. ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量", "总计"]. */
  labels: string[]
  /** The JSON Schema keyword that failed. */
  keyword: string
  params: Record<string, unknown>
  /** Where in the schema the failing keyword is. */
  schemaPath: string
  message: Bilingual
}

function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  const escape = (key: string) => '/' + key.replace(/~/g, '~0').replace(/\//g, '~1')
  if (error.keyword === 'required') return error.instancePath + escape(String(params.missingProperty))
  if (error.keyword === 'additionalProperties') return error.instancePath + escape(String(params.additionalProperty))
  return error.instancePath
}

/** Drops the per-branch errors of a failed `anyOf` whose own error is kept: one finding per place. */
function withoutBranchNoise(errors: ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath + '/')
  return errors.filter((e) => !anyOfPaths.some((path) => e.schemaPath.startsWith(path)))
}

export function toValidationErrors(doc: JsonSchema, errors: readonly ErrorObject[]): ValidationError[] {
  const kept = withoutBranchNoise([...errors])
  const english = kept.map((e) => e.message ?? e.keyword)
  const zhCopies = kept.map((e) => ({ ...e }))
  localizeZh(zhCopies)
  return kept.map((error, i) => {
    const pointer = pointerOf(error)
    const labels = labelChain(doc, pointer)
    const where = labels.length > 0 ? labels.join(' › ') : '报告'
    const whereEn = labels.length > 0 ? labels.join(' › ') : 'report'
    const place = pointer === '' ? '/' : pointer
    let en = english[i]!
    let zh = zhCopies[i]!.message ?? en
    if (error.keyword === 'additionalProperties') {
      en = 'is not a field of the report format'
      zh = '不是年度报告格式中的字段'
    } else if (error.keyword === 'required') {
      en = 'is missing'
      zh = '缺失'
    } else if (error.keyword === 'anyOf' && error.instancePath.endsWith('/topic')) {
      en = 'must be one of the five standard topics'
      zh = '应当是五个标准主题之一'
    }
    return {
      pointer,
      labels,
      keyword: error.keyword,
      params: error.params as Record<string, unknown>,
      schemaPath: error.schemaPath,
      message: { zh: `${where}（${place}）：${zh}`, en: `${whereEn} (${place}): ${en}` },
    }
  })
}

/** The one error for a document whose template generation cannot be told: not an object, or no known `template`. */
export function templateError(data: unknown, doc: JsonSchema, templates: readonly string[]): ValidationError {
  const base = { labels: [] as string[], schemaPath: '#/anyOf' }
  const label = labelChain(doc, '/template')
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const kind = data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data
    return {
      ...base,
      pointer: '',
      keyword: 'type',
      params: { type: 'object', actual: kind },
      message: { zh: `报告（/）：应当是 JSON 对象，实际是 ${kind}`, en: `report (/): must be a JSON object, not ${kind}` },
    }
  }
  const template = (data as { template?: unknown }).template
  const allowed = templates
  if (template === undefined) {
    return {
      ...base,
      labels: label,
      pointer: '/template',
      keyword: 'required',
      params: { missingProperty: 'template' },
      message: {
        zh: `${label.join(' › ')}（/template）：缺失；应当是 ${templates.map((t) => `"${t}"`).join(' 或 ')}`,
        en: `${label.join(' › ')} (/template): is missing; must be ${templates.map((t) => `"${t}"`).join(' or ')}`,
      },
    }
  }
  return {
    ...base,
    labels: label,
    pointer: '/template',
    keyword: 'enum',
    params: { allowedValues: allowed },
    message: {
      zh: `${label.join(' › ')}（/template）：应当是 ${templates.map((t) => `"${t}"`).join(' 或 ')}，实际是 ${JSON.stringify(template)}`,
      en: `${label.join(' › ')} (/template): must be ${templates.map((t) => `"${t}"`).join(' or ')}, not ${JSON.stringify(template)}`,
    },
  }
}
