/** Timing helpers: medians over repeated batches, so that a noisy machine shows in the spread, not in the result. */

export interface Timing {
  /** Median time per operation, in nanoseconds. */
  median: number
  /** Fastest and slowest batch, per operation. */
  min: number
  max: number
}

/**
 * Runs `f` in batches of `perBatch` calls; returns per-operation CPU time (user + system, `process.cpuUsage`: on a
 * busy machine the time this process was not running does not count) over `batches` batches, in nanoseconds.
 */
export function measure(f: () => unknown, { batches = 15, perBatch = 200, warmup = 2 } = {}): Timing {
  for (let i = 0; i < warmup * perBatch; i++) f()
  const times: number[] = []
  for (let b = 0; b < batches; b++) {
    const start = process.cpuUsage()
    for (let i = 0; i < perBatch; i++) f()
    const used = process.cpuUsage(start)
    times.push(((used.user + used.system) * 1000) / perBatch)
  }
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]! }
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export const fmt = {
  ns: (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} ms` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} µs` : `${n.toFixed(0)} ns`),
  ratio: (n: number) => `${n.toFixed(2)}×`,
  mb: (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`,
  kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
}

/** Prints rows as an aligned plain-text table. */
export function table(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
  for (const row of rows) console.log(line(row))
}
