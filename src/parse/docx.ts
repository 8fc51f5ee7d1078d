/** Word .docx → HTML with mammoth (tables, merged cells and paragraphs kept), then the HTML path. */
import mammoth from 'mammoth'

export const MAX_DOCX_BYTES = 20 * 1024 * 1024

export async function docxToHtml(data: Uint8Array): Promise<{ html: string; messages: string[] }> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(data) })
  return { html: result.value, messages: result.messages.map((message) => message.message) }
}
