// Preloaded into a child process (node --import): at exit, writes the process's peak resident memory in kilobytes
// to the file named by ZFXXGK_RSS_FILE, so a test can bound the memory a hostile input costs.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (process.env.ZFXXGK_RSS_FILE) writeFileSync(process.env.ZFXXGK_RSS_FILE, String(process.resourceUsage().maxRSS))
})
