import type { ClaimsFile } from '../../generated/claims.js'

/** Patterns as one alternation, each in a group of its own (so that its own `|` stays inside it). */
export const alternation = (sources: readonly string[]) => sources.map((s) => `(?:${s})`).join('|')

/** The patterns every claim starts from: a quantity, a negation, a change, the same as last year, a predicate. */
export function livePartsOf(vocabulary: ClaimsFile): string[] {
  return [vocabulary.quantity, vocabulary.negation, vocabulary.change, vocabulary.unchanged, ...vocabulary.predicates.flatMap((p) => p.phrases)]
}

/**
 * The pattern of what every claim starts from: a sentence with no match has no claim; the prefilter
 * (generated/claims-prefilter.ts) is derived from it.
 */
export const liveSourceOf = (vocabulary: ClaimsFile): string => alternation(livePartsOf(vocabulary))
