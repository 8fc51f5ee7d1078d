/** Fills a rule's message template. Labels are read from the schema, only when a finding is made. */
import type { JsonSchema } from '../schema/emit.js'
import { labelChain } from '../schema/labels.js'
import type { Bilingual } from '../validate/messages.js'

export type Values = Record<string, string | number | undefined>

export function fill(template: Bilingual, values: Values): Bilingual {
  // The template compiled once (no slot fixed), as compileMessage gives the same text as filling it.
  let compiled = compiledTemplates.get(template)
  if (compiled === undefined) compiledTemplates.set(template, (compiled = compileMessage(template, {})))
  return compiled(values)
}
const compiledTemplates = new WeakMap<Bilingual, (values: Values) => Bilingual>()

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
 * numbers): the same text as `fillByRegExp(template, { ...fixed, ...values })` for values whose names `fixed` lacks, without
 * scanning the template again for each finding.
 */
export function compileMessage(template: Bilingual, fixed: Values): (values: Values) => Bilingual {
  const compileOne = (text: string, lang: 'zh' | 'en') => {
    // Literal text before, between and after the slots left open; each slot's two keys (its name in this language,
    // then its name) formed once here, not at every message.
    const literals: string[] = ['']
    const slots: { name: string; own: string }[] = []
    let last = 0
    for (const match of text.matchAll(/\{([a-zA-Z]+)\}/g)) {
      const name = match[1]!
      const value = fixed[`${name}.${lang}`] ?? fixed[name]
      literals[literals.length - 1] += text.slice(last, match.index)
      if (value === undefined) {
        slots.push({ name, own: `${name}.${lang}` })
        literals.push('')
      } else literals[literals.length - 1] += String(value)
      last = match.index + match[0].length
    }
    literals[literals.length - 1] += text.slice(last)
    return (values: Values) => {
      let out = literals[0]!
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!
        const value = values[slot.own] ?? values[slot.name]
        out += (value === undefined ? `{${slot.name}}` : String(value)) + literals[i + 1]!
      }
      return out
    }
  }
  const zh = compileOne(template.zh, 'zh')
  const en = compileOne(template.en, 'en')
  return (values) => ({ zh: zh(values), en: en(values) })
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
