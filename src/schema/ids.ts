/**
 * Where the published schema files live. Every `$id` is derived from SCHEMA_BASE_URL, which carries the schema's
 * major version: jsDelivr serves the newest published 1.x.y of the npm package under `zfxxgk-report@1`, so a URL
 * stays valid across compatible releases and a breaking change moves to `@2`.
 */
export const SCHEMA_MAJOR_VERSION = 1
export const SCHEMA_BASE_URL = `https://cdn.jsdelivr.net/npm/zfxxgk-report@${SCHEMA_MAJOR_VERSION}/schema/`

/** File names of the emitted schema documents, by what they describe. */
export const SCHEMA_FILES = {
  report: 'report.schema.json',
  report2021: 'report-2021.schema.json',
  report2019: 'report-2019.schema.json',
  rules: 'rules.schema.json',
} as const

/** The rules file (data, not a schema): the 勾稽关系 with their checks, valid against rules.schema.json. */
export const RULES_FILE = 'rules.json'
export const RULES_ID = SCHEMA_BASE_URL + RULES_FILE
export type SchemaName = keyof typeof SCHEMA_FILES

export const schemaId = (name: SchemaName): string => SCHEMA_BASE_URL + SCHEMA_FILES[name]
