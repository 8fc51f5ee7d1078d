/**
 * Zip archives written byte by byte, for the hostile Word files: entries whose deflate data inflates far beyond
 * their size (a zip bomb: one megabyte of zeros compressed with a sync flush, repeated, is a valid deflate stream of
 * n megabytes), and entries whose directory declares a size other than the data's.
 */
import { constants, deflateRawSync, deflateSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  /** Raw deflate data (method 8). */
  data: Uint8Array
  /** The uncompressed size the directory declares. */
  declared: number
}

/** Raw deflate data that inflates to `megabytes` MiB of zeros, at about a thousandth of that size. */
export function zerosDeflated(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 })
  const parts: Uint8Array[] = Array.from({ length: megabytes }, () => block)
  parts.push(Uint8Array.of(0x03, 0x00)) // an empty final block
  return Buffer.concat(parts)
}

export const deflated = (text: string): ZipEntry => ({ name: '', data: deflateRawSync(Buffer.from(text)), declared: Buffer.byteLength(text) })

/** A zip archive of the entries (CRCs left 0: the bombs are refused before any reader checks them). */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(entry.data.length, 18)
    local.writeUInt32LE(entry.declared, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(entry.data.length, 20)
    central.writeUInt32LE(entry.declared, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, Buffer.from(entry.data))
    directory.push(central, name)
    offset += 30 + name.length + entry.data.length
  }
  const size = directory.reduce((sum, part) => sum + part.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(size, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, ...directory, end])
}

/** A .docx-looking archive whose document.xml inflates to `megabytes` MiB while declaring `declared` bytes. */
export function wordBomb(megabytes: number, declared = megabytes * (1 << 20)): Buffer {
  return zipOf([
    { ...deflated('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), name: '[Content_Types].xml' },
    { name: 'word/document.xml', data: zerosDeflated(megabytes), declared },
  ])
}

/**
 * A one-page PDF whose content stream inflates to `megabytes` MiB of spaces (whitespace to a PDF lexer: it holds no
 * text). With `stages` 2 the stream is compressed twice and names FlateDecode twice, a filter chain.
 */
export function pdfBomb(megabytes: number, stages: 1 | 2 = 1): Buffer {
  let body = flateSpaces(megabytes)
  if (stages === 2) body = deflateSync(body)
  return pdfWithStream(body, stages === 2 ? '[/FlateDecode /FlateDecode]' : '/FlateDecode')
}

/** zlib data of `megabytes` MiB of spaces (whitespace to a PDF lexer). */
export function flateSpaces(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 })
  return Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00]), Buffer.alloc(4)])
}

/** A one-page PDF whose content stream is `body`, decoded by `filter` (a name or an array, as PDF writes them). */
export function pdfWithStream(body: Uint8Array, filter: string): Buffer {
  const text = (s: string) => Buffer.from(s, 'latin1')
  const objects = [
    text('<< /Type /Catalog /Pages 2 0 R >>'),
    text('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    text('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'),
    Buffer.concat([text(`<< /Length ${body.length} /Filter ${filter} >>\nstream\n`), body, text('\nendstream')]),
  ]
  let out = text('%PDF-1.4\n')
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(out.length)
    out = Buffer.concat([out, text(`${i + 1} 0 obj\n`), object, text('\nendobj\n')])
  })
  const xref = out.length
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  return Buffer.concat([out, text(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)])
}

/**
 * LZW codes (PDF's variant: 9–12 bits, EarlyChange 1) for `megabytes` MiB of zeros: the table grows a longer run of
 * zeros with each code, then its longest entry is repeated: about 150 KB for 400 MB.
 */
export function lzwZeros(megabytes: number): Buffer {
  const total = megabytes * (1 << 20)
  const codes = [0]
  let produced = 1
  let length = 1
  for (let next = 258; next < 4096 && produced < total; next++) codes.push(next), (length += 1), (produced += length)
  while (produced < total) codes.push(4095), (produced += length)
  codes.push(257)
  // Written with the decoder's widths: after each code but the first, an entry is added and the width may grow.
  const out: number[] = []
  let buffer = 0
  let bits = 0
  let width = 9
  let next = 258
  codes.forEach((code, i) => {
    buffer = buffer * (1 << width) + code
    bits += width
    while (bits >= 8) {
      out.push(Math.floor(buffer / 2 ** (bits - 8)) & 0xff)
      bits -= 8
      buffer %= 2 ** bits
    }
    if (i > 0) {
      if (next < 4096) next++
      if (next + 1 >= 1 << width && width < 12) width++
    }
  })
  if (bits > 0) out.push((buffer << (8 - bits)) & 0xff)
  return Buffer.from(out)
}

/** ASCII85 text of `data`, with the `~>` end mark. */
export function ascii85(data: Uint8Array): Buffer {
  let out = ''
  for (let i = 0; i < data.length; i += 4) {
    const chunk = [0, 1, 2, 3].map((k) => data[i + k] ?? 0)
    let value = ((chunk[0]! << 24) | (chunk[1]! << 16) | (chunk[2]! << 8) | chunk[3]!) >>> 0
    const digits: string[] = []
    for (let k = 0; k < 5; k++) digits.unshift(String.fromCharCode(0x21 + (value % 85))), (value = Math.floor(value / 85))
    const n = Math.min(4, data.length - i)
    out += n === 4 && value === 0 && digits.every((d) => d === '!') ? 'z' : digits.slice(0, n + 1).join('')
  }
  return Buffer.from(out + '~>', 'latin1')
}
