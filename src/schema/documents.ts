/** The schema documents and the rules file the package publishes, built from the model. */
import { Report, Report2019, Report2021 } from '../model/index.js'
import { buildRules } from '../rules/catalog.js'
import { RulesFile } from '../rules/model.js'
import { emitSchema, type JsonSchema } from './emit.js'
import { ClaimsFile } from '../claims/model.js'
import { buildClaims } from '../claims/vocabulary.js'
import { CLAIMS_ID, RULES_ID, SCHEMA_FILES, schemaId, type SchemaName } from './ids.js'
import { NUMERALS } from '../rules/numerals.js'

export function buildSchemaDocuments(): Record<SchemaName, JsonSchema> {
  return {
    report: emitSchema(Report, { $id: schemaId('report') }),
    report2021: emitSchema(Report2021, { $id: schemaId('report2021') }),
    report2019: emitSchema(Report2019, { $id: schemaId('report2019') }),
    rules: emitSchema(RulesFile, { $id: schemaId('rules') }),
    claims: emitSchema(ClaimsFile, { $id: schemaId('claims') }),
  }
}

/** schema/rules.json: the rules with every pointer expanded from the report schemas. */
export function buildRulesDocument(docs: Record<SchemaName, JsonSchema>): JsonSchema {
  return {
    $schema: schemaId('rules'),
    $id: RULES_ID,
    reportSchema: schemaId('report'),
    rules: buildRules({ '2021': docs.report2021, '2019': docs.report2019 }),
    numerals: NUMERALS,
  }
}

/** schema/claims.json: the claim vocabulary, every cell checked against the report schemas. */
export function buildClaimsDocument(docs: Record<SchemaName, JsonSchema>): JsonSchema {
  return {
    $schema: schemaId('claims'),
    $id: CLAIMS_ID,
    ...buildClaims({ '2021': docs.report2021, '2019': docs.report2019 }, schemaId('report'), NUMERALS),
  }
}

export { SCHEMA_FILES }
