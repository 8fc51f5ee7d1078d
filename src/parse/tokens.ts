/**
 * Lines → a token stream for the table readers: text runs (for finding labels), numbers, zero placeholders and
 * blank cells, each with where it was. Inside a cell, words are split on white space so that PDF rows
 * ("0 0 0 0") give one number each; adjacent text words and text cells join into one run, so that a label broken
 * across cells or lines ("商业\n企业", "社会公益组 织") is still found.
 */
import type { Line, Location } from './document.js'
import { isZeroPlaceholder, normalizeLabel, readNumber, type PrintedNumber } from './normalize.js'

export type Token =
  | { kind: 'text'; text: string; location: Location }
  | { kind: 'number'; number: PrintedNumber; raw: string; location: Location }
  | { kind: 'zero'; raw: string; location: Location }
  | { kind: 'blank'; location: Location }

const UNIT_WORD = /^(万元|元)$/

export function tokenize(lines: readonly Line[]): Token[] {
  const tokens: Token[] = []
  for (const line of lines) {
    line.cells.forEach((cell, i) => {
      const location = line.locations[i] ?? line.location
      if (cell.trim() === '') {
        tokens.push({ kind: 'blank', location })
        return
      }
      const words = cell.split(/\s+/).filter((word) => word !== '')
      for (let w = 0; w < words.length; w++) {
        const word = words[w]!
        let number = readNumber(word)
        if (number !== undefined && number.unit === undefined && UNIT_WORD.test(words[w + 1] ?? '')) {
          number = readNumber(word + words[w + 1])
          w++
        }
        if (number !== undefined) tokens.push({ kind: 'number', number, raw: word, location })
        else if (isZeroPlaceholder(word) && words.length === 1) tokens.push({ kind: 'zero', raw: word, location })
        else {
          const last = tokens[tokens.length - 1]
          if (last?.kind === 'text' && last.location === location) last.text += word
          else tokens.push({ kind: 'text', text: word, location })
        }
      }
    })
  }
  return tokens
}

/** A maximal run of adjacent text tokens, normalised for label search. */
export interface TextRun {
  text: string
  /** Index in the token stream of the run's first token. */
  start: number
  /** Index in the token stream of the first token after the run. */
  end: number
  location: Location
}

export interface Stream {
  tokens: Token[]
  runs: TextRun[]
}

export function stream(tokens: Token[]): Stream {
  const runs: TextRun[] = []
  let i = 0
  while (i < tokens.length) {
    const token = tokens[i]!
    if (token.kind !== 'text') {
      i++
      continue
    }
    let text = ''
    const start = i
    const location = token.location
    while (i < tokens.length && tokens[i]!.kind === 'text') text += normalizeLabel((tokens[i++] as { text: string }).text)
    runs.push({ text, start, end: i, location })
  }
  return { tokens, runs }
}
