/**
 * What the page does with a file, apart from showing it: read it into reports (the parser for published reports,
 * JSON.parse for canonical JSON and NDJSON), then validate and check. The same code runs in the page's worker and,
 * where a worker cannot start (a page opened from a folder), on the page itself.
 */
import type { Diagnostic } from '../parse/diagnostics.js'
import { looksLikeHtml, parseReport } from '../parse/parse.js'
import { sniff } from '../parse/sources/bytes.js'
import type { PartialReport } from '../partial.js'
import type { Provenance } from '../parse/tables/store.js'
import { MAX_FILE_BYTES, MAX_NDJSON_LINE_BYTES } from '../parse/budgets.js'
import { validateReport } from '../standalone/index.js'

export type Format = 'text' | 'html' | 'docx' | 'pdf' | 'json'

/** One report as read from a file (an NDJSON file gives several). */
export interface Loaded {
  /** The file's name; "name #n" for the n-th line of an NDJSON file. */
  name: string
  format: Format
  /** What was read; undefined if nothing could be (see diagnostics). */
  report: PartialReport | undefined
  /** Pointers of the cells and sections the parser did not find (none for JSON: a missing field is a schema error). */
  missing: string[]
  provenance: Provenance
  /** The parser's notes, or why a JSON document could not be read. */
  diagnostics: Diagnostic[]
}

const failed = (name: string, format: Format, zh: string, en: string, code = 'unreadable'): Loaded => ({
  name,
  format,
  report: undefined,
  missing: [],
  provenance: {},
  diagnostics: [{ level: 'error', code, message: { zh, en } }],
})

const isJsonName = (name: string) => /\.(json|ndjson|jsonl)$/i.test(name)

/** A file over the MAX_FILE_BYTES budget, refused by its size before it is read (undefined: within the budget). */
export function refusedBySize(name: string, size: number): Loaded | undefined {
  if (size <= MAX_FILE_BYTES) return undefined
  return failed(name, 'text', `文件有 ${size} 字节，超过上限 MAX_FILE_BYTES（${MAX_FILE_BYTES} 字节），未读取`, `the file has ${size} bytes, more than the budget MAX_FILE_BYTES (${MAX_FILE_BYTES} bytes); not read`, 'input-too-large')
}

/** A file's bytes → its reports. Never throws: what cannot be read is one Loaded with an error diagnostic. */
export async function loadBytes(name: string, bytes: Uint8Array): Promise<Loaded[]> {
  const refused = refusedBySize(name, bytes.byteLength)
  if (refused !== undefined) return [refused]
  if (isJsonName(name)) return loadJson(name, bytes)
  const result = await parseReport(bytes)
  const kind = sniff(bytes)
  const format: Format = kind === 'pdf' || kind === 'docx' ? kind : /\.html?$/i.test(name) || looksLikeHtml(new TextDecoder().decode(bytes.subarray(0, 20000))) ? 'html' : 'text'
  return [{ name, format, report: result.report, missing: result.missing, provenance: result.provenance, diagnostics: result.diagnostics }]
}


/** Pasted text: the parser's text-or-HTML path. */
export function loadText(name: string, text: string): Loaded {
  const result = parseReport(text)
  return { name, format: looksLikeHtml(text) ? 'html' : 'text', report: result.report, missing: result.missing, provenance: result.provenance, diagnostics: result.diagnostics }
}

function loadJson(name: string, bytes: Uint8Array): Loaded[] {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return [failed(name, 'json', 'JSON 文件不是 UTF-8 文本', 'the JSON file is not UTF-8 text')]
  }
  if (/\.json$/i.test(name)) return [document(name, text, undefined)]
  const out: Loaded[] = []
  let line = 0
  for (const raw of text.split('\n')) {
    line++
    if (raw.trim() === '') continue
    if (raw.length > MAX_NDJSON_LINE_BYTES) {
      out.push(failed(`${name} #${line}`, 'json', `第 ${line} 行超过上限 ${MAX_NDJSON_LINE_BYTES} 字节`, `line ${line} is longer than the limit of ${MAX_NDJSON_LINE_BYTES} bytes`, 'input-too-large'))
      continue
    }
    out.push(document(`${name} #${line}`, raw, line))
  }
  return out.length > 0 ? out : [failed(name, 'json', '文件中没有报告', 'the file holds no report', 'input-empty')]
}

function document(name: string, text: string, line: number | undefined): Loaded {
  const at = line === undefined ? { zh: '', en: '' } : { zh: `第 ${line} 行：`, en: `line ${line}: ` }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return failed(name, 'json', `${at.zh}不是合法的 JSON（${(error as Error).message}）`, `${at.en}not valid JSON (${(error as Error).message})`, 'json-syntax')
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return failed(name, 'json', `${at.zh}应为一份报告（JSON 对象）`, `${at.en}must be one report (a JSON object)`, 'not-a-report')
  }
  const report = data as PartialReport
  if (report.template !== '2019' && report.template !== '2021') {
    return failed(name, 'json', `${at.zh}缺少 template（"2019" 或 "2021"），不是本格式的报告`, `${at.en}has no template ("2019" or "2021"): not a report in this format`, 'not-a-report')
  }
  if (typeof report.meta !== 'object' || report.meta === null) {
    return failed(name, 'json', `${at.zh}缺少 meta（报告信息）`, `${at.en}has no meta (the report's metadata)`, 'not-a-report')
  }
  return { name, format: 'json', report, missing: [], provenance: {}, diagnostics: [] }
}

export { validateReport }
