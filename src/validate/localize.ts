/** ajv-i18n's Chinese messages, on their own: the standalone validator uses them without AJV's compiler. */
import * as localizeZhModule from 'ajv-i18n/localize/zh/index.js'
import type { ErrorObject } from 'ajv'

type Localize = (errors?: ErrorObject[] | null) => void
const candidate = localizeZhModule as unknown as { default?: unknown }

export const localizeZh: Localize = (typeof candidate === 'function' ? candidate : candidate.default) as Localize
