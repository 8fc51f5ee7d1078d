/**
 * The clerk's page (dist/page/index.html): load reports, see them in the official layout with every flagged or
 * missing cell marked, correct cells, export. This one script serves the page and its worker: in the worker
 * (worker.js imports it) only `zfxxgkPage.core` is used; on the page it also starts the interface.
 */
import { useLibraries, type ZipWriter, type Mammoth, type PdfJs } from '../libraries.js'
import * as core from './core.js'
import { startPage } from './ui.js'

declare const importScripts: ((...urls: string[]) => void) | undefined

/** The folder this script was loaded from: the readers and pdf.js's character maps are beside it. */
const here = (() => {
  const script = typeof document === 'undefined' ? undefined : (document.currentScript as HTMLScriptElement | null)
  return new URL('.', script?.src ?? (globalThis as unknown as { location: { href: string } }).location.href).href
})()

/** A script beside this one, loaded once: by importScripts in the worker, by a script element on the page. */
function loadScript(name: string): Promise<void> {
  const url = new URL(name, here).href
  if (typeof document === 'undefined') {
    importScripts!(url)
    return Promise.resolve()
  }
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = url
    script.onload = () => resolve()
    script.onerror = () => reject(new Error(`cannot load ${name}`))
    document.head.append(script)
  })
}

/** pdf.js's character maps, fetched from beside the page; pdf.js's own DOM reader needs a `document`, which the worker lacks. */
class FetchCMapReaderFactory {
  constructor(private readonly options: { baseUrl: string | null; isCompressed: boolean }) {}
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    const url = `${this.options.baseUrl ?? ''}${name}${this.options.isCompressed ? '.bcmap' : ''}`
    const response = await fetch(url)
    if (!response.ok) throw new Error(`cannot load the character map ${url} (${response.status})`)
    return { cMapData: new Uint8Array(await response.arrayBuffer()), isCompressed: this.options.isCompressed }
  }
}

const global = globalThis as unknown as { zfxxgkWord?: Mammoth; zfxxgkPdf?: PdfJs; zfxxgkSheetWriter?: ZipWriter; zfxxgkPage?: unknown }

useLibraries({
  zipWriter: async () => {
    await loadScript('sheet-writer.js')
    return global.zfxxgkSheetWriter!
  },
  mammoth: async () => {
    await loadScript('reader-word.js')
    return global.zfxxgkWord!
  },
  pdfjs: async () => {
    await loadScript('reader-pdf.js')
    return { pdfjs: global.zfxxgkPdf!, assets: new URL('pdf/', here).href, CMapReaderFactory: FetchCMapReaderFactory }
  },
})

global.zfxxgkPage = { core }

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => startPage(here))
  else startPage(here)
}
