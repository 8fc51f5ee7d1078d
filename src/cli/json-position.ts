/**
 * Where JSON text first breaks the grammar, for the errors whose JSON.parse message gives no position ("Unexpected
 * token 'N', … is not valid JSON" for NaN, Infinity, a trailing comma …). One pass, no recursion: any nesting depth
 * and any length cost linear time and constant stack.
 */

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d])
const isDigit = (c: number) => c >= 0x30 && c <= 0x39

/** The offset of the first character that makes `text` invalid JSON, or undefined if it is valid. */
export function syntaxErrorOffset(text: string): number | undefined {
  let i = 0
  const n = text.length
  // What the parser expects next; the stack holds the open containers ('{' or '[').
  const stack: number[] = []
  const skip = () => {
    while (i < n && WHITESPACE.has(text.charCodeAt(i))) i++
  }
  const string = (): boolean => {
    i++ // the opening quote
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return true
      }
      if (c < 0x20) return false
      if (c === 0x5c) {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2
            return false
          }
          i += 6
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
        else {
          i++
          return false
        }
      } else i++
    }
    return false
  }
  const number = (): boolean => {
    if (text[i] === '-') i++
    if (text[i] === '0') i++
    else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++
    else return false
    if (text[i] === '.') {
      i++
      if (!isDigit(text.charCodeAt(i))) return false
      while (isDigit(text.charCodeAt(i))) i++
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      if (text[i] === '+' || text[i] === '-') i++
      if (!isDigit(text.charCodeAt(i))) return false
      while (isDigit(text.charCodeAt(i))) i++
    }
    return true
  }
  const literal = (word: string): boolean => {
    for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) return false
    return true
  }
  /** An object's key and its colon; false at the offending character. */
  const key = (): boolean => {
    skip()
    if (text[i] !== '"' || !string()) return false
    skip()
    if (text[i] !== ':') return false
    i++
    return true
  }

  let expectValue = true
  for (;;) {
    skip()
    if (expectValue) {
      const c = text[i]
      if (c === '{' || c === '[') {
        stack.push(text.charCodeAt(i))
        i++
        skip()
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop()
          i++
          expectValue = false
        } else if (c === '{' && !key()) return i
        continue
      }
      let ok: boolean
      if (c === '"') ok = string()
      else if (c === '-' || (c !== undefined && isDigit(c.charCodeAt(0)))) ok = number()
      else if (c === 't') ok = literal('true')
      else if (c === 'f') ok = literal('false')
      else if (c === 'n') ok = literal('null')
      else ok = false
      if (!ok) return i
      expectValue = false
      continue
    }
    const top = stack[stack.length - 1]
    if (top === undefined) return i === n ? undefined : i
    if (text[i] === (top === 0x7b ? '}' : ']')) {
      stack.pop()
      i++
      continue
    }
    if (text[i] !== ',') return i
    i++
    if (top === 0x7b && !key()) return i
    expectValue = true
  }
}
