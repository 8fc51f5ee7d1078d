/**
 * A zip archive's entries inflated once, only to count what they expand to, before any reader trusts the archive: a
 * zip bomb (a small file that inflates to gigabytes) stops at the budget, counted while inflating, whatever sizes the
 * archive declares. Entries are found as readers find them (the central directory, then each local header), Zip64
 * included. Throws `BudgetError` past the budget and `ZipError` for an archive that cannot be read.
 */
import { budget, BudgetError } from '../budgets.js'
import type { Bilingual } from '../../validate/messages.js'
import { InflateLimit, inflateCounted } from './inflate.js'

export class ZipError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en)
  }
}

const broken = (zh: string, en: string) => new ZipError({ zh: `压缩包已损坏：${zh}`, en: `the archive is broken: ${en}` })

/** Total inflated bytes of every entry; at most `limit` (the named budget), else a BudgetError naming the entry. */
export async function inflatedSize(bytes: Uint8Array, limit: number, budgetName: string): Promise<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : fail())
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : fail())
  const u64 = (at: number) => {
    const value = at + 8 <= bytes.length ? Number(view.getBigUint64(at, true)) : fail()
    return Number.isSafeInteger(value) ? value : fail()
  }
  function fail(): never {
    throw broken('目录超出文件末尾', 'its directory points past the end of the file')
  }

  // The end-of-central-directory record: in the last 64 KB + 22 bytes.
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at
      break
    }
  }
  if (end < 0) throw broken('找不到中央目录', 'no central directory')
  let entries = u16(end + 10)
  let offset = u32(end + 16)
  if (entries === 0xffff || offset === 0xffffffff) {
    const locator = end - 20
    if (locator < 0 || u32(locator) !== 0x07064b50) throw broken('Zip64 定位记录缺失', 'the Zip64 locator is missing')
    const record = u64(locator + 8)
    if (u32(record) !== 0x06064b50) throw broken('Zip64 目录记录缺失', 'the Zip64 directory record is missing')
    entries = u64(record + 32)
    offset = u64(record + 48)
  }

  let total = 0
  for (let i = 0; i < entries; i++) {
    if (u32(offset) !== 0x02014b50) throw broken(`第 ${i + 1} 个目录项无效`, `directory entry ${i + 1} is invalid`)
    const method = u16(offset + 10)
    let compressed = u32(offset + 20)
    let declared = u32(offset + 24)
    const nameLength = u16(offset + 28)
    const extraLength = u16(offset + 30)
    const commentLength = u16(offset + 32)
    let local = u32(offset + 42)
    const name = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(offset + 46, offset + 46 + nameLength))
    // Zip64: the sizes and offset marked 0xFFFFFFFF are in the extra field 0x0001, in this order.
    for (let at = offset + 46 + nameLength; at + 4 <= offset + 46 + nameLength + extraLength; ) {
      const id = u16(at)
      const size = u16(at + 2)
      if (id === 0x0001) {
        let field = at + 4
        if (declared === 0xffffffff) (declared = u64(field)), (field += 8)
        if (compressed === 0xffffffff) (compressed = u64(field)), (field += 8)
        if (local === 0xffffffff) local = u64(field)
      }
      at += 4 + size
    }
    offset += 46 + nameLength + extraLength + commentLength

    if (u32(local) !== 0x04034b50) throw broken(`条目 ${name} 的本地头无效`, `the local header of ${name} is invalid`)
    const start = local + 30 + u16(local + 26) + u16(local + 28)
    if (start + compressed > bytes.length) fail()
    const data = bytes.subarray(start, start + compressed)
    const where = { zh: `Word 文件的条目 ${name}`, en: `the Word file's entry ${name}` }
    let size: number
    if (method === 0) size = compressed
    else if (method === 8) {
      let inflated
      try {
        inflated = await inflateCounted(data, 'deflate-raw', limit - total, false)
      } catch (error) {
        if (error instanceof InflateLimit) throw new BudgetError(budget(budgetName), where, limit + 1)
        throw error
      }
      if (inflated.damaged) throw broken(`条目 ${name} 无法解压`, `the entry ${name} does not inflate`)
      size = inflated.size
    } else throw new ZipError({ zh: `条目 ${name} 使用不支持的压缩方法 ${method}`, en: `the entry ${name} uses an unsupported compression method (${method})` })
    total += size
    if (total > limit) throw new BudgetError(budget(budgetName), where, total)
    if (size !== declared) {
      throw broken(`条目 ${name} 声明 ${declared} 字节，解压后为 ${size} 字节`, `the entry ${name} declares ${declared} bytes but inflates to ${size}`)
    }
  }
  return total
}
