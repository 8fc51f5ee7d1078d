/**
 * The claims reader: turns each countable statement of a text into a claim, as schema/claims.json describes.
 *
 * A text is cut into sentences and each sentence into clauses. In a clause the reader finds the quantities (a number
 * and its unit), the phrases of the terms (where matches overlap, the longest wins), the negations, the column
 * phrases (自然人, …), the predicates (均获维持) and the changes against last year (较上年增加5件). Then:
 * - a quantity binds to the terms right before it (after the previous quantity), the last term and those joined to
 *   it by coordinators (予以公开及部分公开120件: the two summed); 分别 pairs terms with as many quantities in order,
 *   各 gives each term the quantity; a column phrase narrows columnar terms to its columns, and with no term the
 *   column phrase narrows the sentence's last claim (其中自然人60件);
 * - a negation before terms, with no quantity after it in the clause, says each is 0 (未发生行政复议和行政诉讼);
 *   a negation before terms and a quantity claims nothing (未按时办结3件);
 * - a predicate applies to the terms of its scopes named before it in the sentence;
 * - a change attaches to the sentence's last quantity claim before it, or, with none, is a claim of the terms right
 *   before it (无法提供较上年减少3件: a change with no count);
 * - a quantity with no term before it binds to the terms right after it (其中1件尚未审结);
 * - after a claim, 均为 gives the term or applicant column right after it the same quantity (均为自然人申请);
 * - a hedged number (约30件) claims nothing; nothing inside a title (《行政复议法》) is a term or a negation;
 * - the last period word before a claim in its sentence says what it is about: a year (2023年) is kept with the
 *   claim (the checker compares it with the report's), 本年/全年 is the year named before it in the sentence or else
 *   the report's, any other (上年, 每月, 累计) drops the claim;
 * - a second count of the same terms (and columns, and year) in a sentence is of a part (其中县政府办公室收到20件): dropped.
 * Sentences longer than `maxSentence` are not read. Nothing else is a claim: a number with no term next to it in its
 * clause, a unit a term does not count in, a term whose `requires` the sentence lacks (outside what `excludes`
 * matches) or whose `excludes` the clause has. The Python implementation (tests/python/zfxxgk_claims.py) follows
 * this text.
 */
import type { ClaimsFile, ClaimTerm } from '../../generated/claims.js'
import { CLAIMS_PREFILTER } from '../../generated/claims-prefilter.js'
import { alternation, liveSourceOf } from './live.js'
import { numeralValue, type Numerals } from '../rules/numerals.js'

export interface ClaimChange {
  /** Against last year: +amount, −amount, or the same (amount 0, `same`). */
  increase: boolean
  amount: number
  percent: boolean
  same?: boolean
  /** Decimal places the amount was written with (for the rounding a percentage allows). */
  decimals: number
  written: string
}

export interface Claim {
  kind: 'quantity' | 'zero' | 'predicate'
  /** Ids of the terms (a quantity: summed). */
  terms: string[]
  /** The applicant columns it is narrowed to (property names), if a column phrase named them. */
  columns?: string[]
  /** A quantity: exactly `value`, or within `min`…`max`. */
  value?: number
  min?: number
  max?: number
  minExclusive?: boolean
  maxExclusive?: boolean
  /** The number and unit as written (a quantity). */
  written?: string
  /** A predicate claim: its id. */
  predicate?: string
  change?: ClaimChange
  /** The year the sentence names before the claim (2023年，…), if any: the claim is about that year's report. */
  year?: number
  /** Offsets in the text of the sentence and of what the claim was read from. */
  sentence: { start: number; end: number }
  start: number
  end: number
}

