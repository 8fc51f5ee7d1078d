/** JSON pointers resolved against a report, split once and walked without allocation. */
import { decodePointer } from '../schema/labels.js'

export type Path = readonly string[]

/** Pointers already split (frozen: shared by every caller), up to SPLIT_CACHE of them; then the cache starts over. */
const split = new Map<string, Path>()
const SPLIT_CACHE = 4096

/** The parts of a JSON pointer, decoded: the same frozen array for the same pointer (the checks split the same few). */
export function splitPointer(pointer: string): Path {
  let path = split.get(pointer)
  if (path === undefined) {
    if (split.size >= SPLIT_CACHE) split.clear()
    split.set(pointer, (path = Object.freeze(decodePointer(pointer))))
  }
  return path
}

/** The value at `path`, or undefined if any step is missing. Own properties only: never reads a prototype. */
export function valueAt(document: unknown, path: Path): unknown {
  let node = document
  for (let i = 0; i < path.length; i++) {
    if (node === null || typeof node !== 'object') return undefined
    const key = path[i]!
    if (!Object.hasOwn(node, key)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

/** The number at `path`, or undefined if it is not a finite number. */
export function numberAt(document: unknown, path: Path): number | undefined {
  const value = valueAt(document, path)
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** Σ of the numbers at `paths`; undefined if any of them is not a number. */
export function sumAt(document: unknown, paths: readonly Path[]): number | undefined {
  let sum = 0
  for (let i = 0; i < paths.length; i++) {
    const value = numberAt(document, paths[i]!)
    if (value === undefined) return undefined
    sum += value
  }
  return sum
}

/** Sets the value at an existing `path` (used by the totals helper on its own copy). */
export function setAt(document: unknown, path: Path, value: unknown): void {
  const parent = valueAt(document, path.slice(0, -1))
  if (parent !== null && typeof parent === 'object') (parent as Record<string, unknown>)[path[path.length - 1]!] = value
}

/** Every string a text pointer reaches ("*" = every element), arrays of strings taken element by element. */
export function stringsAt(document: unknown, path: Path, out: string[] = [], from = 0): string[] {
  let node = document
  for (let i = from; i < path.length; i++) {
    if (node === null || typeof node !== 'object') return out
    const key = path[i]!
    if (key === '*' && Array.isArray(node)) {
      for (const element of node) stringsAt(element, path, out, i + 1)
      return out
    }
    if (!Object.hasOwn(node, key)) return out
    node = (node as Record<string, unknown>)[key]
  }
  if (typeof node === 'string') out.push(node)
  else if (Array.isArray(node)) for (const element of node) if (typeof element === 'string') out.push(element)
  return out
}
