/**
 * What the benchmark's sections share: where things are, the seed, the built package (loaded by each section for
 * itself, so that a section's process holds only what it measures), and the child-process timer.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Report } from '../generated/report.js'

export const ROOT = join(import.meta.dirname, '..')
export const TMP = join(ROOT, '.tmp', 'bench')
mkdirSync(TMP, { recursive: true })

export const seedText = readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.json'), 'utf8')
export const seed = JSON.parse(seedText) as Report

/** A module of dist/, as users run it (bundled: the generated code and its helpers in one scope). */
export const fromDist = <T>(file: string): Promise<T> => import(join(ROOT, 'dist', file)) as Promise<T>

/** A child process: its wall time, its CPU time (all its threads) and its peak memory, from bench/rss.cjs. */
export function timed(args: string[]): { seconds: number; cpu: number; rss: number } {
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, ['--require', join(ROOT, 'bench', 'rss.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const rss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? 0) * 1024
  const cpu = Number(/BENCH_CPU_MS=([0-9.]+)/.exec(result.stderr)?.[1] ?? NaN) / 1000
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr.slice(0, 500)}`)
  return { seconds, cpu, rss }
}

/** CPU time (ns) per call of an asynchronous operation run `times` times in this process. */
export async function cpuPerCall(f: () => Promise<unknown>, times: number): Promise<number> {
  const start = process.cpuUsage()
  for (let i = 0; i < times; i++) await f()
  const used = process.cpuUsage(start)
  return ((used.user + used.system) * 1000) / times
}
