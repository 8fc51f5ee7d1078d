/** Text measures used by the text rules. */
import { isSpace } from '../chars.js'

/** Characters of `text` that are not white space (one pass, no copy). */
export function visibleLength(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // A low surrogate ends a character counted at its high surrogate.
    if (!isSpace(code) && !(code >= 0xdc00 && code <= 0xdfff)) count++
  }
  return count
}

/** Dice coefficient of the multisets of character bigrams of the two texts, white space removed (0 to 1). */
export function bigramSimilarity(a: string, b: string): number {
  const bigrams = (text: string): Map<string, number> => {
    const chars = [...text.replace(/\s+/gu, '')]
    const counts = new Map<string, number>()
    for (let i = 0; i + 1 < chars.length; i++) {
      const pair = chars[i]! + chars[i + 1]!
      counts.set(pair, (counts.get(pair) ?? 0) + 1)
    }
    return counts
  }
  const x = bigrams(a)
  const y = bigrams(b)
  let sizeX = 0
  let sizeY = 0
  let shared = 0
  for (const count of x.values()) sizeX += count
  for (const [pair, count] of y) {
    sizeY += count
    shared += Math.min(count, x.get(pair) ?? 0)
  }
  if (sizeX + sizeY === 0) return a.replace(/\s+/gu, '') === b.replace(/\s+/gu, '') ? 1 : 0
  return (2 * shared) / (sizeX + sizeY)
}

/** A short quotation of `text` around [start, end) for a message. */
export function excerpt(text: string, start: number, end: number, room = 12): string {
  const from = Math.max(0, start - room)
  const to = Math.min(text.length, end + room)
  return (from > 0 ? '…' : '') + text.slice(from, to).replace(/\s+/gu, ' ') + (to < text.length ? '…' : '')
}
