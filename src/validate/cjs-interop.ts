/**
 * The CommonJS modules AJV is published as, made callable the same way under Node ESM, TypeScript's NodeNext
 * resolution and the tsup bundles: whichever of the module object and its `default` export is the function.
 */
import * as ajv2020Module from 'ajv/dist/2020.js'
import * as addFormatsModule from 'ajv-formats'
import type { FormatsPlugin } from 'ajv-formats'
import { callable } from './callable.js'

export { callable }

export const Ajv2020 = callable<typeof ajv2020Module.Ajv2020>(ajv2020Module)
export type Ajv2020 = InstanceType<typeof ajv2020Module.Ajv2020>
export const addFormats = callable<FormatsPlugin>(addFormatsModule)
