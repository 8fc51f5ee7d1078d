/** Tells the template generation of a printed report from the labels of its tables. */
import { templateSchemas } from '../schema/published.js'
import { rowsOf, type Template } from '../schema/tables.js'
import { normalizeLabel } from './normalize.js'

/** Official titles found in one template's tables but not in the other's (nor inside one of the other's). */
function distinctiveTitles(template: Template): string[] {
  const titlesOf = (t: Template) => {
    const set = new Set<string>()
    for (const section of ['/proactiveDisclosure', '/applications']) {
      for (const row of rowsOf(t, section)) {
        set.add(normalizeLabel(row.label))
        for (const column of row.columns) set.add(normalizeLabel(column.title))
      }
    }
    return set
  }
  const own = titlesOf(template)
  const others = [...new Set((Object.keys(templateSchemas) as Template[]).filter((t) => t !== template).flatMap((t) => [...titlesOf(t)]))]
  return [...own].filter((title) => title.length >= 4 && !others.some((other) => other.includes(title) || title.includes(other)))
}

const markers = Object.fromEntries(
  (Object.keys(templateSchemas) as Template[]).map((t) => [t, distinctiveTitles(t)]),
) as Record<Template, string[]>

/** How many of each template's distinctive labels occur in the (normalised) text. */
export function templateScores(normalizedText: string): Record<Template, number> {
  return Object.fromEntries(
    (Object.keys(markers) as Template[]).map((t) => [t, markers[t].filter((title) => normalizedText.includes(title)).length]),
  ) as Record<Template, number>
}
