/**
 * The page's interface: the load area, the list of files, the report in the official layout with its findings,
 * the cell panel (provenance), corrections and exports. Reading happens in the worker (or, where none can start, in
 * small steps on the page); everything shown is rebuilt from the state in state.ts.
 */
import { where } from '../parse/diagnostics.js'
import { aggregateReports } from '../rules/aggregate.js'
import type { Report } from '../../generated/report.js'
import { cellId, renderHtmlBody } from '../render/html.js'
import { documentTitle } from '../render/layout.js'
import { toWorkbook } from '../sheet/workbook.js'
import * as core from './core.js'
import type { Loaded } from './core.js'
import { say, WORDS, type Lang, type Word } from './i18n.js'
import { correct, correctionsDocument, labelsOf, newItem, statusOf, stillMissing, typedNumber, undo, valueOf, type Item } from './state.js'
import type { Answer, Request } from './worker.js'

const READABLE = /\.(html?|docx|pdf|txt|text|json|ndjson|jsonl)$/i

interface Page {
  lang: Lang
  items: Item[]
  selected: number | undefined
  /** Files sent for reading and not answered yet. */
  pending: number
  total: number
  worker: Worker | undefined
  onPage: boolean
  answers: Map<number, (loaded: Loaded[]) => void>
  nextRequest: number
  /** Files are listed in the order they were given, not the order they finish reading in. */
  nextOrder: number
  order: WeakMap<Item, number>
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  node.append(...children)
  return node
}

export function startPage(base: string): void {
  const stored = safeStorage('zfxxgk-lang')
  const page: Page = {
    lang: new URLSearchParams(location.search).get('lang') === 'en' || stored === 'en' ? 'en' : 'zh',
    items: [],
    selected: undefined,
    pending: 0,
    total: 0,
    worker: undefined,
    onPage: false,
    answers: new Map(),
    nextRequest: 1,
    nextOrder: 0,
    order: new WeakMap(),
  }
  try {
    const worker = new Worker(new URL('worker.js', base).href)
    worker.addEventListener('message', (event: MessageEvent<Answer>) => {
      page.answers.get(event.data.id)?.(event.data.loaded)
      page.answers.delete(event.data.id)
    })
    // A worker that cannot load (a page opened from a folder) reports an error: read on the page instead.
    worker.addEventListener('error', () => {
      if (page.worker === worker) fallBackToPage(page)
    })
    page.worker = worker
  } catch {
    page.onPage = true
  }
  wire(page)
  showAll(page)
}

