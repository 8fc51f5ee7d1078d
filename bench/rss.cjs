// Preloaded with --require: prints the process's peak resident memory on exit, for the stream benchmark.
// VmHWM (Linux) belongs to this process image; getrusage's maxRSS would include the parent's peak, which a child
// inherits across fork and exec.
const { readFileSync } = require('node:fs')

process.on('exit', () => {
  let kb = process.resourceUsage().maxRSS
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) kb = Number(match[1])
  } catch {}
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${kb}\n`)
})
