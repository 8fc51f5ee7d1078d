/**
 * Type-level proof that the TypeBox model (Static<>) and the types generated from the emitted JSON Schema are
 * mutually assignable. Checked by `tsc` (tests/typecheck.test.ts); nothing here runs.
 */
import type { Static } from 'typebox'
import type * as Generated from '../../generated/report.js'
import type * as Model from '../../src/model/index.js'

type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

export const report: MutuallyAssignable<Static<typeof Model.Report>, Generated.Report> = true
export const report2021: MutuallyAssignable<Static<typeof Model.Report2021>, Generated.Report2021> = true
export const report2019: MutuallyAssignable<Static<typeof Model.Report2019>, Generated.Report2019> = true
export const row: MutuallyAssignable<Static<typeof Model.ApplicantCounts>, Generated.ApplicantCounts> = true
export const meta: MutuallyAssignable<Static<typeof Model.ReportMeta>, Generated.ReportMeta> = true

// The check can fail: the two templates are not interchangeable.
// @ts-expect-error Report2019 is not Report2021
export const differentTemplates: MutuallyAssignable<Static<typeof Model.Report2021>, Generated.Report2019> = true
// @ts-expect-error a row with a missing column is not a row
export const missingColumn: MutuallyAssignable<Omit<Generated.ApplicantCounts, 'total'>, Generated.ApplicantCounts> = true
