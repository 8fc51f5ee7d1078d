/**
 * zfxxgk-report/form: the per-template schema as a JSON Schema form generator wants it, and the layout hints that
 * show the official tables as tables. Written for react-jsonschema-form (rjsf) 6 and tested with it; the hints are
 * plain uiSchema data and the CSS plain class rules, so other generators that read uiSchema can use them too.
 *
 * - `formSchema(template)`: the published schema of that template, with the Chinese titles as the only labels (the
 *   English descriptions dropped unless `{ descriptions: true }`). Its `$schema` is draft 2020-12: give rjsf's AJV 8
 *   validator `Ajv2020` (`customizeValidator({ AjvClass: Ajv2020 })`).
 * - `formUiSchema(template)`: a uiSchema in which every row of an official table (the rows `schema/tables.ts`
 *   finds for the parser and the renderers, objects whose fields are all numbers: section 二's document counts,
 *   section 三's applicant columns, section 四's case outcomes) is one line of cells (`FORM_ROW_CLASS`); long texts
 *   get a textarea; the shapes of an alternative are titled by their number of table rows; a yes/no is a pair of
 *   radio buttons.
 * - `FORM_CSS`: the rules that lay such rows out as a grid.
 * - `FORM_DEFAULT_BEHAVIOR`: rjsf's default-filling set so that the form adds nothing to a report.
 */
import { withoutDescriptions } from '../schema/annotations.js'
import type { JsonSchema } from '../schema/emit.js'
import { labelAt, resolveRef } from '../schema/labels.js'
import { templateSchemas } from '../schema/published.js'
import { alternativesOf, rowsOf } from '../schema/tables.js'
import { splitPointer } from '../rules/pointer.js'
import { TEMPLATE_GENERATIONS, type TemplateGeneration } from '../schema/generations.js'

export type { TemplateGeneration }
/** A uiSchema node as rjsf reads it: `ui:` options, and the same for each property, item or alternative. */
export type FormUiSchema = { [key: string]: unknown }

export interface FormSchemaOptions {
  /** Keep the English descriptions under the Chinese titles (default: false, titles only). */
  descriptions?: boolean
}

/**
 * rjsf's `experimental_defaultFormStateBehavior` under which the form fills in nothing the report does not say: no
 * optional part created with defaults (rjsf would add an absent fee statement as `{ charged: false }`), no yes/no
 * answered `false` for the user, no choice set to its first value. The `template` constant is still filled in.
 */
export const FORM_DEFAULT_BEHAVIOR = {
  emptyObjectFields: 'populateRequiredDefaults',
  requiredBooleanDefault: 'skip',
  constAsDefaults: 'skipOneOf',
} as const

/** The class of a table row's field: its cells side by side. */
export const FORM_ROW_CLASS = 'zfxxgk-row'
/** The class of a paragraph's field: a textarea the width of the form. */
export const FORM_TEXT_CLASS = 'zfxxgk-text'
/** A text that may be longer than this (a paragraph, not a name, heading or address) is edited in a textarea. */
const LONG_TEXT = 10_000

/** The grid: a row's cells in one line of equal columns, its title above them. */
export const FORM_CSS = `.${FORM_ROW_CLASS} > fieldset { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(0, 1fr); gap: 0 0.75em; align-items: end; }
.${FORM_ROW_CLASS} > fieldset > legend { float: none; font-size: 1em; font-weight: 600; }
.${FORM_ROW_CLASS} > fieldset input { width: 100%; box-sizing: border-box; }
.${FORM_TEXT_CLASS} textarea { width: 100%; box-sizing: border-box; }
`

/** A typed error for a template name that is not one of the generations ("2021", "2019"). */
export class UnknownTemplateError extends TypeError {
  readonly code = 'ZFXXGK_UNKNOWN_TEMPLATE'
  constructor(readonly given: unknown) {
    super(`unknown template ${typeof given === 'string' ? JSON.stringify(given) : String(given)}: the templates are ${TEMPLATE_GENERATIONS.join(', ')} / 未知的报告格式，可选 ${TEMPLATE_GENERATIONS.join('、')}`)
    this.name = 'UnknownTemplateError'
  }
}

function schemaOf(template: TemplateGeneration): JsonSchema {
  if (typeof template !== 'string' || !Object.hasOwn(templateSchemas, template)) throw new UnknownTemplateError(template)
  return templateSchemas[template]
}

/** The template's published schema for a form: titles only unless descriptions are asked for. A new copy each call. */
export function formSchema(template: TemplateGeneration, options: FormSchemaOptions = {}): JsonSchema {
  const schema = schemaOf(template)
  // titledEnumsAsOneOf copies every node, so the published schema is never handed out itself.
  return titledEnumsAsOneOf(options.descriptions === true ? schema : withoutDescriptions(schema))
}

