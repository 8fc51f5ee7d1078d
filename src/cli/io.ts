/**
 * Input and output for the CLI: reading files or stdin with errors that name the file, JSON parsing that says where
 * the syntax breaks, and output files written atomically (a temporary file renamed into place), so that a failed run
 * never leaves a partial file.
 */
import { closeSync, constants, cpSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path'
import { createRequire } from 'node:module'
import type Picomatch from 'picomatch'
import { budget, MAX_NDJSON_LINE_BYTES } from '../parse/budgets.js'
import { syntaxErrorOffset } from './json-position.js'
import { MAX_INPUT_CHARS } from '../parse/budgets.js'
import type { Bilingual } from '../validate/messages.js'
import { temporaries } from './temporaries.js'

import { MAX_FILE_BYTES } from '../parse/budgets.js'
// The largest input file the CLI reads (JSON and text are limited again after decoding).
export { MAX_FILE_BYTES } from '../parse/budgets.js'

export class InputError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en)
  }
}

export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Standard input as it arrives, in chunks (never buffered whole by the CLI beyond its budgets). */
  stdin: () => AsyncIterable<Uint8Array>
  cwd: string
  /** stderr is a terminal: progress is one line redrawn in place (a bar), not a line per file. */
  stderrIsTerminal?: boolean
}

