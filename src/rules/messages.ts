/** Fills a rule's message template. Labels are read from the schema, only when a finding is made. */
import type { JsonSchema } from '../schema/emit.js'
import { labelChain } from '../schema/labels.js'
import type { Bilingual } from '../validate/messages.js'

export type Values = Record<string, string | number | undefined>

/** A finding's message in both languages, made by a constructor (why: see `SumFinding` in findings.ts). */
export class Message implements Bilingual {
  constructor(
    public zh: string,
    public en: string,
  ) {}
}

export function fill(template: Bilingual, values: Values): Bilingual {
  // The template cut once into its literal text and slots; each slot's two keys (its name in this language, then its
  // name) formed once, not at every message.
  let compiled = compiledTemplates.get(template)
  if (compiled === undefined) {
    const one = (lang: 'zh' | 'en') => {
      const { literals, slots } = partsOf(template[lang], lang, {}, undefined)
      const keys = slots.map((name) => `${name}.${lang}`)
      return (values: Values) => {
        let out = literals[0]!
        for (let i = 0; i < slots.length; i++) {
          const value = values[keys[i]!] ?? values[slots[i]!]
          out += (value === undefined ? `{${slots[i]}}` : String(value)) + literals[i + 1]!
        }
        return out
      }
    }
    const zh = one('zh')
    const en = one('en')
    compiledTemplates.set(template, (compiled = (values) => new Message(zh(values), en(values))))
  }
  return compiled(values)
}
const compiledTemplates = new WeakMap<Bilingual, (values: Values) => Bilingual>()

/**
 * A template's text cut at its slots: the literal text before, between and after the slots left open, with the
 * values of `fixed` written into it (a slot in neither `fixed` nor `open`, where `open` is given, stays as written).
 */
function partsOf(text: string, lang: 'zh' | 'en', fixed: Values, open: readonly string[] | undefined): { literals: string[]; slots: string[] } {
  const literals: string[] = ['']
  const slots: string[] = []
  let last = 0
  for (const match of text.matchAll(/\{([a-zA-Z]+)\}/g)) {
    const name = match[1]!
    const value = fixed[`${name}.${lang}`] ?? fixed[name]
    literals[literals.length - 1] += text.slice(last, match.index)
    if (value === undefined && (open === undefined || open.includes(name))) {
      slots.push(name)
      literals.push('')
    } else literals[literals.length - 1] += value === undefined ? match[0] : String(value)
    last = match.index + match[0].length
  }
  literals[literals.length - 1] += text.slice(last)
  return { literals, slots }
}

/** What `fill` and `compileMessage` give, by one replacement per language: the reference they are tested against. */
export function fillByRegExp(template: Bilingual, values: Values): Bilingual {
  const one = (text: string, lang: 'zh' | 'en') =>
    text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
      const value = values[`${name}.${lang}`] ?? values[name]
      return value === undefined ? whole : String(value)
    })
  return { zh: one(template.zh, 'zh'), en: one(template.en, 'en') }
}

/**
 * A message template with some values filled in once (the labels of a check's cells), as a function of the rest (its
 * numbers), given in the order of `open`: the same text as `fillByRegExp(template, { ...fixed, ...values })` where
 * `values` holds `open[i]` = `given[i]` (an undefined one left out), without scanning the template again, or looking a
 * value up by its name, for each finding.
 */
export function compileMessage(template: Bilingual, fixed: Values, open: readonly string[]): (given: readonly unknown[]) => Bilingual {
  const one = (lang: 'zh' | 'en') => {
    const { literals, slots } = partsOf(template[lang], lang, fixed, open)
    const indexes = slots.map((name) => open.indexOf(name))
    return (given: readonly unknown[]) => {
      let out = literals[0]!
      for (let i = 0; i < indexes.length; i++) {
        const value = given[indexes[i]!]
        out += (value === undefined ? `{${slots[i]}}` : String(value)) + literals[i + 1]!
      }
      return out
    }
  }
  const zh = one('zh')
  const en = one('en')
  return (given) => new Message(zh(given), en(given))
}

/** Labels of the cells of a check with the labels that all of them share removed at both ends. */
export function distinctive(doc: JsonSchema, pointers: readonly string[]): string[][] {
  const chains = pointers.map((pointer) => labelChain(doc, pointer.replace(/\/\*(?=\/|$)/g, '/0')))
  if (chains.length < 2) return chains
  let prefix = 0
  while (chains.every((chain) => chain.length > prefix + 1 && chain[prefix] === chains[0]![prefix])) prefix++
  let suffix = 0
  while (
    chains.every((chain) => chain.length > prefix + suffix + 1 && chain[chain.length - 1 - suffix] === chains[0]![chains[0]!.length - 1 - suffix])
  )
    suffix++
  return chains.map((chain) => chain.slice(prefix, chain.length - suffix))
}

/** The label placeholders of a check: {cell}, {column}, {leftItems}, {rightItems}. */
export function labelValues(doc: JsonSchema, left: readonly string[], right: readonly string[] = []): Values {
  const first = labelChain(doc, left[0]!.replace(/\/\*(?=\/|$)/g, ''))
  const items = distinctive(doc, [...left, ...right]).map((chain) => chain.join(' › '))
  const leftItems = items.slice(0, left.length)
  const rightItems = items.slice(left.length)
  return {
    cell: first.join(' › '),
    column: first[first.length - 1],
    'leftItems.zh': leftItems.join('、'),
    'leftItems.en': leftItems.join(', '),
    'rightItems.zh': rightItems.join('、'),
    'rightItems.en': rightItems.join(', '),
  }
}
