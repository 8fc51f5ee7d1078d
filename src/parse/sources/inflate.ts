/**
 * Inflation that counts: the one mechanism behind the Word and PDF bomb budgets. DecompressionStream (in Node and
 * browsers alike) yields the output in chunks; past `remaining` bytes it is cancelled with InflateLimit, before more
 * is held. Only the output that is asked for (`keep`) is held at all.
 */

/** Thrown when the output passes the bytes allowed. */
export class InflateLimit extends Error {}

export interface Inflated {
  size: number
  /** The output, when kept. */
  bytes?: Uint8Array
  /** True if the data stopped inflating before its end (damaged or truncated); `size` counts what came before. */
  damaged: boolean
}

/**
 * The compressed input is written a slice at a time: a browser's DecompressionStream inflates a whole written chunk
 * at once (and queues all of its output), so one chunk of a bomb would cost all its output in memory before a byte
 * is counted. A slice of SLICE bytes inflates to at most about a thousand times that (deflate's limit).
 */
const SLICE = 4096

/** Inflates zlib (`deflate`) or raw deflate (`deflate-raw`) data, counting; past `remaining` bytes, InflateLimit. */
export async function inflateCounted(data: Uint8Array, format: 'deflate' | 'deflate-raw', remaining: number, keep: boolean): Promise<Inflated> {
  const stream = new DecompressionStream(format)
  const writer = stream.writable.getWriter()
  const reader = stream.readable.getReader()
  // Each write waits until the output of the previous one has been read (the stream's backpressure).
  const feeding = (async () => {
    for (let at = 0; at < data.length; at += SLICE) await writer.write(data.subarray(at, at + SLICE) as Uint8Array<ArrayBuffer>)
    await writer.close()
  })()
  // Its failure is the reader's too (a damaged stream), or follows the reader's cancel: seen there.
  feeding.catch(() => undefined)
  const parts: Uint8Array[] = []
  let size = 0
  let damaged = false
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > remaining) throw new InflateLimit()
      if (keep) parts.push(value)
    }
  } catch (error) {
    if (error instanceof InflateLimit) {
      await reader.cancel().catch(() => undefined)
      await writer.abort().catch(() => undefined)
      throw error
    }
    damaged = true
  }
  if (!keep) return { size, damaged }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const part of parts) bytes.set(part, (at += part.byteLength) - part.byteLength)
  return { size, bytes, damaged }
}
