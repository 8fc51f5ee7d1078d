/** ajv-i18n's Chinese messages, on their own: the standalone validator uses them without AJV's compiler. */
import * as localizeZhModule from 'ajv-i18n/localize/zh/index.js'
import type { ErrorObject } from 'ajv'
import { callable } from './callable.js'

export const localizeZh = callable<(errors?: ErrorObject[] | null) => void>(localizeZhModule)
