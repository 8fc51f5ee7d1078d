/**
 * A PDF's streams decoded once, only to count what they expand to, before pdf.js reads the file: pdf.js keeps a
 * stream's decoded bytes whole, so a small file whose content stream inflates to gigabytes (a "PDF bomb") would cost
 * that much memory. Counting stops at the budget, while inflating (`inflateCounted`, shared with the Word files).
 * Streams are found by their keywords (`stream` … `endstream`), as a repairing reader would; a stream that does not
 * decode (encrypted, damaged) is left to pdf.js. Every expanding filter pdf.js applies is decoded the same way, stage by
 * stage in the dictionary's order: Flate, LZW, RunLength, ASCII85, ASCIIHex (image codecs are pdf.js's own). A
 * damaged Flate stream counts what inflated before the damage (the last chunk, up to 64 KB, may go uncounted).
 */
import { budget, BudgetError } from '../../budgets.js'
import { InflateLimit, inflateCounted } from '../inflate.js'

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))
const STREAM = ascii('stream')
const ENDSTREAM = ascii('endstream')
const OBJ = ascii('obj')

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

/** The decoders pdf.js applies that can expand data (images' own codecs are left to pdf.js). */
type Stage = 'flate' | 'lzw' | 'runlength' | 'ascii85' | 'asciihex'
const FILTERS: Record<string, Stage> = {
  FlateDecode: 'flate', Fl: 'flate', LZWDecode: 'lzw', LZW: 'lzw', RunLengthDecode: 'runlength', RL: 'runlength',
  ASCII85Decode: 'ascii85', A85: 'ascii85', ASCIIHexDecode: 'asciihex', AHx: 'asciihex',
}

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00

/** The filter names of a stream's dictionary, in order (`/Filter /A` or `/Filter [/A /B]`); unknown names stop the list. */
function filtersOf(bytes: Uint8Array, from: number, to: number): (Stage | undefined)[] {
  const at = indexOf(bytes, FILTER, from, to)
  if (at < 0) return []
  let i = at + FILTER.length
  while (i < to && isSpace(bytes[i]!)) i++
  const names: (Stage | undefined)[] = []
  const name = () => {
    let j = ++i
    while (j < to && /[A-Za-z0-9]/.test(String.fromCharCode(bytes[j]!))) j++
    names.push(FILTERS[String.fromCharCode(...bytes.subarray(i, j))])
    i = j
  }
  if (bytes[i] === 0x2f) name()
  else if (bytes[i] === 0x5b) {
    i++
    for (;;) {
      while (i < to && isSpace(bytes[i]!)) i++
      if (bytes[i] !== 0x2f) break
      name()
    }
  }
  return names
}
const FILTER = ascii('/Filter')

/** Collects a decoder's output up to `remaining` bytes (then InflateLimit); `keep` false only counts. */
class Output {
  size = 0
  private parts: Uint8Array[] = []
  private chunk = new Uint8Array(1 << 16)
  private used = 0
  constructor(
    private readonly remaining: number,
    private readonly keep: boolean,
  ) {}
  push(byte: number) {
    if (++this.size > this.remaining) throw new InflateLimit()
    if (!this.keep) return
    this.chunk[this.used++] = byte
    if (this.used === this.chunk.length) this.flush()
  }
  /** `count` copies of `byte`, counted at once when not kept. */
  repeat(byte: number, count: number) {
    if (!this.keep) {
      this.size += count
      if (this.size > this.remaining) throw new InflateLimit()
      return
    }
    for (let k = 0; k < count; k++) this.push(byte)
  }
  private flush() {
    this.parts.push(this.chunk.subarray(0, this.used))
    this.chunk = new Uint8Array(1 << 16)
    this.used = 0
  }
  get keeps(): boolean {
    return this.keep
  }
  bytes(): Uint8Array {
    this.flush()
    const out = new Uint8Array(this.size)
    let at = 0
    for (const part of this.parts) (out.set(part, at), (at += part.byteLength))
    return out
  }
}

