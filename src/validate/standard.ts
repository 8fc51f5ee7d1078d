/**
 * The validators as Standard Schema V1 (https://standardschema.dev): `~standard.validate` gives the report, or
 * issues with their path (the JSON pointer's segments, array indexes as numbers) and the message in one language
 * (Chinese by default). tRPC, TanStack Form, Hono and the other Standard Schema consumers take it as it is.
 */
import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { Report } from '../../generated/report.js'
import type { ValidationResult } from './dispatch.js'
import { decodePointer } from '../schema/labels.js'

export type ReportStandardSchema = StandardSchemaV1<unknown, Report>

/** The segments of a JSON pointer, array indexes as numbers. */
const pathOf = (pointer: string): (string | number)[] => decodePointer(pointer).map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part))

/** A Standard Schema of the report over a `validateReport` (sync, or async as the browser entry's). */
export function standardSchemaOf(validate: (data: unknown) => ValidationResult | Promise<ValidationResult>, lang: 'zh' | 'en'): ReportStandardSchema {
  const answer = (result: ValidationResult): StandardSchemaV1.Result<Report> =>
    result.valid ? { value: result.report } : { issues: result.errors.map((error) => ({ message: error.message[lang], path: pathOf(error.pointer) })) }
  return {
    '~standard': {
      version: 1,
      vendor: 'zfxxgk-report',
      validate(value) {
        const result = validate(value)
        return result instanceof Promise ? result.then(answer) : answer(result)
      },
    },
  }
}
