/**
 * The validators as Standard Schema V1, through a real consumer: a tRPC procedure whose input is the report schema
 * (tRPC takes any Standard Schema) accepts a valid report with its type and refuses an invalid one with the issues
 * (message and path) tRPC passes on; and the issues themselves, from every entry, against validateReport's errors.
 */
import { initTRPC, TRPCError } from '@trpc/server'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import { describe, expect, it } from 'vitest'
import type { Report } from '../generated/report.js'
import * as browser from '../src/browser/index.js'
import * as main from '../src/index.js'
import * as standalone from '../src/standalone/index.js'
import { readJson } from './support/files.js'

const seed = () => readJson('examples/seed-2024-weidong-science-bureau.json') as Report
const broken = () => {
  const report = seed() as unknown as Record<string, any>
  report.meta.agencyName = ''
  report.overview.paragraphs[0].text = 5
  return report
}

describe('Standard Schema V1', () => {
  it('is what tRPC takes as a procedure’s input: the report through, an invalid one refused with its issues', async () => {
    const t = initTRPC.create()
    const router = t.router({ agency: t.procedure.input(main.reportStandardSchema).query(({ input }) => input.meta.agencyName) })
    const caller = t.createCallerFactory(router)({})
    expect(await caller.agency(seed())).toBe(seed().meta.agencyName)
    const error = await caller.agency(broken() as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TRPCError)
    expect((error as TRPCError).code).toBe('BAD_REQUEST')
    const issues = ((error as TRPCError).cause as unknown as { issues: StandardSchemaV1.Issue[] }).issues
    expect(issues.map((issue) => issue.path)).toEqual(main.validateReport(broken()).valid ? [] : (main.validateReport(broken()) as { errors: { pointer: string }[] }).errors.map((e) => e.pointer.slice(1).split('/').map((p) => (/^\d+$/.test(p) ? Number(p) : p))))
    expect(issues.some((issue) => issue.path?.join('/') === 'overview/paragraphs/0/text')).toBe(true)
  })

  it('gives the same issues from the main, standalone and browser entries, in Chinese or in English', async () => {
    const errors = (main.validateReport(broken()) as { errors: { pointer: string; message: { zh: string; en: string } }[] }).errors
    expect(errors.length).toBeGreaterThanOrEqual(2)
    for (const [lang, schema] of [['zh', main.reportStandardSchema], ['en', main.standardSchema({ lang: 'en' })], ['zh', standalone.reportStandardSchema], ['en', standalone.standardSchema({ lang: 'en' })], ['zh', browser.reportStandardSchema]] as const) {
      const result = await schema['~standard'].validate(broken())
      expect(result.issues?.map((issue) => issue.message), `${lang}`).toEqual(errors.map((e) => e.message[lang]))
      const valid = await schema['~standard'].validate(seed())
      expect(valid.issues).toBeUndefined()
      expect((valid as { value: Report }).value.meta.agencyName).toBe(seed().meta.agencyName)
      expect(schema['~standard'].version).toBe(1)
      expect(schema['~standard'].vendor).toBe('zfxxgk-report')
    }
  })
})
