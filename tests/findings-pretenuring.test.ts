/**
 * The checker's findings stay young: V8 never comes to make them, or their messages, in the old generation (where
 * each one, dead as soon as its report is printed, made a young collection slow and an old one due: a process checked
 * 4–6 times slower for the rest of its life, in 3 of 10 runs; see `SumFinding` in src/rules/findings.ts). Nothing is
 * timed: the probe asks V8 where the objects are, after making the conditions of the decision on purpose.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')
const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')

describe('findings and allocation-site pretenuring', () => {
  it('keeps every finding and its message in the young generation, where an object literal treated alike is moved out', () => {
    const flags = ['--expose-gc', '--allow-natives-syntax', '--min-semi-space-size=1', '--max-semi-space-size=1']
    const run = spawnSync(process.execPath, [...flags, '--import', tsx, join(ROOT, 'tests', 'support', 'pretenuring-probe.ts')], { cwd: ROOT, encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const probe = JSON.parse(run.stdout) as { controlYoung: boolean; findings: number; rules: number; old: string[] }
    // The control shows that this Node takes the decision under the probe's conditions (else the probe proves nothing).
    expect(probe.controlYoung).toBe(false)
    expect(probe.findings).toBeGreaterThanOrEqual(30)
    expect(probe.rules).toBeGreaterThanOrEqual(3)
    expect(probe.old).toEqual([])
  }, 60_000)
})