interface Compiled {
  sentenceEnds: RegExp
  clauseEnds: RegExp
  quantity: RegExp
  change: RegExp
  increase: RegExp
  unchanged: RegExp
  coordinators: RegExp
  respectively: RegExp
  each: RegExp
  negation: RegExp
  titles: RegExp
  periods: RegExp
  hedges: RegExp
  all: RegExp
  maxGap: number
  maxSentence: number
  live: RegExp
  /**
   * Strings one of which every text with a claim contains (generated/claims-prefilter.ts, derived from `live` at build
   * time): for the vocabulary it was derived from; undefined for any other.
   */
  prefilter: RegExp | undefined
  anyPhrase: RegExp
  predicatePhrases: RegExp
  negationOrAll: RegExp
  numerals: Numerals
  /** Each term's patterns; `contextOf` numbers its pair of `requires` and `excludes` (terms with the same pair share it). */
  terms: { term: ClaimTerm; phrases: RegExp; negated: RegExp | undefined; requires: RegExp | undefined; excludes: RegExp | undefined; excluded: RegExp | undefined; units: RegExp; contextOf: number }[]
  /** Which terms occur in a clause, tested a group of terms at a time (see `occurrences`); undefined where it cannot be. */
  occurring: Occurrences | undefined
  predicates: { id: string; phrases: RegExp; scopes: Set<string> }[]
  columns: { phrase: RegExp; columns: string[] }[]
  /** Any column phrase (one test says whether a clause has one before each is scanned). */
  anyColumn: RegExp
}

const compiledOf = new WeakMap<ClaimsFile, Compiled>()

/** The vocabulary's patterns compiled once per vocabulary object. */
export function compile(vocabulary: ClaimsFile): Compiled {
  let compiled = compiledOf.get(vocabulary)
  if (compiled !== undefined) return compiled
  const shared = new Map<string, RegExp>()
  /** One RegExp per pattern (terms share their exclusions), so that a clause tests each once. */
  const once = (source: string) => {
    let re = shared.get(source)
    if (re === undefined) shared.set(source, (re = new RegExp(source)))
    return re
  }
  const g = (source: string) => new RegExp(source, 'g')
  const sharedGlobal = new Map<string, RegExp>()
  /** The same, global (for replace): one per pattern, so that a sentence applies each exclusion once. */
  const onceGlobal = (source: string) => {
    let re = sharedGlobal.get(source)
    if (re === undefined) sharedGlobal.set(source, (re = g(source)))
    return re
  }
  const any = (sources: readonly string[]) => g(alternation(sources))
  const contexts = new Map<string, number>()
  const live = liveSourceOf(vocabulary)
  compiled = {
    sentenceEnds: g(vocabulary.sentenceEnds),
    clauseEnds: g(vocabulary.clauseEnds),
    quantity: g(vocabulary.quantity),
    change: g(vocabulary.change),
    increase: new RegExp(vocabulary.increase),
    unchanged: g(vocabulary.unchanged),
    coordinators: new RegExp(vocabulary.coordinators),
    respectively: new RegExp(vocabulary.respectively),
    each: new RegExp(vocabulary.each),
    negation: g(vocabulary.negation),
    titles: g(vocabulary.titles),
    periods: g(vocabulary.periods),
    hedges: new RegExp(vocabulary.hedges),
    all: g(vocabulary.all),
    maxGap: vocabulary.maxGap,
    maxSentence: vocabulary.maxSentence,
    live: new RegExp(live),
    prefilter: live === CLAIMS_PREFILTER.live && CLAIMS_PREFILTER.necessary !== null ? new RegExp(CLAIMS_PREFILTER.necessary) : undefined,
    predicatePhrases: new RegExp(alternation(vocabulary.predicates.flatMap((p) => p.phrases))),
    anyPhrase: new RegExp(alternation(vocabulary.terms.flatMap((t) => [...t.phrases, ...(t.negatedPhrases ?? [])]))),
    negationOrAll: new RegExp(alternation([vocabulary.negation, vocabulary.all])),
    numerals: vocabulary.numerals,
    terms: vocabulary.terms.map((term) => ({
      term,
      phrases: any(term.phrases),
      negated: term.negatedPhrases === undefined ? undefined : any(term.negatedPhrases),
      requires: term.requires === undefined ? undefined : once(term.requires),
      excludes: term.excludes === undefined ? undefined : once(term.excludes),
      excluded: term.excludes === undefined ? undefined : onceGlobal(term.excludes),
      units: new RegExp(`^(?:${term.units})$`),
      contextOf: contextNumber(contexts, term),
    })),
    predicates: vocabulary.predicates.map((p) => ({ id: p.id, phrases: any(p.phrases), scopes: new Set(p.scopes.map((s) => s.term)) })),
    columns: vocabulary.columns.map((c) => ({ phrase: g(c.phrase), columns: c.columns })),
    anyColumn: vocabulary.columns.some((c) => SELF_REFERENCING.test(c.phrase)) ? /(?:)/ : new RegExp(alternation(vocabulary.columns.map((c) => c.phrase)) || '(?!)'),
    occurring: occurrences(vocabulary.terms),
  }
  compiledOf.set(vocabulary, compiled)
  return compiled
}

