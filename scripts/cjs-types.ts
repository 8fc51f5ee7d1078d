/**
 * After the build: in the CommonJS declarations (dist/*.d.cts), imports of ESM-only packages become type-only
 * imports resolved as ES modules (`with { 'resolution-mode': 'import' }`, TypeScript 5.3+). Without it a CommonJS
 * consumer type-checking under `module: node16` gets TS1479 for `zfxxgk-report/model`, whose types refer to
 * TypeBox (ESM-only; its code is bundled into the .cjs, its types are not). Fails if such an import has another form.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const ESM_ONLY = ['typebox']
const folder = process.argv[2] ?? 'dist'
let changed = 0
for (const file of readdirSync(folder).filter((name) => name.endsWith('.d.cts'))) {
  const path = join(folder, file)
  const text = readFileSync(path, 'utf8')
  const next = text.replace(/^import (type )?([^;]+?) from '([^']+)';$/gm, (line, _type: string | undefined, clause: string, from: string) => {
    if (!ESM_ONLY.some((name) => from === name || from.startsWith(`${name}/`))) return line
    changed++
    return `import type ${clause} from '${from}' with { 'resolution-mode': 'import' };`
  })
  for (const name of ESM_ONLY) {
    if (new RegExp(`from '${name}(/[^']*)?'(?! with)`).test(next)) throw new Error(`${path}: an import of ${name} the script does not rewrite`)
  }
  if (next !== text) writeFileSync(path, next)
}
console.log(`cjs-types: ${changed} import(s) of ESM-only packages made type-only in ${folder}/*.d.cts`)
