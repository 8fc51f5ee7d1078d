/**
 * What the generated checker (generated/checker.ts) is made of: the read of a row object that never follows a
 * prototype (its cells are read inline, as NaN when missing, so that a sum with a cell missing is NaN and is told
 * apart by one comparison); and the kit through which it reports to the checker (src/rules/check.ts), by step index.
 */

/**
 * The object at `key` of `node`, if `node` is an object that has it as its own property and it is an object;
 * otherwise undefined (a row that is not an object has no cells).
 */
export function rowOf(node: unknown, key: string): Record<string, unknown> | undefined {
  if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined
  const value = (node as Record<string, unknown>)[key]
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
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
