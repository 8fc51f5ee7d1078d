/**
 * A PDF's Flate streams inflated once, only to count what they expand to, before pdf.js reads the file: pdf.js keeps a
 * stream's decoded bytes whole, so a small file whose content stream inflates to gigabytes (a "PDF bomb") would cost
 * that much memory. Counting stops at the budget, while inflating (DecompressionStream, in Node and browsers alike).
 * Streams are found by their keywords (`stream` … `endstream`), as a repairing reader would; a stream that does not
 * inflate (encrypted, damaged) is left to pdf.js. Filter chains of several FlateDecode are inflated stage by stage.
 */
import { budget, BudgetError } from '../../budgets.js'

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))
const STREAM = ascii('stream')
const ENDSTREAM = ascii('endstream')
const OBJ = ascii('obj')
const FLATE = ascii('FlateDecode')

function indexOf(bytes: Uint8Array, needle: Uint8Array, from: number, to = bytes.length): number {
  const first = needle[0]!
  for (let i = bytes.indexOf(first, from); i >= 0 && i + needle.length <= to; i = bytes.indexOf(first, i + 1)) {
    let k = 1
    while (k < needle.length && bytes[i + k] === needle[k]) k++
    if (k === needle.length) return i
  }
  return -1
}

function lastIndexOf(bytes: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  for (let i = to - needle.length; i >= from; i--) {
    let k = 0
    while (k < needle.length && bytes[i + k] === needle[k]) k++
    if (k === needle.length) return i
  }
  return -1
}

class Exceeded extends Error {}

/** Inflates zlib data, counting: past `remaining` bytes, Exceeded; a damaged stream ends the count quietly. */
async function inflate(data: Uint8Array, remaining: number, keep: boolean): Promise<{ size: number; bytes?: Uint8Array }> {
  const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate')).getReader()
  const parts: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > remaining) throw new Exceeded()
      if (keep) parts.push(value)
    }
  } catch (error) {
    if (error instanceof Exceeded) {
      await reader.cancel().catch(() => undefined)
      throw error
    }
  }
  if (!keep) return { size }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const part of parts) bytes.set(part, (at += part.byteLength) - part.byteLength)
  return { size, bytes }
}

/** Total bytes the PDF's Flate streams inflate to; past `limit`, a BudgetError naming the stream. */
export async function inflatedStreamBytes(bytes: Uint8Array, limit: number): Promise<number> {
  let total = 0
  let count = 0
  for (let at = indexOf(bytes, STREAM, 0); at >= 0; at = indexOf(bytes, STREAM, at + STREAM.length)) {
    // "endstream" contains "stream": skip it; the keyword is followed by an end of line.
    if (at >= 3 && bytes[at - 3] === 0x65 && bytes[at - 2] === 0x6e && bytes[at - 1] === 0x64) continue
    let start = at + STREAM.length
    if (bytes[start] === 0x0d) start++
    if (bytes[start] !== 0x0a) continue
    start++
    const end = indexOf(bytes, ENDSTREAM, start)
    if (end < 0) break
    // The stream's dictionary: back to its object's "obj" keyword (at most 4 KB).
    const window = Math.max(0, at - 4096)
    const objectStart = lastIndexOf(bytes, OBJ, window, at)
    let flates = 0
    for (let f = indexOf(bytes, FLATE, objectStart < 0 ? window : objectStart, at); f >= 0; f = indexOf(bytes, FLATE, f + FLATE.length, at)) flates++
    count++
    let data: Uint8Array | undefined = bytes.subarray(start, end)
    for (let stage = 0; stage < flates && data !== undefined; stage++) {
      try {
        const last = stage === flates - 1
        const inflated = await inflate(data, limit - total, !last)
        if (last) total += inflated.size
        data = inflated.bytes
      } catch {
        throw new BudgetError(budget('MAX_PDF_INFLATED_BYTES'), { zh: `PDF 的第 ${count} 个数据流（第 ${at} 字节处）`, en: `stream ${count} of the PDF (at byte ${at})` }, limit + 1)
      }
    }
    at = end
  }
  return total
}
