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
  claims: 'claims.schema.json',
} as const

/** The rules file (data, not a schema): the 勾稽关系 with their checks, valid against rules.schema.json. */
export const RULES_FILE = 'rules.json'
export const RULES_ID = SCHEMA_BASE_URL + RULES_FILE
/** The claim vocabulary (data): how the narrative states the tables' numbers, valid against claims.schema.json. */
export const CLAIMS_FILE = 'claims.json'
export const CLAIMS_ID = SCHEMA_BASE_URL + CLAIMS_FILE
export type SchemaName = keyof typeof SCHEMA_FILES

/**
 * A schema name that is not one of SCHEMA_FILES' keys (a TypeError, so callers that catch those keep working), with
 * the name given and the one meant when it is a file name (`report-2021` or `report-2021.schema.json` for `report2021`).
 */
export class UnknownSchemaError extends TypeError {
  readonly code = 'ZFXXGK_UNKNOWN_SCHEMA'
  constructor(
    readonly given: unknown,
    readonly suggestion: SchemaName | undefined,
  ) {
    const names = Object.keys(SCHEMA_FILES).join(', ')
    super(`unknown schema name ${typeof given === 'string' ? JSON.stringify(given) : String(given)}${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}: the names are ${names}`)
    this.name = 'UnknownSchemaError'
  }
}

/** The `$id` (published URL) of a schema, by its name; an unknown name is an UnknownSchemaError, never a wrong URL. */
export function schemaId(name: SchemaName): string {
  if (typeof name === 'string' && Object.hasOwn(SCHEMA_FILES, name)) return SCHEMA_BASE_URL + SCHEMA_FILES[name]
  const asFile = typeof name === 'string' ? String(name).replace(/\.schema\.json$/, '') + '.schema.json' : ''
  const suggestion = (Object.keys(SCHEMA_FILES) as SchemaName[]).find((key) => SCHEMA_FILES[key] === asFile)
  throw new UnknownSchemaError(name, suggestion)
}
