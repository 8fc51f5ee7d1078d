/**
 * Where the heavy libraries come from: mammoth (Word), pdf.js (PDF), write-excel-file and read-excel-file
 * (spreadsheets). By default they are the installed packages, imported on first use. The clerk's page ships each as
 * a separate script loaded only when needed, and says so here once at start-up (`useLibraries`); nothing else
 * knows how a library is loaded.
 */
export type Mammoth = typeof import('mammoth')
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
export type ExcelWriter = typeof import('write-excel-file/universal').default
export type ExcelReader = typeof import('read-excel-file/universal').default

export interface Libraries {
  mammoth: () => Promise<Mammoth>
  /**
   * pdf.js and the folder (a URL or path ending in "/") of its character maps and standard fonts, if it has one; and,
   * where pdf.js's own way of fetching them does not work (its DOM reader needs a `document`, which a worker lacks),
   * the class that fetches the character maps (pdf.js's `CMapReaderFactory` parameter).
   */
  pdfjs: () => Promise<PdfLibrary>
  excelWriter: () => Promise<ExcelWriter>
  excelReader: () => Promise<ExcelReader>
}

export interface PdfLibrary {
  pdfjs: PdfJs
  assets: string | undefined
  CMapReaderFactory?: unknown
}

const packages: Libraries = {
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
  excelWriter: async () => (await import('write-excel-file/universal')).default,
  excelReader: async () => (await import('read-excel-file/universal')).default,
}

const current: Libraries = { ...packages }
const loaded: { [K in keyof Libraries]?: ReturnType<Libraries[K]> } = {}

/** Replaces how libraries are loaded (the page's lazy scripts). Call before the first use. */
export function useLibraries(libraries: Partial<Libraries>): void {
  Object.assign(current, libraries)
  for (const key of Object.keys(libraries) as (keyof Libraries)[]) delete loaded[key]
}

export const loadMammoth = (): Promise<Mammoth> => (loaded.mammoth ??= current.mammoth())
export const loadPdfJs = (): Promise<PdfLibrary> => (loaded.pdfjs ??= current.pdfjs())
export const loadExcelWriter = (): Promise<ExcelWriter> => (loaded.excelWriter ??= current.excelWriter())
export const loadExcelReader = (): Promise<ExcelReader> => (loaded.excelReader ??= current.excelReader())
