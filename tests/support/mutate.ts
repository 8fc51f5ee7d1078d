/**
 * Mutated JSON documents for the differential and fuzz suites: a valid report with one change at a random place,
 * written as JSON text (so that tokens JSON.stringify cannot write, like 1e309 or 2^53 + 1, can be planted).
 */
import { encodePointer } from '../../src/schema/labels.js'

/** A small deterministic PRNG (mulberry32), so a seed reproduces a corpus. */
export function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]! }
}

const RAW = (token: string) => `\u0000RAW:${token}\u0000`

/** Values planted in place of a number. */
const NUMBERS = [-1, 0.5, '0', null, true, RAW('9007199254740992'), RAW('9007199254740993'), RAW('1e309'), RAW('-1e309'), RAW('-0'), RAW('1.0'), 1e15 + 1, 9007199254740991, 999999999999, 1000000000000, [], {}]
/** Values planted in place of a string. */
const STRINGS = ['', 5, null, 'x'.repeat(100001), '😀'.repeat(60000), '\u0000', '2025-02-30', '2024-02-29', '20250101', 'http://a b', 'https://www.example.gov.cn/a\uFEFFb', 'https://', '410403', '41040３', 'ABCDEFGHIJKLMNOPQR', '91110000MA01ABCD2X', 'proactiveDisclosure', 'supervision', 'other', '2019', '2021', '\ud800']
const KEYS = ['extra', '__proto__', 'constructor', 'prototype', 'toString', '', 'total ', 'Total']

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function places(node: Json, path: (string | number)[], out: (string | number)[][]) {
  out.push(path)
  if (Array.isArray(node)) node.forEach((child, i) => places(child, [...path, i], out))
  else if (node !== null && typeof node === 'object') for (const [key, child] of Object.entries(node)) places(child, [...path, key], out)
}

/** One mutation of `document` (which it does not change), as JSON text, with a description of what was done. */
export function mutate(document: unknown, rng: ReturnType<typeof random>): { text: string; change: string } {
  const copy = structuredClone(document) as Json
  const all: (string | number)[][] = []
  places(copy, [], all)
  const path = rng.pick(all.slice(1))
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key as string]!, copy) as Record<string, Json> | Json[]
  const key = path[path.length - 1]!
  const current = (parent as Record<string, Json>)[key as string]!
  const kind = rng.next()
  let change: string
  if (kind < 0.15 && !Array.isArray(parent)) {
    delete (parent as Record<string, Json>)[key as string]
    change = `delete ${encodePointer(path)}`
  } else if (kind < 0.25 && current !== null && typeof current === 'object' && !Array.isArray(current)) {
    const extra = rng.pick(KEYS)
    Object.defineProperty(current, extra, { value: 0, enumerable: true, writable: true, configurable: true })
    change = `add key ${JSON.stringify(extra)} at ${encodePointer(path)}`
  } else if (kind < 0.3 && Array.isArray(current)) {
    current.push(rng.pick([1, 'x', null, {}]) as Json)
    change = `push onto ${encodePointer(path)}`
  } else {
    const value = typeof current === 'number' ? rng.pick(NUMBERS) : typeof current === 'string' ? rng.pick(STRINGS) : rng.pick([...NUMBERS, ...STRINGS])
    ;(parent as Record<string, Json>)[key as string] = value as Json
    change = `set ${encodePointer(path)} to ${typeof value === 'string' ? JSON.stringify(value.slice(0, 30)) : JSON.stringify(value)}`
  }
  const text = JSON.stringify(copy).replace(/"\\u0000RAW:([^\\]+)\\u0000"/g, '$1')
  return { text, change }
}
