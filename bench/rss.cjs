// Preloaded with --require: prints the process's peak resident memory and its CPU time (user + system, all its
// threads, from its start) on exit, for the stream and cold-start benchmarks.
// VmHWM (Linux) belongs to this process image; getrusage's maxRSS would include the parent's peak, which a child
// inherits across fork and exec.
const { readFileSync } = require('node:fs')

process.on('exit', () => {
  let kb = process.resourceUsage().maxRSS
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) kb = Number(match[1])
  } catch {}
  const cpu = process.cpuUsage()
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${kb}\nBENCH_CPU_MS=${(cpu.user + cpu.system) / 1000}\n`)
})
