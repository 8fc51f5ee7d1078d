/**
 * A streaming .xlsx writer for what this package exports: sheets of plain cells (text or numbers), with their first
 * rows frozen as headers. Nothing else of SpreadsheetML (no styles, formulas, dates or merged cells) is needed, so
 * the sheets are written here as the few elements ECMA-376 requires, a row at a time, and the ZIP container is
 * fflate's streaming `Zip`. The compression comes from the environment (`loadZipWriter`): Node's zlib where there is
 * one, fflate's deflate elsewhere. Memory is bounded by a chunk of XML and the compressed output, whatever the
 * number of rows.
 *
 * Text cells are inline strings (`t="inlineStr"`), which need no shared-string table held until the end; Excel,
 * WPS, LibreOffice and read-excel-file all read them.
 */
import { loadZipWriter, type ZipEntry } from '../libraries.js'

export type XlsxCell = string | number | null | undefined

export interface XlsxSheet {
  /** The sheet's name (at most 31 characters, none of : \ / ? * [ ]). */
  name: string
  /** How many rows stay in view when scrolling (the header rows). */
  frozenRows: number
  rows: Iterable<readonly XlsxCell[]>
}

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships'
/** How much XML is gathered before it is compressed (the writer's working memory). */
export const XLSX_CHUNK_BYTES = 1 << 20

const SPECIAL = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Text as XML character data: markup characters escaped; characters XML 1.0 cannot hold (controls, lone surrogates) dropped. */
export function xmlText(text: string): string {
  SPECIAL.lastIndex = 0
  return SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ENTITY[c] ?? '') : text
}

/** The column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

/** Excel's limits on a sheet name, checked before anything is written. */
function checkSheetName(name: string, seen: Set<string>): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || seen.has(name.toLowerCase())) {
    throw new Error(`sheet name not allowed in a workbook: “${name}”`)
  }
  seen.add(name.toLowerCase())
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0))
const ROW_OPEN = ascii('<row r="')
const TAG_END = ascii('">')
const ROW_CLOSE = ascii('</row>')
const NUMBER_OPEN = ascii('"><v>')
const NUMBER_CLOSE = ascii('</v></c>')
const TEXT_OPEN = ascii('" t="inlineStr"><is><t xml:space="preserve">')
const TEXT_CLOSE = ascii('</t></is></c>')

/**
 * The XML of a sheet, written straight into bytes: the markup, the cell references and the integers byte by byte,
 * text by `TextEncoder.encodeInto`. Each full chunk goes to `flush` (which must use it before returning: the
 * buffer is reused) — no string is built per cell and none is encoded twice.
 */
class SheetBytes {
  private buffer = new Uint8Array(XLSX_CHUNK_BYTES)
  private at = 0
  private readonly encoder = new TextEncoder()
  constructor(private readonly flush: (bytes: Uint8Array) => void) {}

  /** Room for `count` more bytes, flushing what is there first if need be. */
  private room(count: number): void {
    if (this.at + count <= this.buffer.length) return
    this.end()
    if (count > this.buffer.length) this.buffer = new Uint8Array(count)
  }

  /** Writes out what the buffer holds. */
  end(): void {
    if (this.at > 0) this.flush(this.buffer.subarray(0, this.at))
    this.at = 0
  }

  put(bytes: Uint8Array): void {
    this.room(bytes.length)
    const buffer = this.buffer
    let at = this.at
    for (let i = 0; i < bytes.length; i++) buffer[at++] = bytes[i]!
    this.at = at
  }

  /** A non-negative safe integer, in decimal; anything else as JavaScript prints it (the form XML Schema's double takes). */
  number(value: number): void {
    if (!(value >= 0 && value <= Number.MAX_SAFE_INTEGER && Number.isInteger(value))) {
      this.text(String(value))
      return
    }
    let length = 1
    for (let n = value; n >= 10; n = Math.floor(n / 10)) length++
    this.room(length)
    const buffer = this.buffer
    let n = value
    for (let at = this.at + length - 1; at >= this.at; at--) {
      buffer[at] = 48 + (n % 10)
      n = Math.floor(n / 10)
    }
    this.at += length
  }

