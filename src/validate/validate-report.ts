/**
 * Schema validation of a report with AJV (JSON Schema 2020-12, strict mode, ajv-formats). The schemas are the
 * published files; every `$id` resolves from them, so validation never touches the network.
 */
import type { Report } from '../../generated/report.js'
import { schemaId } from '../schema/ids.js'
import { publishedSchemas, templateSchemas } from '../schema/published.js'
import { Ajv2020, addFormats } from './cjs-interop.js'
import { makeValidateReport, type CompiledCheck, type ValidationResult } from './dispatch.js'
import { standardSchemaOf, type ReportStandardSchema } from './standard.js'

export type { ValidationResult }

/** A new AJV instance with every published schema added: for users who compose their own schemas with ours. */
export function createAjv(): Ajv2020 {
  return newAjv(true)
}

function newAjv(logging: boolean): Ajv2020 {
  // Without logging, a compile that fails (code generation forbidden) prints no generated code on stderr.
  const ajv = new Ajv2020({ strict: true, allErrors: true, strictRequired: false, ...(logging ? {} : { logger: false as const }) })
  addFormats(ajv)
  for (const schema of Object.values(publishedSchemas)) ajv.addSchema(schema)
  return ajv
}

let compiled: Record<string, CompiledCheck> | undefined

/**
 * Validates `data` against the report schema. A document with a known `template` is checked against that
 * template's schema, so the errors name the real fields instead of every branch of the union; a missing or unknown
 * `template` is one precise error. Never throws: a value that cannot be read (a throwing getter, say) is reported
 * as an error at "/".
 */
export const validateReport = makeValidateReport(() => {
  if (compiled === undefined) {
    const ajv = newAjv(false)
    compiled = Object.fromEntries(
      Object.entries(templateSchemas).map(([template, doc]) => [template, ajv.getSchema(String(doc.$id))! as CompiledCheck]),
    )
  }
  return compiled
})

/** Type guard: true if `data` is a schema-valid report. */
export function isReport(data: unknown): data is Report {
  return validateReport(data).valid
}

export const REPORT_SCHEMA_ID = schemaId('report')

/**
 * The report schema as a Standard Schema V1 (tRPC, TanStack Form, Hono, …): the report, or issues with the path and
 * the message in Chinese; `standardSchema({ lang: 'en' })` for English.
 */
export const standardSchema = (options: { lang?: 'zh' | 'en' } = {}): ReportStandardSchema => standardSchemaOf(validateReport, options.lang ?? 'zh')
export const reportStandardSchema: ReportStandardSchema = /* @__PURE__ */ standardSchema()
