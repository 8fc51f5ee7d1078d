/**
 * Canonical form: what the parser produces from a rendered report. `$schema` set; a paragraph's topic is the one
 * named by its heading or, without one, by the nearest heading above it; optional lists are absent rather than empty.
 */
import type { Report } from '../../generated/report.js'
import { topicOf } from '../../src/parse/text/text-sections.js'
import { schemaId } from '../../src/schema/ids.js'

export function canonical(report: Report): Report {
  const r = structuredClone(report) as Report & Record<string, any>
  r.$schema = schemaId('report')
  let topic: string | undefined
  r.overview.paragraphs = r.overview.paragraphs.map((p) => {
    const { topic: _ignored, ...rest } = p
    if (p.heading !== undefined) topic = topicOf(p.heading)
    if (topic === undefined) return rest
    return p.heading === undefined ? { topic: topic as never, text: p.text } : { heading: p.heading, topic: topic as never, text: p.text }
  })
  for (const section of ['proactiveDisclosure', 'applications', 'reviewsAndLawsuits']) {
    if (r[section].notes?.length === 0) delete r[section].notes
  }
  if (r.otherMatters.additionalItems?.length === 0) delete r.otherMatters.additionalItems
  // Key order as the parser writes it: $schema first.
  const { $schema, ...rest } = r
  return { $schema, ...rest } as Report
}