/** The number of a term's pair of `requires` and `excludes` patterns, numbered in the order first met. */
function contextNumber(contexts: Map<string, number>, term: ClaimTerm): number {
  const key = JSON.stringify([term.requires ?? null, term.excludes ?? null])
  let number = contexts.get(key)
  if (number === undefined) contexts.set(key, (number = contexts.size))
  return number
}

/**
 * Which terms occur in a clause, tested a group at a time: the terms in groups of TERMS_PER_GROUP (in vocabulary
 * order), each group's phrases and negated phrases as one alternation. A term whose group does not match the clause
 * has no match in it, so its own scan is skipped; a group that matches only says to scan its terms (their scans find
 * the matches, exactly as without this). A phrase with a back-reference or a named group (which the alternation
 * would renumber) leaves it undefined: then every term is scanned.
 */
interface Occurrences {
  groups: RegExp[]
  /** Per term (in vocabulary order): its group. */
  groupOf: number[]
}

const TERMS_PER_GROUP = 6

/** A back-reference or a named group: a pattern that cannot be joined with others (its groups would be renumbered). */
const SELF_REFERENCING = /\\(?:[1-9]|k<)|\(\?<[^=!]/

function occurrences(terms: readonly ClaimTerm[]): Occurrences | undefined {
  const phrasesOf = (t: ClaimTerm) => [...t.phrases, ...(t.negatedPhrases ?? [])]
  if (terms.some((t) => phrasesOf(t).some((s) => SELF_REFERENCING.test(s)))) return undefined
  const groups: RegExp[] = []
  const groupOf: number[] = []
  for (let i = 0; i < terms.length; i += TERMS_PER_GROUP) {
    const members = terms.slice(i, i + TERMS_PER_GROUP)
    groups.push(new RegExp(alternation(members.flatMap(phrasesOf))))
    for (let k = 0; k < members.length; k++) groupOf.push(groups.length - 1)
  }
  return { groups, groupOf }
}

interface Span {
  start: number
  end: number
}

/** Spans of `text` between the matches of `ends` (the ends not included); empty spans left out. */
function split(text: string, from: number, to: number, ends: RegExp): Span[] {
  const spans: Span[] = []
  let start = from
  const part = text.slice(from, to)
  ends.lastIndex = 0
  for (let m = ends.exec(part); m !== null; m = ends.exec(part)) {
    if (m[0] === '') {
      ends.lastIndex++
      continue
    }
    if (from + m.index > start) spans.push({ start, end: from + m.index })
    start = from + m.index + m[0].length
  }
  if (to > start) spans.push({ start, end: to })
  return spans
}

const NONE: readonly RegExpExecArray[] = []

function matches(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = []
  re.lastIndex = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++
      continue
    }
    found.push(m)
  }
  return found
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end

/** A number as written: digits (a decimal part too) or a Chinese numeral. */
export function numberValue(written: string, numerals: Numerals): number | undefined {
  const ascii = written.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  const grouped = /^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$/.test(ascii) ? ascii.replace(/,/g, '') : ascii
  if (/^[0-9]+(?:\.[0-9]+)?$/.test(grouped) && (grouped !== ascii || grouped.includes('.'))) return Number(grouped)
  return numeralValue(written, numerals)
}

/** A clause of a sentence: its text, and whether a phrase of any term occurs in it. */
interface Clause extends Span {
  body: string
  phrased: boolean
}

interface Quantity extends Span {
  unit: string
  hedged?: boolean
  value?: number
  min?: number
  max?: number
  minExclusive?: boolean
  maxExclusive?: boolean
  written: string
}

