/** The spreadsheet writer as a script of its own (dist/page/sheet-writer.js), loaded only when a workbook is exported. */
import writeXlsxFile from 'write-excel-file/universal'

;(globalThis as { zfxxgkSheetWriter?: unknown }).zfxxgkSheetWriter = writeXlsxFile