function safeStorage(key: string, value?: string): string | null {
  try {
    if (value !== undefined) localStorage.setItem(key, value)
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

/** The worker is gone: every file it had not answered is read again on the page. */
function fallBackToPage(page: Page): void {
  page.worker?.terminate()
  page.worker = undefined
  page.onPage = true
  const waiting = [...page.answers.entries()]
  page.answers.clear()
  for (const [, resolve] of waiting) resolve([])
  showProgress(page)
}

// ---- reading ----

interface Job {
  name: string
  file?: File
  text?: string
}

async function readOnPage(job: Job): Promise<Loaded[]> {
  // One file per turn of the event loop, so the page stays responsive.
  await new Promise((resolve) => setTimeout(resolve, 0))
  if (job.text !== undefined) return [core.loadText(job.name, job.text)]
  const refused = core.refusedBySize(job.name, job.file!.size)
  if (refused !== undefined) return [refused]
  return core.loadBytes(job.name, new Uint8Array(await job.file!.arrayBuffer()))
}

async function readInWorker(page: Page, job: Job): Promise<Loaded[]> {
  const id = page.nextRequest++
  const request: Request = { id, name: job.name }
  const transfer: Transferable[] = []
  if (job.text !== undefined) request.text = job.text
  else {
    // Refused by its size before a byte is read: a huge file never reaches memory.
    const refused = core.refusedBySize(job.name, job.file!.size)
    if (refused !== undefined) return [refused]
    request.bytes = await job.file!.arrayBuffer()
    transfer.push(request.bytes)
  }
  if (page.worker === undefined) return readOnPage(job)
  const answer = await new Promise<Loaded[] | undefined>((resolve) => {
    page.answers.set(id, (loaded) => resolve(page.onPage ? undefined : loaded))
    page.worker!.postMessage(request, transfer)
  })
  return answer ?? readOnPage(job)
}

/** Reads the jobs a few at a time (the worker queues them), adding each file to the list as soon as it is read. */
async function readAll(page: Page, jobs: Job[]): Promise<void> {
  page.pending += jobs.length
  page.total += jobs.length
  showProgress(page)
  let next = 0
  const first = page.nextOrder
  page.nextOrder += jobs.length
  const lane = async () => {
    while (next < jobs.length) {
      const index = next++
      const job = jobs[index]!
      let loaded: Loaded[]
      try {
        loaded = page.worker !== undefined && !page.onPage ? await readInWorker(page, job) : await readOnPage(job)
      } catch (error) {
        loaded = [{ name: job.name, format: 'text', report: undefined, missing: [], provenance: {}, diagnostics: [{ level: 'error', code: 'unreadable', message: { zh: `无法读取：${String(error)}`, en: `cannot read: ${String(error)}` } }] }]
      }
      const added = loaded.map((one, i) => {
        const item = newItem(one)
        page.order.set(item, first + index + i / (loaded.length + 1))
        page.items.push(item)
        return item
      })
      page.items.sort((a, b) => page.order.get(a)! - page.order.get(b)!)
      page.pending--
      if (page.selected === undefined && page.items.length > 0) page.selected = page.items[0]!.key
      for (const item of added) scheduleList(page, item)
      if (added.length === 0) scheduleList(page)
    }
  }
  await Promise.all([lane(), lane(), lane()])
  // The rows are in; the report shown (perhaps being corrected) is left as it is.
  scheduleList(page)
}

let listScheduled = false
let lastFlush = 0
const fresh: Item[] = []
/** The list shows new rows at most every FLUSH_MS: each redraw lays out the growing table again. */
const FLUSH_MS = 250

/** Files answered get their rows in batches, a few times a second (and the progress bar with them). */
function scheduleList(page: Page, item?: Item): void {
  if (item !== undefined) fresh.push(item)
  if (listScheduled) return
  listScheduled = true
  const flush = () =>
    requestAnimationFrame(() => {
      listScheduled = false
      lastFlush = performance.now()
      addRows(page, fresh.splice(0))
      showProgress(page)
      if (page.items.length > 0 && $('report-body').childElementCount === 0) showReport(page)
    })
  const wait = lastFlush + FLUSH_MS - performance.now()
  if (wait > 0 && page.pending > 0) setTimeout(flush, wait)
  else flush()
}

async function filesOfDrop(items: DataTransferItemList): Promise<File[]> {
  const files: File[] = []
  const walk = async (entry: FileSystemEntry | null): Promise<void> => {
    if (entry === null) return
    if (entry.isFile) {
      files.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)))
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader()
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
        if (batch.length === 0) break
        for (const child of batch) await walk(child)
      }
    }
  }
  await Promise.all([...items].map((item) => walk(item.webkitGetAsEntry?.() ?? null)))
  return files
}

