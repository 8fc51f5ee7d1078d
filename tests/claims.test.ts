/**
 * Claims in the narrative (schema/claims.json): the vocabulary, the reader on the hand-labelled corpus, and the
 * checker on real reports, with contradictions planted in an otherwise consistent real report.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ClaimsFile } from '../generated/claims.js'
import { claimsOf, publishedClaims } from '../src/claims/check.js'
import { readClaims, readClaimsOf } from '../src/claims/read.js'
import { parseReport } from '../src/parse/parse.js'
import { checkReport, checkSeries } from '../src/rules/check.js'
import type { Finding } from '../src/rules/findings.js'
import { labelAt } from '../src/schema/labels.js'
import { claimsSchema, templateSchemas } from '../src/schema/published.js'
import { createAjv, validateReport } from '../src/validate/validate-report.js'
import { readCorpus, scoreCorpus } from './support/claims-corpus.js'
import { jsonFiles, readJson, ROOT } from './support/files.js'
import { random } from './support/mutate.js'

const claimIds = new Set([...publishedClaims.terms.map((t) => t.id), ...publishedClaims.predicates.map((p) => p.id)])
const claimFindings = (findings: readonly Finding[]) => findings.filter((f) => claimIds.has(f.ruleId))
const clone = <T>(value: T): T => structuredClone(value)

describe('the claim vocabulary (schema/claims.json)', () => {
  it('is valid against claims.schema.json', () => {
    const validate = createAjv().compile(claimsSchema)
    expect(validate(publishedClaims), JSON.stringify(validate.errors)).toBe(true)
  })

  it('has unique ids, and every cell of every reading is a labelled cell of each template it is given for', () => {
    const ids = [...publishedClaims.terms.map((t) => t.id), ...publishedClaims.predicates.map((p) => p.id)]
    expect(new Set(ids).size).toBe(ids.length)
    for (const term of publishedClaims.terms) {
      for (const reading of term.readings) {
        for (const template of reading.templates ?? (Object.keys(templateSchemas) as (keyof typeof templateSchemas)[])) {
          for (const cell of reading.cells) expect.soft(labelAt(templateSchemas[template], cell), `${term.id} ${cell} (${template})`).toEqual(expect.any(String))
        }
      }
    }
    for (const predicate of publishedClaims.predicates) {
      for (const scope of predicate.scopes) {
        expect(ids).toContain(scope.term)
        for (const cell of scope.zero) for (const doc of Object.values(templateSchemas)) expect.soft(labelAt(doc, cell), cell).toEqual(expect.any(String))
      }
    }
  })

  it('names the 表三 sub-rows by their schema titles (one label, read from the schema)', () => {
    const stateSecret = publishedClaims.terms.find((t) => t.id === 'text.outcomes-withheld-state-secret')!
    expect(stateSecret.name.zh).toBe(labelAt(templateSchemas['2021'], '/applications/outcomes/withheld/stateSecret')!.replace(/^[0-9]+\./, ''))
  })
})

describe('the labelled corpus (tests/claims/corpus.json)', () => {
  const corpus = readCorpus()

  it('holds at least 300 sentences with unique ids, labelled with the vocabulary’s ids', () => {
    expect(corpus.sentences.length).toBeGreaterThanOrEqual(300)
    expect(new Set(corpus.sentences.map((s) => s.id)).size).toBe(corpus.sentences.length)
    const columns = new Set(publishedClaims.columns.flatMap((c) => c.columns))
    for (const sentence of corpus.sentences) {
      for (const claim of sentence.claims) {
        for (const id of claim.terms) expect(claimIds, `${sentence.id}: ${id}`).toContain(id)
        for (const column of claim.columns ?? []) expect(columns).toContain(column)
        if (claim.predicate !== undefined) expect(claimIds).toContain(claim.predicate)
      }
    }
    // Sentences that claim nothing are part of the measure: numbers about other things must not be read.
    expect(corpus.sentences.filter((s) => s.claims.length === 0).length).toBeGreaterThanOrEqual(50)
  })

  it('is read with at least 98% of its claims right and none invented', () => {
    const score = scoreCorpus(corpus, publishedClaims)
    const share = score.right / score.labelled
    console.log(
      `claims corpus: ${score.sentences} sentences, ${score.labelled} claims; right ${score.right} (${(100 * share).toFixed(1)}%), missed ${score.missed.length}, invented ${score.invented.length}`,
    )
    expect(score.invented, 'claims read that the sentences do not make').toEqual([])
    expect(share, JSON.stringify(score.missed, null, 1)).toBeGreaterThanOrEqual(0.98)
  })

  it('the score can fail: a reader that drops negations or binds every number to the first term is caught', () => {
    const noNegation: ClaimsFile = { ...clone(publishedClaims), negation: '(?!)' }
    expect(scoreCorpus(corpus, noNegation).missed.length).toBeGreaterThan(20)
    const firstTerm = (text: string) => readClaims(text, publishedClaims).map((claim) => ({ ...claim, terms: claim.terms.slice(0, 1) }))
    expect(scoreCorpus(corpus, publishedClaims, firstTerm).invented.length).toBeGreaterThan(0)
  })
})

describe('the terms scanned only where a group of them occurs (one test per group of six)', () => {
  const corpus = readCorpus()
  /**
   * Sentences built from the vocabulary's own words in random order: clauses of a term (or two joined), a number and
   * a unit, with negations, periods, columns and noise between them.
   */
  const generated = (count: number, seed: number): string[] => {
    const rng = random(seed)
    const next = (n: number) => Math.floor(rng.next() * n)
    const pick = rng.pick
    const terms = ['收到', '新收', '政府信息公开申请', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '行政复议', '行政诉讼', '上年结转', '结转下年度', '许可申请', '咨询', '办结', '维持']
    const noise = ['未', '没有', '均', '均为', '自然人', '法人或其他组织', '其中', '2023年', '本年度', '上年', '较上年增加', '减少', '分别', '和', '及', '、', '约', '《条例》', '共', '']
    const clause = () => {
      const parts = [pick(noise), pick(terms)]
      if (next(3) === 0) parts.push(pick(['和', '及', '、']), pick(terms))
      parts.push(pick(noise), String(next(30)), pick(['件', '份', '次', '余件', '%']))
      if (next(4) === 0) parts.push(pick(noise), pick(terms))
      return parts.join('')
    }
    return Array.from({ length: count }, () => Array.from({ length: 1 + next(4) }, clause).join(pick(['，', '；', '。'])) + '。')
  }
  const texts = [...corpus.sentences.map((s) => s.text), ...generated(3000, 11)]
  /** readClaims against the reference on every text; the number of claims, so that the comparison is not of nothing. */
  const compared = (vocabulary: ClaimsFile) => {
    let claims = 0
    for (const text of texts) {
      const reference = readClaimsOf(text, vocabulary, true)
      expect(readClaims(text, vocabulary), text).toEqual(reference)
      claims += reference.length
    }
    return claims
  }

  it('reads exactly what scanning every term reads, on the corpus and 3,000 generated sentences', () => {
    expect(compared(publishedClaims)).toBeGreaterThan(1000)
  })

  it('runs at most two thirds of the reference’s regular-expression matches on the corpus (counted, not timed)', () => {
    const exec = RegExp.prototype.exec
    let count = 0
    const counted = (read: () => void) => {
      count = 0
      RegExp.prototype.exec = function (this: RegExp, text: string) {
        count++
        return exec.call(this, text)
      }
      try {
        read()
      } finally {
        RegExp.prototype.exec = exec
      }
      return count
    }
    const sentences = corpus.sentences.map((s) => s.text)
    readClaims(sentences[0]!, publishedClaims)
    const fast = counted(() => sentences.forEach((text) => readClaims(text, publishedClaims)))
    const reference = counted(() => sentences.forEach((text) => readClaimsOf(text, publishedClaims, true)))
    expect(fast).toBeGreaterThan(0)
    expect(fast / reference).toBeLessThanOrEqual(2 / 3)
  })

  it('reads the same where phrases hold capture groups of their own, and where a phrase has a back-reference (then every term and column phrase is scanned)', () => {
    const grouped = clone(publishedClaims)
    for (const term of grouped.terms) term.phrases = term.phrases.map((phrase, i) => (i === 0 ? `(${phrase})` : phrase)) as typeof term.phrases
    const backReference = clone(publishedClaims)
    backReference.terms[0]!.phrases = [...backReference.terms[0]!.phrases, '(办理)\\1']
    backReference.columns[0]!.phrase = `(?:${backReference.columns[0]!.phrase})|(自然)人\\1`
    for (const vocabulary of [grouped, backReference]) expect(compared(vocabulary)).toBeGreaterThan(1000)
  })
})

