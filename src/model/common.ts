/** Building blocks shared by every part of the report model. */
import Type from 'typebox'
import { define, useOf } from './registry.js'

/**
 * Largest count the model accepts (just under a trillion). Far above any real count, and small enough that every sum
 * the rules compute (a few dozen cells), and the 汇总 of up to 9,000 reports, stays an exact integer in every
 * language: a JSON number loses integers beyond 2^53.
 */
export const MAX_COUNT = 999_999_999_999

/** A whole number of documents, decisions, applications or cases, ≥ 0. */
export function count(title: string, description: string) {
  return Type.Integer({ minimum: 0, maximum: MAX_COUNT, title, description })
}

/** A signed whole number (the 2019 template's 本年增/减). */
export function signedCount(title: string, description: string) {
  return Type.Integer({ minimum: -MAX_COUNT, maximum: MAX_COUNT, title, description })
}

/** An amount of money ≥ 0; the unit is in the key and in the description. */
export function amount(title: string, description: string) {
  return Type.Number({ minimum: 0, maximum: 1e15, title, description })
}

/** Paragraphs of running text, in order, each as printed (no leading or trailing white space). */
export const Paragraphs = define(
  'Paragraphs',
  Type.Array(Type.String({ minLength: 1, maxLength: 100000 }), {
    maxItems: 10000,
    title: '正文',
    description: 'Paragraphs of the section in the order printed; each string is one paragraph without its heading.',
  }),
)

/** Optional text printed in a table section besides its table (a summary, an explanation). */
export function notes() {
  const labelledParagraphs = Type.Array(Paragraphs.items, {
    maxItems: 10000,
    title: '文字说明',
    description: 'Text printed in the section besides its table, e.g. a summary of the year’s applications.',
  })
  return useOf(Paragraphs, Type.Optional(labelledParagraphs))
}
