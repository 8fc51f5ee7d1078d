/**
 * The claims reader's prefilter (src/build/claims-prefilter.ts → generated/claims-prefilter.ts): the required-literal
 * analysis on small patterns, its soundness on strings generated from each pattern a claim starts from, and that the
 * reader uses it only for the vocabulary it was derived from.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CLAIMS_PREFILTER } from '../generated/claims-prefilter.js'
import { necessaryStrings, prefilterSource } from '../src/build/claims-prefilter.js'
import { publishedClaims } from '../src/claims/check.js'
import { livePartsOf, liveSourceOf } from '../src/claims/live.js'
import { compile, readClaims, readClaimsOf } from '../src/claims/read.js'
import { paragraphText } from './support/arbitrary.js'
import { readCorpus } from './support/claims-corpus.js'

describe('necessaryStrings: strings one of which every match contains', () => {
  it.each([
    ['没有', ['没有']],
    ['未|没有|无', ['无', '未', '没有']],
    ['a?bc', ['bc']],
    ['ab?c', ['a']],
    ['(a)\\1?', ['a']],
    ['[0-9]{1,3}(件|份)', ['件', '份']],
    ['(?:较|比)上年(增加|减少)', ['上年']],
    ['x+', ['x']],
    ['(?:上年|去年)?持平', ['持平']],
    ['同比|比', ['比']],
    ['\\d件', ['件']],
  ])('%s → %j', (source, expected) => {
    expect(necessaryStrings(source)).toEqual([...expected].sort((a, b) => a.length - b.length || (a < b ? -1 : 1)))
  })

  it.each(['a?', 'x*', '.', '[^a]', '\\w', '(?=件)', 'a|', '[\\u4e00-\\u9fff]', '(a)?\\1'])('%s → nothing can be said', (source) => {
    expect(necessaryStrings(source)).toBeUndefined()
  })

  it('its pattern matches exactly the texts holding one of the strings, with pattern characters escaped', () => {
    const source = prefilterSource(['.', '件', 'a|b', '(x)'])
    const re = new RegExp(source)
    for (const yes of ['.', '有件', 'za|bz', '(x)']) expect(re.test(yes), yes).toBe(true)
    for (const no of ['a', 'b', 'x', '()', '']) expect(re.test(no), no).toBe(false)
  })
})

describe('the published vocabulary’s prefilter', () => {
  const prefilter = new RegExp(CLAIMS_PREFILTER.necessary!)
  const parts = livePartsOf(publishedClaims)

  it('is derived from the live pattern of schema/claims.json, and says something', () => {
    expect(CLAIMS_PREFILTER.live).toBe(liveSourceOf(publishedClaims))
    expect(CLAIMS_PREFILTER.necessary).not.toBeNull()
    expect(compile(publishedClaims).prefilter?.source).toBe(prefilter.source)
  })

  it('matches every string generated from each pattern a claim starts from (5,000 per pattern)', () => {
    for (const part of parts) {
      const matching = fc.sample(fc.stringMatching(new RegExp(part)), { seed: 3, numRuns: 5000 })
      for (const text of matching) expect(prefilter.test(text), `${part}: ${text}`).toBe(true)
      expect(new Set(matching).size).toBeGreaterThan(100)
    }
  })

  it('matches every corpus sentence that has a claim; the reader skips prose with none of its strings, finding the same as the reference', () => {
    const corpus = readCorpus().sentences.map((s) => s.text)
    const prose = fc.sample(paragraphText, { seed: 5, numRuns: 500 })
    let skipped = 0
    for (const text of [...corpus, ...prose]) {
      const reference = readClaimsOf(text, publishedClaims, true)
      if (reference.length > 0) expect(prefilter.test(text), text).toBe(true)
      if (!prefilter.test(text)) skipped++
      expect(readClaims(text, publishedClaims)).toEqual(reference)
    }
    expect(skipped).toBeGreaterThanOrEqual(500)
  })

  it('runs one regular-expression match on a text it skips (counted, not timed)', () => {
    const exec = RegExp.prototype.exec
    let count = 0
    const [text] = fc.sample(paragraphText, { seed: 9, numRuns: 1 })
    readClaims(text!, publishedClaims)
    RegExp.prototype.exec = function (this: RegExp, s: string) {
      count++
      return exec.call(this, s)
    }
    try {
      expect(readClaims(text!, publishedClaims)).toEqual([])
    } finally {
      RegExp.prototype.exec = exec
    }
    expect(count).toBe(1)
  })

  it('is used for an equal copy of the vocabulary, and not for a vocabulary whose live pattern differs', () => {
    expect(compile(structuredClone(publishedClaims)).prefilter).toBeDefined()
    const other = structuredClone(publishedClaims)
    other.negation = `${other.negation}|从未`
    expect(compile(other).prefilter).toBeUndefined()
    other.negation = '毫无'
    // 毫无 is not among the published strings: without a prefilter the reader still finds its claim.
    expect(readClaims('毫无政府信息公开申请。', other)).toEqual(readClaimsOf('毫无政府信息公开申请。', other, true))
  })
})