/**
 * Each enumeration (alternatives that are all `const`s, each with its title) as `oneOf` rather than `anyOf`: the
 * same values (constants exclude one another), in the form form generators document for a select with labels, and
 * one that rjsf can be told not to fill in by itself (`constAsDefaults: 'skipOneOf'`; with `anyOf` it picks the
 * first value for an optional field the report leaves out).
 */
function titledEnumsAsOneOf(node: unknown): JsonSchema {
  if (Array.isArray(node)) return node.map(titledEnumsAsOneOf) as unknown as JsonSchema
  if (node === null || typeof node !== 'object') return node as JsonSchema
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(node)) out[key] = titledEnumsAsOneOf(value)
  if (Array.isArray(out.anyOf) && out.oneOf === undefined && out.anyOf.every((option) => option !== null && typeof option === 'object' && 'const' in option)) {
    out.oneOf = out.anyOf
    delete out.anyOf
  }
  return out
}

/** The uiSchema that lays the template's tables out as grids (see the module's comment for the rule). */
export function formUiSchema(template: TemplateGeneration): FormUiSchema {
  const root = schemaOf(template)
  const ui = widgetsOf(root, root, new Set()) ?? {}
  // The table rows are the ones the parser and the renderers read (schema/tables.ts); a row inside an alternative
  // goes to the uiSchema of its shape, and each shape is titled by its number of rows.
  const alternatives = alternativesOf(template, '')
  const inAlternative = new Set(alternatives.flatMap((alternative) => alternative.shapes.flat()))
  for (const row of rowsOf(template, '')) if (!inAlternative.has(row)) Object.assign(uiAt(ui, splitPointer(row.pointer)), { 'ui:classNames': FORM_ROW_CLASS })
  for (const alternative of alternatives) {
    const here = splitPointer(alternative.pointer)
    const title = labelAt(root, alternative.pointer)
    const shapes = uiAt(ui, here).anyOf as FormUiSchema[] | undefined
    const options = alternative.shapes.map((shape, i) => {
      const option: FormUiSchema = shapes?.[i] ?? {}
      if (title !== undefined) option['ui:title'] = `${title}（${shape.length} 行）`
      for (const row of shape) Object.assign(uiAt(option, splitPointer(row.pointer).slice(here.length)), { 'ui:classNames': FORM_ROW_CLASS })
      return option
    })
    uiAt(ui, here).anyOf = options
  }
  return ui
}

/** The uiSchema node at `path` below `ui`, made (as an empty node) where it is missing. */
function uiAt(ui: FormUiSchema, path: readonly string[]): FormUiSchema {
  let node = ui
  for (const part of path) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {}
    node = node[part] as FormUiSchema
  }
  return node
}

/** The widgets by the type of each field: textareas for paragraphs, radio buttons for a yes/no. */
function widgetsOf(schema: JsonSchema, root: JsonSchema, seen: Set<JsonSchema>): FormUiSchema | undefined {
  const node = resolveRef(root, schema)
  if (seen.has(node)) return undefined
  const inner = new Set(seen).add(node)
  const alternatives = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined
  if (Array.isArray(alternatives)) {
    const ui = alternatives.map((option) => widgetsOf(option, root, inner) ?? {})
    return ui.some((one) => Object.keys(one).length > 0) ? { [node.anyOf === undefined ? 'oneOf' : 'anyOf']: ui } : undefined
  }
  if (node.type === 'object') {
    const ui: FormUiSchema = {}
    for (const [name, sub] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>)) {
      const child = widgetsOf(sub, root, inner)
      if (child !== undefined) ui[name] = child
    }
    return Object.keys(ui).length > 0 ? ui : undefined
  }
  if (node.type === 'array' && typeof node.items === 'object' && node.items !== null) {
    const items = widgetsOf(node.items as JsonSchema, root, inner)
    return items === undefined ? undefined : { items }
  }
  // A yes/no that must be answered: two radio buttons, since a required checkbox can only say yes (rjsf marks it
  // `required`, which a browser reads as "must be checked").
  if (node.type === 'boolean') return { 'ui:widget': 'radio' }
  if (node.type === 'string' && typeof node.maxLength === 'number' && node.maxLength > LONG_TEXT && node.pattern === undefined && node.format === undefined) return { 'ui:widget': 'textarea', 'ui:options': { rows: 4 }, 'ui:classNames': FORM_TEXT_CLASS }
  return undefined
}
