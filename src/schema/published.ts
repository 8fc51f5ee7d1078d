/**
 * The schema documents as published in schema/ (the committed, generated files). Validation uses these, never the
 * in-memory model, so that the package validates exactly what other systems reference by `$id`.
 */
import report2019 from '../../schema/report-2019.schema.json' with { type: 'json' }
import report2021 from '../../schema/report-2021.schema.json' with { type: 'json' }
import report from '../../schema/report.schema.json' with { type: 'json' }
import rules from '../../schema/rules.schema.json' with { type: 'json' }
import claims from '../../schema/claims.schema.json' with { type: 'json' }
import type { JsonSchema } from './emit.js'
import type { SchemaName } from './ids.js'
import { templateOf, type TemplateGeneration } from './generations.js'

export const reportSchema: JsonSchema = report
export const report2021Schema: JsonSchema = report2021
export const report2019Schema: JsonSchema = report2019

export const rulesSchema: JsonSchema = rules
export const claimsSchema: JsonSchema = claims

export const publishedSchemas: Record<SchemaName, JsonSchema> = {
  report: reportSchema,
  report2021: report2021Schema,
  report2019: report2019Schema,
  rules: rulesSchema,
  claims: claimsSchema,
}

/** The per-template schema document of each template generation. */
export const templateSchemas: Record<TemplateGeneration, JsonSchema> = { '2021': report2021Schema, '2019': report2019Schema }
export { templateOf, type TemplateGeneration }
