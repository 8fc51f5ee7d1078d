/**
 * What the generated checker (generated/checker.ts) is made of: the read of a row object that never follows a
 * prototype (its cells are read inline, as NaN when missing, so that a sum with a cell missing is NaN and is told
 * apart by one comparison); and the kit through which it reports to the checker (src/rules/check.ts), by step index.
 *
 * A row is read as a plain object: one whose properties are all its own (its prototype is null, or Object.prototype
 * when that has none of the names the checker reads: `clean`, tested once per call). So a cell is one property load
 * (no own-property test per cell), and a name inherited from anywhere is never read as a cell. Any other object (a
 * class instance, an array, an object made with Object.create) is read through a copy of its own properties.
 */

/**
 * A row read from a plain object (or the report itself): if `value` is an object, a plain object: itself if it is
 * one, else a copy of its own properties (getters call the original's), so that reading a name from it reads only
 * an own property; otherwise undefined (a row that is not an object has no cells).
 */
export function rowOf(value: unknown, clean: boolean): Record<string, unknown> | undefined {
  if (value === null || typeof value !== 'object') return undefined
  const prototype = Object.getPrototypeOf(value) as unknown
  return prototype === null || (clean && prototype === Object.prototype) ? (value as Record<string, unknown>) : ownCopy(value)
}

/** A null-prototype object with `value`'s own string-keyed properties (an accessor reads the original's). */
function ownCopy(value: object): Record<string, unknown> {
  const copy = Object.create(null) as Record<string, unknown>
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
    const get = descriptor.get
    if (get !== undefined) Object.defineProperty(copy, name, { get: () => get.call(value) as unknown, enumerable: true })
    else if ('value' in descriptor) copy[name] = descriptor.value
  }
  return copy
}

/** A finite number as it is; anything else NaN (so that a sum over it is NaN). */
export const finite = (value: unknown): number => (typeof value === 'number' && value - value === 0 ? value : NaN)

/** Sums are compared to a millionth, as amounts in 万元 are printed. */
export const round = (n: number): number => Math.round(n * 1e6) / 1e6

/** How a generated check function reports, by the index of the step in the template's plan. */
export interface CheckKit {
  /**
   * A summation's two sides (NaN where a cell is missing): a side that is NaN is a summation not formed, sides that
   * differ (to a millionth) are a finding.
   */
  sum(step: number, actual: number, expected: number): void
  /** Any other kind of check, run by its interpreted closure. */
  other(step: number): void
}

export type CompiledCheck = (report: unknown, kit: CheckKit) => void
