/**
 * The CLI's NDJSON reader over a file read into one reused buffer (src/cli/io.ts: fileChunks): lines that straddle
 * the chunks, a multi-byte character cut by a chunk's end, and a reader that stops early (the file closed).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ndjsonLines, streamOf, type Io } from '../src/cli/io.js'

const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-ndjson-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const io: Io = { stdout: () => {}, stderr: () => {}, stdin: () => (async function* () {})(), cwd: dir }
const CHUNK = 1 << 20

async function linesOf(path: string): Promise<{ line: number; text?: string; error?: string }[]> {
  const out: { line: number; text?: string; error?: string }[] = []
  for await (const { line, text, error } of ndjsonLines(streamOf(path, io), path)) out.push(error === undefined ? { line, text } : { line, error: error.text.en })
  return out
}

const openFiles = () => readdirSync('/proc/self/fd').length

describe('NDJSON from a file read into one reused buffer', () => {
  it('every line comes back as written, where lines and characters straddle the chunks', async () => {
    // Lines of CJK text (3 bytes a character) and ASCII, sized so that chunk ends fall inside lines and inside characters.
    const lengths = fc.sample(fc.integer({ min: 1, max: 400_000 }), { seed: 7, numRuns: 40 })
    const lines = lengths.map((n, i) => JSON.stringify({ i, text: (i % 2 === 0 ? '政府信息公开' : 'ab').repeat(Math.ceil(n / 6)).slice(0, n) }))
    const file = join(dir, 'straddle.ndjson')
    const bytes = Buffer.from(lines.join('\n') + '\n')
    writeFileSync(file, bytes)
    expect(bytes.length).toBeGreaterThan(3 * CHUNK)
    // At least one chunk boundary cuts a multi-byte character (a continuation byte right after it).
    const cuts = Array.from({ length: Math.floor(bytes.length / CHUNK) }, (_, k) => (k + 1) * CHUNK)
    expect(cuts.some((at) => (bytes[at]! & 0xc0) === 0x80)).toBe(true)
    expect(await linesOf(file)).toEqual(lines.map((text, i) => ({ line: i + 1, text })))
  })

  it('an invalid byte past a chunk boundary is reported on its line, the lines after it still read', async () => {
    const first = JSON.stringify({ text: '公开'.repeat(CHUNK / 6 + 100) })
    const file = join(dir, 'invalid.ndjson')
    const bad = Buffer.from('{"x":"\xff"}', 'latin1')
    writeFileSync(file, Buffer.concat([Buffer.from(first + '\n'), bad, Buffer.from('\n{"ok":true}\n')]))
    const read = await linesOf(file)
    expect(read.map((l) => l.line)).toEqual([1, 2, 3])
    expect(read[0]!.text).toBe(first)
    // The offsets as the reader gives them, counted from 0: the byte 0xFF is the line's 7th, after the first line.
    expect(read[1]!.error).toContain(`line 2 is not valid UTF-8 (byte 6 of the line, byte ${Buffer.byteLength(first) + 1 + 6} of the file)`)
    expect(read[2]!.text).toBe('{"ok":true}')
  })

  it('a reader that stops after the first line leaves no file open', async () => {
    const file = join(dir, 'early.ndjson')
    writeFileSync(file, Array.from({ length: 2000 }, (_, i) => JSON.stringify({ i, pad: '息'.repeat(1000) })).join('\n'))
    const before = openFiles()
    for await (const { text } of ndjsonLines(streamOf(file, io), file)) {
      expect(text).toContain('"i":0')
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(openFiles()).toBe(before)
  })
})
