/**
 * Fills in every computed total of a report, for producers who enter only the parts. Which cells are totals is
 * read from the rules file: every summation rule (kind "sum") whose left side is a single cell defines that cell as
 * the sum of its right side. They are applied until nothing changes, so totals of totals come out right whatever
 * the order of the rules.
 */
import type { Report } from '../../generated/report.js'
import type { RulesFile } from '../../generated/rules.js'
import { setAt, splitPointer, sumAt, valueAt, type Path } from './pointer.js'
import { publishedRules } from './published.js'

interface Definition {
  templates: readonly string[] | undefined
  total: Path
  items: Path[]
}

const definitions = new WeakMap<RulesFile, Definition[]>()

function totalsOf(rules: RulesFile): Definition[] {
  let list = definitions.get(rules)
  if (list === undefined) {
    list = []
    for (const rule of rules.rules) {
      if (rule.kind !== 'sum') continue
      for (const check of rule.checks) {
        if (check.left.length !== 1) continue
        list.push({ templates: check.templates, total: splitPointer(check.left[0]!), items: check.right.map(splitPointer) })
      }
    }
    definitions.set(rules, list)
  }
  return list
}

/** A copy of `report` with every total (row totals, （七）总计, section 四 totals) set to the sum of its parts. */
export function completeTotals<T extends Report>(report: T, options: { rules?: RulesFile } = {}): T {
  const copy = structuredClone(report)
  const applicable = totalsOf(options.rules ?? publishedRules).filter(
    (definition) => definition.templates === undefined || definition.templates.includes(copy.template),
  )
  for (let pass = 0; pass < applicable.length + 1; pass++) {
    let changed = false
    for (const { total, items } of applicable) {
      const sum = sumAt(copy, items)
      if (sum === undefined || valueAt(copy, total) === sum) continue
      setAt(copy, total, sum)
      changed = true
    }
    if (!changed) return copy
  }
  return copy
}
