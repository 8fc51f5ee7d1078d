/**
 * Table reading, step 3: the table's own arithmetic chooses among the readings. The sums are the `sum` rules of
 * rules.json (row totals, （七）总计, 一+二 = （七）+四, section 四's group totals), each a linear equation over cells.
 * A reading survives a sum if the other rows' surviving readings can complete it (generalised arc consistency over
 * the sets of partial sums), repeated until nothing changes. A sum that no combination of readings satisfies is
 * the report's own error (or a misprint): it prunes nothing and is returned as broken, so that the checker, not the
 * reader, reports it.
 */
import type { RulesFile } from '../../../generated/rules.js'
import { publishedRules } from '../../rules/published.js'
import type { Template } from '../../schema/tables.js'
import type { Reading } from './readings.js'

export interface SumConstraint {
  /** The rule id in rules.json. */
  rule: string
  /** Σ weight × cell = 0 over these cells. */
  terms: { pointer: string; weight: number }[]
}

const cache = new Map<string, SumConstraint[]>()

/** The summation rules of rules.json that apply to `template`, as equations. */
export function sumConstraints(template: Template, rules: RulesFile = publishedRules): SumConstraint[] {
  const key = template
  let list = rules === publishedRules ? cache.get(key) : undefined
  if (list !== undefined) return list
  list = []
  for (const rule of rules.rules) {
    if (rule.kind !== 'sum') continue
    for (const check of rule.checks) {
      if (check.templates !== undefined && !check.templates.includes(template)) continue
      list.push({
        rule: rule.id,
        terms: [...check.left.map((pointer) => ({ pointer, weight: 1 })), ...check.right.map((pointer) => ({ pointer, weight: -1 }))],
      })
    }
  }
  if (rules === publishedRules) cache.set(key, list)
  return list
}

export interface Variable {
  /** The cells this variable gives values to, in reading order. */
  cells: readonly string[]
  readings: Reading[]
}

export interface Solution {
  /** The readings of each variable that every applicable sum leaves possible. */
  alive: Reading[][]
  /** Sums whose printed values cannot hold under any reading. */
  broken: SumConstraint[]
}

/** The largest set of partial sums kept for one equation; past it the equation prunes nothing. */
const MAX_SUMS = 20_000

function sumsOf(sets: readonly Set<number>[]): Set<number> | undefined {
  let sums = new Set([0])
  for (const set of sets) {
    const next = new Set<number>()
    for (const a of sums) for (const b of set) next.add(a + b)
    if (next.size > MAX_SUMS) return undefined
    sums = next
  }
  return sums
}

/** Equality as a Set compares its members (NaN equal to NaN, 0 to −0, undefined to undefined). */
export const sameValueZero = (a: number | undefined, b: number | undefined): boolean => a === b || (a !== a && b !== b)

/**
 * Whether the groups' single values balance: for each group, the sum of the others (formed in the order sumsOf forms
 * it, so that the result is the same to the last bit) is its negation.
 */
function balances(only: readonly number[]): boolean {
  for (let g = 0; g < only.length; g++) {
    let others = 0
    for (let i = 0; i < only.length; i++) if (i !== g) others += only[i]!
    if (!sameValueZero(others, -only[g]!)) return false
  }
  return true
}

/** A group's values are one value (as a Set of them would have one member). */
const oneValue = (list: readonly number[]) => list.length > 0 && list.every((x) => sameValueZero(x, list[0]!))

/**
 * The readings every sum leaves possible. `shortcut: false` forms the partial sums even where each group has one value
 * (the reference the shortcut is tested against, tests/parse-solve.test.ts).
 */
export function solve(variables: readonly Variable[], constraints: readonly SumConstraint[], { shortcut = true } = {}): Solution {
  const place = new Map<string, { variable: number; index: number }>()
  variables.forEach((variable, v) => variable.cells.forEach((pointer, index) => place.set(pointer, { variable: v, index })))
  const alive = variables.map((variable) => variable.readings)
  const broken: SumConstraint[] = []

  // Each equation as (variable, [index, weight]...) groups; equations over cells no variable reads are dropped.
  // (The groups in the order their variables first occur, as a Map keyed by variable would keep them.)
  const equations: { constraint: SumConstraint; groups: [number, { index: number; weight: number }[]][] }[] = []
  constraints: for (const constraint of constraints) {
    const groups: [number, { index: number; weight: number }[]][] = []
    for (const term of constraint.terms) {
      const at = place.get(term.pointer)
      if (at === undefined) continue constraints
      let group: [number, { index: number; weight: number }[]] | undefined
      for (const g of groups) if (g[0] === at.variable) group = g
      if (group === undefined) groups.push((group = [at.variable, []]))
      group[1].push({ index: at.index, weight: term.weight })
    }
    equations.push({ constraint, groups })
  }
  // Equations within one variable first: they are cheap and prune the most.
  equations.sort((a, b) => a.groups.length - b.groups.length)

  const contribution = (reading: Reading, terms: readonly { index: number; weight: number }[]) => {
    let sum = 0
    for (const { index, weight } of terms) {
      const cell = reading[index]
      if (cell === undefined) return undefined
      sum += weight * cell.value
    }
    return sum
  }

  const dropped = new Set<number>()
  for (let round = 0, changed = true; changed && round < 50; round++) {
    changed = false
    equations.forEach((equation, e) => {
      if (dropped.has(e)) return
      // Every variable read one way only: the equation holds or it is broken (the shortcut below, without its lists).
      let readOneWay = shortcut
      for (const [v] of equation.groups) if (alive[v]!.length !== 1) readOneWay = false
      if (readOneWay) {
        const only: number[] = []
        for (const [v, terms] of equation.groups) {
          const x = contribution(alive[v]![0]!, terms)
          if (x === undefined) return
          only.push(x)
        }
        if (!balances(only)) {
          dropped.add(e)
          broken.push(equation.constraint)
        }
        return
      }
      const values: number[][] = []
      for (const [v, terms] of equation.groups) {
        const list: number[] = []
        for (const reading of alive[v]!) {
          const x = contribution(reading, terms)
          if (x === undefined) return // a cell not printed: this equation cannot be evaluated
          list.push(x)
        }
        values.push(list)
      }
      // Every group with one value (the usual table, read one way): the equation holds or it is broken; the sums are
      // formed in the order sumsOf forms them, so that the result is the same to the last bit.
      if (shortcut && values.every(oneValue)) {
        if (!balances(values.map((list) => list[0]!))) {
          dropped.add(e)
          broken.push(equation.constraint)
        }
        return
      }
      const sets = values.map((list) => new Set(list))
      const next: Reading[][] = []
      for (let g = 0; g < equation.groups.length; g++) {
        const others = sumsOf(sets.filter((_, i) => i !== g))
        if (others === undefined) return
        const v = equation.groups[g]![0]
        next.push(alive[v]!.filter((_, r) => others.has(-values[g]![r]!)))
      }
      if (next.some((list) => list.length === 0)) {
        dropped.add(e)
        broken.push(equation.constraint)
        return
      }
      equation.groups.forEach(([v], g) => {
        if (next[g]!.length !== alive[v]!.length) {
          alive[v] = next[g]!
          changed = true
        }
      })
    })
  }
  return { alive, broken }
}
