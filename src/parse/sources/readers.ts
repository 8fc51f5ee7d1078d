/**
 * Where the two heavy readers come from: mammoth (Word) and pdf.js (PDF). By default they are the installed packages,
 * imported on first use. The clerk's page ships each as a separate script loaded only when such a file is dropped,
 * and says so here once at start-up (`useReaders`); nothing else in the parser knows how a reader is loaded.
 */
export type Mammoth = typeof import('mammoth')
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

export interface Readers {
  mammoth: () => Promise<Mammoth>
  /**
   * pdf.js and the folder (a URL or path ending in "/") of its character maps and standard fonts, if it has one; and,
   * where pdf.js's own way of fetching them does not work (its DOM reader needs a `document`, which a worker lacks),
   * the class that fetches the character maps (pdf.js's `CMapReaderFactory` parameter).
   */
  pdfjs: () => Promise<PdfLibrary>
}

export interface PdfLibrary {
  pdfjs: PdfJs
  assets: string | undefined
  CMapReaderFactory?: unknown
}

const packages: Readers = {
  mammoth: async () => {
    const module = (await import('mammoth')) as Mammoth & { default?: Mammoth }
    return module.default ?? module
  },
  // Node's modules are loaded only under Node, so a bundler for the browser can take this file as it is.
  pdfjs: async (): Promise<PdfLibrary> => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    if (typeof process === 'undefined' || process.versions?.node === undefined) return { pdfjs, assets: undefined }
    const { createRequire } = await import('node:module')
    const { dirname } = await import('node:path')
    // The CommonJS build has __filename; the ES module build has import.meta.url.
    const here = typeof __filename === 'string' ? __filename : import.meta.url
    return { pdfjs, assets: dirname(createRequire(here).resolve('pdfjs-dist/package.json')) + '/' }
  },
}

const current: Readers = { ...packages }
const loaded: { mammoth?: Promise<Mammoth>; pdfjs?: Promise<PdfLibrary> } = {}

/** Replaces how the readers are loaded (the page's lazy scripts). Call before the first Word or PDF file. */
export function useReaders(readers: Partial<Readers>): void {
  Object.assign(current, readers)
  delete loaded.mammoth
  delete loaded.pdfjs
}

export const loadMammoth = (): Promise<Mammoth> => (loaded.mammoth ??= current.mammoth())
export const loadPdfJs = (): Promise<PdfLibrary> => (loaded.pdfjs ??= current.pdfjs())
