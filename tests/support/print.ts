/**
 * Real PDFs from the project's own rendered reports: the HTML of `renderHtml`, restyled (page size, font, size,
 * margins, borders), printed by headless Chromium (Debian's `chromium`, driven by playwright-core). What a browser's
 * "save as PDF" gives a collector.
 */
import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import type { Report } from '../../generated/report.js'
import { renderHtml } from '../../src/render/index.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = () => existsSync(CHROMIUM)

export interface PrintStyle {
  name: string
  format: 'A4' | 'Letter' | 'A5' | 'Legal' | 'A3'
  landscape: boolean
  /** A CJK font installed on the machine (Debian: fonts-wqy-zenhei, fonts-wqy-microhei, fonts-arphic-uming). */
  font: string
  fontSize: number
  margin: string
  /** Extra CSS: cell padding, borders, line height. */
  css: string
}

export const PRINT_STYLES: PrintStyle[] = [
  { name: 'a4-zenhei', format: 'A4', landscape: false, font: 'WenQuanYi Zen Hei', fontSize: 14, margin: '20mm', css: '' },
  { name: 'letter-uming', format: 'Letter', landscape: false, font: 'AR PL UMing CN', fontSize: 12, margin: '15mm', css: 'td{padding:4px 8px}' },
  { name: 'a5-microhei', format: 'A5', landscape: false, font: 'WenQuanYi Micro Hei', fontSize: 11, margin: '10mm', css: 'td{padding:1px 2px}' },
  { name: 'a4-landscape-uming', format: 'A4', landscape: true, font: 'AR PL UMing CN', fontSize: 16, margin: '25mm', css: 'p{text-indent:2em;line-height:1.8}' },
  { name: 'legal-zenhei-black', format: 'Legal', landscape: false, font: 'WenQuanYi Zen Hei', fontSize: 13, margin: '18mm', css: 'td{border:2px solid #000;padding:3px}' },
  { name: 'a3-microhei', format: 'A3', landscape: false, font: 'WenQuanYi Micro Hei', fontSize: 18, margin: '30mm', css: 'p{margin:0.3em 0;text-indent:2em}' },
]

/** The style of the benchmark's PDF: the seed report on five A5 pages. */
export const SEED_A5: PrintStyle = { name: 'a5-zenhei-14', format: 'A5', landscape: false, font: 'WenQuanYi Zen Hei', fontSize: 14, margin: '12mm', css: '' }

/** The rendered report with the style's font, size and CSS. */
export function styledHtml(report: Report, style: PrintStyle): string {
  const css = `body{font-family:"${style.font}";font-size:${style.fontSize}px}${style.css}`
  return renderHtml(report).replace('</head>', `<style>${css}</style>\n</head>`)
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** Prints one report as a PDF in the given style. */
export async function printReport(browser: Browser, report: Report, style: PrintStyle): Promise<Uint8Array> {
  const page = await browser.newPage()
  try {
    await page.setContent(styledHtml(report, style), { waitUntil: 'load' })
    const pdf = await page.pdf({ format: style.format, landscape: style.landscape, margin: { top: style.margin, bottom: style.margin, left: style.margin, right: style.margin } })
    return new Uint8Array(pdf)
  } finally {
    await page.close()
  }
}
