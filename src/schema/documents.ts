/** The schema documents the package publishes, built from the model. */
import { Report, Report2019, Report2021 } from '../model/index.js'
import { emitSchema, type JsonSchema } from './emit.js'
import { SCHEMA_FILES, schemaId, type SchemaName } from './ids.js'

export function buildSchemaDocuments(): Record<SchemaName, JsonSchema> {
  return {
    report: emitSchema(Report, { $id: schemaId('report') }),
    report2021: emitSchema(Report2021, { $id: schemaId('report2021') }),
    report2019: emitSchema(Report2019, { $id: schemaId('report2019') }),
  }
}

export { SCHEMA_FILES }