/** PDF's LZW (9–12-bit codes, EarlyChange 1): the output only needs each code's string, rebuilt from the table. */
function lzw(data: Uint8Array, out: Output): void {
  const prefix = new Int32Array(4096)
  const last = new Uint8Array(4096)
  const length = new Int32Array(4096)
  for (let c = 0; c < 256; c++) (last[c] = c), (length[c] = 1), (prefix[c] = -1)
  const stack = new Uint8Array(4096)
  let next = 258
  let width = 9
  let previous = -1
  let bits = 0
  let buffer = 0
  let at = 0
  const emit = (code: number): number => {
    // Only counting (the last stage): a code's string has a known length, and its first character ends the walk.
    if (!out.keeps) {
      out.repeat(0, length[code]!)
      let c = code
      while (prefix[c]! >= 0) c = prefix[c]!
      return last[c]!
    }
    let n = 0
    for (let c = code; c >= 0; c = prefix[c]!) stack[n++] = last[c]!
    for (let k = n - 1; k >= 0; k--) out.push(stack[k]!)
    return stack[n - 1]!
  }
  for (;;) {
    while (bits < width && at < data.length) (buffer = ((buffer << 8) | data[at++]!) & 0xffffff), (bits += 8)
    if (bits < width) return
    const code = (buffer >> (bits - width)) & ((1 << width) - 1)
    bits -= width
    if (code === 256) {
      ;(next = 258), (width = 9), (previous = -1)
      continue
    }
    if (code === 257) return
    if (previous < 0) {
      if (code > 255) return
      emit(code)
      previous = code
      continue
    }
    let first: number
    if (code < next) first = emit(code)
    else if (code === next) {
      first = emit(previous)
      out.push(first)
    } else return
    if (next < 4096) {
      prefix[next] = previous
      last[next] = first
      length[next] = length[previous]! + 1
      next++
    }
    previous = code
    if (next + 1 >= 1 << width && width < 12) width++
  }
}

function runLength(data: Uint8Array, out: Output): void {
  for (let i = 0; i < data.length; ) {
    const n = data[i++]!
    if (n === 128) return
    if (n < 128) for (let k = 0; k <= n && i < data.length; k++) out.push(data[i++]!)
    else if (i < data.length) out.repeat(data[i++]!, 257 - n)
  }
}

function ascii85(data: Uint8Array, out: Output): void {
  let group = 0
  let count = 0
  for (let i = 0; i < data.length; i++) {
    const b = data[i]!
    if (b === 0x7e) break
    if (isSpace(b)) continue
    if (b === 0x7a && count === 0) {
      out.repeat(0, 4)
      continue
    }
    if (b < 0x21 || b > 0x75) return
    group = group * 85 + (b - 0x21)
    if (++count === 5) {
      for (let k = 3; k >= 0; k--) out.push((group >>> (8 * k)) & 0xff)
      ;(group = 0), (count = 0)
    }
  }
  if (count > 1) {
    for (let k = count; k < 5; k++) group = group * 85 + 84
    for (let k = 3; k > 4 - count; k--) out.push((group >>> (8 * k)) & 0xff)
  }
}

function asciiHex(data: Uint8Array, out: Output): void {
  let high = -1
  for (const b of data) {
    if (b === 0x3e) break
    const v = b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 0x37 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1
    if (v < 0) continue
    if (high < 0) high = v
    else (out.push((high << 4) | v), (high = -1))
  }
  if (high >= 0) out.push(high << 4)
}

/** One stage's output (kept when another stage follows), counted against `remaining`. */
async function decode(stage: Stage, data: Uint8Array, remaining: number, keep: boolean): Promise<{ size: number; bytes?: Uint8Array }> {
  if (stage === 'flate') return inflateCounted(data, 'deflate', remaining, keep)
  const out = new Output(remaining, keep)
  if (stage === 'lzw') lzw(data, out)
  else if (stage === 'runlength') runLength(data, out)
  else if (stage === 'ascii85') ascii85(data, out)
  else asciiHex(data, out)
  return keep ? { size: out.size, bytes: out.bytes() } : { size: out.size }
}

/**
 * Total bytes the PDF's streams decode to through their filters (Flate, LZW, RunLength, ASCII85, ASCIIHex, in the
 * order the dictionary names them, every stage counted); past `limit`, a BudgetError naming the stream.
 */
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
    const stages = filtersOf(bytes, objectStart < 0 ? window : objectStart, at)
    count++
    let data: Uint8Array | undefined = bytes.subarray(start, end)
    for (let i = 0; i < stages.length && data !== undefined; i++) {
      const stage = stages[i]
      if (stage === undefined) break // an image codec or an unknown filter: pdf.js's own
      try {
        const decoded = await decode(stage, data, limit - total, i < stages.length - 1)
        total += decoded.size
        data = decoded.bytes
      } catch (error) {
        if (!(error instanceof InflateLimit)) break
        throw new BudgetError(budget('MAX_PDF_INFLATED_BYTES'), { zh: `PDF 的第 ${count} 个数据流（第 ${at} 字节处）`, en: `stream ${count} of the PDF (at byte ${at})` }, limit + 1)
      }
    }
    at = end
  }
  return total
}
