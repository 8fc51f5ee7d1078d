// Baseline of the stream benchmark: read the same NDJSON file line by line and JSON.parse each line, nothing else.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'

let count = 0
for await (const line of createInterface({ input: createReadStream(process.argv[2], { encoding: 'utf8' }), crlfDelay: Infinity })) {
  if (line.trim() === '') continue
  JSON.parse(line)
  count++
}
process.stdout.write(`${count}\n`)