function addFiles(page: Page, files: readonly File[]): void {
  const readable = files.filter((file) => READABLE.test(file.name))
  const skipped = files.length - readable.length
  if (skipped > 0) announce(page.lang === 'zh' ? `跳过 ${skipped} 个不是报告的文件（只读 .html .docx .pdf .txt .json .ndjson）` : `skipped ${skipped} files that are not reports (only .html .docx .pdf .txt .json .ndjson are read)`)
  const name = (file: File) => (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name
  void readAll(page, readable.map((file) => ({ name: name(file), file })))
}

// ---- wiring ----

function wire(page: Page): void {
  const input = $<HTMLInputElement>('files')
  input.addEventListener('change', () => {
    addFiles(page, [...(input.files ?? [])])
    input.value = ''
  })
  const folder = $<HTMLInputElement>('folder')
  folder.addEventListener('change', () => {
    addFiles(page, [...(folder.files ?? [])])
    folder.value = ''
  })
  const zone = $('drop')
  zone.addEventListener('dragover', (event) => {
    event.preventDefault()
    zone.classList.add('over')
  })
  zone.addEventListener('dragleave', () => zone.classList.remove('over'))
  zone.addEventListener('drop', (event) => {
    event.preventDefault()
    zone.classList.remove('over')
    const transfer = event.dataTransfer
    if (transfer === null) return
    const hasEntries = [...transfer.items].some((item) => typeof item.webkitGetAsEntry === 'function')
    if (hasEntries) void filesOfDrop(transfer.items).then((files) => addFiles(page, files.length > 0 ? files : [...transfer.files]))
    else addFiles(page, [...transfer.files])
  })
  $('paste-read').addEventListener('click', () => {
    const area = $<HTMLTextAreaElement>('paste')
    if (area.value.trim() === '') return
    const count = page.items.filter((item) => item.loaded.name.startsWith(say(page.lang, 'pastedName'))).length
    void readAll(page, [{ name: `${say(page.lang, 'pastedName')} ${count + 1}`, text: area.value }])
    area.value = ''
  })
  $('lang').addEventListener('click', () => {
    page.lang = page.lang === 'zh' ? 'en' : 'zh'
    safeStorage('zfxxgk-lang', page.lang)
    showAll(page)
  })
  $('clear').addEventListener('click', () => {
    page.items = []
    page.selected = undefined
    showAll(page)
  })
  $('export-json').addEventListener('click', () => exportOne(page))
  $('export-corrections').addEventListener('click', () => exportCorrections(page))
  $('export-ndjson').addEventListener('click', () => exportAll(page))
  $('export-all-corrections').addEventListener('click', () => exportAllCorrections(page))
  // Corrections not yet exported are lost with the page: the browser asks before leaving.
  addEventListener('beforeunload', (event) => {
    if (page.items.some((item) => item.corrections.length > 0 && exported.get(item) !== JSON.stringify(item.corrections))) event.preventDefault()
  })
  $('export-aggregate').addEventListener('click', () => exportAggregate(page))
  $('export-xlsx').addEventListener('click', () => void exportWorkbook(page))

  const body = $('report-body')
  const cellOf = (target: EventTarget | null) => (target instanceof Element ? (target.closest('td[data-pointer]') as HTMLTableCellElement | null) : null)
  body.addEventListener('focusin', (event) => {
    const cell = cellOf(event.target)
    if (cell !== null) showCell(page, cell.dataset.pointer!)
  })
  body.addEventListener('mouseover', (event) => {
    const cell = cellOf(event.target)
    if (cell !== null) showCell(page, cell.dataset.pointer!)
  })
  body.addEventListener('dblclick', (event) => {
    const cell = cellOf(event.target)
    if (cell !== null) startEdit(page, cell)
  })
  body.addEventListener('keydown', (event) => {
    const cell = cellOf(event.target)
    if (cell === null || event.target !== cell) return
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault()
      startEdit(page, cell)
    }
  })
}

// ---- showing ----

function showAll(page: Page): void {
  document.documentElement.lang = page.lang === 'zh' ? 'zh-CN' : 'en'
  document.title = say(page.lang, 'title')
  for (const node of document.querySelectorAll<HTMLElement>('[data-word]')) node.textContent = say(page.lang, node.dataset.word as Word)
  for (const node of document.querySelectorAll<HTMLElement>('[data-word-label]')) node.setAttribute('aria-label', say(page.lang, node.dataset.wordLabel as Word))
  showProgress(page)
  showList(page)
  showReport(page)
}

function announce(text: string): void {
  $('status').textContent = text
}

function showProgress(page: Page): void {
  const bar = $<HTMLProgressElement>('progress')
  const done = page.total - page.pending
  bar.max = Math.max(page.total, 1)
  bar.value = done
  bar.hidden = page.total === 0
  const text = page.pending > 0 ? say(page.lang, 'progress', { done, total: page.total }) : page.total > 0 ? say(page.lang, 'progressDone', { total: page.total }) : ''
  $('progress-text').textContent = text + (page.onPage && page.total > 0 ? say(page.lang, 'onPage') : '')
  document.body.dataset.pending = String(page.pending)
}

function statusText(page: Page, item: Item): { text: string; state: string } {
  const status = statusOf(item)
  if (status.state === 'failed') return { text: `✗ ${say(page.lang, 'statusFailed')}`, state: 'failed' }
  const parts: string[] = []
  if (status.errors > 0) parts.push(`✗ ${say(page.lang, 'statusErrors', { n: status.errors })}`)
  if (status.missing > 0) parts.push(`◌ ${say(page.lang, 'statusMissing', { n: status.missing })}`)
  if (status.schemaErrors > 0) parts.push(`◌ ${say(page.lang, 'statusInvalid', { n: status.schemaErrors })}`)
  if (status.warnings > 0) parts.push(`⚠ ${say(page.lang, 'statusWarnings', { n: status.warnings })}`)
  if (item.corrections.length > 0) parts.push(`✎ ${say(page.lang, 'edited', { n: item.corrections.length })}`)
  if (parts.length === 0) parts.push(`✓ ${say(page.lang, 'statusComplete')}`)
  return { text: parts.join(' · '), state: status.state }
}

