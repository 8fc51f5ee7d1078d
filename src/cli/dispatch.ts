/**
 * Which command lines `bin.ts` runs without loading commander and the other commands' code: `validate` followed by
 * paths (or - for stdin) and only the options --json, --ndjson, -q/--quiet and --lang zh|en, in any order. Anything
 * else (other options, --help, another --lang, no path, `--`) goes to the whole command line, which gives these the
 * same answer (a test runs both).
 */
import type { Lang } from './context.js'
import type { Io } from './io.js'

export interface PlainValidate {
  inputs: string[]
  json: boolean
  ndjson: boolean
  quiet: boolean
  lang?: Lang
}

const LANGS: ReadonlySet<string> = new Set<Lang>(['zh', 'en'])

/** A plain `validate` command line, read; undefined for any other. */
export function plainValidate(argv: readonly string[]): PlainValidate | undefined {
  if (argv[0] !== 'validate') return undefined
  const plain: PlainValidate = { inputs: [], json: false, ndjson: false, quiet: false }
  for (let at = 1; at < argv.length; at++) {
    const arg = argv[at]!
    if (arg === '-' || (arg !== '' && !arg.startsWith('-'))) plain.inputs.push(arg)
    else if (arg === '--json') plain.json = true
    else if (arg === '--ndjson') plain.ndjson = true
    else if (arg === '-q' || arg === '--quiet') plain.quiet = true
    else if (arg === '--lang' && LANGS.has(argv[at + 1] ?? '')) plain.lang = argv[++at] as Lang
    else if (arg.startsWith('--lang=') && LANGS.has(arg.slice('--lang='.length))) plain.lang = arg.slice('--lang='.length) as Lang
    else return undefined
  }
  return plain.inputs.length > 0 ? plain : undefined
}

/** The function that runs a command line: `runValidate` for a plain `validate`, else the whole command line's `run`. */
export async function runnerOf(argv: readonly string[]): Promise<(argv: readonly string[], io: Io) => Promise<number>> {
  return plainValidate(argv) !== undefined ? (await import('./validate-command.js')).runValidate : (await import('./main.js')).run
}
