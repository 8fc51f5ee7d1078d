/**
 * The CommonJS modules AJV is published as, made callable the same way under Node ESM, TypeScript's NodeNext
 * resolution and the tsup bundles: whichever of the module object and its `default` export is the function.
 */
import * as ajv2020Module from 'ajv/dist/2020.js'
import * as addFormatsModule from 'ajv-formats'
import type { FormatsPlugin } from 'ajv-formats'

export function callable<T>(module: unknown): T {
  const candidate = module as { default?: unknown }
  if (typeof candidate === 'function') return candidate as T
  if (typeof candidate.default === 'function') return candidate.default as T
  const nested = candidate.default as { default?: unknown } | undefined
  return nested?.default as T
}

export const Ajv2020 = callable<typeof ajv2020Module.Ajv2020>(ajv2020Module)
export type Ajv2020 = InstanceType<typeof ajv2020Module.Ajv2020>
export const addFormats = callable<FormatsPlugin>(addFormatsModule)