interface ClaimFixture {
  claim: string
  why: string
  reports: unknown[]
  findings: { ruleId: string; pointers: string[]; actual: unknown; expected: unknown }[]
}

describe('claim fixtures (tests/claim-fixtures)', () => {
  for (const file of jsonFiles('tests/claim-fixtures')) {
    const fixture = readJson(file) as ClaimFixture
    it(`${fixture.claim}: ${fixture.why}`, () => {
      const found = fixture.reports.flatMap((report) => {
        expect(validateReport(report).errors).toEqual([])
        return claimFindings(checkReport(report).findings)
      })
      expect(found.map(({ ruleId, pointers, actual, expected }) => ({ ruleId, pointers, actual, expected }))).toEqual(fixture.findings)
      for (const finding of found) {
        expect(finding.severity).toBe('warning')
        expect(finding.message.zh).toMatch(/“[^”]+”/)
        expect(finding.message.zh).not.toMatch(/\{[a-zA-Z.]+\}/)
        expect(finding.message.en).not.toMatch(/\{[a-zA-Z.]+\}/)
      }
      // Without the claims, none of these findings.
      for (const report of fixture.reports) expect(claimFindings(checkReport(report, { claims: false }).findings)).toEqual([])
    })
  }
})

/** Every real report of the tests, parsed, and the canonical examples. */
function realReports(): { name: string; report: unknown }[] {
  const dir = join(ROOT, 'tests', 'real-reports')
  const parsed = readdirSync(dir)
    .filter((file) => /\.(txt|html)$/.test(file))
    .map((file) => ({ name: file, report: parseReport(readFileSync(join(dir, file), 'utf8')).report }))
  const seed = { name: 'seed text', report: parseReport(readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.txt'), 'utf8')).report }
  const examples = jsonFiles('examples').map((file) => ({ name: file, report: readJson(file) }))
  return [...parsed, seed, ...examples]
}

describe('real reports', () => {
  const reports = realReports()

  it('give no claim warning (they are consistent), while their claims are read', () => {
    let read = 0
    for (const { name, report } of reports) {
      read += claimsOf(report).length
      expect(claimFindings(checkReport(report).findings).map((f) => f.message.zh), name).toEqual([])
    }
    expect(read).toBeGreaterThanOrEqual(10)
  })
})

const PINGTAN = 'tests/real-reports/040-pingtan-zhsyq-2024.html'
const pingtan = () => parseReport(readFileSync(join(ROOT, PINGTAN), 'utf8')).report as Record<string, any>

/** The report with `sentence` added to the text of section 一's paragraph on disclosure on request. */
function withSentence(report: Record<string, any>, sentence: string): Record<string, any> {
  const copy = clone(report)
  const paragraph = copy.overview.paragraphs.find((p: { topic?: string }) => p.topic === 'disclosureOnRequest') ?? copy.overview.paragraphs[0]
  paragraph.text = `${paragraph.text}${sentence}`
  return copy
}

describe('contradictions planted in a consistent real report (040, 平潭综合实验区, 2024)', () => {
  const base = pingtan()
  const cells = base.applications
  const reviews = base.reviewsAndLawsuits

  it('is consistent as published, and its tables are what the planted sentences are written against', () => {
    expect(claimFindings(checkReport(base).findings)).toEqual([])
    expect([cells.outcomes.disclosed.total, cells.outcomes.partiallyDisclosed.total, cells.newlyReceived.total]).toEqual([71, 29, 218])
    expect([reviews.administrativeReview.corrected, reviews.administrativeReview.pending, base.proactiveDisclosure.rulesAndNormativeDocuments.normativeDocuments.inForce]).toEqual([1, 1, 440])
  })

  const cases: { what: string; wrong: string; right: string; ruleId: string }[] = [
    { what: '予以公开及部分公开 against （一）+（二）', wrong: '予以公开及部分公开120件。', right: '予以公开及部分公开100件。', ruleId: 'text.outcomes-disclosed' },
    { what: '无法提供 against the sum of （四）', wrong: '无法提供96件。', right: '无法提供75件。', ruleId: 'text.outcomes-unable-to-provide' },
    { what: '均获维持 with cases corrected and pending', wrong: '行政复议7件，行政诉讼19件，均获维持。', right: '行政复议7件，行政诉讼19件。', ruleId: 'text.all-upheld' },
    { what: '受理 N against 一、本年新收', wrong: '全年共受理政府信息公开申请12件。', right: '全年共受理政府信息公开申请218件。', ruleId: 'text.applications-received' },
    { what: '现行有效 N against 表二', wrong: '现行有效行政规范性文件215件。', right: '现行有效行政规范性文件440件。', ruleId: 'text.normative-documents-in-force' },
    { what: '收取信息处理费 against section 六', wrong: '本年度收取信息处理费120元。', right: '本年度未收取信息处理费。', ruleId: 'text.information-processing-fee' },
    { what: 'a Chinese numeral', wrong: '行政复议五件。', right: '行政复议七件。', ruleId: 'text.review-cases' },
    { what: '复议 N 件 against 行政复议 总计', wrong: '全年发生行政复议案件6件。', right: '全年发生行政复议案件7件。', ruleId: 'text.review-cases' },
    { what: '诉讼 N 件 against both 行政诉讼 totals', wrong: '行政诉讼13件。', right: '行政诉讼19件。', ruleId: 'text.lawsuit-cases' },
    { what: 'no case lost, said of a report with cases corrected', wrong: '未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。', right: '行政复议被纠错1件，行政诉讼败诉2件。', ruleId: 'text.review-corrected' },
    { what: 'no cases at all, said of a report with cases', wrong: '本年度未发生行政复议、行政诉讼案件。', right: '本年度发生行政复议、行政诉讼案件。', ruleId: 'text.review-cases' },
    { what: 'the applicant column', wrong: '全年受理政府信息公开申请218件，均为自然人申请。', right: '全年受理政府信息公开申请218件。', ruleId: 'text.applications-received' },
  ]

  for (const { what, wrong, right, ruleId } of cases) {
    it(`catches ${what}, quoting the sentence, and not its correct version`, () => {
      const found = claimFindings(checkReport(withSentence(base, wrong)).findings)
      expect(found.map((f) => f.ruleId)).toContain(ruleId)
      const finding = found.find((f) => f.ruleId === ruleId)!
      expect(finding.severity).toBe('warning')
      expect(finding.message.zh).toContain(wrong.replace(/。$/, ''))
      expect(finding.pointers.at(-1)).toMatch(/^\/overview\/paragraphs\/[0-9]+\/text$/)
      expect(claimFindings(checkReport(withSentence(base, right)).findings)).toEqual([])
    })
  }

  it('无法提供 N is the sum of the three （四） rows: N that is only one of them is caught', () => {
    const two = clone(base)
    const unable = two.applications.outcomes.unableToProvide
    expect(unable.notHeld.total).toBe(75)
    unable.requiresCreation = { ...unable.requiresCreation, naturalPerson: 21, total: 21 }
    const [finding, ...rest] = claimFindings(checkReport(withSentence(two, '无法提供75件。')).findings)
    expect(rest).toEqual([])
    expect(finding!.ruleId).toBe('text.outcomes-unable-to-provide')
    expect(finding!.expected).toBe(96)
    expect(claimFindings(checkReport(withSentence(two, '无法提供96件，其中本机关不掌握相关政府信息75件。')).findings)).toEqual([])
  })

  it('其他处理 is the one row, or the sum of the three rows of the 2021 template', () => {
    const rows = base.applications.outcomes.otherHandling as Record<string, { total: number }>
    expect(Object.keys(rows)).toEqual(['noCorrectionInTime', 'feeNotPaid', 'other'])
    const sum = Object.values(rows).reduce((total, row) => total + row.total, 0)
    expect(claimFindings(checkReport(withSentence(base, `其他处理${sum}件。`)).findings)).toEqual([])
    expect(claimFindings(checkReport(withSentence(base, `其他处理${sum + 3}件。`)).findings).map((f) => f.ruleId)).toEqual(['text.outcomes-other-handling'])
    const oneRow = clone(base)
    oneRow.applications.outcomes.otherHandling = { naturalPerson: sum + 3, commercialEnterprise: 0, researchInstitution: 0, publicInterestOrganization: 0, legalServiceProvider: 0, otherOrganization: 0, total: sum + 3 }
    expect(claimFindings(checkReport(withSentence(oneRow, `其他处理${sum + 3}件。`)).findings)).toEqual([])
  })

  it('names the cells with their labels and gives both numbers', () => {
    const [finding] = claimFindings(checkReport(withSentence(base, '予以公开及部分公开120件。')).findings)
    expect(finding!.actual).toBe(120)
    expect(finding!.expected).toBe(100)
    expect(finding!.message.zh).toContain('（一）予以公开')
    expect(finding!.message.zh).toContain('（二）部分公开')
    expect(finding!.message.zh).toContain('100')
    expect(finding!.message.en).toContain('120')
  })

  it('“none lost” is no false alarm where cases were filed and none was lost', () => {
    const none = clone(base)
    const r = none.reviewsAndLawsuits
    r.administrativeReview.upheld += r.administrativeReview.corrected
    r.administrativeReview.corrected = 0
    r.administrativeLitigation.afterReview.upheld += r.administrativeLitigation.afterReview.corrected
    r.administrativeLitigation.afterReview.corrected = 0
    expect(validateReport(none).errors).toEqual([])
    expect(claimFindings(checkReport(withSentence(none, '未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。')).findings)).toEqual([])
    expect(claimFindings(checkReport(withSentence(none, '本年度未发生行政复议、行政诉讼案件。')).findings).map((f) => f.ruleId)).toEqual(['text.review-cases', 'text.lawsuit-cases'])
  })

  it('a claim that may mean two things is flagged only if neither holds (收到 = 新收, or 新收 + 上年结转)', () => {
    const carried = clone(base)
    carried.applications.newlyReceived.total = 210
    carried.applications.carriedOverFromLastYear.total = 8
    expect(claimFindings(checkReport(withSentence(carried, '全年收到政府信息公开申请218件。')).findings)).toEqual([])
    expect(claimFindings(checkReport(withSentence(carried, '全年收到政府信息公开申请210件。')).findings)).toEqual([])
    const [finding] = claimFindings(checkReport(withSentence(carried, '全年收到政府信息公开申请200件。')).findings)
    expect(finding!.message.zh).toContain('= 210')
    expect(finding!.message.zh).toContain('= 218')
  })

  it('checks a claim about the report’s year, and not one about another year (2023年…, 上年…, 累计…)', () => {
    expect(claimFindings(checkReport(withSentence(base, '2024年，全年共受理政府信息公开申请12件。')).findings).map((f) => f.ruleId)).toEqual(['text.applications-received'])
    for (const other of ['2023年，全年共受理政府信息公开申请12件。', '上年共受理政府信息公开申请12件。', '累计受理政府信息公开申请1200件。', '每月受理政府信息公开申请12件。']) {
      expect(claimFindings(checkReport(withSentence(base, other)).findings), other).toEqual([])
    }
  })

  it('says “not checked” where a claim’s cells were not read, instead of warning', () => {
    const unread = withSentence(base, '本年度收取信息处理费120元。')
    delete unread.otherMatters.informationProcessingFee
    const result = checkReport(unread)
    expect(claimFindings(result.findings)).toEqual([])
    expect(result.notChecked.find((n) => n.ruleId === 'text.information-processing-fee')?.missing).toEqual([
      '/otherMatters/informationProcessingFee/amountYuan',
      '/otherMatters/informationProcessingFee/charged',
    ])
  })
})

describe('series: the claims of year N about year N−1', () => {
  const later = pingtan()
  const earlier = clone(later)
  earlier.meta.year = 2023
  earlier.applications.newlyReceived.total = 200
  const series = (sentence: string) => claimFindings(checkSeries([earlier, withSentence(later, sentence)]).findings)

  it('holds for a true change, in件 and in per cent', () => {
    expect(series('全年共受理政府信息公开申请218件，较上年增加18件。')).toEqual([])
    expect(series('全年共受理政府信息公开申请218件，同比增长9%。')).toEqual([])
    expect(series('全年共受理政府信息公开申请218件，较上年增加十八件。')).toEqual([])
  })

  it('is caught for a wrong change, with the year and both tables’ numbers', () => {
    const [finding, ...rest] = series('全年共受理政府信息公开申请218件，较上年增加20件。')
    expect(rest).toEqual([])
    expect(finding!.ruleId).toBe('text.applications-received')
    expect(finding!.year).toBe(2024)
    expect(finding!.message.zh).toContain('200 → 218')
    expect(series('全年共受理政府信息公开申请218件，同比下降9%。').length).toBe(1)
    expect(series('全年共受理政府信息公开申请218件，与上年持平。').length).toBe(1)
  })

  it('checks nothing across years that are not consecutive', () => {
    const older = { ...clone(earlier), meta: { ...earlier.meta, year: 2022 } }
    expect(claimFindings(checkSeries([older, withSentence(later, '全年共受理政府信息公开申请218件，较上年增加20件。')]).findings)).toEqual([])
  })
})

describe('budgets and hostile text', () => {
  it('does not read a sentence longer than maxSentence, and reads the same claim in a sentence of normal length', () => {
    const claim = '收到政府信息公开申请5件'
    expect(readClaims(`${claim}。`, publishedClaims).length).toBe(1)
    const long = `${'情况'.repeat(publishedClaims.maxSentence)}${claim}。`
    expect(readClaims(long, publishedClaims)).toEqual([])
    expect(readClaims(`${'情况'.repeat(publishedClaims.maxSentence)}。${claim}。`, publishedClaims).length).toBe(1)
  })

  it('reads 20,000 sentences of claims, each once, and 100,000 characters of numbers with no sentence end not at all', () => {
    const many = '收到政府信息公开申请5件；'.repeat(20_000)
    expect(readClaims(many, publishedClaims).length).toBe(20_000)
    expect(readClaims('收到申请1件，'.repeat(15_000), publishedClaims)).toEqual([])
  })
})

describe('the main entry', () => {
  it('exports the reader, the vocabulary and the claims of a report', async () => {
    const main = await import('../src/index.js')
    expect(main.claims).toBe(publishedClaims)
    const read = main.readClaims('予以公开及部分公开120件，无法提供96件。', main.claims).map(({ kind, terms, value }) => ({ kind, terms, value }))
    expect(read).toEqual([
      { kind: 'quantity', terms: ['text.outcomes-disclosed', 'text.outcomes-partially-disclosed'], value: 120 },
      { kind: 'quantity', terms: ['text.outcomes-unable-to-provide'], value: 96 },
    ])
    const placed = main.claimsOf(withSentence(pingtan(), '无法提供96件。')).find((c) => c.terms[0] === 'text.outcomes-unable-to-provide')!
    expect(placed.value).toBe(96)
    expect(placed.pointer).toMatch(/^\/overview\/paragraphs\/[0-9]+\/text$/)
    expect(placed.text.slice(placed.start, placed.end)).toBe('无法提供96件')
  })
})

describe('options', () => {
  it('refuses a claims option that is not a vocabulary, in words', () => {
    expect(() => checkReport(pingtan(), { claims: 'yes' as never })).toThrow(/options\.claims must be a claim vocabulary/)
  })

  it('reads with another vocabulary given as data', () => {
    const narrower: ClaimsFile = { ...clone(publishedClaims), terms: publishedClaims.terms.filter((t) => t.id !== 'text.outcomes-disclosed') as ClaimsFile['terms'] }
    const report = withSentence(pingtan(), '予以公开120件。')
    expect(claimFindings(checkReport(report).findings).length).toBe(1)
    expect(claimFindings(checkReport(report, { claims: narrower }).findings)).toEqual([])
  })
})
