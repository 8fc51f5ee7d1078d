/** Canonical report → plain text in the layout of the published seed: tab-separated table rows, a blank line between paragraphs. */
import { trimEndOf } from '../chars.js'
import { grid, layoutReport, type Block } from './document.js'
import type { Renderable } from './layout.js'

function block(b: Block): string[] {
  switch (b.kind) {
    case 'title':
      return [b.text, '']
    case 'meta':
      return [...b.lines.map((l) => `${l.label}：${l.value}`), '']
    case 'heading':
      return ['', b.text, '']
    case 'paragraph':
      return [b.text, '']
    case 'table':
      return [...grid(b.rows).map((cells) => trimEndOf(cells.join('\t'), '\t')), '']
  }
}

export function renderText(report: Renderable): string {
  return layoutReport(report).flatMap(block).join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}
