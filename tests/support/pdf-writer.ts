/**
 * A minimal PDF writer for test material: text placed at given positions with a CID font (Identity-H, widths 1 em for
 * CJK and full-width characters, 0.5 em for ASCII) and a ToUnicode map, so a PDF reader recovers the text exactly;
 * and ruling lines. The content stream holds the items in the order given, which need not be the reading order. The
 * font is not embedded (a reader substitutes one), as in many exports from office suites.
 */

export interface PlacedText {
  text: string
  /** Left end of the baseline, in points from the page's top left corner. */
  x: number
  y: number
  size: number
  /** Counter-clockwise, in degrees (a watermark is set at 30 or 45). */
  angle?: number
}

export interface PlacedRule {
  x0: number
  y0: number
  x1: number
  y1: number
  width?: number
}

export interface WrittenPage {
  width: number
  height: number
  texts: PlacedText[]
  rules: PlacedRule[]
  /** Rules drawn as thin filled rectangles (as Chromium and Word draw cell borders) instead of stroked lines. */
  filledRules?: boolean
  /** A grey image over the whole page (what a scan is). */
  image?: boolean
}

export interface WriteOptions {
  /** The order of each page's content stream (default: as given). */
  order?: (items: string[]) => string[]
  /** Without a ToUnicode map, a reader cannot tell which characters the glyphs are (as in some broken exports). */
  toUnicode?: boolean
  /**
   * 'UniGB-UCS2-H': the text as UCS-2 codes in Adobe's predefined CMap with a non-embedded Adobe-GB1 font and no
   * ToUnicode map (older Chinese office exports): a reader needs the CMap files to recover the characters.
   */
  encoding?: 'Identity-H' | 'UniGB-UCS2-H'
}

/** Advance of one character in ems. */
export const advance = (ch: string) => (/[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u2014\u2018-\u201d\u2026]/.test(ch) ? 1 : 0.5)
export const textWidth = (text: string, size: number) => Array.from(text).reduce((sum, ch) => sum + advance(ch), 0) * size

const num = (n: number) => (Math.round(n * 100) / 100).toString()

export function writePdf(pages: readonly WrittenPage[], options: WriteOptions = {}): Uint8Array {
  const order = options.order ?? ((items: string[]) => items)
  // One CID per distinct character.
  const cids = new Map<string, number>()
  for (const page of pages) for (const t of page.texts) for (const ch of t.text) if (!cids.has(ch)) cids.set(ch, cids.size + 1)
  const predefined = options.encoding === 'UniGB-UCS2-H'
  const hex = (text: string) =>
    predefined
      ? Array.from({ length: text.length }, (_, k) => text.charCodeAt(k).toString(16).padStart(4, '0')).join('')
      : Array.from(text, (ch) => cids.get(ch)!.toString(16).padStart(4, '0')).join('')

  const objects: string[] = []
  const add = (body: string) => {
    objects.push(body)
    return objects.length
  }
  const stream = (content: string, dict = '') => `<< ${dict} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`

  const catalog = add('')
  const pagesObject = add('')
  const unicode = [...cids.entries()]
  const blocks: string[] = []
  for (let i = 0; i < unicode.length; i += 100) {
    const part = unicode.slice(i, i + 100)
    const utf16 = (ch: string) => Array.from({ length: ch.length }, (_, k) => ch.charCodeAt(k).toString(16).padStart(4, '0')).join('')
    blocks.push(`${part.length} beginbfchar\n${part.map(([ch, cid]) => `<${cid.toString(16).padStart(4, '0')}> <${utf16(ch)}>`).join('\n')}\nendbfchar`)
  }
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n')
  const toUnicode = add(stream(cmap))
  const descriptor = add('<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>')
  const widths = unicode.map(([ch, cid]) => `${cid} [${advance(ch) * 1000}]`).join(' ')
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [${widths}] /CIDToGIDMap /Identity >>`,
  )
  const unicodeEntry = options.toUnicode === false ? '' : ` /ToUnicode ${toUnicode} 0 R`
  // Adobe-GB1 CIDs 1–95 are the proportional ASCII glyphs (half an em); the rest of the CJK glyphs are one em.
  const gbFont = predefined
    ? add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 5 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [1 95 500] >>`)
    : 0
  const font = predefined
    ? add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${gbFont} 0 R] >>`)
    : add(`<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R]${unicodeEntry} >>`)
  const image = add(stream('\x80\x80\x80\x80', '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8'))

  const pageIds: number[] = []
  for (const page of pages) {
    const items: string[] = []
    for (const t of page.texts) {
      const a = ((t.angle ?? 0) * Math.PI) / 180
      const m = [Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a)].map(num).join(' ')
      items.push(`BT /F1 ${num(t.size)} Tf ${m} ${num(t.x)} ${num(page.height - t.y)} Tm <${hex(t.text)}> Tj ET`)
    }
    for (const r of page.rules) {
      const w = r.width ?? 0.5
      if (page.filledRules === true) {
        const [x0, x1] = [Math.min(r.x0, r.x1), Math.max(r.x0, r.x1)]
        const [y0, y1] = [Math.min(r.y0, r.y1), Math.max(r.y0, r.y1)]
        const rect = r.y0 === r.y1 ? [x0, page.height - y0 - w / 2, x1 - x0, w] : [x0 - w / 2, page.height - y1, w, y1 - y0]
        items.push(`${rect.map(num).join(' ')} re f`)
      } else items.push(`${num(w)} w ${num(r.x0)} ${num(page.height - r.y0)} m ${num(r.x1)} ${num(page.height - r.y1)} l S`)
    }
    const painted = page.image === true ? [`q ${num(page.width)} 0 0 ${num(page.height)} 0 0 cm /Im1 Do Q`] : []
    const content = add(stream([...painted, ...order(items)].join('\n')))
    pageIds.push(add(`<< /Type /Page /Parent ${pagesObject} 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${content} 0 R >>`))
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObject} 0 R >>`
  objects[pagesObject - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`

  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}
