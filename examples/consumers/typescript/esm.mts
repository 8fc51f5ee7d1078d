// The types in an ES module project (module and moduleResolution NodeNext or Node16): tsc --noEmit --strict esm.mts
import { checkReport, schemaId, validateReport, type ApplicantCounts, type Report } from 'zfxxgk-report'
import * as model from 'zfxxgk-report/model'

/** 一、本年新收政府信息公开申请数量 › 总计 of a document, if it is a valid report. */
export function newlyReceived(data: unknown): number | undefined {
  const result = validateReport(data)
  if (!result.valid) {
    for (const error of result.errors) console.error(error.pointer, error.message.zh)
    return undefined
  }
  const report: Report = result.report
  const row: ApplicantCounts = report.applications.newlyReceived
  return checkReport(report).errors === 0 ? row.total : undefined
}

export const schemaUrl: string = schemaId('report2021')
export const template: '2021' = model.Report2021.properties.template.const
