/**
 * Linear time by construction: every regular expression of `src/` — each literal, and each one built with
 * `new RegExp` (section headings, the rules' text patterns) — is analysed by recheck, which decides from the
 * expression's automaton, or by attack strings run in a step-counting matcher, whether matching can take more
 * than linear time. Nothing here measures seconds: the analysis counts steps, so the result does not depend on
 * the machine's speed or load.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { checkSync, type Diagnostics } from 'recheck'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { ROOT } from './support/files.js'

interface Found {
  where: string
  source: string
  flags: string
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : []
  })
}

// The sources, and the generated code that runs (the validators' fast path has the schemas' patterns).
const FILES = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'generated'))]

function literals(): Found[] {
  const found: Found[] = []
  for (const file of FILES) {
    const tree = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText()
        const end = text.lastIndexOf('/')
        const line = tree.getLineAndCharacterOfPosition(node.getStart()).line + 1
        found.push({ where: `${relative(ROOT, file)}:${line}`, source: text.slice(1, end), flags: text.slice(end + 1) })
      }
      ts.forEachChild(node, visit)
    }
    visit(tree)
  }
  return found
}

/** The places in `src/` that call `new RegExp(`. */
function constructorSites(): string[] {
  return FILES.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (line.includes('new RegExp(') ? [`${relative(ROOT, file)}:${i + 1}`] : [])),
  )
}

/**
 * The expressions built at run time, caught by a constructor that records its caller: the modules are loaded, and
 * the parser and the checker run on the seed, after `RegExp` is wrapped.
 */
async function constructed(): Promise<Found[]> {
  const found = new Map<string, Found>()
  const original = globalThis.RegExp
  globalThis.RegExp = new Proxy(original, {
    construct(target, args: [string | RegExp, string?], newTarget) {
      const frame = (new Error().stack ?? '').split('\n').find((l) => l.includes('/src/'))
      const site = /\/(src\/[^:]+):(\d+)/.exec(frame ?? '')
      const made = Reflect.construct(target, args, newTarget) as RegExp
      if (site !== null) found.set(`${site[1]}:${site[2]}|${made.source}|${made.flags}`, { where: `${site[1]}:${site[2]}`, source: made.source, flags: made.flags })
      return made
    },
  })
  try {
    const { parseReport } = await import('../src/parse/parse.js')
    const { checkReport } = await import('../src/rules/check.js')
    const seed = readFileSync(join(ROOT, 'examples', 'seed-2024-weidong-science-bureau.txt'), 'utf8')
    const result = parseReport(seed)
    checkReport(result.report)
    checkReport(JSON.parse(readFileSync(join(ROOT, 'examples', 'example-2019-template-fictional.json'), 'utf8')))
  } finally {
    globalThis.RegExp = original
  }
  return [...found.values()]
}

/**
 * recheck with a fixed seed and no time limit, so the verdict depends on the expression, not on the machine. Its
 * fuzzer can call a bounded repetition with a large constant polynomial (`x{0,20}?y` inside a search); such a
 * verdict is decided again by the automaton checker, which is exact (no false positives), and slower.
 */
function analyse(found: Found): Diagnostics {
  const flags = found.flags.replace(/[gyd]/g, '')
  const first = checkSync(found.source, flags, { timeout: null, randomSeed: 20261202 })
  if (first.status !== 'vulnerable' || !first.complexity.isFuzz) return first
  return checkSync(found.source, flags, { timeout: null, checker: 'automaton' })
}

const verdict = (found: Found, d: Diagnostics) =>
  `${found.where} /${found.source.length > 120 ? found.source.slice(0, 120) + '…' : found.source}/${found.flags}: ${d.status}` +
  (d.status === 'vulnerable' ? ` (${d.complexity.summary}; attack ${JSON.stringify(d.attack.pattern)})` : d.status === 'unknown' ? ` (${d.error.kind})` : '')

describe('every regular expression in src/ matches in linear time', () => {
  it('recheck finds each literal safe', () => {
    const all = literals()
    expect(all.length).toBeGreaterThan(100)
    const unsafe = all.map((f) => ({ f, d: analyse(f) })).filter(({ d }) => d.status !== 'safe')
    expect(unsafe.map(({ f, d }) => verdict(f, d))).toEqual([])
  }, 120_000)

  it('recheck finds each expression built with new RegExp safe, and every such place is reached', async () => {
    const built = await constructed()
    // Every `new RegExp(` in src/ was run above (else an unexamined one could hide here).
    expect([...new Set(built.map((f) => f.where))].sort()).toEqual(constructorSites().sort())
    const unsafe = built.map((f) => ({ f, d: analyse(f) })).filter(({ d }) => d.status !== 'safe')
    expect(unsafe.map(({ f, d }) => verdict(f, d))).toEqual([])
  }, 120_000)

  it('the analysis does find a backtracking expression (the check can fail)', () => {
    for (const source of ['(\\d+)\\s*件', '^(a|a)*$', '\\*+$']) {
      expect(analyse({ where: 'probe', source, flags: '' }).status).toBe('vulnerable')
    }
    expect(analyse({ where: 'probe', source: '(?<!\\d)(\\d+)\\s*件', flags: '' }).status).toBe('safe')
  })
})
