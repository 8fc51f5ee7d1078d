/**
 * Word .docx → HTML with mammoth (tables, merged cells and paragraphs kept), then the HTML path. Before mammoth sees
 * the file, its entries are inflated once against the budget, so a zip bomb costs bounded memory; images are never
 * read (the report's text is all that is wanted).
 */
import { MAX_DOCX_INFLATED_BYTES } from '../budgets.js'
import { inflatedSize } from './zip.js'
import { loadMammoth } from '../../libraries.js'
export { MAX_DOCX_BYTES } from '../budgets.js'

export async function docxToHtml(data: Uint8Array): Promise<{ html: string; messages: string[] }> {
  // Loaded on first use: most inputs are not Word files, and the CLI should start fast.
  await inflatedSize(data, MAX_DOCX_INFLATED_BYTES, 'MAX_DOCX_INFLATED_BYTES')
  const mammoth = await loadMammoth()
  // Node's mammoth reads `buffer`, its browser build `arrayBuffer`; both hand the bytes to JSZip, which takes a Uint8Array.
  const result = await mammoth.convertToHtml(
    { buffer: data, arrayBuffer: data } as unknown as { arrayBuffer: ArrayBuffer },
    { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  )
  return { html: result.value, messages: result.messages.map((message) => message.message) }
}
