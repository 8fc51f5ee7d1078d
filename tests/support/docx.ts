/**
 * Builds a real Word .docx (Office Open XML in a zip) from HTML: paragraphs become w:p, tables become w:tbl with
 * colspan as w:gridSpan and rowspan as w:vMerge, the way Word stores merged cells. Test material for parseDocx.
 */
import JSZip from 'jszip'
import { parse } from 'parse5'
import type { DefaultTreeAdapterMap } from 'parse5'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']
const isElement = (node: Node): node is Element => 'tagName' in node
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const textOf = (node: Node): string =>
  node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : isElement(node) ? node.childNodes.map(textOf).join('') : ''
const paragraph = (text: string, centred = false) => `<w:p>${centred ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ''}<w:r><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`

export interface DocxOptions {
  /** Table borders on every cell (as the template prints them); without, Word shows none when printed. */
  borders?: boolean
  /** Cell text centred across and down its cell (as many templates set it). */
  centred?: boolean
}

const BORDERS = '<w:tblPr><w:tblBorders>' + ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') + '</w:tblBorders></w:tblPr>'
const attr = (element: Element, name: string) => Number(element.attrs.find((a) => a.name === name)?.value ?? '1')

function table(element: Element, options: DocxOptions): string {
  const rows = element.childNodes.filter(isElement).flatMap((child) => (child.tagName === 'tbody' ? child.childNodes.filter(isElement) : [child]))
  const pending: Map<number, number> = new Map() // column → rows still covered by a vertical merge
  const out: string[] = ['<w:tbl>', options.borders === true ? BORDERS : '']
  for (const row of rows.filter((r) => r.tagName === 'tr')) {
    out.push('<w:tr>')
    let column = 0
    const cells = row.childNodes.filter(isElement).filter((c) => c.tagName === 'td' || c.tagName === 'th')
    const emitContinuations = () => {
      while ((pending.get(column) ?? 0) > 0) {
        pending.set(column, pending.get(column)! - 1)
        out.push('<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>')
        column++
      }
    }
    for (const cell of cells) {
      emitContinuations()
      const colspan = attr(cell, 'colspan')
      const rowspan = attr(cell, 'rowspan')
      const props = [colspan > 1 ? `<w:gridSpan w:val="${colspan}"/>` : '', rowspan > 1 ? '<w:vMerge w:val="restart"/>' : '', options.centred === true ? '<w:vAlign w:val="center"/>' : ''].join('')
      out.push(`<w:tc>${props === '' ? '' : `<w:tcPr>${props}</w:tcPr>`}${paragraph(textOf(cell), options.centred === true)}</w:tc>`)
      if (rowspan > 1) for (let c = 0; c < colspan; c++) pending.set(column + c, rowspan - 1)
      column += colspan
    }
    emitContinuations()
    out.push('</w:tr>')
  }
  out.push('</w:tbl>')
  return out.join('')
}

export async function htmlToDocx(html: string, options: DocxOptions = {}): Promise<Uint8Array> {
  const body: string[] = []
  const walk = (node: Node) => {
    if (!isElement(node)) {
      if ('childNodes' in node) node.childNodes.forEach(walk)
      return
    }
    if (node.tagName === 'table') body.push(table(node, options))
    else if (['p', 'h1', 'h2', 'h3', 'li'].includes(node.tagName)) body.push(paragraph(textOf(node)))
    else if (!['head', 'style', 'title'].includes(node.tagName)) node.childNodes.forEach(walk)
  }
  walk(parse(html))
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}</w:body></w:document>`)
  return zip.generateAsync({ type: 'uint8array' })
}
