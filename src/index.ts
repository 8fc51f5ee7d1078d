/**
 * zfxxgk-report: the canonical machine-readable form of the 政府信息公开工作年度报告.
 * Types generated from the published JSON Schema, the AJV validator, the schema documents and their labels.
 * The TypeBox definitions are in the `zfxxgk-report/model` entry.
 */
export type * from '../generated/report.js'
export { SCHEMA_BASE_URL, SCHEMA_FILES, SCHEMA_MAJOR_VERSION, schemaId, UnknownSchemaError, type SchemaName } from './schema/ids.js'
export { publishedSchemas, report2019Schema, report2021Schema, reportSchema, templateSchemas } from './schema/published.js'
export { decodePointer, encodePointer, labelAt, labelChain } from './schema/labels.js'
export type { JsonSchema } from './schema/emit.js'
export type { Bilingual, ValidationError } from './validate/messages.js'
export {
  createAjv,
  isReport,
  REPORT_SCHEMA_ID,
  reportStandardSchema,
  standardSchema,
  validateReport,
  type ValidationResult,
} from './validate/validate-report.js'
export type { ReportStandardSchema } from './validate/standard.js'
export { checkReport, checkSeries, type CheckOptions } from './rules/check.js'
export type { CheckResult, Finding, Severity } from './rules/findings.js'
export { completeTotals } from './rules/totals.js'
export { aggregateReports, type AggregateOptions, type AggregateResult, type IncludedReport } from './rules/aggregate.js'
export { publishedRules as rules } from './rules/published.js'
export type { Rule, RulesFile } from '../generated/rules.js'
export { publishedClaims as claims, claimsOf, type PlacedClaim } from './claims/check.js'
export { readClaims, type Claim, type ClaimChange } from './claims/read.js'
export type { ClaimsFile, ClaimTerm, ClaimPredicate } from '../generated/claims.js'
export { RULES_FILE, RULES_ID } from './schema/ids.js'
