/** Word .docx → HTML with mammoth (tables, merged cells and paragraphs kept), then the HTML path. */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024

export async function docxToHtml(data: Uint8Array): Promise<{ html: string; messages: string[] }> {
  // Loaded on first use: most inputs are not Word files, and the CLI should start fast.
  const { default: mammoth } = await import('mammoth')
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(data) })
  return { html: result.value, messages: result.messages.map((message) => message.message) }
}
