/** The labelled corpus of narrative sentences (tests/claims/corpus.json) and how a reader is scored on it. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ClaimsFile } from '../../generated/claims.js'
import { readClaims, type Claim, type ClaimChange } from '../../src/claims/read.js'

/** A claim as the corpus labels it: what it says, without where it was read or how it was written. */
export type LabelledClaim = Pick<Claim, 'kind' | 'terms' | 'columns' | 'value' | 'min' | 'max' | 'minExclusive' | 'maxExclusive' | 'predicate' | 'year'> & {
  change?: Partial<Pick<ClaimChange, 'increase' | 'amount' | 'percent' | 'same'>>
}

export interface CorpusSentence {
  id: number
  section: string
  source: string
  text: string
  claims: LabelledClaim[]
}

export interface Corpus {
  description: { zh: string; en: string }
  claimFields: string
  sentences: CorpusSentence[]
}

export const corpusPath = join(import.meta.dirname, '..', 'claims', 'corpus.json')
export const readCorpus = (): Corpus => JSON.parse(readFileSync(corpusPath, 'utf8')) as Corpus

/** What a claim says, in one canonical string: the terms of a sum and the columns in any order. */
export function claimKey(claim: LabelledClaim | Claim): string {
  const key: Record<string, unknown> = { kind: claim.kind, terms: [...claim.terms].sort() }
  if (claim.columns !== undefined) key.columns = [...claim.columns].sort()
  for (const field of ['value', 'min', 'max', 'predicate', 'year'] as const) if (claim[field] !== undefined) key[field] = claim[field]
  if (claim.minExclusive === true) key.minExclusive = true
  if (claim.maxExclusive === true) key.maxExclusive = true
  if (claim.change !== undefined) {
    key.change = claim.change.same === true ? { same: true } : { increase: claim.change.increase, amount: claim.change.amount, percent: claim.change.percent }
  }
  return JSON.stringify(key)
}

export interface Miss {
  id: number
  text: string
  claim: string
}

export interface CorpusScore {
  sentences: number
  labelled: number
  right: number
  missed: Miss[]
  invented: Miss[]
}

/** Each sentence's claims as read against its labels, compared as multisets. */
export function scoreCorpus(corpus: Corpus, vocabulary: ClaimsFile, read: (text: string) => (LabelledClaim | Claim)[] = (text) => readClaims(text, vocabulary)): CorpusScore {
  const score: CorpusScore = { sentences: corpus.sentences.length, labelled: 0, right: 0, missed: [], invented: [] }
  for (const sentence of corpus.sentences) {
    const expected = sentence.claims.map(claimKey)
    const found = read(sentence.text).map(claimKey)
    score.labelled += expected.length
    const left = [...found]
    for (const key of expected) {
      const at = left.indexOf(key)
      if (at >= 0) {
        left.splice(at, 1)
        score.right++
      } else score.missed.push({ id: sentence.id, text: sentence.text, claim: key })
    }
    for (const key of left) score.invented.push({ id: sentence.id, text: sentence.text, claim: key })
  }
  return score
}
