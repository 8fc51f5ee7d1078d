/**
 * HTML → lines, with parse5 (a spec-compliant HTML parser; never regular expressions over markup). Tables become one
 * line per row with their rowspan/colspan resolved into a grid; every other block becomes lines of text, <br>
 * breaking lines. `&nbsp;` and the like are decoded by the parser.
 */
import { parse } from 'parse5'
import type { DefaultTreeAdapterMap } from 'parse5'
import type { Line, Location } from './text.js'
import { budget, BudgetError, MAX_HTML_DEPTH, MAX_TABLE_CELLS, MAX_TABLE_SLOTS } from '../budgets.js'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'ul', 'caption', 'html', 'title',
])
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'svg', 'select', 'button'])

// Every node that is not an element has a nodeName starting with '#' (#text, #comment, #document, #documentType):
// one character read, where `'tagName' in node` is a lookup over the tree's many node shapes.
const isElement = (node: Node): node is Element => node.nodeName.charCodeAt(0) !== 35

// Nesting deeper than MAX_HTML_DEPTH is not read (no real report comes close; hostile input would exhaust the stack).
export { MAX_HTML_DEPTH } from '../budgets.js'

/** What reading a page found that it did not read: nesting past the depth budget, anywhere (cells too). */
interface Skipped {
  tooDeep: boolean
}

/** Text of a cell, <br> and blocks as line breaks; `depth` counts from the document's root. */
function cellText(node: Node, depth: number, skipped: Skipped): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value
  // Most cells hold one text node: its text, with no walk.
  if (depth < MAX_HTML_DEPTH && isElement(node) && !SKIP.has(node.tagName) && node.tagName !== 'br' && !BLOCKS.has(node.tagName)) {
    const children = node.childNodes
    if (children.length === 0) return ''
    if (children.length === 1 && children[0]!.nodeName === '#text') return (children[0] as DefaultTreeAdapterMap['textNode']).value
  }
  let text = ''
  const append = (node: Node, depth: number): void => {
    if (node.nodeName === '#text') {
      text += (node as DefaultTreeAdapterMap['textNode']).value
      return
    }
    if (depth > MAX_HTML_DEPTH) {
      skipped.tooDeep = true
      return
    }
    if (!isElement(node) || SKIP.has(node.tagName)) return
    if (node.tagName === 'br') {
      text += '\n'
      return
    }
    const block = BLOCKS.has(node.tagName)
    if (block) text += '\n'
    for (const child of node.childNodes) append(child, depth + 1)
    if (block) text += '\n'
  }
  append(node, depth)
  return text
}

/** A span as browsers read it: digits, at least 1, at most 1000 (the HTML standard's limit for colspan). */
const span = (value: string | undefined) => {
  const n = Number.parseInt(value ?? '1', 10)
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1
}

/** A cell's rowspan and colspan, read in one pass over its attributes (the first of each name counts, as in browsers). */
function spansOf(cell: Element): { rowspan: number; colspan: number } {
  let rowspan: string | undefined
  let colspan: string | undefined
  const attrs = cell.attrs
  for (let i = 0; i < attrs.length; i++) {
    const { name, value } = attrs[i]!
    if (name === 'rowspan') rowspan ??= value
    else if (name === 'colspan') colspan ??= value
  }
  return { rowspan: span(rowspan), colspan: span(colspan) }
}

/** Runs of spaces, tabs and no-break spaces as one space (a string with none is returned as it is). */
const MORE_THAN_A_SPACE = /[\t\u00A0]| {2}/
const collapseSpaces = (text: string) => (MORE_THAN_A_SPACE.test(text) ? text.replace(/[ \t\u00A0]+/g, ' ') : text)

/**
 * A table's rows as a grid: a spanned cell is placed at its origin only, the places it covers left empty of cells.
 * A rowspan reaches at most the table's last row; the slots the cells cover, and the cells, are counted against
 * their budgets before they are marked, so a hostile span costs nothing.
 */
