/**
 * The template generations and how a document says which it is, without the schema documents (so that code that
 * only dispatches, like the CLI's fast path, need not load them).
 */
export const TEMPLATE_GENERATIONS = ['2021', '2019'] as const
export type TemplateGeneration = (typeof TEMPLATE_GENERATIONS)[number]

/** The template generation `data` declares, if it is an object with a known `template`. */
export function templateOf(data: unknown): TemplateGeneration | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined
  const template = (data as { template?: unknown }).template
  return typeof template === 'string' && (TEMPLATE_GENERATIONS as readonly string[]).includes(template) ? (template as TemplateGeneration) : undefined
}
