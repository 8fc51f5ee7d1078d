/**
 * The claims reader's prefilter (generated/claims-prefilter.ts): strings one of which every claim's text must
 * contain, derived at build time from the patterns a claim starts from (quantities, negations, changes and
 * predicates: `liveSourceOf`), so that a text with none of them is known to hold no claim without being cut into
 * sentences and scanned pattern by pattern. The patterns are parsed by regexpp (ESLint's ECMAScript regular expression
 * parser) and read as a required-literal analysis, sound by construction:
 * - a character or a run of characters must occur as written; a small character class, one of its characters;
 * - a sequence needs what any one of its elements needs (the one that adds the fewest new strings is taken);
 * - an alternation needs what one of its branches needs (the union); a quantifier with a minimum of 1 or more, what
 *   its element needs;
 * - anything else (an optional or repeated-from-zero part, an assertion, a back-reference, a large or negated class,
 *   `.`, a flag) needs nothing, and a branch that needs nothing leaves the whole pattern with no prefilter.
 * A string that contains another of the set is dropped (the shorter one is in any text the longer one is in).
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp'
import type { ClaimsFile } from '../../generated/claims.js'
import { liveSourceOf } from '../claims/live.js'

/** A character class with more characters than this is no use as a filter: it needs nothing. */
const MAX_CLASS = 64

type Needs = Set<string> | undefined

/** Strings one of which every match of `source` (a pattern with no flags) contains, or undefined if none can be said. */
export function necessaryStrings(source: string): string[] | undefined {
  const pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: false, unicodeSets: false })
  const needs = ofAlternatives(pattern.alternatives, new Set())
  if (needs === undefined) return undefined
  const strings = [...needs]
  return strings.filter((s) => !strings.some((other) => other !== s && s.includes(other))).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
}

/** The prefilter as a pattern: the single characters as one class, then the longer strings. */
export function prefilterSource(strings: readonly string[]): string {
  const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
  const singles = strings.filter((s) => s.length === 1)
  const parts = strings.filter((s) => s.length > 1).map(escape)
  if (singles.length > 0) parts.unshift(singles.length === 1 ? escape(singles[0]!) : `[${singles.map(escape).join('')}]`)
  return parts.join('|')
}

function ofAlternatives(alternatives: readonly AST.Alternative[], have: Set<string>): Needs {
  const union = new Set<string>()
  for (const alternative of alternatives) {
    const needs = ofSequence(alternative.elements, new Set([...have, ...union]))
    if (needs === undefined) return undefined
    for (const s of needs) union.add(s)
  }
  return union
}

/** What a sequence needs: the needs of one of its elements (a run of characters as one string), the cheapest. */
function ofSequence(elements: readonly AST.Element[], have: Set<string>): Needs {
  const options: Set<string>[] = []
  let run = ''
  for (const element of elements) {
    if (element.type === 'Character') {
      run += String.fromCodePoint(element.value)
      continue
    }
    if (run !== '') options.push(new Set([run])), (run = '')
    const needs = ofElement(element, have)
    if (needs !== undefined) options.push(needs)
  }
  if (run !== '') options.push(new Set([run]))
  let best: Set<string> | undefined
  let bestCost = Infinity
  for (const option of options) {
    // The fewest strings not already needed elsewhere; then the longest (a longer string is rarer in a text).
    const added = [...option].filter((s) => !have.has(s))
    const cost = added.length * 1000 - Math.min(...[...option].map((s) => s.length), 999)
    if (cost < bestCost) (best = option), (bestCost = cost)
  }
  return best
}

function ofElement(element: AST.Element, have: Set<string>): Needs {
  switch (element.type) {
    case 'Group':
    case 'CapturingGroup':
      return ofAlternatives(element.alternatives, have)
    case 'Quantifier':
      return element.min >= 1 ? ofElement(element.element, have) : undefined
    case 'Character':
      return new Set([String.fromCodePoint(element.value)])
    case 'CharacterClass':
      return ofClass(element)
    case 'CharacterSet':
      return element.kind === 'digit' && !element.negate ? new Set('0123456789') : undefined
    default:
      // Assertions, back-references, a class expression: nothing needed.
      return undefined
  }
}

function ofClass(element: AST.CharacterClass): Needs {
  if (element.negate || element.unicodeSets) return undefined
  const chars = new Set<string>()
  for (const member of element.elements) {
    if (member.type === 'Character') chars.add(String.fromCodePoint(member.value))
    else if (member.type === 'CharacterClassRange') {
      if (member.max.value - member.min.value >= MAX_CLASS) return undefined
      for (let c = member.min.value; c <= member.max.value; c++) chars.add(String.fromCodePoint(c))
    } else if (member.type === 'CharacterSet' && member.kind === 'digit' && !member.negate) for (const d of '0123456789') chars.add(d)
    else return undefined
    if (chars.size > MAX_CLASS) return undefined
  }
  return chars.size === 0 ? undefined : chars
}

/** generated/claims-prefilter.ts for a vocabulary: its live pattern (what the prefilter holds for) and the prefilter. */
export function claimsPrefilterSource(vocabulary: ClaimsFile): string {
  const live = liveSourceOf(vocabulary)
  const strings = necessaryStrings(live)
  return [
    '// Generated by scripts/generate.ts from schema/claims.json (src/build/claims-prefilter.ts): do not edit.',
    '/**',
    ' * The claims reader\'s prefilter: every text with a claim contains a match of `necessary`; it holds for a vocabulary',
    ' * whose pattern of what claims start from (src/claims/live.ts) is `live`, and for no other. `necessary` is null where',
    ' * no such strings can be said.',
    ' */',
    `export const CLAIMS_PREFILTER: { live: string; necessary: string | null } = ${JSON.stringify({ live, necessary: strings === undefined ? null : prefilterSource(strings) }, null, 2)}`,
    '',
  ].join('\n')
}