/** The list's row of each item, kept so that a batch adds rows instead of redrawing the list for every file. */
const rows = new Map<number, HTMLTableRowElement>()

function rowOf(page: Page, item: Item): HTMLTableRowElement {
  const status = statusText(page, item)
  const template = item.report?.template
  const button = element('button', { type: 'button', class: 'file', 'data-key': String(item.key), ...(item.key === page.selected ? { 'aria-current': 'true' } : {}) }, item.loaded.name)
  button.addEventListener('click', () => {
    const previous = selectedItem(page)
    page.selected = item.key
    if (previous !== undefined) refreshRow(page, previous)
    refreshRow(page, item)
    showReport(page)
    $('report-title').focus()
  })
  const row = element(
    'tr',
    { 'data-state': status.state },
    element('td', {}, button),
    element('td', {}, String(item.report?.meta?.agencyName ?? '')),
    element('td', {}, String(item.report?.meta?.year ?? '')),
    element('td', {}, template === '2021' ? say(page.lang, 'template2021') : template === '2019' ? say(page.lang, 'template2019') : ''),
    element('td', { class: 'status' }, status.text),
  )
  rows.set(item.key, row)
  return row
}

/** Redraws one item's row (its status after a correction, its mark when selected). */
function refreshRow(page: Page, item: Item): void {
  const old = rows.get(item.key)
  if (old !== undefined) old.replaceWith(rowOf(page, item))
}

/** The whole list, drawn again (language switched, list cleared, a batch finished). */
function showList(page: Page): void {
  const list = $('file-list')
  $('no-files').hidden = page.items.length > 0
  list.hidden = page.items.length === 0
  rows.clear()
  const head = element('tr', {}, ...(['colFile', 'colAgency', 'colYear', 'colTemplate', 'colStatus'] as const).map((word) => element('th', { scope: 'col' }, say(page.lang, word))))
  list.replaceChildren(element('thead', {}, head), element('tbody', {}, ...page.items.map((item) => rowOf(page, item))))
}

/** Adds the rows of items read since the last frame, each in its place in the order the files were given. */
function addRows(page: Page, fresh: readonly Item[]): void {
  const body = $('file-list').querySelector('tbody')
  if (body === null) return showList(page)
  $('no-files').hidden = page.items.length > 0
  $('file-list').hidden = page.items.length === 0
  for (const item of fresh) {
    if (rows.has(item.key)) continue
    const index = page.items.indexOf(item)
    let next: HTMLTableRowElement | undefined
    for (let i = index + 1; i < page.items.length && next === undefined; i++) next = rows.get(page.items[i]!.key)
    body.insertBefore(rowOf(page, item), next ?? null)
  }
}

const selectedItem = (page: Page) => page.items.find((item) => item.key === page.selected)

function showReport(page: Page, focusPointer?: string): void {
  const item = selectedItem(page)
  const view = $('report')
  view.hidden = item === undefined
  for (const id of ['export-json', 'export-corrections', 'export-ndjson', 'export-all-corrections', 'export-aggregate', 'export-xlsx']) ($(id) as HTMLButtonElement).disabled = page.items.length === 0
  if (item === undefined) {
    $('report-body').replaceChildren()
    return
  }
  ;($('export-corrections') as HTMLButtonElement).disabled = item.corrections.length === 0
  ;($('export-json') as HTMLButtonElement).disabled = item.report === undefined
  $('report-title').textContent = item.loaded.name
  const body = $('report-body')
  if (item.report === undefined) {
    // Why, in place of the report: the reader's errors (a budget passed, not a report, a damaged file …).
    const reasons = item.loaded.diagnostics.filter((d) => d.level === 'error').map((d) => element('li', { 'data-level': 'error' }, `✗ ${d.message[page.lang]}`))
    body.replaceChildren(element('p', {}, say(page.lang, 'noReport')), element('ul', { class: 'notes' }, ...reasons))
  } else {
    try {
      // The renderer escapes every text it prints; the markup holds no script, so the strict CSP stands.
      body.innerHTML = renderHtmlBody(item.report, { findings: item.check.findings, lang: page.lang })
      decorateCells(page, item, body)
    } catch (error) {
      body.replaceChildren(element('p', {}, say(page.lang, 'cannotRender', { why: (error as Error).message })))
    }
  }
  showFindings(page, item)
  showNotes(page, item)
  showCorrections(page, item)
  $('cell-panel').replaceChildren(element('p', {}, say(page.lang, 'cellHint')))
  if (focusPointer !== undefined) document.getElementById(cellId(focusPointer))?.focus()
}

