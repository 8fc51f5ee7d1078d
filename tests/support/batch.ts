/**
 * A batch of report files as a 主管部门 receives them: generated reports of both templates rendered as HTML, text,
 * Word, canonical JSON and NDJSON, some with a wrong total, some cut off, some not reports at all.
 */
import type { Report } from '../../generated/report.js'
import { renderHtml, renderText } from '../../src/render/index.js'
import { random, realisticReport } from './damage.js'
import { htmlToDocx } from './docx.js'

export interface BatchFile {
  name: string
  bytes: Uint8Array
}

const encode = (text: string) => new TextEncoder().encode(text)

/**
 * The report with a narrative that states its own numbers: the generated tables replace the base report's, so the
 * base's sentences about requests (未收到…, 收到16件) would contradict them.
 */
function withOwnNarrative(report: Report): Report {
  const a = report.applications
  for (const paragraph of report.overview.paragraphs) {
    if (paragraph.topic === 'disclosureOnRequest') paragraph.text = `本年度共收到政府信息公开申请${a.newlyReceived.total}件，上年结转${a.carriedOverFromLastYear.total}件。`
  }
  return report
}

/** `count` files, the same for the same seed. Word files are every `docxEvery`-th (they are slow to make). */
export async function makeBatch(count: number, seed: number, docxEvery = 25): Promise<BatchFile[]> {
  const rand = random(seed)
  const files: BatchFile[] = []
  for (let i = 0; i < count; i++) {
    const report: Report = withOwnNarrative(realisticReport(rand() < 0.7 ? '2021' : '2019', rand))
    report.meta.agencyName = `第${i + 1}号机关`
    // One in six has a wrong total: the printed （七）总计 of natural persons is one more than its column.
    if (i % 6 === 5) (report.applications.outcomes.total as { naturalPerson: number }).naturalPerson += 1
    const name = `${String(i + 1).padStart(3, '0')}-${report.template}`
    const kind = i % docxEvery === docxEvery - 1 ? 'docx' : ['html', 'text', 'json', 'html', 'text', 'ndjson', 'cut', 'html', 'text', 'junk'][i % 10]!
    if (kind === 'docx') files.push({ name: `${name}.docx`, bytes: await htmlToDocx(renderHtml(report)) })
    else if (kind === 'html') files.push({ name: `${name}.html`, bytes: encode(renderHtml(report)) })
    else if (kind === 'text') files.push({ name: `${name}.txt`, bytes: encode(renderText(report)) })
    else if (kind === 'json') files.push({ name: `${name}.json`, bytes: encode(JSON.stringify(report, null, 2)) })
    else if (kind === 'ndjson') {
      // The second report keeps the base's narrative, which its tables contradict: a report with warnings only.
      const other = realisticReport(report.template, rand)
      files.push({ name: `${name}.ndjson`, bytes: encode(`${JSON.stringify(report)}\n${JSON.stringify(other)}\n`) })
    } else if (kind === 'cut') {
      const text = renderText(report)
      files.push({ name: `${name}.txt`, bytes: encode(text.slice(0, Math.floor(text.length * 0.55))) })
    } else files.push({ name: `${name}.txt`, bytes: encode('会议通知\n各单位：定于下周召开工作会议，请准时参加。') })
  }
  return files
}
