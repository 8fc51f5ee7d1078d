/** The .xlsx writer's ZIP container and deflate (fflate) as a script of its own (dist/page/sheet-writer.js), loaded only when a workbook is exported. */
import { Zip, ZipDeflate } from 'fflate'
import type { ZipWriter } from '../libraries.js'

const writer: ZipWriter = { Zip, entry: (name) => new ZipDeflate(name, { level: 1 }) }
;(globalThis as { zfxxgkSheetWriter?: ZipWriter }).zfxxgkSheetWriter = writer
