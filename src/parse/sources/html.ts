/**
 * HTML → lines, with parse5 (a spec-compliant HTML parser; never regular expressions over markup). Tables become one
 * line per row with their rowspan/colspan resolved into a grid; every other block becomes lines of text, <br>
 * breaking lines. `&nbsp;` and the like are decoded by the parser.
 */
import { parse } from 'parse5'
import type { DefaultTreeAdapterMap } from 'parse5'
import type { Line, Location } from './text.js'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'ul', 'caption', 'html', 'title',
])
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'svg', 'select', 'button'])

const isElement = (node: Node): node is Element => 'tagName' in node
const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value

/** Nesting deeper than this is not read (no real report comes close; hostile input would exhaust the stack). */
export const MAX_HTML_DEPTH = 500

/** Text of a cell, <br> and blocks as line breaks. */
function cellText(node: Node, depth = 0): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value
  if (!isElement(node) || SKIP.has(node.tagName) || depth > MAX_HTML_DEPTH) return ''
  if (node.tagName === 'br') return '\n'
  const inner = node.childNodes.map((child) => cellText(child, depth + 1)).join('')
  return BLOCKS.has(node.tagName) ? `\n${inner}\n` : inner
}

const span = (value: string | undefined) => {
  const n = Number.parseInt(value ?? '1', 10)
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1
}

interface GridCell {
  text: string
  location: Location
}

/** A table's rows as a grid: a spanned cell is placed at its origin only, the places it covers left empty of cells. */
function tableRows(table: Element, tableNumber: number): Line[] {
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
  rows.forEach((row, r) => {
    occupied[r] ??= []
    const cells: GridCell[] = []
    let column = 0
    let c = 0
    for (const child of row.childNodes) {
      if (!isElement(child) || (child.tagName !== 'td' && child.tagName !== 'th')) continue
      c++
      while (occupied[r]![column]) column++
      const rowspan = span(attribute(child, 'rowspan'))
      const colspan = span(attribute(child, 'colspan'))
      for (let dr = 0; dr < rowspan && r + dr < rows.length; dr++) {
        occupied[r + dr] ??= []
        for (let dc = 0; dc < colspan; dc++) occupied[r + dr]![column + dc] = true
      }
      const text = cellText(child).replace(/[ \t\u00A0]+/g, ' ').trim()
      cells.push({ text, location: { element: `table ${tableNumber}, row ${r + 1}, cell ${c} (column ${column + 1})` } })
      column += colspan
    }
    const location = { element: `table ${tableNumber}, row ${r + 1}` }
    lines.push({
      text: cells.map((cell) => cell.text.replace(/\n/g, ' ')).join(' ').trim(),
      cells: cells.map((cell) => cell.text),
      locations: cells.map((cell) => cell.location),
      location,
      tableRow: true,
    })
  })
  return lines
}

/** The text of the page's <title>, if any (the agency is sometimes only there). */
function pageTitleOf(node: Node, depth = 0): string | undefined {
  if (depth > 6) return undefined
  if (isElement(node) && node.tagName === 'title') return cellText(node).replace(/\s+/g, ' ').trim() || undefined
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
  let tooDeep = false
  const walk = (node: Node, depth = 0) => {
    if (depth > MAX_HTML_DEPTH) {
      tooDeep = true
      return
    }
    if (node.nodeName === '#text') {
      buffer += (node as DefaultTreeAdapterMap['textNode']).value.replace(/\n/g, ' ')
      return
    }
    if (!isElement(node)) {
      if ('childNodes' in node) for (const child of node.childNodes) walk(child, depth + 1)
      return
    }
    if (SKIP.has(node.tagName)) return
    if (node.tagName === 'table') {
      flush()
      lines.push(...tableRows(node, ++tables))
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
  if (tooDeep) {
    lines.push({ text: '', cells: [], locations: [], location: { element: `nesting deeper than ${MAX_HTML_DEPTH}` }, tableRow: false, tooDeep: true })
  }
  // Blank lines only separate blocks; keep one between blocks for paragraph boundaries.
  const kept = lines.filter((line, i) => line.tooDeep === true || line.text !== '' || (i > 0 && lines[i - 1]!.text !== ''))
  return pageTitle === undefined ? { lines: kept } : { lines: kept, pageTitle }
}
