/**
 * The PDF reader as a script of its own (dist/page/reader-pdf.js), loaded only when a PDF is dropped: pdf.js and its
 * worker code in one file. pdf.js runs its "worker" in the same thread when `globalThis.pdfjsWorker` is set, so the
 * page needs no second worker script (and no module worker, which a page opened from a folder cannot start).
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs'

const global = globalThis as { pdfjsWorker?: unknown; zfxxgkPdf?: unknown }
global.pdfjsWorker = worker
global.zfxxgkPdf = pdfjs
