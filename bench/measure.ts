/** Timing helpers: medians over repeated batches, so that a noisy machine shows in the spread, not in the result. */

export interface Timing {
  /** Median time per operation, in nanoseconds. */
  median: number
  /** Fastest and slowest batch, per operation. */
  min: number
  max: number
}

/** An operation's timings from `interleaved`, with its ratio to the first operation's. */
export interface Compared extends Timing {
  /** The median, over the batches, of this batch's time over the first operation's batch of the same turn. */
  ratio: number
}

/**
 * Runs the operations batch by batch in turn (one batch of each, the order rotating every turn), so that each
 * operation's batch is measured moments after the baseline's: a slower spell of a shared machine (its other
 * tenants' load shows even in CPU time, through caches and frequency) slows both alike. Each ratio is the median
 * of the per-turn ratios to the first operation, not a ratio of medians taken seconds apart.
 */
export function interleaved(fs: readonly (() => unknown)[], { batches = 75, perBatch = 200, warmup = 2 } = {}): Compared[] {
  for (const f of fs) for (let i = 0; i < warmup * perBatch; i++) f()
  const times = fs.map(() => [] as number[])
  for (let b = 0; b < batches; b++) {
    for (const i of turnOrder(fs.length, b)) {
      const f = fs[i]!
      const start = process.cpuUsage()
      for (let n = 0; n < perBatch; n++) f()
      const used = process.cpuUsage(start)
      times[i]!.push(((used.user + used.system) * 1000) / perBatch)
    }
  }
  return times.map((own) => ({ median: median(own), min: Math.min(...own), max: Math.max(...own), ratio: pairedRatio(own, times[0]!) }))
}

/** The order of the operations in turn `turn`: 0…count−1 rotated by the turn, so that no operation always runs first. */
export const turnOrder = (count: number, turn: number) => Array.from({ length: count }, (_, k) => (turn + k) % count)

/** The median of the per-turn ratios of `times` to `base` (the same turn's time of the baseline). */
export const pairedRatio = (times: readonly number[], base: readonly number[]) => median(times.map((t, turn) => t / base[turn]!))

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
