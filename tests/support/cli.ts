/**
 * The command line run in-process, as bin.ts runs it (a plain `validate` by its own runner, the rest by commander's),
 * or always by the whole command line (`whole`): its exit code and what it wrote to stdout and stderr.
 */
import { runnerOf } from '../../src/cli/dispatch.js'
import { run as runWhole } from '../../src/cli/main.js'

export async function runCli(args: string[], stdin: string | Uint8Array, cwd: string, terminal = false, whole = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const run = whole ? runWhole : await runnerOf(args)
  const code = await run(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: async function* () {
      yield typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin
    },
    cwd,
    stderrIsTerminal: terminal,
  })
  return { code, stdout, stderr }
}