function tableRows(table: Element, tableNumber: number, depth: number, skipped: Skipped): Line[] {
  const rows: Element[] = []
  const collect = (element: Element) => {
    for (const child of element.childNodes) {
      if (!isElement(child)) continue
      if (child.tagName === 'tr') rows.push(child)
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') collect(child)
    }
  }
  collect(table)
  const occupied: boolean[][] = []
  const lines: Line[] = []
  let slots = 0
  let cellCount = 0
  const where = (r: number, c: number) => ({ zh: `第 ${tableNumber} 个表格第 ${r + 1} 行第 ${c} 个单元格`, en: `table ${tableNumber}, row ${r + 1}, cell ${c}` })
  rows.forEach((row, r) => {
    occupied[r] ??= []
    const texts: string[] = []
    const locations: Location[] = []
    let text = ''
    let column = 0
    let c = 0
    for (const child of row.childNodes) {
      if (!isElement(child) || (child.tagName !== 'td' && child.tagName !== 'th')) continue
      c++
      if (++cellCount > MAX_TABLE_CELLS) throw new BudgetError(budget('MAX_TABLE_CELLS'), where(r, c), cellCount)
      while (occupied[r]![column]) column++
      const spans = spansOf(child)
      const rowspan = Math.min(spans.rowspan, rows.length - r)
      const colspan = spans.colspan
      slots += rowspan * colspan
      if (slots > MAX_TABLE_SLOTS) throw new BudgetError(budget('MAX_TABLE_SLOTS'), where(r, c), slots)
      for (let dr = 0; dr < rowspan && r + dr < rows.length; dr++) {
        occupied[r + dr] ??= []
        for (let dc = 0; dc < colspan; dc++) occupied[r + dr]![column + dc] = true
      }
      const cell = collapseSpaces(cellText(child, depth + 1, skipped)).trim()
      texts.push(cell)
      locations.push({ element: `table ${tableNumber}, row ${r + 1}, cell ${c} (column ${column + 1})` })
      text += (c === 1 ? '' : ' ') + (cell.includes('\n') ? cell.replace(/\n/g, ' ') : cell)
      column += colspan
    }
    lines.push({ text: text.trim(), cells: texts, locations, location: { element: `table ${tableNumber}, row ${r + 1}` }, tableRow: true })
  })
  return lines
}

/** The text of the page's <title>, if any (the agency is sometimes only there). */
function pageTitleOf(node: Node, depth = 0): string | undefined {
  if (depth > 6) return undefined
  if (isElement(node) && node.tagName === 'title') return cellText(node, depth, { tooDeep: false }).replace(/\s+/g, ' ').trim() || undefined
  if (!('childNodes' in node)) return undefined
  for (const child of node.childNodes) {
    const found = pageTitleOf(child, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}

export interface HtmlLines {
  lines: Line[]
  pageTitle?: string
}

export function htmlToLines(html: string): HtmlLines {
  const document = parse(html)
  const pageTitle = pageTitleOf(document)
  const lines: Line[] = []
  let buffer = ''
  let blocks = 0
  let tables = 0
  const flush = () => {
    const location = { element: `block ${blocks}` }
    for (const part of buffer.split('\n')) {
      const text = part.replace(/[ \t\u00A0\r]+/g, ' ').trim()
      lines.push({ text, cells: text === '' ? [] : [text], locations: text === '' ? [] : [location], location, tableRow: false })
    }
    buffer = ''
  }
  const skipped: Skipped = { tooDeep: false }
  const walk = (node: Node, depth = 0) => {
    if (depth > MAX_HTML_DEPTH) {
      skipped.tooDeep = true
      return
    }
    if (node.nodeName === '#text') {
      const value = (node as DefaultTreeAdapterMap['textNode']).value
      buffer += value.includes('\n') ? value.replace(/\n/g, ' ') : value
      return
    }
    if (!isElement(node)) {
      if ('childNodes' in node) for (const child of node.childNodes) walk(child, depth + 1)
      return
    }
    if (SKIP.has(node.tagName)) return
    if (node.tagName === 'table') {
      flush()
      for (const row of tableRows(node, ++tables, depth, skipped)) lines.push(row)
      return
    }
    if (node.tagName === 'br') {
      buffer += '\n'
      return
    }
    const block = BLOCKS.has(node.tagName)
    if (block) {
      flush()
      blocks++
    }
    const children = node.tagName === 'template' ? [] : node.childNodes
    for (const child of children) walk(child, depth + 1)
    if (block) flush()
  }
  walk(document)
  flush()
  if (skipped.tooDeep) {
    lines.push({ text: '', cells: [], locations: [], location: { element: `nesting deeper than ${MAX_HTML_DEPTH}` }, tableRow: false, tooDeep: true })
  }
  // Blank lines only separate blocks; keep one between blocks for paragraph boundaries.
  const kept = lines.filter((line, i) => line.tooDeep === true || line.text !== '' || (i > 0 && lines[i - 1]!.text !== ''))
  return pageTitle === undefined ? { lines: kept } : { lines: kept, pageTitle }
}
