/**
 * `validate`, and the reading of canonical JSON that `check`, `render` and `aggregate` share. Its imports are those of a
 * valid report's validation only (no commander, no AJV, no parser): `bin.ts` runs a plain `validate` command line
 * through `runValidate` without loading the rest of the command line.
 */
import { Context, defaultLang, failed, label } from './context.js'
import { decodeText, expandFolders, JSON_EXTENSIONS, ndjsonLines, parseJson, readInput, statInput, streamOf, type Io } from './io.js'
import { validate } from './modules.js'
import { plainValidate } from './dispatch.js'
import type { ValidationError } from '../validate/messages.js'

/** Results go to stdout (so that `> 结果.txt` holds them); progress and notes go to stderr. */
export function printErrors(ctx: Context, name: string, errors: readonly ValidationError[]) {
  ctx.out(`${name}: ${label(ctx.lang, `不符合格式（${errors.length} 处）`, `invalid (${errors.length} errors)`)}`)
  for (const error of errors) ctx.out(`  ${error.message[ctx.lang]}`)
}

// ---- reading reports (JSON files, or NDJSON streams) ----

export interface Document {
  name: string
  data: unknown
}

/** The reports of JSON files and NDJSON streams, in order; what cannot be read is said and counted, and skipped. */
export async function* documents(ctx: Context, inputs: string[], ndjson: boolean): AsyncGenerator<Document> {
  for (const [index, path] of inputs.entries()) {
    await ctx.breathe()
    const streamed = ndjson || /\.(ndjson|jsonl)$/i.test(path)
    if (!streamed) ctx.progress(index, inputs.length, path)
    try {
      if (!streamed) {
        const input = await readInput(path, ctx.io, ctx.limits)
        yield { name: input.name, data: parseJson(decodeText(input), input.name) }
        continue
      }
      if (path !== '-') statInput(path, ctx.io)
      // Line by line as the bytes arrive (a file or stdin): constant memory, strict UTF-8, each line within its budget.
      const shown = path === '-' ? '<stdin>' : path
      for await (const { line, text, error } of ndjsonLines(streamOf(path, ctx.io), shown, ctx.limits, () => ctx.flush())) {
        if (!ctx.quiet && line % 10000 === 0) ctx.say(label(ctx.lang, `${shown}：已读 ${line} 行`, `${shown}: ${line} lines read`))
        if (error !== undefined) {
          ctx.unreadable(error)
          continue
        }
        const name = `${shown}:${line}`
        try {
          yield { name, data: parseJson(text!, name) }
        } catch (error) {
          ctx.unreadable(error)
        }
      }
    } catch (error) {
      ctx.unreadable(error)
    }
  }
}

/** `validate`: each report (a folder: its .json, .ndjson and .jsonl files) valid or not, with its errors; a count at the end of several. */
export async function validateCommand(ctx: Context, given: string[], flags: { json?: boolean; ndjson?: boolean }) {
  const inputs = expandFolders(given, ctx.io, JSON_EXTENSIONS, ctx.glob)
  let count = 0
  let invalid = 0
  for await (const { name, data } of documents(ctx, inputs, flags.ndjson === true)) {
    count++
    const result = await validate(data)
    if (!result.valid) {
      invalid++
      ctx.exit(1)
    }
    if (flags.json === true) ctx.out(JSON.stringify({ input: name, valid: result.valid, errors: result.errors }))
    else if (result.valid) ctx.say(`${name}: ${label(ctx.lang, '符合格式', 'valid')}`)
    else printErrors(ctx, name, result.errors)
  }
  if (count > 1 && !ctx.quiet) ctx.say(label(ctx.lang, `共 ${count} 份报告，${invalid} 份不符合格式`, `${count} reports, ${invalid} invalid`))
}

/** A plain `validate` command line (`plainValidate`, dispatch.ts): the output and exit code the whole command line gives it. */
export async function runValidate(argv: readonly string[], io: Io): Promise<number> {
  const plain = plainValidate(argv)
  if (plain === undefined) throw new Error(`not a plain validate command line: ${argv.join(' ')}`)
  const ctx = new Context(io, plain.lang ?? defaultLang(), plain.quiet)
  try {
    await validateCommand(ctx, plain.inputs, { json: plain.json, ndjson: plain.ndjson })
    return ctx.finish()
  } catch (error) {
    ctx.finish()
    return failed(ctx, error)
  }
}
