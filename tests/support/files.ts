/** Paths and readers shared by the tests. */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'))

/** The .json files of a folder of the repository, sorted. */
export const jsonFiles = (folder: string): string[] =>
  readdirSync(join(ROOT, folder))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `${folder}/${name}`)

export interface InvalidExpectation {
  why: string
  /** The errors the document must fail with, and no others (order free). */
  errors: { pointer: string; keyword: string }[]
}

export const invalidExpectations = (): Record<string, InvalidExpectation> =>
  readJson('tests/invalid-expectations.json') as Record<string, InvalidExpectation>
