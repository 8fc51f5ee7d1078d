import type { ClaimsFile } from '../../generated/claims.js'

/**
 * The pattern of what every claim starts from: a quantity, a negation, a change, the same as last year, a predicate.
 * A sentence with no match has no claim; the prefilter (generated/claims-prefilter.ts) is derived from it.
 */
export function liveSourceOf(vocabulary: ClaimsFile): string {
  return [vocabulary.quantity, vocabulary.negation, vocabulary.change, vocabulary.unchanged, ...vocabulary.predicates.flatMap((p) => p.phrases)].map((x) => `(?:${x})`).join('|')
}
