// Preloaded with --require: prints the process's peak resident memory on exit, for the stream benchmark.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`)
})
