/**
 * What installing the package costs: packs it, installs the tarball into two empty projects (as `npm i
 * zfxxgk-report` does, and with `--omit=optional`, for schema, types, validator and checker alone), and prints the
 * size of each `node_modules` and its package count. `npm run install-size`; the README's figures come from it.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

function size(folder: string): { bytes: number; packages: number } {
  let bytes = 0
  let packages = 0
  const walk = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (depth === 0 && !entry.name.startsWith('.') && !entry.name.startsWith('@')) packages++
        if (depth === 0 && entry.name.startsWith('@')) packages += readdirSync(path).length
        walk(path, depth + 1)
      } else if (entry.isFile()) bytes += statSync(path).size
    }
  }
  walk(folder, 0)
  return { bytes, packages }
}

export function installSizes(root: string): { full: { bytes: number; packages: number }; lean: { bytes: number; packages: number } } {
  const work = mkdtempSync(join(tmpdir(), 'zfxxgk-size-'))
  try {
    const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!
    const install = (name: string, extra: string[]) => {
      const dir = join(work, name)
      execFileSync('mkdir', ['-p', dir])
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true }))
      execFileSync('npm', ['install', '--silent', '--prefer-offline', '--no-package-lock', '--no-audit', '--no-fund', ...extra, join(work, packed)], { cwd: dir, encoding: 'utf8' })
      return size(join(dir, 'node_modules'))
    }
    return { full: install('full', []), lean: install('lean', ['--omit=optional']) }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { full, lean } = installSizes(join(import.meta.dirname, '..'))
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  console.log(`npm i zfxxgk-report                    ${mb(full.bytes)} in ${full.packages} packages`)
  console.log(`npm i zfxxgk-report --omit=optional    ${mb(lean.bytes)} in ${lean.packages} packages (no Word or PDF reader)`)
}