function quantityOf(m: RegExpExecArray, offset: number, numerals: Numerals): Quantity | undefined {
  const first = numberValue(m[1]!, numerals)
  if (first === undefined || m[5] !== undefined) return undefined
  const q: Quantity = { start: offset + m.index, end: offset + m.index + m[0].length, unit: m[4]!, written: m[0] }
  if (m[2] !== undefined) {
    const last = numberValue(m[2], numerals)
    if (last === undefined || last < first || m[3] !== undefined || m[6] !== undefined) return undefined
    q.min = first
    q.max = last
  } else if (m[3] !== undefined) {
    // 20余件: more than 20, fewer than 30 (a unit of the last non-zero digit).
    if (first <= 0 || !Number.isInteger(first) || m[6] !== undefined) return undefined
    let step = 1
    while (first % (step * 10) === 0) step *= 10
    q.min = first
    q.minExclusive = true
    q.max = first + step
    q.maxExclusive = true
  } else if (m[6] !== undefined) {
    q.min = first
  } else {
    q.value = first
  }
  return q
}

interface TermMatch extends Span {
  id: string
  /** A phrase read only right after a negation. */
  negatedOnly?: boolean
  columnar: boolean
  units: RegExp
}

function claimOfQuantity(kind: 'quantity', terms: TermMatch[], q: Quantity, sentence: Span, start: number, columns?: string[]): Claim {
  const claim: Claim = { kind, terms: terms.map((t) => t.id), sentence, start, end: q.end, written: q.written }
  if (columns !== undefined) claim.columns = columns
  if (q.value !== undefined) claim.value = q.value
  if (q.min !== undefined) claim.min = q.min
  if (q.max !== undefined) claim.max = q.max
  if (q.minExclusive) claim.minExclusive = true
  if (q.maxExclusive) claim.maxExclusive = true
  return claim
}

/** Every claim of `text`, in text order. */
export function readClaims(text: string, vocabulary: ClaimsFile): Claim[] {
  return readClaimsOf(text, vocabulary, false)
}

/**
 * readClaims; with `everyTerm`, every term's phrases are scanned in every clause with a phrase of any term (without
 * the tests of groups of terms that say which may occur), and every column phrase in every clause read (without the
 * one test that says whether any occurs): the reference the tests compare readClaims with.
 */
