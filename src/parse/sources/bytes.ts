/** The bytes of a file → what kind of document it is, by its content (never by its name), and its text if it is text. */

export type FileKind = 'pdf' | 'docx' | 'doc' | 'zip' | 'text'

/** The kind of a file by its first bytes: PDF, Word (.docx, or the old .doc), another zip archive, else text. */
export function sniff(bytes: Uint8Array): FileKind {
  const starts = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte)
  // A PDF may have junk before its header (some servers prepend a BOM or whitespace): the header is in the first 1 KB.
  const head = String.fromCharCode(...bytes.subarray(0, 1024))
  if (head.includes('%PDF-')) return 'pdf'
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'doc'
  if (starts(0x50, 0x4b, 0x03, 0x04)) return containsAscii(bytes, 'word/') ? 'docx' : 'zip'
  return 'text'
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const codes = Array.from(needle, (c) => c.charCodeAt(0))
  // Zip entry names are in the local headers and the central directory; the first few MB are enough to see one.
  const end = Math.min(bytes.length, 8 * 1024 * 1024) - codes.length
  outer: for (let i = 0; i <= end; i++) {
    for (let k = 0; k < codes.length; k++) if (bytes[i + k] !== codes[k]) continue outer
    return true
  }
  return false
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

/**
 * Text of a published report: a BOM decides; else UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of
 * GBK and GB2312, still common on government sites and Windows). Undefined if the bytes are neither.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } | undefined {
  const boms: [TextEncoding, number[]][] = [
    ['utf-8', [0xef, 0xbb, 0xbf]],
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ]
  for (const [encoding, bom] of boms) {
    if (bom.every((byte, i) => bytes[i] === byte)) {
      try {
        return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(bom.length)), encoding }
      } catch {
        return undefined
      }
    }
  }
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding }
    } catch {
      // try the next
    }
  }
  return undefined
}
