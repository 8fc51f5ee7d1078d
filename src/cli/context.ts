/**
 * What every command of the CLI shares: the language of its messages, the buffered output and the progress line
 * (`Context`), the exit code, and the errors that end a run with code 2.
 */
import { InputError, type Io, type ReadLimits } from './io.js'
import type { Bilingual } from '../validate/messages.js'

export type Lang = 'zh' | 'en'

export const defaultLang = (): Lang => (/^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'zh' : 'en')

export class Context {
  code = 0
  constructor(
    readonly io: Io,
    readonly lang: Lang,
    readonly quiet: boolean,
    readonly limits: ReadLimits = {},
    /** --glob: which files of a folder are read. */
    readonly glob?: string,
  ) {}
  say(text: Bilingual | string) {
    // What was printed before a note appears before it on a terminal.
    this.flush()
    this.endProgress()
    this.io.stderr((typeof text === 'string' ? text : text[this.lang]) + '\n')
  }
  /** Results waiting to be written: one write per 64 KB, not one per line (a stream of 100,000 reports). */
  private pending: string[] = []
  private pendingLength = 0
  flush() {
    if (this.pending.length === 0) return
    const text = this.pending.join('')
    this.pending = []
    this.pendingLength = 0
    this.io.stdout(text)
  }
  private barShown = false
  /** Clears the progress bar, if one is on the terminal's last line. */
  endProgress() {
    if (!this.barShown) return
    this.barShown = false
    this.io.stderr('\r\x1b[K')
  }
  /**
   * Results are written when 64 KB are waiting, when the reading of an NDJSON stream must wait for its next chunk (a
   * file: once per chunk; a slow stdin: before each wait, so each result shows before the next line comes), between
   * files, before a note on stderr, and at the end.
   */
  out(text: string) {
    const line = text.endsWith('\n') ? text : text + '\n'
    this.pending.push(line)
    this.pendingLength += line.length
    if (this.pendingLength >= 1 << 16) this.flush()
  }
  /** The end of a run: what waits is written, the bar cleared; the exit code so far. */
  finish(): number {
    this.flush()
    this.endProgress()
    return this.code
  }
  /** Records an exit code; the highest wins (2 over 1 over 0). */
  exit(code: 0 | 1 | 2) {
    this.code = Math.max(this.code, code)
  }
  /** Lets the event loop run between files, so that SIGINT and SIGTERM are handled during a long batch. */
  async breathe() {
    this.flush()
    await new Promise((resolve) => setImmediate(resolve))
  }
  /** Where a batch is: on a terminal, a bar redrawn in place; otherwise a line per file (batches of more than ten). */
  progress(index: number, total: number, name: string) {
    if (this.quiet || total < 2) return
    if (this.io.stderrIsTerminal === true) {
      const width = 24
      const done = Math.floor((index / total) * width)
      const shown = [...name].length > 48 ? `…${[...name].slice(-47).join('')}` : name
      this.io.stderr(`\r\x1b[K[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${index + 1}/${total} ${shown}`)
      this.barShown = true
    } else if (total > 10) this.say(`[${index + 1}/${total}] ${name}`)
  }
  unreadable(error: unknown) {
    if (!(error instanceof InputError)) throw error
    unreadable.count++
    this.say(errorLine(error.text))
    this.exit(2)
  }
}

export const label = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en)

/** An input's or a usage error's line on stderr. */
const errorLine = (text: Bilingual): Bilingual => ({ zh: `错误：${text.zh}`, en: `error: ${text.en}` })

/** Inputs that could not be read in this run (for the summaries that count every file with a problem). */
export const unreadable = { count: 0 }

/** The language of a run: --lang zh|en (or --lang=…), else the locale (LC_ALL, LC_MESSAGES, LANG). */
export function langOf(argv: readonly string[]): Lang {
  const at = argv.indexOf('--lang')
  const given = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length)
  return given === 'zh' ? 'zh' : given === 'en' ? 'en' : defaultLang()
}

/** A command line that cannot run as given (exit code 2). */
export class UsageError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en)
  }
}

/** The exit code of a run that threw: 2, with the error said in the run's language (an unexpected one as internal). */
export function failed(ctx: Context, error: unknown): 2 {
  if (error instanceof UsageError || error instanceof InputError) {
    ctx.say(errorLine(error.text))
    return 2
  }
  ctx.say({ zh: `内部错误（请报告）：${(error as Error).message}`, en: `internal error (please report it): ${(error as Error).message}` })
  return 2
}