export function readClaimsOf(text: string, vocabulary: ClaimsFile, everyTerm: boolean): Claim[] {
  const c = compile(vocabulary)
  const out: Claim[] = []
  // A text with none of the strings every claim needs has no claim (the reference reads it all the same).
  if (!everyTerm && c.prefilter !== undefined && !c.prefilter.test(text)) return out
  for (const sentence of split(text, 0, text.length, c.sentenceEnds)) {
    if (sentence.end - sentence.start > c.maxSentence) continue
    const sentenceText = text.slice(sentence.start, sentence.end)
    // Claims come only from quantities, negations, predicates and changes: a sentence with none is not read further;
    // the terms of a clause are found where it has one of them, where a predicate of the sentence needs every term
    // named, or (at the end) where a period word needs to know whether it is inside a term (the result is the same
    // as finding them in every clause, only faster).
    if (!c.live.test(sentenceText)) continue
    // Every claim is of a term (a count, a zero, a predicate and a change alike): a sentence where no clause holds a
    // phrase of any term has none. Each clause is tested once, and termsIn reads the result.
    const clauses: Clause[] = []
    let phrased = false
    for (const span of split(text, sentence.start, sentence.end, c.clauseEnds)) {
      const body = text.slice(span.start, span.end)
      const clause: Clause = { start: span.start, end: span.end, body, phrased: c.anyPhrase.test(body) }
      phrased ||= clause.phrased
      clauses.push(clause)
    }
    if (!phrased) continue
    // Whether a term's context is in the sentence (申请 for 收到), outside what it excludes: found when a clause first
    // needs it, once per sentence for each pair of a context and an exclusion (terms share them), each exclusion
    // applied once.
    const withoutExcluded = new Map<RegExp, string>()
    const context: (boolean | undefined)[] = []
    const inContext = (order: number): boolean => {
      const { requires, excluded, contextOf } = c.terms[order]!
      const known = context[contextOf]
      if (known !== undefined) return known
      let result = true
      if (requires !== undefined && excluded === undefined) result = requires.test(sentenceText)
      else if (requires !== undefined && excluded !== undefined) {
        let rest = withoutExcluded.get(excluded)
        if (rest === undefined) withoutExcluded.set(excluded, (rest = sentenceText.replace(excluded, ' ')))
        result = requires.test(rest)
      }
      context[contextOf] = result
      return result
    }
    const sentenceClaims: Claim[] = []
    const mentioned: string[] = []
    const everyClause = c.predicatePhrases.test(sentenceText)
    const firstOfSentence = out.length
    /** What no period word is read inside: the sentence's terms and changes (上年结转, 较上年增加). */
    const covered: Span[] = []
    /** The terms of a clause (negated-only phrases too), in text order, and its titles. */
    const termsIn = (clause: Clause, quantities: readonly Quantity[], changes: readonly Span[]): { terms: TermMatch[]; titles: Span[] } => {
      const { start: at, body } = clause
      // Terms: every match of every term; the longest first, then the earliest, then the term listed first.
      const candidates: (TermMatch & { order: number })[] = []
      const excludedHere = new Map<RegExp, boolean>()
      // A clause where no phrase of any term occurs has no term (tested once per clause, above): no scan per term; in
      // a clause where some does, only the terms of the groups that occur in it are scanned.
      const occurring = everyTerm ? undefined : c.occurring
      const groupMatched: (boolean | undefined)[] = []
      if (clause.phrased) c.terms.forEach(({ term, phrases, negated, excludes, units }, order) => {
        if (occurring !== undefined) {
          const group = occurring.groupOf[order]!
          if (!(groupMatched[group] ??= occurring.groups[group]!.test(body))) return
        }
        // The term's phrases first (most terms of a group do not occur in the clause), then whether it counts here.
        const found = matches(phrases, body)
        const foundNegated = negated === undefined ? NONE : matches(negated, body)
        if (found.length === 0 && foundNegated.length === 0) return
        // 申请 of 行政许可申请 does not make a sentence about information requests.
        if (!inContext(order)) return
        if (excludes !== undefined) {
          // Terms share their exclusions: each tested once per clause.
          let excluded = excludedHere.get(excludes)
          if (excluded === undefined) excludedHere.set(excludes, (excluded = excludes.test(body)))
          if (excluded) return
        }
        for (const m of found) candidates.push({ start: at + m.index, end: at + m.index + m[0].length, id: term.id, columnar: term.columnar === true, units, order })
        for (const m of foundNegated) candidates.push({ start: at + m.index, end: at + m.index + m[0].length, id: term.id, columnar: false, units, order, negatedOnly: true })
      })
      // Nothing inside a title is a term (《行政复议法》).
      const titles = matches(c.titles, body).map((m) => ({ start: at + m.index, end: at + m.index + m[0].length }))
      candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order)
      const terms: TermMatch[] = []
      for (const candidate of candidates) {
        if (terms.some((t) => overlaps(t, candidate)) || titles.some((t) => t.start <= candidate.start && candidate.end <= t.end) || quantities.some((q) => overlaps(q, candidate)) || changes.some((ch) => overlaps(ch, candidate))) continue
        terms.push(candidate)
      }
      terms.sort((a, b) => a.start - b.start)
      return { terms, titles }
    }
    /** Clauses whose terms were not needed: found later only if a period word of the sentence is in one. */
    const skipped: { clause: Clause; quantities: Quantity[]; changes: Span[] }[] = []
    for (const clause of clauses) {
      const body = clause.body
      const at = clause.start
      const changes: (Span & { change: ClaimChange; unit?: string })[] = []
      for (const m of matches(c.change, body)) {
        const amount = numberValue(m[2]!, c.numerals)
        if (amount === undefined) continue
        const decimals = (m[2]!.split('.')[1] ?? '').length
        changes.push({ start: at + m.index, end: at + m.index + m[0].length, unit: m[3] === '%' || m[3] === '％' ? undefined : m[3], change: { increase: c.increase.test(m[1]!), amount, percent: m[3] === '%' || m[3] === '％', decimals, written: m[0] } })
      }
      for (const m of matches(c.unchanged, body)) {
        const span = { start: at + m.index, end: at + m.index + m[0].length }
        if (!changes.some((ch) => overlaps(ch, span))) changes.push({ ...span, change: { increase: false, amount: 0, percent: false, same: true, decimals: 0, written: m[0] } })
      }
      const quantities: Quantity[] = []
      for (const m of matches(c.quantity, body)) {
        const q = quantityOf(m, at, c.numerals)
        if (q === undefined || changes.some((ch) => overlaps(ch, q))) continue
        // 约30件: approximate, no claim; it still ends the terms before it.
        if (c.hedges.test(text.slice(Math.max(clause.start, q.start - 4), q.start))) q.hedged = true
        quantities.push(q)
      }
      covered.push(...changes)
      if (!everyClause && quantities.length === 0 && changes.length === 0 && !c.negationOrAll.test(body)) {
        skipped.push({ clause, quantities, changes })
        continue
      }
      const { terms, titles } = termsIn(clause, quantities, changes)
      covered.push(...terms)
      const negatedOnly = terms.filter((t) => t.negatedOnly === true)
      if (negatedOnly.length > 0) terms.splice(0, terms.length, ...terms.filter((t) => t.negatedOnly !== true))
      const negations = matches(c.negation, body)
        .map((m) => ({ start: at + m.index, end: at + m.index + m[0].length }))
        .filter((n) => !terms.some((t) => overlaps(t, n)) && !titles.some((t) => t.start <= n.start && n.end <= t.end))
      const columnMatches: (Span & { columns: string[] })[] = []
      if (everyTerm || c.anyColumn.test(body)) for (const { phrase, columns } of c.columns) {
        for (const m of matches(phrase, body)) {
          const span = { start: at + m.index, end: at + m.index + m[0].length }
          if (!terms.some((t) => overlaps(t, span)) && !columnMatches.some((o) => overlaps(o, span))) columnMatches.push({ ...span, columns })
        }
      }
      const gapText = (from: number, to: number) => text.slice(from, to)
      /** The run of terms ending with `last`, each joined to the next by a coordinator. */
      const runEndingAt = (index: number, floor: number): TermMatch[] => {
        const run = [terms[index]!]
        for (let i = index - 1; i >= 0 && terms[i]!.start >= floor; i--) {
          if (!c.coordinators.test(gapText(terms[i]!.end, run[0]!.start))) break
          run.unshift(terms[i]!)
        }
        return run
      }
      const runStartingAt = (index: number): TermMatch[] => {
        const run = [terms[index]!]
        for (let i = index + 1; i < terms.length; i++) {
          if (!c.coordinators.test(gapText(run[run.length - 1]!.end, terms[i]!.start))) break
          run.push(terms[i]!)
        }
        return run
      }

      let previous = clause.start
      for (let qi = 0; qi < quantities.length; qi++) {
        const q = quantities[qi]!
        const floor = previous
        previous = q.end
        if (q.hedged) continue
        let lastIndex = -1
        for (let i = 0; i < terms.length; i++) if (terms[i]!.start >= floor && terms[i]!.end <= q.start) lastIndex = i
        const column = columnMatches.find((m) => m.start >= floor && m.end <= q.start)
        if (lastIndex < 0) {
          // 其中自然人60件: a column phrase and no term narrows the sentence's last claim of a columnar term.
          const context = [...sentenceClaims].reverse().find((claim) => claim.kind === 'quantity' && claim.columns === undefined)
          if (column !== undefined && context !== undefined && context.terms.length === 1 && c.terms.find((t) => t.term.id === context.terms[0])?.term.columnar === true) {
            const unitOk = c.terms.find((t) => t.term.id === context.terms[0])!.units.test(q.unit)
            if (unitOk) {
              const claim = claimOfQuantity('quantity', [], q, sentence, column.start, column.columns)
              claim.terms = [...context.terms]
              out.push(claim)
              sentenceClaims.push(claim)
            }
            continue
          }
          // 其中1件尚未审结, 另有3件结转下年度: a quantity with no term before it, and terms right after it.
          const next = terms.findIndex((t) => t.start >= q.end)
          if (column === undefined && next >= 0 && /^[ \t]{0,2}$/.test(gapText(q.end, terms[next]!.start)) && (qi + 1 >= quantities.length || quantities[qi + 1]!.start >= terms[next]!.end)) {
            const run = runStartingAt(next)
            if (!run.every((t) => t.units.test(q.unit))) continue
            const claim = claimOfQuantity('quantity', run, q, sentence, q.start)
            claim.end = run[run.length - 1]!.end
            previous = claim.end
            out.push(claim)
            sentenceClaims.push(claim)
          }
          continue
        }
        const group = runEndingAt(lastIndex, floor)
        const gap = gapText(group[group.length - 1]!.end, q.start)
        if (gap.length > c.maxGap) continue
        // A negation before the terms and a quantity after them (未按时办结3件) is no claim.
        if (negations.some((n) => n.start >= floor && n.end <= group[0]!.start && group[0]!.start - n.end <= c.maxGap)) continue
        const columns = column !== undefined && group.every((t) => t.columnar) ? column.columns : undefined
        if (c.respectively.test(gap) && group.length > 1) {
          const paired = [q]
          for (let j = qi + 1; j < quantities.length && paired.length < group.length; j++) {
            if (!c.coordinators.test(gapText(paired[paired.length - 1]!.end, quantities[j]!.start))) break
            paired.push(quantities[j]!)
          }
          if (paired.length !== group.length) continue
          qi += paired.length - 1
          previous = paired[paired.length - 1]!.end
          paired.forEach((pq, i) => {
            if (!group[i]!.units.test(pq.unit)) return
            const claim = claimOfQuantity('quantity', [group[i]!], pq, sentence, group[i]!.start, columns)
            out.push(claim)
            sentenceClaims.push(claim)
          })
          continue
        }
        if (!group.every((t) => t.units.test(q.unit))) continue
        if (c.each.test(gap) && group.length > 1) {
          for (const t of group) {
            const claim = claimOfQuantity('quantity', [t], q, sentence, t.start, columns)
            out.push(claim)
            sentenceClaims.push(claim)
          }
          continue
        }
        const claim = claimOfQuantity('quantity', group, q, sentence, group[0]!.start, columns)
        out.push(claim)
        sentenceClaims.push(claim)
      }

      // Negations: 未收到申请, 没有发生行政复议和行政诉讼 (each term 0), unless a quantity follows in the clause.
      let negatedUpTo = clause.start
      for (const n of negations) {
        if (n.start < negatedUpTo || quantities.some((q) => q.start >= n.end)) continue
        const first = terms.findIndex((t) => t.start >= n.end)
        const noun = negatedOnly.find((t) => t.start >= n.end && t.start - n.end <= c.maxGap && (first < 0 || t.start < terms[first]!.start))
        if (noun !== undefined) {
          negatedUpTo = noun.end
          out.push({ kind: 'zero', terms: [noun.id], sentence, start: n.start, end: noun.end })
          continue
        }
        if (first < 0 || terms[first]!.start - n.end > c.maxGap) continue
        const run = runStartingAt(first)
        negatedUpTo = run[run.length - 1]!.end
        for (const t of run) out.push({ kind: 'zero', terms: [t.id], sentence, start: n.start, end: t.end })
      }

      // Predicates: about the terms of their scopes named before them in the sentence; followed by a number, a
      // phrase is a count, not a predicate (结果维持3件).
      const predicateSpans: Span[] = []
      for (const p of c.predicates) {
        for (const m of matches(p.phrases, body)) {
          const start = at + m.index
          const end = start + m[0].length
          if (quantities.some((q) => q.start >= end && q.start - end <= 2)) continue
          predicateSpans.push({ start, end })
          const before = [...mentioned, ...terms.filter((t) => t.end <= start).map((t) => t.id)]
          const about = [...new Set(before.filter((id) => p.scopes.has(id)))]
          for (const id of about) out.push({ kind: 'predicate', predicate: p.id, terms: [id], sentence, start, end: start + m[0].length })
        }
      }
      for (const t of terms) mentioned.push(t.id)

      // 均为: the term or column right after it has the quantity of the sentence's last claim before it.
      for (const m of matches(c.all, body)) {
        const span = { start: at + m.index, end: at + m.index + m[0].length }
        if (predicateSpans.some((p) => overlaps(p, span)) || terms.some((t) => overlaps(t, span)) || quantities.some((q) => q.start >= span.end)) continue
        const context = [...sentenceClaims].reverse().find((claim) => claim.kind === 'quantity' && claim.end <= span.start && (claim.value !== undefined || claim.min !== undefined))
        if (context === undefined) continue
        const next = terms.findIndex((t) => t.start >= span.end)
        const column = columnMatches.find((col) => col.start >= span.end && col.start - span.end <= 2)
        const copy = (terms: string[], start: number, end: number, columns?: string[]): Claim => {
          const claim: Claim = { ...context, terms, start, end, sentence }
          delete claim.change
          if (columns !== undefined) claim.columns = columns
          else delete claim.columns
          return claim
        }
        if (next >= 0 && terms[next]!.start - span.end <= 2 && (column === undefined || column.start > terms[next]!.start)) {
          const run = runStartingAt(next)
          out.push(copy(run.map((t) => t.id), span.start, run[run.length - 1]!.end, context.columns))
        } else if (column !== undefined && context.columns === undefined && context.terms.every((id) => c.terms.find((t) => t.term.id === id)?.term.columnar === true)) {
          out.push(copy([...context.terms], span.start, column.end, column.columns))
        }
      }

      // Changes: to the last quantity claim of the sentence before them; with none, to the terms right before them
      // (无法提供较上年减少3件: a change and no count).
      for (const ch of changes) {
        const claim = [...sentenceClaims].reverse().find((cl) => cl.end <= ch.start)
        if (claim !== undefined && claim.change === undefined) {
          claim.change = ch.change
          continue
        }
        if (claim !== undefined) continue
        let lastIndex = -1
        for (let i = 0; i < terms.length; i++) if (terms[i]!.end <= ch.start) lastIndex = i
        if (lastIndex < 0 || ch.start - terms[lastIndex]!.end > c.maxGap) continue
        const group = runEndingAt(lastIndex, clause.start)
        if (negations.some((n) => n.end <= group[0]!.start && group[0]!.start - n.end <= c.maxGap)) continue
        if (ch.unit !== undefined && !group.every((t) => t.units.test(ch.unit!))) continue
        const changeClaim: Claim = { kind: 'quantity', terms: group.map((t) => t.id), change: ch.change, sentence, start: group[0]!.start, end: ch.end }
        out.push(changeClaim)
        sentenceClaims.push(changeClaim)
      }
    }
    // The period each claim is about: the last period word before it in the sentence. A year (2023年) is kept for
    // the checker to compare with the report's; any other (上年, 每月, 累计) is not this report's tables: no claim.
    if (out.length === firstOfSentence) continue
    const words = matches(c.periods, sentenceText).map((m) => ({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, year: m[1], thisYear: m[2] !== undefined }))
    for (const { clause, quantities, changes } of skipped) {
      if (words.some((w) => w.start >= clause.start && w.end <= clause.end)) covered.push(...termsIn(clause, quantities, changes).terms)
    }
    const periods = words.filter((p) => !covered.some((span) => overlaps(span, p)))
    if (periods.length > 0) {
      const kept = out.slice(firstOfSentence).filter((claim) => {
      const before = periods.filter((p) => p.end <= claim.start)
      const period = before.at(-1)
      if (period === undefined) return true
      // 2023年，全年…: the year named; 上年…，本年度…: the report's.
      const year = period.thisYear ? before.findLast((p) => p.year !== undefined)?.year : period.year
      if (year !== undefined) claim.year = Number(year)
      return year !== undefined || period.thisYear
      })
      out.splice(firstOfSentence, out.length - firstOfSentence, ...kept)
    }
    // 全县收到申请500件，其中县政府办公室收到20件: a second count of the same cells in a sentence is of a part.
    const seen = new Set<string>()
    const firsts = out.slice(firstOfSentence).filter((claim) => {
      if (claim.kind !== 'quantity' || claim.value === undefined) return true
      const key = JSON.stringify([claim.terms, claim.columns, claim.year])
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    out.splice(firstOfSentence, out.length - firstOfSentence, ...firsts)
  }
  return out.sort((a, b) => a.start - b.start)
}
