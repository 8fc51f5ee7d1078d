/**
 * Where the heavy libraries come from: mammoth (Word), pdf.js (PDF), fflate and read-excel-file
 * (spreadsheets). By default they are the installed packages, imported on first use. The clerk's page ships each as
 * a separate script loaded only when needed, and says so here once at start-up (`useLibraries`); nothing else
 * knows how a library is loaded.
 */
export type Mammoth = typeof import('mammoth')
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
/** A file being added to an fflate `Zip`: fflate's ZipInputFile that takes its contents in chunks. */
export type ZipEntry = import('fflate').ZipInputFile & { push(chunk: Uint8Array, final: boolean): void }
/** What the .xlsx writer needs: fflate's streaming `Zip`, and a deflating entry of the fastest kind at hand. */
export interface ZipWriter {
  Zip: typeof import('fflate').Zip
  entry: (filename: string) => ZipEntry
}
export type ExcelReader = typeof import('read-excel-file/universal').default

export interface Libraries {
  mammoth: () => Promise<Mammoth>
  /**
   * pdf.js and the folder (a URL or path ending in "/") of its character maps and standard fonts, if it has one; and,
   * where pdf.js's own way of fetching them does not work (its DOM reader needs a `document`, which a worker lacks),
   * the class that fetches the character maps (pdf.js's `CMapReaderFactory` parameter).
   */
  pdfjs: () => Promise<PdfLibrary>
  zipWriter: () => Promise<ZipWriter>
  excelReader: () => Promise<ExcelReader>
}

export interface PdfLibrary {
  pdfjs: PdfJs
  assets: string | undefined
  CMapReaderFactory?: unknown
}

/**
 * A reader's library is not installed: mammoth, pdfjs-dist and read-excel-file are optional dependencies (installed by a plain
 * `npm i zfxxgk-report`, left out by `--omit=optional` for schema-only use). The parser answers a Word or PDF file
 * then with the diagnostic `reader-not-installed`, which says what to install.
 */
export class MissingLibraryError extends Error {
  readonly code = 'ZFXXGK_LIBRARY_MISSING'
  constructor(
    readonly library: string,
    readonly text: { zh: string; en: string },
  ) {
    super(text.en)
    this.name = 'MissingLibraryError'
  }
}

/** `load()`, with a module-not-found of `library` itself turned into a MissingLibraryError that says what it is for. */
async function optional<T>(library: string, purpose: { zh: string; en: string }, load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    const code = (error as { code?: unknown }).code
    const message = error instanceof Error ? error.message : ''
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes(`'${library}`)) {
      throw new MissingLibraryError(library, {
        zh: `${purpose.zh}需要可选依赖 ${library}，但未安装（安装时用了 --omit=optional？）：请运行 npm i ${library}`,
        en: `${purpose.en} needs the optional dependency ${library}, which is not installed (installed with --omit=optional?): run npm i ${library}`,
      })
    }
    throw error
  }
}

const packages: Libraries = {
  mammoth: () =>
    optional('mammoth', { zh: '读取 Word（.docx）文件', en: 'Reading a Word (.docx) file' }, async () => {
      const module = (await import('mammoth')) as Mammoth & { default?: Mammoth }
      return module.default ?? module
    }),
  // Node's modules are loaded only under Node, so a bundler for the browser can take this file as it is.
  pdfjs: async (): Promise<PdfLibrary> => {
    const pdfjs = await optional('pdfjs-dist', { zh: '读取 PDF 文件', en: 'Reading a PDF' }, () => import('pdfjs-dist/legacy/build/pdf.mjs'))
    if (typeof process === 'undefined' || process.versions?.node === undefined) return { pdfjs, assets: undefined }
    const { createRequire } = await import('node:module')
    const { dirname } = await import('node:path')
    // The CommonJS build has __filename; the ES module build has import.meta.url.
    const here = typeof __filename === 'string' ? __filename : import.meta.url
    return { pdfjs, assets: dirname(createRequire(here).resolve('pdfjs-dist/package.json')) + '/' }
  },
  zipWriter: async (): Promise<ZipWriter> => {
    const fflate = await import('fflate')
    if (typeof process === 'undefined' || process.versions?.node === undefined) return { Zip: fflate.Zip, entry: (name) => new fflate.ZipDeflate(name, { level: 1 }) }
    const zlib = await import('node:zlib')
    // zlib.crc32 came in Node 20.15.
    if (typeof zlib.crc32 !== 'function') return { Zip: fflate.Zip, entry: (name) => new fflate.ZipDeflate(name, { level: 1 }) }
    return { Zip: fflate.Zip, entry: (name) => zlibEntry(name, zlib) }
  },
  excelReader: () => optional('read-excel-file', { zh: '读取电子表格（.xlsx）', en: 'Reading a workbook (.xlsx)' }, async () => (await import('read-excel-file/universal')).default),
}

/** The installed packages, as loaded when nothing else is said (what `useLibraries` replaces). */
export const defaultLibraries: Readonly<Libraries> = Object.freeze({ ...packages })

const current: Libraries = { ...packages }
const loaded: { [K in keyof Libraries]?: ReturnType<Libraries[K]> } = {}

/** Replaces how libraries are loaded (the page's lazy scripts). Call before the first use. */
export function useLibraries(libraries: Partial<Libraries>): void {
  Object.assign(current, libraries)
  for (const key of Object.keys(libraries) as (keyof Libraries)[]) delete loaded[key]
}

export const loadMammoth = (): Promise<Mammoth> => (loaded.mammoth ??= current.mammoth())
export const loadPdfJs = (): Promise<PdfLibrary> => (loaded.pdfjs ??= current.pdfjs())
export const loadZipWriter = (): Promise<ZipWriter> => (loaded.zipWriter ??= current.zipWriter())
export const loadExcelReader = (): Promise<ExcelReader> => (loaded.excelReader ??= current.excelReader())

/**
 * A deflated ZIP entry by Node's zlib, several times faster than a deflate written in JavaScript. Each chunk is
 * compressed on its own and ends on a sync flush, so the chunks join into one valid deflate stream (as pigz does);
 * the last ends the stream.
 */
function zlibEntry(filename: string, zlib: typeof import('node:zlib')): ZipEntry {
  const { Z_SYNC_FLUSH, Z_FINISH } = zlib.constants
  const file: ZipEntry = {
    filename,
    size: 0,
    crc: 0,
    compression: 8,
    push(chunk, final) {
      file.size += chunk.length
      file.crc = zlib.crc32(chunk, file.crc)
      file.ondata!(null, zlib.deflateRawSync(chunk, { level: 1, memLevel: 9, finishFlush: final ? Z_FINISH : Z_SYNC_FLUSH }), final)
    },
  }
  return file
}
