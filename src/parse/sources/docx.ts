/**
 * Word .docx → HTML with mammoth (tables, merged cells and paragraphs kept), then the HTML path. Before mammoth sees
 * the file, its entries are inflated once against the budget, so a zip bomb costs bounded memory; images are never
 * read (the report's text is all that is wanted).
 */
import { MAX_DOCX_INFLATED_BYTES } from '../budgets.js'
import { inflatedSize } from './zip.js'
export { MAX_DOCX_BYTES } from '../budgets.js'

export async function docxToHtml(data: Uint8Array): Promise<{ html: string; messages: string[] }> {
  // Loaded on first use: most inputs are not Word files, and the CLI should start fast.
  await inflatedSize(data, MAX_DOCX_INFLATED_BYTES, 'MAX_DOCX_INFLATED_BYTES')
  const { default: mammoth } = await import('mammoth')
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(data) },
    { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  )
  return { html: result.value, messages: result.messages.map((message) => message.message) }
}
