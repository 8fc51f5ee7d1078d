/**
 * Schema validation of a report with AJV (JSON Schema 2020-12, strict mode, ajv-formats). The schemas are the
 * published files; every `$id` resolves from them, so validation never touches the network.
 */
import type { ValidateFunction } from 'ajv'
import type { Report } from '../../generated/report.js'
import type { JsonSchema } from '../schema/emit.js'
import { schemaId } from '../schema/ids.js'
import { publishedSchemas, reportSchema, templateSchemas } from '../schema/published.js'
import { Ajv2020, addFormats } from './cjs-interop.js'
import { templateError, toValidationErrors, type ValidationError } from './messages.js'


export type ValidationResult<T = Report> = { valid: true; report: T; errors: [] } | { valid: false; errors: ValidationError[] }

/** A new AJV instance with every published schema added: for users who compose their own schemas with ours. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, strictRequired: false })
  addFormats(ajv)
  for (const schema of Object.values(publishedSchemas)) ajv.addSchema(schema)
  return ajv
}

interface Compiled {
  doc: JsonSchema
  check: ValidateFunction
}

let compiled: { any: Compiled; byTemplate: Record<string, Compiled> } | undefined

function validators() {
  if (compiled === undefined) {
    const ajv = createAjv()
    const get = (doc: JsonSchema): Compiled => ({ doc, check: ajv.getSchema(String(doc.$id))! })
    compiled = {
      any: get(reportSchema),
      byTemplate: { '2021': get(templateSchemas['2021']), '2019': get(templateSchemas['2019']) },
    }
  }
  return compiled
}

function templateOf(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined
  const template = (data as { template?: unknown }).template
  return typeof template === 'string' && Object.hasOwn(templateSchemas, template) ? template : undefined
}

/**
 * Validates `data` against the report schema. A document with a known `template` is checked against that
 * template's schema, so the errors name the real fields instead of every branch of the union.
 * Never throws: a value that cannot be read (a throwing getter, say) is reported as an error at "/".
 */
export function validateReport(data: unknown): ValidationResult {
  try {
    const { any, byTemplate } = validators()
    const template = templateOf(data)
    if (template === undefined) {
      if (any.check(data)) return { valid: true, report: data as Report, errors: [] } // unreachable: kept honest
      return { valid: false, errors: [templateError(data, templateSchemas['2021'])] }
    }
    const { doc, check } = byTemplate[template]!
    if (check(data)) return { valid: true, report: data as Report, errors: [] }
    return { valid: false, errors: toValidationErrors(doc, check.errors ?? []) }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      valid: false,
      errors: [
        {
          pointer: '',
          labels: [],
          keyword: 'exception',
          params: { reason },
          schemaPath: '#',
          message: { zh: `报告（/）：无法读取该值：${reason}`, en: `report (/): the value cannot be read: ${reason}` },
        },
      ],
    }
  }
}

/** Type guard: true if `data` is a schema-valid report. */
export function isReport(data: unknown): data is Report {
  return validateReport(data).valid
}

export const REPORT_SCHEMA_ID = schemaId('report')
