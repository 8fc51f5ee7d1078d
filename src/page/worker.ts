/**
 * The page's worker (dist/page/worker.js): reads files off the page's thread, so that a batch of hundreds stays
 * responsive. It loads the page's own script for the reading code; the readers load beside it when needed.
 */
import type * as Core from './core.js'

declare const importScripts: (...urls: string[]) => void
declare function postMessage(message: unknown): void

importScripts('page.js')
const { core } = (globalThis as unknown as { zfxxgkPage: { core: typeof Core } }).zfxxgkPage

export interface Request {
  id: number
  name: string
  bytes?: ArrayBuffer
  text?: string
}

export interface Answer {
  id: number
  loaded: Core.Loaded[]
}

addEventListener('message', (event) => {
  const request = (event as MessageEvent<Request>).data
  void (async () => {
    let loaded: Core.Loaded[]
    try {
      loaded = request.text !== undefined ? [core.loadText(request.name, request.text)] : await core.loadBytes(request.name, new Uint8Array(request.bytes!))
    } catch (error) {
      loaded = [{ name: request.name, format: 'text', report: undefined, missing: [], provenance: {}, diagnostics: [{ level: 'error', code: 'internal', message: { zh: `读取失败：${String(error)}`, en: `reading failed: ${String(error)}` } }] }]
    }
    postMessage({ id: request.id, loaded } satisfies Answer)
  })()
})
