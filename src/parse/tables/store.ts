/**
 * Table reading, step 4: the cells read become numbers in the report (units converted exactly, signs kept where
 * the column is signed), each with its provenance; the rows' events become diagnostics that say why.
 */
import type { Location } from '../sources/text.js'
import type { Collector } from '../diagnostics.js'
import { shiftDecimal } from '../tokens/normalize.js'
import { splitPointer } from '../../rules/pointer.js'
import type { ColumnSpec, RowSpec } from '../../schema/tables.js'
import type { CellHow, ReadCell } from './readings.js'
import type { RowEvent, TableRead } from './read.js'

/** How one cell of the report was read: enough for a person or a page to show where the number came from. */
export interface CellProvenance {
  how: CellHow | 'unit-converted'
  /** The text the value was read from, as printed ("" for a blank or an unprinted cell). */
  raw: string
  /** Where in the input. */
  location: Location
}

export type Provenance = Record<string, CellProvenance>

/** Sets `value` at `pointer` (split once, by the checker's cache of pointers), creating the objects on the way. */
export function setPath(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const parts = splitPointer(pointer)
  let node = target
  for (let i = 0; i + 1 < parts.length; i++) node = (node[parts[i]!] ??= {}) as Record<string, unknown>
  node[parts[parts.length - 1]!] = value
}

/** The number stored for a cell read, and how: units converted exactly to the column's, with a note. */
function cellNumber(cell: ReadCell, column: ColumnSpec, pointer: string, out: Collector): { value: number; how: CellProvenance['how'] } {
  const { number } = cell
  if (cell.how === 'blank-as-zero') out.add('info', 'blank-as-zero', '空白单元格按 0 读取', 'blank cell read as 0', pointer, cell.location)
  if (cell.how === 'placeholder-as-zero') out.add('info', 'placeholder-as-zero', `“${cell.raw}”按 0 读取`, `"${cell.raw}" read as 0`, pointer, cell.location)
  if (number === undefined) return { value: cell.value, how: cell.how }
  if (!column.integer) {
    if (number.unit === '元') {
      const value = shiftDecimal(number.digits, -4)
      out.add('info', 'unit-converted', `${cell.raw} 换算为 ${value} 万元`, `${cell.raw} converted to ${value} 万元 (10,000 yuan)`, pointer, cell.location)
      return { value, how: 'unit-converted' }
    }
    if (number.unit === undefined && /万元/.test(column.title) === false) {
      out.add('warning', 'unit-assumed', `${cell.raw} 未注明单位，按万元读取`, `${cell.raw} has no unit; read as 万元 (10,000 yuan)`, pointer, cell.location)
    }
  }
  if (number.signed && !column.signed && number.value >= 0) {
    out.add('info', 'sign-dropped', `“${cell.raw}”按 ${number.value} 读取`, `"${cell.raw}" read as ${number.value}`, pointer, cell.location)
  }
  return { value: number.value, how: cell.how }
}

const labelOf = (row: RowSpec) => row.label

/**
 * Writes the cells of `read` into `report` and `provenance`, and says what happened to every row. Rows after a row
 * cut off by the end of the input are reported together, once.
 */