/** How reading an input is bounded beyond the byte budgets: `--timeout`, in milliseconds. */
export interface ReadLimits {
  timeoutMs?: number
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10}`

/** `promise`, or an InputError once the deadline has passed (inputs that never end: a FIFO, an endless stdin). */
async function beforeDeadline<T>(promise: Promise<T>, deadline: number | undefined, name: string, timeoutMs: number | undefined): Promise<T> {
  if (deadline === undefined) return promise
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true
      reject(new InputError({ zh: `读取 ${name} 超过 ${seconds(timeoutMs!)} 秒（--timeout），已停止`, en: `reading ${name} took longer than ${seconds(timeoutMs!)} s (--timeout); stopped` }))
    }, Math.max(0, deadline - Date.now()))
  })
  try {
    return await Promise.race([promise, late])
  } finally {
    clearTimeout(timer)
  }
}

/** True once an input timed out: the process must then exit without waiting for the reads still blocked. */
export let timedOut = false

/** All of a stream's bytes, at most `limit` (the MAX_FILE_BYTES budget): past it, an error before more is read. */
async function readBounded(source: AsyncIterable<Uint8Array>, name: string, limits: ReadLimits): Promise<Buffer> {
  const iterator = source[Symbol.asyncIterator]()
  const deadline = limits.timeoutMs === undefined ? undefined : Date.now() + limits.timeoutMs
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const step = await beforeDeadline(iterator.next(), deadline, name, limits.timeoutMs)
      if (step.done === true) break
      size += step.value.byteLength
      if (size > MAX_FILE_BYTES) throw tooLarge(name, size, '')
      chunks.push(step.value)
    }
  } catch (error) {
    void iterator.return?.()
    throw error
  }
  return Buffer.concat(chunks)
}

const tooLarge = (name: string, size: number, atLeast: '' | 'exact') =>
  new InputError({
    zh: `${name} ${atLeast === 'exact' ? '有' : '至少有'} ${size} 字节，超过上限 MAX_FILE_BYTES（${MAX_FILE_BYTES} 字节），未读取`,
    en: `${name} has ${atLeast === 'exact' ? '' : 'at least '}${size} bytes, more than the budget MAX_FILE_BYTES (${MAX_FILE_BYTES} bytes); not read`,
  })

export interface Input {
  name: string
  bytes: Buffer
}

/**
 * Checks that `path` is a readable file (not a folder) and returns its size, or undefined for what is not a regular
 * file (a FIFO, a device such as /dev/zero: its size says nothing, so it is read against the budget); errors name it.
 */
export function statInput(path: string, io: Io): number | undefined {
  const full = resolve(io.cwd, path)
  try {
    const stat = statSync(full)
    if (stat.isDirectory()) throw new InputError({ zh: `${path} 是目录，不是文件`, en: `${path} is a directory, not a file` })
    return stat.isFile() ? stat.size : undefined
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new InputError({ zh: `找不到文件 ${path}`, en: `no such file: ${path}` })
    throw new InputError({ zh: `无法读取 ${path}（${code ?? 'error'}）`, en: `cannot read ${path} (${code ?? 'error'})` })
  }
}

/** Published reports' files, which a folder stands for where a command reads them (`parse`, `check`, `export`). */
export const REPORT_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm', '.txt', '.text', '.md']
/** Canonical reports' files, which a folder also stands for where a command takes JSON. */
export const JSON_EXTENSIONS = ['.json', '.ndjson', '.jsonl']

/**
 * Each folder among the inputs replaced by the report files in it and in its subfolders (by extension; hidden
 * folders and links to folders are not followed), sorted by path; with `glob`, only those whose path inside the
 * folder matches it (picomatch syntax: `*`, `**`, `?`, `{a,b}`, `[...]`); a folder with none is an error. Files named
 * directly are taken as they are.
 */
export function expandFolders(inputs: readonly string[], io: Io, extensions: readonly string[] = REPORT_EXTENSIONS, glob?: string): string[] {
  // picomatch is loaded only for a --glob, so that the other commands start without it.
  const matches = glob === undefined ? () => true : (createRequire(import.meta.url)('picomatch') as typeof Picomatch)(glob, { dot: false })
  return inputs.flatMap((path) => {
    if (path === '-') return [path]
    let isFolder = false
    try {
      isFolder = statSync(resolve(io.cwd, path)).isDirectory()
    } catch {
      return [path]
    }
    if (!isFolder) return [path]
    const files: string[] = []
    const walk = (inside: string) => {
      for (const entry of readdirSync(resolve(io.cwd, path, inside), { withFileTypes: true })) {
        const relativePath = inside === '' ? entry.name : `${inside}/${entry.name}`
        if (entry.isDirectory() && !entry.name.startsWith('.')) walk(relativePath)
        else if (entry.isFile() && extensions.includes(extname(entry.name).toLowerCase()) && matches(relativePath)) files.push(relativePath)
      }
    }
    walk('')
    if (files.length === 0) {
      const what = glob === undefined ? '' : { zh: `（且路径符合 ${glob}）`, en: ` matching ${glob}` }
      throw new InputError({
        zh: `目录 ${path} 及其子目录中没有报告文件（${extensions.join('、')}）${typeof what === 'string' ? what : what.zh}`,
        en: `the folder ${path} and its subfolders hold no report files (${extensions.join(', ')})${typeof what === 'string' ? what : what.en}`,
      })
    }
    return files.sort().map((name) => join(path, name))
  })
}

export async function readInput(path: string, io: Io, limits: ReadLimits = {}): Promise<Input> {
  if (path === '-') return { name: '<stdin>', bytes: await readBounded(io.stdin(), '<stdin>', limits) }
  const full = resolve(io.cwd, path)
  const size = statInput(path, io)
  if (size !== undefined && size > MAX_FILE_BYTES) throw tooLarge(path, size, 'exact')
  try {
    if (size === undefined) return { name: path, bytes: await readBounded(deviceChunks(full), path, limits) }
    return { name: path, bytes: readFileSync(full) }
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError({ zh: `无法读取 ${path}（${code ?? 'error'}）`, en: `cannot read ${path} (${code ?? 'error'})` })
  }
}

export type Encoding = 'auto' | 'utf-8' | 'gb18030'

/**
 * Text of a published report: UTF-8, or GB18030 (a superset of GBK and GB2312, still common on government sites
 * and Windows). `auto` tries UTF-8 first; the encoding used is returned.
 */
export function decodeReportText(input: Input, encoding: Encoding): { text: string; encoding: 'utf-8' | 'gb18030' | Utf16 } {
  if (encoding === 'gb18030') return { text: decode(input, 'gb18030'), encoding }
  const utf16 = utf16Bom(input.bytes)
  if (utf16 !== undefined && encoding === 'auto') return { text: decode(input, utf16), encoding: utf16 }
  try {
    return { text: decodeText(input), encoding: 'utf-8' }
  } catch (error) {
    if (encoding === 'utf-8' || !(error instanceof InputError) || /characters, more than/.test(error.text.en)) throw error
    try {
      return { text: decode(input, 'gb18030'), encoding: 'gb18030' }
    } catch {
      throw error
    }
  }
}

type Utf16 = 'utf-16le' | 'utf-16be'

/** UTF-16 announced by its byte order mark (what Windows Notepad saves as “Unicode”). */
function utf16Bom(bytes: Uint8Array): Utf16 | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return undefined
}

function decode(input: Input, encoding: 'gb18030' | Utf16): string {
  try {
    return checkLength(new TextDecoder(encoding, { fatal: true }).decode(input.bytes), input).replace(/^\uFEFF/, '')
  } catch (error) {
    if (error instanceof InputError) throw error
    const name = encoding === 'gb18030' ? 'GB18030/GBK' : encoding.toUpperCase()
    throw new InputError({ zh: `${input.name} 不是有效的 ${name} 文本`, en: `${input.name} is not valid ${name} text` })
  }
}

function checkLength(text: string, input: Input): string {
  if (text.length > MAX_INPUT_CHARS) {
    throw new InputError({
      zh: `${input.name} 有 ${text.length} 个字符，超过上限 ${MAX_INPUT_CHARS}`,
      en: `${input.name} has ${text.length} characters, more than the limit of ${MAX_INPUT_CHARS}`,
    })
  }
  return text
}

/** UTF-8 text of an input (or UTF-16 with its byte order mark), BOM removed; invalid UTF-8 is an error that gives the byte offset. */
export function decodeText(input: Input): string {
  const utf16 = utf16Bom(input.bytes)
  if (utf16 !== undefined) return decode(input, utf16)
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes)
    return checkLength(text, input).replace(/^\uFEFF/, '')
  } catch (error) {
    if (error instanceof InputError) throw error
    const offset = firstInvalidUtf8(input.bytes)
    throw new InputError({ zh: `${input.name} 不是有效的 UTF-8 文本（第 ${offset} 字节）`, en: `${input.name} is not valid UTF-8 (at byte ${offset})` })
  }
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (bad lead, missing continuation, overlong, surrogate). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (length === 0 || i + length > bytes.length) return i
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i
    const second = bytes[i + 1]!
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i
    i += length
  }
  return i
}

/** Parses JSON text; a syntax error names the line and column. */
export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    // V8 gives no position for some errors ("Unexpected token 'N'" for NaN): the scanner finds it then.
    const given = /position (\d+)/.exec(message)
    const position = given !== null ? Number(given[1]) : syntaxErrorOffset(text)
    let where = { zh: '', en: '' }
    if (position !== undefined) {
      const before = text.slice(0, position)
      const line = before.split('\n').length
      const column = before.length - before.lastIndexOf('\n')
      where = { zh: `（第 ${line} 行第 ${column} 列）`, en: ` (line ${line}, column ${column})` }
    }
    throw new InputError({ zh: `${name} 不是有效的 JSON${where.zh}：${message}`, en: `${name} is not valid JSON${where.en}: ${message}` })
  }
}

/** Creates the output folder (and its parents) if it does not exist yet. */
export function ensureFolder(path: string, io: Io): void {
  try {
    mkdirSync(resolve(io.cwd, path), { recursive: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError({ zh: `无法创建目录 ${path}（${code ?? 'error'}）`, en: `cannot create the folder ${path} (${code ?? 'error'})` })
  }
}

/**
 * Makes the folder an output goes into before any work is done, so that a run never fails at its end for want of it:
 * `--out FILE` makes FILE's folder, `--out DIR` (several outputs) makes DIR.
 */
export function outputFolder(out: string | undefined, several: boolean, io: Io): void {
  if (out !== undefined) ensureFolder(several ? out : dirname(resolve(io.cwd, out)), io)
}

/** Temporary files (and folders) being written now: removed if the process is interrupted (SIGINT, SIGTERM). */
export { temporaries }

const TEMPORARY = /^\..+\.(\d{1,10})\.\d{1,16}\.tmp$/
const swept = new Set<string>()

/**
 * Removes the temporary files that an earlier run killed mid-write left in `folder` (SIGKILL cannot be caught): those
 * named like ours whose process is gone. Once per folder and run.
 */
export function sweepTemporaries(folder: string): void {
  if (swept.has(folder)) return
  swept.add(folder)
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return
  }
  for (const name of names) {
    const match = TEMPORARY.exec(name)
    if (match === null || Number(match[1]) === process.pid || alive(Number(match[1]))) continue
    rmSync(join(folder, name), { force: true, recursive: true })
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Writes `content` to `path` through a temporary file in the same folder, renamed into place: the target is never
 * partial, an interrupted run leaves no temporary behind, and replacing an existing file is said on stderr.
 */
export function writeAtomically(path: string, content: string | Uint8Array, io: Io): void {
  const full = resolve(io.cwd, path)
  // Its folder is made if missing (commands make it before their work too: see outputFolder).
  ensureFolder(dirname(full), io)
  sweepTemporaries(dirname(full))
  const temporary = join(dirname(full), `.${basename(full)}.${process.pid}.${Date.now()}.tmp`)
  const replacing = existsSync(full)
  let fd: number | undefined
  try {
    temporaries.add(temporary)
    fd = openSync(temporary, 'wx')
    writeFileSync(fd, content)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temporary, full)
    temporaries.delete(temporary)
    if (replacing) io.stderr(`${path}: 已替换原有文件 / replaced the existing file\n`)
  } catch (error) {
    if (fd !== undefined) closeSync(fd)
    rmSync(temporary, { force: true })
    temporaries.delete(temporary)
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError({ zh: `无法写入 ${path}（${code ?? 'error'}）`, en: `cannot write ${path} (${code ?? 'error'})` })
  }
}

/**
 * Copies the folder `source` to `path`, which must not exist or be empty: through a temporary folder beside it,
 * renamed into place, so that `path` is never half-copied, and nothing that was there is ever overwritten.
 */
export function copyFolderAtomically(source: string, path: string, io: Io): void {
  const full = resolve(io.cwd, path)
  let existing: string[] | undefined
  try {
    existing = readdirSync(full)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') throw new InputError({ zh: `${path} 已存在且不是目录，未覆盖`, en: `${path} exists and is not a folder; not overwritten` })
    if (code !== 'ENOENT') throw new InputError({ zh: `无法读取 ${path}（${code ?? 'error'}）`, en: `cannot read ${path} (${code ?? 'error'})` })
  }
  if (existing !== undefined && existing.length > 0) throw new InputError({ zh: `目录 ${path} 已存在且不为空，未覆盖；请指定新目录`, en: `the folder ${path} exists and is not empty; not overwritten (give a new folder)` })
  sweepTemporaries(dirname(full))
  const temporary = join(dirname(full), `.${basename(full)}.${process.pid}.${Date.now()}.tmp`)
  try {
    temporaries.add(temporary)
    cpSync(source, temporary, { recursive: true, errorOnExist: true })
    // An empty folder given as the target is replaced by the copy (rmdir refuses a folder that is not empty).
    if (existing !== undefined) rmdirSync(full)
    renameSync(temporary, full)
    temporaries.delete(temporary)
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true })
    temporaries.delete(temporary)
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError({ zh: `无法写入 ${path}（${code ?? 'error'}）`, en: `cannot write ${path} (${code ?? 'error'})` })
  }
}

/**
 * The output file of each input when several are written into one folder: `<name>.json`; where two inputs share a
 * name, the one with its extension (`a.pdf.json`); where they share that too (`a/r.txt`, `b/r.txt`), their path
 * relative to the working folder is kept (`a/r.json`). Inputs outside the working folder that still clash are
 * refused before any work is done: an output is never silently overwritten by another.
 */
export function outputNames(inputs: readonly string[], io: Io, extension = '.json'): string[] {
  const stem = (input: string) => basename(input, extname(input))
  const count = (names: string[]) => names.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>())
  const stems = count(inputs.map(stem))
  const bases = count(inputs.map((input) => basename(input)))
  const names = inputs.map((input) => {
    if (stems.get(stem(input)) === 1) return `${stem(input)}${extension}`
    if (bases.get(basename(input)) === 1) return `${basename(input)}${extension}`
    const path = relative(io.cwd, resolve(io.cwd, input))
    if (path.startsWith('..') || isAbsolute(path)) return undefined
    return join(dirname(path), `${stem(input)}${extension}`)
  })
  const clashes = inputs.filter((_, i) => names[i] === undefined || names.indexOf(names[i]) !== names.lastIndexOf(names[i]))
  if (clashes.length > 0) {
    throw new InputError({
      zh: `这些输入的输出文件名相同，无法区分：${clashes.join('、')}（请分别输出，或在它们的上级目录中运行）`,
      en: `these inputs would write the same output file: ${clashes.join(', ')} (write them separately, or run from a folder above them)`,
    })
  }
  return names as string[]
}

export interface NdjsonLine {
  /** 1-based line number. */
  line: number
  text?: string
  error?: InputError
}

/**
 * The lines of an NDJSON stream as they arrive, in constant memory: each line is at most MAX_NDJSON_LINE_BYTES (a
 * longer one is an error for that line, skipped without being held), decoded as strict UTF-8 (invalid bytes are an
 * error naming the line and the byte, never replaced), blank lines skipped. A `--timeout` ends a stream that never ends.
 */
/**
 * `beforeWait` is called each time the lines read so far are done with and the next chunk must be awaited: the
 * command line writes its buffered results then (a file: once per chunk; a slow stdin: before each wait).
 */
export async function* ndjsonLines(source: AsyncIterable<Uint8Array>, name: string, limits: ReadLimits = {}, beforeWait?: () => void): AsyncGenerator<NdjsonLine> {
  const iterator = source[Symbol.asyncIterator]()
  const deadline = limits.timeoutMs === undefined ? undefined : Date.now() + limits.timeoutMs
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let parts: Uint8Array[] = []
  let length = 0
  let skipping = false
  let line = 1
  let lineStart = 0 // byte offset of the current line in the stream
  let offset = 0
  const finish = (): NdjsonLine | undefined => {
    const number = line
    const start = lineStart
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts)
    parts = []
    length = 0
    if (skipping) {
      skipping = false
      const limit = budget('MAX_NDJSON_LINE_BYTES')
      return { line: number, error: new InputError({ zh: `${name} 第 ${number} 行超过上限 ${limit.name}（${limit.value} 字节），已跳过`, en: `${name} line ${number} is longer than the budget ${limit.name} (${limit.value} bytes); skipped` }) }
    }
    let end = bytes.length
    if (end > 0 && bytes[end - 1] === 0x0d) end--
    const body = bytes.subarray(0, end)
    let text: string
    try {
      text = decoder.decode(body)
    } catch {
      const at = firstInvalidUtf8(body)
      return { line: number, error: new InputError({ zh: `${name} 第 ${number} 行不是有效的 UTF-8（该行第 ${at} 字节，文件第 ${start + at} 字节）`, en: `${name} line ${number} is not valid UTF-8 (byte ${at} of the line, byte ${start + at} of the file)` }) }
    }
    if (number === 1) text = text.replace(/^\uFEFF/, '')
    return text.trim() === '' ? undefined : { line: number, text }
  }
  let ended = false
  try {
    for (;;) {
      beforeWait?.()
      const step = await beforeDeadline(iterator.next(), deadline, name, limits.timeoutMs)
      if (step.done === true) {
        ended = true
        break
      }
      const chunk = step.value
      let from = 0
      while (from <= chunk.length) {
        const newline = chunk.indexOf(0x0a, from)
        const to = newline < 0 ? chunk.length : newline
        if (!skipping) {
          if (length + (to - from) > MAX_NDJSON_LINE_BYTES) {
            skipping = true
            parts = []
            length = 0
          } else if (to > from) {
            // A line that goes on in the next chunk keeps a copy of its start: a chunk is valid only until the next
            // is asked for (a file's are read into one reused buffer, see fileChunks).
            parts.push(newline < 0 ? Buffer.from(chunk.subarray(from, to)) : chunk.subarray(from, to))
            length += to - from
          }
        }
        if (newline < 0) {
          offset += chunk.length - from
          break
        }
        offset += to - from + 1
        const done = finish()
        if (done !== undefined) yield done
        line++
        lineStart = offset
        from = newline + 1
      }
    }
  } finally {
    // An error, or a reader that stopped early: the source is closed (a file's handle with it).
    if (!ended) void iterator.return?.()
  }
  if (length > 0 || skipping) {
    const done = finish()
    if (done !== undefined) yield done
  }
}

/**
 * A file's bytes as they are read (or standard input's): for streams read line by line. Each chunk is valid until the
 * next is asked for: a reader that keeps bytes past that copies them (ndjsonLines does).
 */
export function streamOf(path: string, io: Io): AsyncIterable<Uint8Array> {
  if (path === '-') return io.stdin()
  const full = resolve(io.cwd, path)
  return statSync(full).isFile() ? fileChunks(full) : deviceChunks(full)
}

const FILE_CHUNK_BYTES = 1 << 20

/**
 * A regular file's bytes, read into one buffer used again for every chunk. A stream's new buffer for each chunk cost
 * more than the reading itself: on the benchmark's machine, 12 µs of CPU time per line of a 650 MB NDJSON file
 * (6.8 KB a line: fresh memory's page faults, and collecting the buffers), against under 2 µs with one buffer.
 */
async function* fileChunks(full: string): AsyncGenerator<Uint8Array> {
  const handle = await open(full, 'r')
  try {
    const buffer = Buffer.allocUnsafeSlow(FILE_CHUNK_BYTES)
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) return
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await handle.close()
  }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 25))

/**
 * The bytes of what is not a regular file (a FIFO, a device), read without ever blocking a thread: opened
 * non-blocking and polled. A FIFO whose writer has not come yet is waited for (until `--timeout`), as a blocking open
 * would, but a blocked open could never be abandoned: the process could not even exit.
 */
async function* deviceChunks(full: string): AsyncGenerator<Uint8Array> {
  const fifo = statSync(full).isFIFO()
  const fd = openSync(full, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const buffer = Buffer.alloc(1 << 16)
    let seen = false
    for (;;) {
      let n: number
      try {
        n = readSync(fd, buffer, 0, buffer.length, null)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
        await pause()
        continue
      }
      if (n === 0) {
        // End of input; for a FIFO before any byte: no writer yet.
        if (seen || !fifo) return
        await pause()
        continue
      }
      seen = true
      yield Buffer.from(buffer.subarray(0, n))
    }
  } finally {
    closeSync(fd)
  }
}

