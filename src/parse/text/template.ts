/** Tells the template generation of a printed report from the labels of its tables. */
import { templateSchemas } from '../../schema/published.js'
import { rowsOf, type Template } from '../../schema/tables.js'
import type { Collector } from '../diagnostics.js'
import type { Line } from '../sources/text.js'
import { normalizeLabel } from '../tokens/normalize.js'

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

/** The template generation: forced by the caller, else told by the labels, else assumed from the year. */
export function detectTemplate(lines: readonly Line[], year: number | undefined, forced: Template | undefined, out: Collector): Template {
  if (forced !== undefined) return forced
  const scores = templateScores(normalizeLabel(lines.map((line) => line.text).join('')))
  const [best, second] = (Object.entries(scores) as [Template, number][]).sort((a, b) => b[1] - a[1])
  if (best![1] > second![1]) {
    out.add('info', 'template-detected', `按表格标签识别为${best![0]}年格式`, `detected the ${best![0]} template from the table labels`)
    return best![0]
  }
  const byYear: Template = year !== undefined && year <= 2020 ? '2019' : '2021'
  out.add('warning', 'template-assumed', `无法从表格标签识别格式，按年度采用${byYear}年格式`, `the table labels do not tell the template; assumed ${byYear} from the year`)
  return byYear
}
