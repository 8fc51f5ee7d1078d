/**
 * The `zfxxgk-report` executable: runs the CLI on process arguments and exits with its code; quiet on a closed pipe;
 * on SIGINT or SIGTERM removes the temporary files being written and says so before exiting (130, 143).
 */
import { rmSync } from 'node:fs'
import { VERSION } from './version.js'
import { temporaries } from './temporaries.js'
import { runnerOf } from './dispatch.js'

// `--version` alone is answered before the command line's code is loaded (the same answer commander gives).
const argv = process.argv.slice(2)
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`)
  process.exit(0)
}
// A plain `validate` runs without commander and the other commands' code (which command lines: dispatch.ts).
const run = await runnerOf(argv)

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    for (const temporary of temporaries) rmSync(temporary, { force: true, recursive: true })
    process.stderr.write(`zfxxgk-report: 已中断（${signal}），未写完的临时文件已删除 / interrupted (${signal}); unfinished temporary files removed\n`)
    process.exit(code)
  })
}

const code = await run(argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => process.stdin,
  cwd: process.cwd(),
  stderrIsTerminal: process.stderr.isTTY === true,
})
// Exit once stdout is flushed, without waiting for reads still blocked (a FIFO nobody writes to, after --timeout).
process.exitCode = code
process.stdout.write('', () => process.exit(code))