/** Every value cell can be reached with the keyboard and says what it is. */
function decorateCells(page: Page, item: Item, body: HTMLElement): void {
  const corrected = new Set(item.corrections.map((c) => c.pointer))
  for (const cell of body.querySelectorAll<HTMLTableCellElement>('td[data-pointer]')) {
    const pointer = cell.dataset.pointer!
    cell.tabIndex = 0
    const labels = labelsOf(item, pointer)
    const value = cell.hasAttribute('data-missing') ? say(page.lang, 'missingCell') : cell.textContent ?? ''
    cell.setAttribute('aria-label', `${labels.slice(1).join(' › ')}：${value}${cell.dataset.severity === undefined ? '' : ` (${say(page.lang, cell.dataset.severity === 'error' ? 'error' : 'warning')})`}`)
    if (corrected.has(pointer)) cell.dataset.corrected = ''
  }
  for (const heading of body.querySelectorAll<HTMLElement>('h2[id]')) heading.tabIndex = -1
}

function focusTarget(pointer: string | undefined): void {
  if (pointer === undefined) return
  const cell = document.getElementById(cellId(pointer))
  const target = cell ?? document.getElementById(`section-${pointer.split('/')[1]}`)
  if (target === null) return
  target.scrollIntoView({ block: 'center' })
  target.focus()
}

/** The rules that could not run on an incomplete report, each with the cells it lacks (the first linking to it). */
function showNotChecked(page: Page, item: Item): void {
  const notChecked = item.check.notChecked
  $('not-checked').hidden = notChecked.length === 0
  $('not-checked-list').replaceChildren(
    ...notChecked.map((entry) => {
      const cells = entry.missing.slice(0, 3).map((pointer) => labelsOf(item, pointer).slice(-2).join(' › '))
      const more = entry.missing.length > 3 ? (page.lang === 'zh' ? ` 等 ${entry.missing.length} 个` : ` and ${entry.missing.length - 3} more`) : ''
      const button = element('button', { type: 'button', class: 'goto' }, say(page.lang, 'goTo'))
      button.addEventListener('click', () => focusTarget(entry.missing[0]))
      return element('li', { 'data-rule': entry.ruleId }, element('code', {}, entry.ruleId), ' ', say(page.lang, 'lacks', { cells: cells.join(page.lang === 'zh' ? '、' : ', ') + more }), ' ', button)
    }),
  )
}

function showFindings(page: Page, item: Item): void {
  showNotChecked(page, item)
  const list = $('findings-list')
  const findings = item.check.findings
  if (findings.length === 0) {
    list.replaceChildren(element('li', { class: 'none' }, `✓ ${say(page.lang, 'noFindings')}`))
    return
  }
  list.replaceChildren(
    ...findings.map((finding) => {
      const button = element('button', { type: 'button', class: 'goto' }, say(page.lang, 'goTo'))
      button.addEventListener('click', () => focusTarget(finding.pointers[0]))
      return element(
        'li',
        { 'data-rule': finding.ruleId, 'data-severity': finding.severity },
        element('span', { class: 'severity' }, `${finding.severity === 'error' ? '✗' : '⚠'} ${say(page.lang, finding.severity)}`),
        ' ',
        element('span', { class: 'message' }, finding.message[page.lang]),
        ' ',
        element('code', {}, finding.ruleId),
        ' ',
        button,
      )
    }),
  )
}

