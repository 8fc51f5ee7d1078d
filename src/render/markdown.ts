/** Canonical report → Markdown: headings, paragraphs and pipe tables (merged cells written out on a full grid). */
import { grid, layoutReport, type Block } from './document.js'
import type { Renderable } from './layout.js'

const row = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`

function block(b: Block): string[] {
  switch (b.kind) {
    case 'title':
      return [`# ${b.text}`, '']
    case 'meta':
      return [...b.lines.map((l) => `- ${l.label}：${l.value}`), '']
    case 'heading':
      return [`${'#'.repeat(b.level)} ${b.text}`, '']
    case 'paragraph':
      return [b.text, '']
    case 'table': {
      const [header, ...rest] = grid(b.rows)
      return [row(header!), `|${' --- |'.repeat(header!.length)}`, ...rest.map(row), '']
    }
  }
}

export function renderMarkdown(report: Renderable): string {
  return layoutReport(report).flatMap(block).join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}
