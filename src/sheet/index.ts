/** zfxxgk-report/sheet: reports ↔ spreadsheets (.xlsx and CSV), in the layout a 主管部门 works in (see workbook.ts). */
export { fromWorkbook, REPORTS_SHEET, reportRows, toCsv, toWorkbook, workbookSheets, type SheetEntry, type SheetProblem, type SheetReport } from './workbook.js'
export { sheetColumns, TEXT_SECTIONS, type ColumnKind, type SheetColumn, type TextSection } from './columns.js'