function showNotes(page: Page, item: Item): void {
  const errors = item.report !== undefined && !item.validation.valid ? item.validation.errors : []
  const schema = $('schema-errors')
  schema.hidden = errors.length === 0
  $('schema-list').replaceChildren(...errors.map((error) => element('li', {}, error.message[page.lang])))
  const notes = item.loaded.diagnostics.filter((d) => d.level !== 'info')
  const infos = item.loaded.diagnostics.length - notes.length
  $('notes-count').textContent = `（${notes.length}${infos > 0 ? ` + ${infos}` : ''}）`
  $('notes-list').replaceChildren(
    ...item.loaded.diagnostics.map((d) => {
      const li = element('li', { 'data-level': d.level }, `${d.level === 'error' ? '✗' : d.level === 'warning' ? '⚠' : 'ℹ'} ${d.message[page.lang]}`)
      if (d.pointer !== undefined) {
        const button = element('button', { type: 'button', class: 'goto' }, say(page.lang, 'goTo'))
        button.addEventListener('click', () => focusTarget(d.pointer))
        li.append(' ', button)
      }
      return li
    }),
  )
}

function showCorrections(page: Page, item: Item): void {
  const list = $('corrections-list')
  if (item.corrections.length === 0) {
    list.replaceChildren(element('li', { class: 'none' }, say(page.lang, 'noCorrections')))
    return
  }
  list.replaceChildren(
    ...item.corrections.map((c) => {
      const button = element('button', { type: 'button' }, say(page.lang, 'undo'))
      button.addEventListener('click', () => {
        undo(item, c.pointer)
        refreshRow(page, item)
        showReport(page, c.pointer)
      })
      const show = (value: number | undefined) => (value === undefined ? say(page.lang, 'missingCell') : String(value))
      return element('li', { 'data-pointer': c.pointer }, `${c.labels.slice(1).join(' › ')}：${show(c.old)} → ${show(c.new)} `, button)
    }),
  )
}

function showCell(page: Page, pointer: string): void {
  const item = selectedItem(page)
  if (item === undefined) return
  const labels = labelsOf(item, pointer)
  const value = valueOf(item.report, pointer)
  const provenance = item.loaded.provenance[pointer]
  const correction = item.corrections.find((c) => c.pointer === pointer)
  const rows: [string, string][] = [
    [say(page.lang, 'cell'), labels.join(' › ')],
    [say(page.lang, 'value'), value === undefined ? say(page.lang, 'missingCell') : String(value)],
  ]
  if (correction !== undefined) rows.push([say(page.lang, 'howRead'), `${WORDS.how.edited[page.lang]}（${correction.old ?? say(page.lang, 'missingCell')} → ${correction.new ?? say(page.lang, 'missingCell')}）`])
  if (provenance !== undefined) {
    rows.push([say(page.lang, 'howRead'), WORDS.how[provenance.how]?.[page.lang] ?? provenance.how])
    rows.push([say(page.lang, 'raw'), provenance.raw === '' ? '∅' : provenance.raw])
    const at = where(provenance.location)[page.lang].replace(/^ ?[（(](.*)[）)]$/u, '$1')
    if (at !== '') rows.push([say(page.lang, 'where'), at])
  } else if (item.loaded.format === 'json') rows.push([say(page.lang, 'howRead'), say(page.lang, 'fromJson')])
  const findings = item.check.findings.filter((f) => f.pointers.includes(pointer))
  $('cell-panel').replaceChildren(
    element('dl', {}, ...rows.flatMap(([term, text]) => [element('dt', {}, term), element('dd', {}, text)])),
    ...(findings.length === 0
      ? []
      : [element('ul', { class: 'findings' }, ...findings.map((f) => element('li', { 'data-severity': f.severity }, element('span', { class: 'severity' }, `${f.severity === 'error' ? '✗' : '⚠'} ${f.ruleId}`), ' ', f.message[page.lang])))]),
  )
}

// ---- correcting ----

function startEdit(page: Page, cell: HTMLTableCellElement): void {
  const item = selectedItem(page)
  if (item === undefined || cell.querySelector('input') !== null) return
  const pointer = cell.dataset.pointer!
  const value = valueOf(item.report, pointer)
  const input = element('input', { type: 'text', inputmode: 'decimal', class: 'edit', 'aria-label': `${labelsOf(item, pointer).slice(1).join(' › ')}. ${say(page.lang, 'editPrompt')}` })
  input.value = value === undefined ? '' : String(value)
  cell.replaceChildren(input)
  input.focus()
  input.select()
  let done = false
  const finish = (commit: boolean) => {
    if (done) return
    done = true
    if (!commit) return showReport(page, pointer)
    const typed = typedNumber(input.value)
    if (typed === undefined) {
      announce(say(page.lang, 'editInvalid', { text: input.value }))
      return showReport(page, pointer)
    }
    if (typed.value !== value) {
      correct(item, pointer, typed.value)
      const show = (n: number | undefined) => (n === undefined ? say(page.lang, 'missingCell') : String(n))
      announce(say(page.lang, 'editDone', { label: labelsOf(item, pointer).slice(1).join(' › '), old: show(value), new: show(typed.value) }))
    }
    refreshRow(page, item)
    showReport(page, pointer)
  }
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      finish(true)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      finish(false)
    }
  })
  input.addEventListener('blur', () => finish(true))
}