export function storeTable(read: TableRead, rows: readonly RowSpec[], report: Record<string, unknown>, provenance: Provenance, out: Collector): void {
  const events = new Map<RowSpec, RowEvent[]>()
  for (const event of read.events) {
    for (const row of event.kind === 'shared' ? event.rows : [event.row]) {
      const list = events.get(row) ?? []
      list.push(event)
      events.set(row, list)
    }
  }
  // Many rows split out of digit runs: one note for the section says why (the cells were joined with no separator).
  const splitRows = read.events.filter((e) => e.kind === 'split').length
  if (splitRows > 2) {
    const section = `/${rows[0]!.pointer.split('/')[1]}`
    out.add('info', 'arithmetic-split', `该部分 ${splitRows} 行的单元格之间没有分隔（如网页抓取的文字），各行的数字按表格的勾稽关系拆分`, `${splitRows} rows of this section have their cells joined with no separator (as crawled web text); their digits were split by the table’s arithmetic`, section)
  }
  const truncatedAt = rows.findIndex((row) => events.get(row)?.some((e) => e.kind === 'in-order' && e.truncated))
  const notFound: RowSpec[] = []
  rows.forEach((row, r) => {
    const cells = row.columns.map((column) => ({ column, pointer: column.pointer, cell: read.cells.get(column.pointer) }))
    const rowEvents = events.get(row) ?? []
    const location = read.labels.get(row.pointer)
    if (cells.some((c) => c.cell !== undefined)) {
      const object: Record<string, unknown> = {}
      setPath(report, row.pointer, object)
      for (const { column, pointer, cell } of cells) {
        if (cell === undefined) continue
        const { value, how } = cellNumber(cell, column, pointer, out)
        object[column.key] = value
        provenance[pointer] = { how, raw: cell.raw, location: cell.location }
      }
    }
    for (const event of rowEvents) {
      switch (event.kind) {
        case 'not-found':
          if (truncatedAt < 0 || r < truncatedAt) notFound.push(row)
          break
        case 'no-values':
          out.miss(row.pointer, '找到该行标签，但其后没有数值', 'the row label is printed but no values follow it', event.location)
          break
        case 'unreadable': {
          const printed = event.printed.join(' ')
          const why = {
            'too-few': ['数值少于列数，且无法确定各数值所在的列', 'fewer values than columns, and no way to tell which columns they are in'],
            'too-many': ['数值多于列数', 'more values than columns'],
            arithmetic: ['没有一种读法符合该行的勾稽关系', 'no reading satisfies the row’s arithmetic'],
            budget: ['可能的读法过多，无法确定', 'too many possible readings to settle'],
            'run-into-text': ['数字与其后的文字之间没有分隔，无法确定数字在何处结束', 'the digits run into the text after them, so where they end is unknown'],
          }[event.why]
          out.miss(row.pointer, `${why[0]}（印有：${printed}），未读取`, `${why[1]} (printed: ${printed}); not read`, event.location, 'unreadable')
          break
        }
        case 'ambiguous': {
          const pointers = event.cells.map((c) => c.pointer).filter((p) => p.startsWith(`${row.pointer}/`))
          if (pointers.length === 0) break
          const shown = event.readings.slice(0, 20).map((reading) => reading.map((v) => (v === undefined ? '—' : String(v))).join('|'))
          const more = event.readings.length > 20 ? ` …（共 ${event.readings.length} 种）` : ''
          const moreEn = event.readings.length > 20 ? ` … (${event.readings.length} in all)` : ''
          const names = pointers.map((p) => row.columns.find((c) => p.endsWith(`/${c.key}`))?.title ?? p)
          out.missAll(pointers, 'ambiguous', `有多种读法符合版式和勾稽关系：${shown.join('；')}${more}。${names.join('、')}无法确定，未读取`, `ambiguous: several readings fit the layout and the arithmetic: ${shown.join('; ')}${moreEn}. ${names.join(', ')} not read`, row.pointer, event.location)
          break
        }
        case 'split':
          if (event.row !== row || splitRows > 2) break
          if (event.readings === 1) out.add('info', 'arithmetic-split', '各单元格之间没有分隔，只有一种拆法符合版式和该行的勾稽关系', 'cells printed with no separator; one split only fits the layout and the row’s arithmetic', row.pointer, event.location)
          else out.add('info', 'arithmetic-split', `各单元格之间没有分隔，按表格的勾稽关系拆分数字（${event.readings} 种拆法中唯一相符的一种）`, `cells printed with no separator; digits split by the table’s arithmetic (the one of ${event.readings} splits that fits)`, row.pointer, event.location)
          break
        case 'placed':
          if (event.row === row) out.add('info', 'placed-by-arithmetic', `数值所在的列由表格的勾稽关系确定（版式允许 ${event.readings} 种读法）`, `the columns of the values were settled by the table’s arithmetic (the layout allows ${event.readings} readings)`, row.pointer, event.location)
          break
        case 'in-order':
          if (event.truncated) {
            out.add('warning', 'values-in-order', `输入在此行中途结束，只有 ${event.found} 个数值（该行共 ${row.columns.length} 列），按列顺序读取`, `the input ends inside this row: ${event.found} of ${row.columns.length} values, read in column order`, row.pointer, event.location)
          } else {
            out.add('warning', 'extra-values', `多出 ${event.extra} 个数值，已忽略`, `${event.extra} extra values ignored`, row.pointer, event.location)
          }
          break
        case 'shared':
          if (event.rows[0] === row) out.add('info', 'values-shared', `${event.rows.map(labelOf).join('、')}的数值印在一起，按列依次读取`, `the values of ${event.rows.map(labelOf).join(', ')} are printed together and read across in order`, row.pointer, event.location)
          break
      }
    }
    for (const { pointer, cell } of cells) {
      if (cell !== undefined || out.missing.includes(pointer) || out.missing.includes(row.pointer)) continue
      if (rowEvents.some((e) => e.kind === 'not-found' || e.kind === 'no-values' || e.kind === 'unreadable')) continue
      if (cells.every((c) => c.cell === undefined)) {
        out.miss(row.pointer, '该行未读出', 'the row was not read', location)
        break
      }
      out.miss(pointer, '缺少该单元格', 'cell missing', location)
    }
  })
  if (notFound.length > 0) {
    const names = notFound.map(labelOf)
    if (notFound.length <= 3) for (const row of notFound) out.miss(row.pointer, '未找到该行', 'row not found')
    else out.missAll(notFound.map((row) => row.pointer), 'rows-not-found', `未找到 ${notFound.length} 行：${names.join('；')}`, `${notFound.length} rows not found: ${names.join('; ')}`)
  }
  if (truncatedAt >= 0 && truncatedAt + 1 < rows.length) {
    const after = rows.slice(truncatedAt + 1).filter((row) => !row.columns.some((c) => read.cells.has(c.pointer)))
    if (after.length > 0) {
      const row = rows[truncatedAt]!
      const location = read.labels.get(row.pointer)
      const line = location?.line === undefined ? '' : `第 ${location.line} 行`
      out.missAll(after.map((r) => r.pointer), 'input-ends', `输入在${line}“${row.label}”之后结束，其后 ${after.length} 行缺失`, `the input ends${location?.line === undefined ? '' : ` at line ${location.line}`}, after the row “${row.label}”; the ${after.length} rows after it are missing`, undefined, location)
    }
  }
}
