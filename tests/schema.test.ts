/** The published schema files: ids, offline resolution, strict compilation, labels on every field. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCHEMA_BASE_URL, SCHEMA_FILES, SCHEMA_MAJOR_VERSION, schemaId } from '../src/schema/ids.js'
import type { JsonSchema } from '../src/schema/emit.js'
import { labelAt, labelChain } from '../src/schema/labels.js'
import { publishedSchemas, report2021Schema } from '../src/schema/published.js'
import { Ajv2020, addFormats } from '../src/validate/cjs-interop.js'
import { jsonFiles, readJson, ROOT } from './support/files.js'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string }

describe('schema ids', () => {
  it('the base URL names this package at the schema major version, which is the package major version', () => {
    expect(SCHEMA_BASE_URL).toBe(`https://cdn.jsdelivr.net/npm/${pkg.name}@${SCHEMA_MAJOR_VERSION}/schema/`)
    expect(pkg.version.split('.')[0]).toBe(String(SCHEMA_MAJOR_VERSION))
  })

  for (const [name, file] of Object.entries(SCHEMA_FILES)) {
    it(`schema/${file} has the $id derived from the base URL`, () => {
      const doc = readJson(`schema/${file}`) as JsonSchema
      expect(doc.$id).toBe(SCHEMA_BASE_URL + file)
      expect(doc.$id).toBe(schemaId(name as keyof typeof SCHEMA_FILES))
      expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    })
  }

  it('the README lists every schema URL', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    for (const file of Object.values(SCHEMA_FILES)) expect(readme).toContain(SCHEMA_BASE_URL + file)
  })
})

describe('offline resolution', () => {
  it('each file compiles alone under AJV strict mode with no way to load a remote schema', () => {
    for (const doc of Object.values(publishedSchemas)) {
      const ajv = new Ajv2020({ strict: true, allErrors: true })
      addFormats(ajv)
      expect(() => ajv.compile(doc)).not.toThrow()
      expect(JSON.stringify(doc)).not.toMatch(/"\$ref":"(?!#)/) // self-contained: only local references
    }
  })

  it('every example names a published schema in $schema', () => {
    const ids = Object.values(publishedSchemas).map((doc) => doc.$id)
    for (const file of jsonFiles('examples')) {
      expect(ids).toContain((readJson(file) as { $schema: string }).$schema)
    }
  })
})

describe('labels', () => {
  function* properties(node: unknown, path: string): Generator<[string, JsonSchema]> {
    if (node === null || typeof node !== 'object') return
    const schema = node as JsonSchema
    if (schema.properties !== undefined) {
      for (const [key, child] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
        yield [`${path}/${key}`, child]
        yield* properties(child, `${path}/${key}`)
      }
    }
    for (const key of ['items', '$defs'] as const) {
      const value = schema[key]
      if (key === '$defs' && value !== undefined) {
        for (const [name, def] of Object.entries(value as Record<string, JsonSchema>)) yield* properties(def, `#${name}`)
      } else if (value !== undefined) yield* properties(value, `${path}[]`)
    }
  }

  it('every property of every file has a title and a description (its own or its definition\'s)', () => {
    for (const doc of Object.values(publishedSchemas)) {
      const defs = doc.$defs as Record<string, JsonSchema>
      for (const [path, child] of properties(doc, '')) {
        const def = typeof child.$ref === 'string' ? defs[child.$ref.replace('#/$defs/', '')]! : child
        expect.soft(child.title ?? def.title, `${path} title`).toEqual(expect.any(String))
        expect.soft(child.description ?? def.description, `${path} description`).toEqual(expect.any(String))
      }
    }
  })

  it('reads official labels through $ref, with the label of the place over the label of the definition', () => {
    expect(labelAt(report2021Schema, '/applications/newlyReceived/total')).toBe('总计')
    expect(labelChain(report2021Schema, '/applications/outcomes/withheld/stateSecret')).toEqual([
      '三、收到和处理政府信息公开申请情况',
      '三、本年度办理结果',
      '（三）不予公开',
      '1.属于国家秘密',
    ])
    expect(labelAt(report2021Schema, '/applications/nothing')).toBeUndefined()
  })
})
