/**
 * Input and output for the CLI: reading files or stdin with errors that name the file, JSON parsing that says where
 * the syntax breaks, and output files written atomically (a temporary file renamed into place), so that a failed run
 * never leaves a partial file.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { MAX_INPUT_CHARS } from '../parse/parse.js'
import type { Bilingual } from '../validate/messages.js'

/** The largest input file the CLI reads (a DOCX may be large; JSON and text are limited again after decoding). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024

export class InputError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en)
  }
}

export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  readStdin: () => Promise<Buffer>
  cwd: string
}

export interface Input {
  name: string
  bytes: Buffer
}

/** Checks that `path` is a readable file (not a folder) and returns its size; errors name the file. */
export function statInput(path: string, io: Io): number {
  const full = resolve(io.cwd, path)
  try {
    const stat = statSync(full)
    if (stat.isDirectory()) throw new InputError({ zh: `${path} 是目录，不是文件`, en: `${path} is a directory, not a file` })
    return stat.size
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new InputError({ zh: `找不到文件 ${path}`, en: `no such file: ${path}` })
    throw new InputError({ zh: `无法读取 ${path}（${code ?? 'error'}）`, en: `cannot read ${path} (${code ?? 'error'})` })
  }
}

/** The file names a folder given to `parse` stands for: the reports in it (not in its subfolders), by name. */
export const REPORT_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm', '.txt', '.text', '.md']

/** Each folder among the inputs replaced by the report files in it, sorted; an empty folder is an error. */
export function expandFolders(inputs: readonly string[], io: Io): string[] {
  return inputs.flatMap((path) => {
    if (path === '-') return [path]
    let isFolder = false
    try {
      isFolder = statSync(resolve(io.cwd, path)).isDirectory()
    } catch {
      return [path]
    }
    if (!isFolder) return [path]
    const files = readdirSync(resolve(io.cwd, path), { withFileTypes: true })
      .filter((entry) => entry.isFile() && REPORT_EXTENSIONS.includes(extname(entry.name).toLowerCase()))
      .map((entry) => entry.name)
      .sort()
    if (files.length === 0) {
      throw new InputError({
        zh: `目录 ${path} 中没有报告文件（${REPORT_EXTENSIONS.join('、')}）`,
        en: `the folder ${path} holds no report files (${REPORT_EXTENSIONS.join(', ')})`,
      })
    }
    return files.map((name) => join(path, name))
  })
}

export async function readInput(path: string, io: Io): Promise<Input> {
  if (path === '-') return { name: '<stdin>', bytes: await io.readStdin() }
  const full = resolve(io.cwd, path)
  const size = statInput(path, io)
  if (size > MAX_FILE_BYTES) {
    throw new InputError({ zh: `${path} 有 ${size} 字节，超过上限 ${MAX_FILE_BYTES}`, en: `${path} has ${size} bytes, more than the limit of ${MAX_FILE_BYTES}` })
  }
  try {
    return { name: path, bytes: readFileSync(full) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError({ zh: `无法读取 ${path}（${code ?? 'error'}）`, en: `cannot read ${path} (${code ?? 'error'})` })
  }
}

export type Encoding = 'auto' | 'utf-8' | 'gb18030'

/**
 * Text of a published report: UTF-8, or GB18030 (a superset of GBK and GB2312, still common on government sites
 * and Windows). `auto` tries UTF-8 first; the encoding used is returned.
 */
export function decodeReportText(input: Input, encoding: Encoding): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (encoding === 'gb18030') return { text: decode(input, 'gb18030'), encoding }
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

function decode(input: Input, encoding: 'gb18030'): string {
  try {
    return checkLength(new TextDecoder(encoding, { fatal: true }).decode(input.bytes), input).replace(/^\uFEFF/, '')
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError({ zh: `${input.name} 不是有效的 GB18030/GBK 文本`, en: `${input.name} is not valid GB18030/GBK text` })
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

/** UTF-8 text of an input, BOM removed; invalid UTF-8 is an error that gives the byte offset. */
export function decodeText(input: Input): string {
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
function firstInvalidUtf8(bytes: Uint8Array): number {
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
    const position = /position (\d+)/.exec(message)
    let where = { zh: '', en: '' }
    if (position !== null) {
      const before = text.slice(0, Number(position[1]))
      const line = before.split('\n').length
      const column = before.length - before.lastIndexOf('\n')
      where = { zh: `（第 ${line} 行第 ${column} 列）`, en: ` (line ${line}, column ${column})` }
    }
    throw new InputError({ zh: `${name} 不是有效的 JSON${where.zh}：${message}`, en: `${name} is not valid JSON${where.en}: ${message}` })
  }
}

/** Writes `content` to `path` through a temporary file in the same folder, renamed into place. */
/** Creates the output folder (and its parents) if it does not exist yet. */
export function ensureFolder(path: string, io: Io): void {
  try {
    mkdirSync(resolve(io.cwd, path), { recursive: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError({ zh: `无法创建目录 ${path}（${code ?? 'error'}）`, en: `cannot create the folder ${path} (${code ?? 'error'})` })
  }
}

export function writeAtomically(path: string, content: string, io: Io): void {
  const full = resolve(io.cwd, path)
  const temporary = join(dirname(full), `.${basename(full)}.${process.pid}.${Date.now()}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(temporary, 'wx')
    writeSync(fd, content)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temporary, full)
  } catch (error) {
    if (fd !== undefined) closeSync(fd)
    rmSync(temporary, { force: true })
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError({ zh: `无法写入 ${path}（${code ?? 'error'}）`, en: `cannot write ${path} (${code ?? 'error'})` })
  }
}
