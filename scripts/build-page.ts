/**
 * Builds the clerk's page into dist/page (or the folder given): page.js (interface, parser, validator, checker,
 * renderer), worker.js, the two readers loaded only when a Word or PDF file is dropped, pdf.js's character maps, the
 * HTML and the style sheet. Classic scripts, not modules, so the page also works opened from a folder or USB stick.
 */
import { build, type BuildOptions } from 'esbuild'
import { cpSync, mkdirSync, rmSync } from 'node:fs'
import { withoutDescriptions } from './unread-annotations.js'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'

const out = process.argv[2] ?? 'dist/page'
const require = createRequire(import.meta.url)

const common: BuildOptions = {
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  // The Node-only loader of the default readers (readers.ts) is never called on the page.
  logOverride: { 'empty-import-meta': 'silent' },
}

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
await Promise.all([
  build({ ...common, entryPoints: { page: 'src/page/app.ts' }, outdir: out, plugins: [withoutDescriptions], external: ['mammoth', 'pdfjs-dist', 'pdfjs-dist/*', 'read-excel-file/*', 'fflate', 'node:*'] }),
  build({ ...common, entryPoints: { worker: 'src/page/worker.ts' }, outdir: out, plugins: [withoutDescriptions] }),
  build({ ...common, entryPoints: { 'reader-word': 'src/page/reader-word.ts' }, outdir: out }),
  build({ ...common, entryPoints: { 'reader-pdf': 'src/page/reader-pdf.ts' }, outdir: out }),
  build({ ...common, entryPoints: { 'sheet-writer': 'src/page/sheet-writer.ts' }, outdir: out }),
])
for (const file of ['index.html', 'page.css']) cpSync(join('src/page', file), join(out, file))
cpSync(join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps'), join(out, 'pdf/cmaps'), { recursive: true })
console.log(`page built in ${out}`)
