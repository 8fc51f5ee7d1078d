/**
 * Benchmark 6b: the clerk's page reading and checking a batch of files in headless Chromium, against the library
 * doing the same in Node (the page's own reading code, src/page/core.ts and state.ts). CPU time: this process's
 * (process.cpuUsage) for Node, the sum over the browser's processes (/proc) for the page. Rounds interleaved.
 */
import { readdirSync, readFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadBytes } from '../src/page/core.js'
import { newItem } from '../src/page/state.js'
import { makeBatch } from '../tests/support/batch.js'
import { launch } from '../tests/support/print.js'
import { serve } from '../tests/support/static-server.js'
import { fmt, median, table } from './measure.js'

const ROOT = join(import.meta.dirname, '..')
const TICK_NS = 1e9 / 100

/** CPU time (ns) of every process descending from this one, except this one: the browser it launched. */
function childrenCpu(): number {
  const parent = new Map<number, number>()
  const cpu = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      parent.set(Number(entry), Number(fields[1]))
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * TICK_NS)
    } catch {
      // The process ended while it was read.
    }
  }
  let sum = 0
  for (const [pid, time] of cpu) {
    let up = parent.get(pid)
    while (up !== undefined && up !== process.pid && up > 1) up = parent.get(up)
    if (up === process.pid) sum += time
  }
  return sum
}

const cpuNow = () => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) * 1000
}

export async function benchPage(): Promise<void> {
  const count = Number(process.env.BENCH_PAGE_FILES ?? 500)
  const folder = join(ROOT, '.tmp', 'bench', `page-${count}`)
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
  const batch = await makeBatch(count, 11)
  const paths = batch.map((file) => {
    const path = join(folder, file.name)
    writeFileSync(path, file.bytes)
    return path
  })
  let reports = 0
  const inNode = async () => {
    const [cpu, wall] = [cpuNow(), performance.now()]
    reports = 0
    for (const file of batch) for (const loaded of await loadBytes(file.name, file.bytes)) if (newItem(loaded).report !== undefined) reports++
    return { cpu: cpuNow() - cpu, wall: (performance.now() - wall) * 1e6 }
  }
  const server = await serve(join(ROOT, 'dist', 'page'))
  const browser = await launch()
  const inPage = async () => {
    const page = await browser.newPage()
    await page.goto(server.url)
    // A fresh page each round: the timing includes loading the Word reader, as a clerk's first Word file does.
    const [cpu, wall] = [childrenCpu(), performance.now()]
    await page.setInputFiles('#files', paths)
    // A function, not a string: the page's CSP forbids evaluating strings. (No DOM types in this project: any.)
    const done = (n: number) => {
      const document = (globalThis as { document?: any }).document
      return document.body.dataset.pending === '0' && document.querySelectorAll('#file-list tbody tr').length >= n
    }
    await page.waitForFunction(done, count, { timeout: 600_000, polling: 100 })
    const result = { cpu: childrenCpu() - cpu, wall: (performance.now() - wall) * 1e6 }
    await page.close()
    return result
  }
  await inNode()
  await inPage()
  const node: { cpu: number; wall: number }[] = []
  const web: { cpu: number; wall: number }[] = []
  for (let round = 0; round < 3; round++) {
    node.push(await inNode())
    web.push(await inPage())
  }
  await browser.close()
  await server.close()
  const m = (list: { cpu: number; wall: number }[], key: 'cpu' | 'wall') => median(list.map((t) => t[key]))
  table(`6b. ${count} generated files (${reports} reports; HTML, text, Word, JSON, NDJSON, some broken) read and checked: median of 3 interleaved rounds`, ['where', 'CPU', 'wall', 'CPU vs Node', 'wall vs Node'], [
    ['Node: the page’s reading code, in process (baseline)', fmt.ns(m(node, 'cpu')), fmt.ns(m(node, 'wall')), '1.00×', '1.00×'],
    ['the page in headless Chromium (all its processes)', fmt.ns(m(web, 'cpu')), fmt.ns(m(web, 'wall')), fmt.ratio(m(web, 'cpu') / m(node, 'cpu')), fmt.ratio(m(web, 'wall') / m(node, 'wall'))],
  ])
}
