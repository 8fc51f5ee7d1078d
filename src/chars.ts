/** Character scans shared by the parser and the renderers, written as loops so that no run of input can make them backtrack. */

/** `text` without the run of `char` at its end ("12.500" → "12.5" for "0"). */
export function trimEndOf(text: string, char: string): string {
  let end = text.length
  while (end > 0 && text[end - 1] === char) end--
  return text.slice(0, end)
}

/** Whether a UTF-16 code unit is white space as `\s` in a regular expression means it (Unicode White_Space, BOM). */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0xa0) return false
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}
