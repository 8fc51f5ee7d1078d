/**
 * validateReport's logic, for any set of compiled per-template validators (AJV at run time, or AJV standalone code):
 * dispatch on `template` so that errors name the real fields, one precise error when `template` is missing or
 * unknown, and never a throw. A valid document is told by the generated boolean validator (generated/valid-report.ts)
 * without AJV: AJV, compiled on first need, runs only for documents that fail it.
 */
import type { Report } from '../../generated/report.js'
import type { JsonSchema } from '../schema/emit.js'
import { templateOf, templateSchemas } from '../schema/published.js'
import { templateError, toValidationErrors, type ValidationError } from './messages.js'
import { validByFastPath } from './fast.js'

export type ValidationResult<T = Report> = { valid: true; report: T; errors: [] } | { valid: false; errors: ValidationError[] }

/** A compiled validator in AJV's calling convention. */
export type CompiledCheck = ((data: unknown) => boolean) & { errors?: unknown[] | null }

/** The template generations, newest first (integer-like keys would otherwise iterate oldest first). */
const GENERATIONS = Object.keys(templateSchemas).sort().reverse()

/** AJV compiles validators with `new Function`; a strict CSP or `--disallow-code-generation-from-strings` forbids it. */
function forbidsCodeGeneration(error: unknown): boolean {
  return error instanceof EvalError || (error instanceof Error && /code generation from strings disallowed|unsafe-eval/i.test(error.message))
}

/** Not the report's fault: one error that says what to use instead. */
const CODE_GENERATION_FORBIDDEN: ValidationError = {
  pointer: '',
  labels: [],
  keyword: 'environment',
  params: { reason: 'code generation from strings is disallowed' },
  schemaPath: '#',
  message: {
    zh: '无法校验：当前环境禁止由字符串生成代码（严格的 Content-Security-Policy 或 --disallow-code-generation-from-strings），请改用 zfxxgk-report/standalone 中预编译的校验器',
    en: 'cannot validate: this environment forbids generating code from strings (a strict Content-Security-Policy or --disallow-code-generation-from-strings); use the precompiled validator of zfxxgk-report/standalone',
  },
}

export function makeValidateReport(validators: () => Record<string, CompiledCheck>) {
  return function validateReport(data: unknown): ValidationResult {
    try {
      const template = templateOf(data)
      if (template === undefined) return { valid: false, errors: [templateError(data, templateSchemas['2021'], GENERATIONS)] }
      // The fast path: most documents are valid, and for them a yes is all there is to say. AJV, the reference,
      // runs for the others, to give its errors (and its verdict stands).
      if (validByFastPath(data)) return { valid: true, report: data as Report, errors: [] }
      const check = validators()[template]!
      if (check(data)) return { valid: true, report: data as Report, errors: [] }
      const doc: JsonSchema = templateSchemas[template]
      return { valid: false, errors: toValidationErrors(doc, (check.errors ?? []) as never) }
    } catch (error) {
      if (forbidsCodeGeneration(error)) return { valid: false, errors: [CODE_GENERATION_FORBIDDEN] }
      const reason = error instanceof Error ? error.message : String(error)
      return {
        valid: false,
        errors: [
          {
            pointer: '',
            labels: [],
            keyword: 'exception',
            params: { reason },
            schemaPath: '#',
            message: { zh: `报告（/）：无法读取该值：${reason}`, en: `report (/): the value cannot be read: ${reason}` },
          },
        ],
      }
    }
  }
}