  text(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    this.room(text.length * 3)
    this.at += this.encoder.encodeInto(text, this.buffer.subarray(this.at)).written
  }
}

function writeSheetXml(sheet: XlsxSheet, out: SheetBytes): void {
  const pane = sheet.frozenRows > 0
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : ''
  out.text(`${XML_HEADER}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">${pane}<sheetData>`)
  // `<c r="` and the column's letters, made once per column.
  const cellOpen: Uint8Array[] = []
  let rowNumber = 0
  for (const row of sheet.rows) {
    rowNumber++
    const digits = ascii(String(rowNumber))
    out.put(ROW_OPEN)
    out.put(digits)
    out.put(TAG_END)
    for (let i = 0; i < row.length; i++) {
      const value = row[i]
      if (value === null || value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))) continue
      out.put((cellOpen[i] ??= ascii(`<c r="${columnLetters(i)}`)))
      out.put(digits)
      if (typeof value === 'number') {
        out.put(NUMBER_OPEN)
        out.number(value)
        out.put(NUMBER_CLOSE)
      } else {
        out.put(TEXT_OPEN)
        out.text(xmlText(value))
        out.put(TEXT_CLOSE)
      }
    }
    out.put(ROW_CLOSE)
  }
  out.text('</sheetData></worksheet>')
  out.end()
}

function workbookXml(names: readonly string[]): string {
  const sheets = names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
  return `${XML_HEADER}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>${sheets}</sheets></workbook>`
}

function workbookRelsXml(count: number): string {
  const sheets = Array.from({ length: count }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
  return `${XML_HEADER}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${sheets}<Relationship Id="rId${count + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`
}

function contentTypesXml(count: number): string {
  const sheets = Array.from({ length: count }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
  return (
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    `${sheets}</Types>`
  )
}

const ROOT_RELS = `${XML_HEADER}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
// The one style every cell has: the default font, no fill, no border, the General number format.
const STYLES =
  `${XML_HEADER}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'

/** Writes the sheets as an .xlsx file, row by row. Throws on a sheet name Excel would refuse. */
export async function writeXlsx(sheets: readonly XlsxSheet[]): Promise<Uint8Array> {
  const seen = new Set<string>()
  for (const sheet of sheets) checkSheetName(sheet.name, seen)
  const { Zip, entry } = await loadZipWriter()
  const output: Uint8Array[] = []
  let failure: Error | undefined
  let finished = false
  const zip = new Zip((error, chunk, final) => {
    if (error) failure ??= error
    else output.push(chunk)
    if (final) finished = true
  })
  const add = (filename: string, write: (out: SheetBytes) => void) => {
    const file: ZipEntry = entry(filename)
    zip.add(file)
    // A chunk is held back until the next arrives, so that the last one can be pushed as final.
    let held: Uint8Array | undefined
    write(new SheetBytes((bytes) => {
      if (held !== undefined) file.push(held, false)
      held = bytes.slice()
    }))
    file.push(held ?? new Uint8Array(0), true)
  }
  const part = (xml: string) => (out: SheetBytes) => {
    out.text(xml)
    out.end()
  }
  add('[Content_Types].xml', part(contentTypesXml(sheets.length)))
  add('_rels/.rels', part(ROOT_RELS))
  add('xl/workbook.xml', part(workbookXml(sheets.map((sheet) => sheet.name))))
  add('xl/_rels/workbook.xml.rels', part(workbookRelsXml(sheets.length)))
  add('xl/styles.xml', part(STYLES))
  sheets.forEach((sheet, i) => add(`xl/worksheets/sheet${i + 1}.xml`, (out) => writeSheetXml(sheet, out)))
  zip.end()
  if (failure !== undefined) throw failure
  if (!finished) throw new Error('the workbook was not finished')
  const bytes = new Uint8Array(output.reduce((sum, chunk) => sum + chunk.length, 0))
  let offset = 0
  for (const chunk of output) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}
