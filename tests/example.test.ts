/** The README's main job, `npm run example`, as a new user runs it: parse, check and render the seed, in both languages. */
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './support/files.js'

const tsx = createRequire(import.meta.url).resolve('tsx/cli')

describe.each(['zh', 'en'])('npm run example -- --lang %s', (lang) => {
  it('parses the seed text to the canonical example, checks it clean, renders HTML and Markdown (exit 0)', () => {
    rmSync(join(ROOT, '.tmp', 'example'), { recursive: true, force: true })
    const result = spawnSync(process.execPath, [tsx, 'scripts/example.ts', '--lang', lang], { cwd: ROOT, encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(lang === 'zh' ? '符合格式，勾稽关系无问题' : 'valid, no findings')
    expect(readFileSync(join(ROOT, '.tmp', 'example', 'seed.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json'), 'utf8'))
    expect(readFileSync(join(ROOT, '.tmp', 'example', 'seed.html'), 'utf8')).toContain('<td rowspan="22">三、本年度办理结果</td>')
    expect(readFileSync(join(ROOT, '.tmp', 'example', 'seed.md'), 'utf8')).toContain('## 六、其他需要报告的事项')
  })
})
