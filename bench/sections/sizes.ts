/** Benchmark 5: the validators and the checker for browsers, minified and gzipped as a bundler ships them. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { ROOT } from '../common.js'
import { fmt, table } from '../measure.js'

const sizes = [] as string[][]
for (const entry of ['standalone.js', 'standalone.cjs']) {
  const source = readFileSync(join(ROOT, 'dist', entry))
  const minified = await build({ entryPoints: [join(ROOT, 'dist', entry)], bundle: true, minify: true, write: false, platform: 'neutral', format: entry.endsWith('.cjs') ? 'cjs' : 'esm', logLevel: 'silent' })
  const code = minified.outputFiles[0]!.contents
  sizes.push([`dist/${entry}`, fmt.kb(source.length), fmt.kb(code.length), fmt.kb(gzipSync(code, { level: 9 }).length)])
}
{
  // The browser entry as an application's bundler ships it: zfxxgk-report/standalone left to a chunk of its own.
  const source = readFileSync(join(ROOT, 'dist', 'browser.js'))
  const minified = await build({ entryPoints: [join(ROOT, 'dist', 'browser.js')], bundle: true, minify: true, write: false, platform: 'browser', format: 'esm', external: ['zfxxgk-report/standalone'], logLevel: 'silent' })
  const code = minified.outputFiles[0]!.contents
  sizes.push(['dist/browser.js, all of it (verdict, rules and claims)', fmt.kb(source.length), fmt.kb(code.length), fmt.kb(gzipSync(code, { level: 9 }).length)])
  // A page that imports the verdict and the rules alone (isReport, checkRules, checkSeriesRules): what its bundler ships.
  const rulesOnly = await build({ stdin: { contents: `export { isReport, checkRules, checkSeriesRules } from ${JSON.stringify(join(ROOT, 'dist', 'browser.js'))}`, resolveDir: ROOT }, bundle: true, minify: true, write: false, platform: 'browser', format: 'esm', external: ['zfxxgk-report/standalone'], logLevel: 'silent' })
  const rulesCode = rulesOnly.outputFiles[0]!.contents
  sizes.push(['dist/browser.js, imported for the verdict and the rules', '', fmt.kb(rulesCode.length), fmt.kb(gzipSync(rulesCode, { level: 9 }).length)])
}
table('5. Validators and checker for browsers (minified by esbuild as a bundler would)', ['file', 'as built', 'minified', 'minified + gzip'], sizes)
