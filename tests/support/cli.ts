/** The command line run in-process: its exit code and what it wrote to stdout and stderr. */
import { run } from '../../src/cli/main.js'

export async function runCli(args: string[], stdin: string | Uint8Array, cwd: string, terminal = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
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