// ---- exporting ----

/**
 * The workbook of every report read, as corrected (zfxxgk-report/sheet): a sheet per template, the findings, what is
 * still missing, the 汇总. The spreadsheet writer loads on the first export.
 */
async function exportWorkbook(page: Page): Promise<void> {
  const reports = page.items.filter((item) => item.report !== undefined)
  if (reports.length === 0) return
  const entries = reports.map((item) => ({
    name: item.loaded.name,
    report: item.report!,
    missing: stillMissing(item),
    findings: item.check.findings,
  }))
  try {
    download(page, 'reports.xlsx', await toWorkbook(entries), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  } catch (error) {
    announce(page.lang === 'zh' ? `无法导出电子表格：${String(error)}` : `cannot export the spreadsheet: ${String(error)}`)
  }
}

function download(page: Page, name: string, text: string | Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([text as BlobPart], { type }))
  const link = element('a', { href: url, download: name })
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  announce(say(page.lang, 'exported', { name }))
}

const baseName = (name: string) => (name.split('/').pop() ?? name).replace(/ #(\d+)$/, '-$1').replace(/\.[^.]+$/, '') || 'report'

function exportOne(page: Page): void {
  const item = selectedItem(page)
  if (item?.report === undefined) return
  download(page, `${baseName(item.loaded.name)}.json`, JSON.stringify(item.report, null, 2) + '\n', 'application/json')
  if (!item.validation.valid) announce(`${say(page.lang, 'exported', { name: `${baseName(item.loaded.name)}.json` })}. ${say(page.lang, 'exportInvalid', { n: item.validation.errors.length })}`)
}

/** The corrections of each item as last exported, so that leaving the page warns only about those not yet saved. */
const exported = new WeakMap<Item, string>()

function exportCorrections(page: Page): void {
  const item = selectedItem(page)
  if (item === undefined || item.corrections.length === 0) return
  download(page, `${baseName(item.loaded.name)}.corrections.json`, JSON.stringify(correctionsDocument(item), null, 2) + '\n', 'application/json')
  exported.set(item, JSON.stringify(item.corrections))
}

/** Every corrected report's corrections, one document each, as a JSON array. */
function exportAllCorrections(page: Page): void {
  const corrected = page.items.filter((item) => item.corrections.length > 0)
  if (corrected.length === 0) return announce(say(page.lang, 'noCorrections'))
  download(page, 'corrections.json', JSON.stringify(corrected.map(correctionsDocument), null, 2) + '\n', 'application/json')
  for (const item of corrected) exported.set(item, JSON.stringify(item.corrections))
}

function exportAll(page: Page): void {
  const reports = page.items.filter((item) => item.report !== undefined)
  if (reports.length === 0) return
  download(page, 'reports.ndjson', reports.map((item) => JSON.stringify(item.report)).join('\n') + '\n', 'application/x-ndjson')
  const invalid = reports.filter((item) => !item.validation.valid).length
  if (invalid > 0) announce(`${say(page.lang, 'exported', { name: 'reports.ndjson' })}. ${page.lang === 'zh' ? `其中 ${invalid} 份不符合格式` : `${invalid} of them are not schema-valid`}`)
}

function exportAggregate(page: Page): void {
  const valid = page.items.filter((item) => item.report !== undefined && item.validation.valid)
  const left = page.items.filter((item) => !valid.includes(item))
  if (valid.length === 0) return announce(say(page.lang, 'nothingToAggregate'))
  const result = aggregateReports(valid.map((item) => item.report as Report))
  if (!result.ok) return announce(result.error[page.lang])
  download(page, `${documentTitle(result.report).replace(/[\\/:*?"<>|]/g, '_')}.json`, JSON.stringify(result.report, null, 2) + '\n', 'application/json')
  if (left.length > 0) announce(`${$('status').textContent} ${say(page.lang, 'leftOut', { names: left.map((item) => item.loaded.name).join('、') })}`)
}
