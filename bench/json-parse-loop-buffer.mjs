// The stream benchmark's second loop: JSON.parse of each line, the file read as the CLI reads it (into one reused
// buffer, src/cli/io.ts fileChunks; each line decoded from its bytes), to show what the reading alone is worth.
import { open } from 'node:fs/promises'

const handle = await open(process.argv[2], 'r')
const buffer = Buffer.allocUnsafeSlow(1 << 20)
const decoder = new TextDecoder('utf-8', { fatal: true })
let carry = Buffer.alloc(0)
let count = 0
const parseLine = (bytes) => {
  const text = decoder.decode(bytes)
  if (text.trim() === '') return
  JSON.parse(text)
  count++
}
for (;;) {
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
  if (bytesRead === 0) break
  const chunk = buffer.subarray(0, bytesRead)
  let from = 0
  for (let newline = chunk.indexOf(0x0a); newline >= 0; newline = chunk.indexOf(0x0a, from)) {
    parseLine(carry.length > 0 ? Buffer.concat([carry, chunk.subarray(from, newline)]) : chunk.subarray(from, newline))
    carry = Buffer.alloc(0)
    from = newline + 1
  }
  carry = Buffer.concat([carry, chunk.subarray(from)])
}
if (carry.length > 0) parseLine(carry)
await handle.close()
process.stdout.write(`${count}\n`)
