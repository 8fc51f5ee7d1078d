/** Benchmark 6: the clerk's page, the size of its scripts (6a) and a batch read and checked in Chromium (6b). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from '../common.js'
import { fmt, table } from '../measure.js'
import { benchPage } from '../page.js'

const pageSizes = (['page.js', 'worker.js', 'reader-word.js', 'reader-pdf.js'] as const).map((name) => {
  const code = readFileSync(join(ROOT, 'dist', 'page', name))
  return [name, fmt.kb(code.length), fmt.kb(gzipSync(code, { level: 9 }).length), name.startsWith('reader') ? 'only when such a file is dropped' : 'on opening the page']
})
table('6a. The clerk’s page (dist/page), minified as built', ['script', 'size', 'gzip', 'loaded'], pageSizes)
await benchPage()
