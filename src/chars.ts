/** Character scans shared by the parser and the renderers, written as loops so that no run of input can make them backtrack. */

/** `text` without the run of `char` at its end ("12.500" → "12.5" for "0"). */
export function trimEndOf(text: string, char: string): string {
  let end = text.length
  while (end > 0 && text[end - 1] === char) end--
  return text.slice(0, end)
}
