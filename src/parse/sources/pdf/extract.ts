/**
 * The only module that talks to the PDF library (pdfjs-dist, Mozilla's reference implementation, loaded on first
 * use): a PDF's bytes → for each page, its text runs and its ruling lines, in page coordinates (points, origin at the
 * top left, y downwards). Nothing here knows about reports; `layout.ts` turns the geometry into lines.
 */
import { loadPdfJs, type PdfJs } from '../../../libraries.js'

/** A run of text as the PDF placed it: its box on the page (the baseline is `bottom - size * 0.12`). */
export interface TextRun {
  text: string
  x0: number
  x1: number
  top: number
  bottom: number
  /** Font size in points (the height of the text box). */
  size: number
  /** Set left to right on a horizontal baseline (not rotated). */
  horizontal: boolean
  /** The direction it reads in, turned clockwise from left to right: 0, 90 (downwards), 180 or 270 (upwards). */
  turn: 0 | 90 | 180 | 270
}

/** A ruling line, horizontal (`y0 === y1`) or vertical (`x0 === x1`), in page coordinates. */
export interface Rule {
  x0: number
  y0: number
  x1: number
  y1: number
}

export interface PdfPage {
  /** 1-based. */
  number: number
  width: number
  height: number
  runs: TextRun[]
  rules: Rule[]
  /** Images painted on the page (a scan is images and no text). */
  images: number
}

export interface PdfLimits {
  /** Pages read; the rest are reported, not read. */
  maxPages: number
  /** Text runs read in all; beyond them the PDF is refused as not a report. */
  maxRuns: number
}

export type ExtractFailure = { kind: 'encrypted' | 'unreadable' | 'too-much-text'; detail: string }

export interface Extracted {
  pages: PdfPage[]
  /** Pages in the document (may exceed `pages.length` when capped by `maxPages`). */
  pageCount: number
}

type Matrix = [number, number, number, number, number, number]
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
]
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]

/** A filled rectangle no thicker than this is a ruling line; a wider one contributes its four edges. */
const RULE_THICKNESS = 3
/** How far from axis-aligned a segment may be and still count as a rule. */
const AXIS_TOLERANCE = 0.5

/** The ruling lines of one page: stroked axis-aligned segments, thin filled rectangles, the edges of wide ones. */
function rulesOf(pdfjs: PdfJs, operators: { fnArray: number[]; argsArray: unknown[][] }, view: Matrix): { rules: Rule[]; images: number } {
  const { OPS } = pdfjs
  const rules: Rule[] = []
  const stack: Matrix[] = []
  let ctm = view
  let images = 0
  const push = (ax: number, ay: number, bx: number, by: number) => {
    const [x0, y0] = apply(ctm, ax, ay)
    const [x1, y1] = apply(ctm, bx, by)
    if (Math.abs(y0 - y1) <= AXIS_TOLERANCE && Math.abs(x0 - x1) > AXIS_TOLERANCE) {
      const y = (y0 + y1) / 2
      rules.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: y, y1: y })
    } else if (Math.abs(x0 - x1) <= AXIS_TOLERANCE && Math.abs(y0 - y1) > AXIS_TOLERANCE) {
      const x = (x0 + x1) / 2
      rules.push({ x0: x, x1: x, y0: Math.min(y0, y1), y1: Math.max(y0, y1) })
    }
  }
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])
  const { fnArray, argsArray } = operators
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]
    const args = argsArray[i] as unknown[]
    if (fn === OPS.save) stack.push(ctm)
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix)
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm)
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix)
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) images++
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number
      const path = (args[1] as unknown[])[0] as Float32Array | null
      if (path === null || path === undefined || (!strokes.has(paint) && !fills.has(paint))) continue
      // Sub-paths of moveTo/lineTo/closePath; curves end a straight sub-path.
      let points: [number, number][] = []
      const flush = (closed: boolean) => {
        if (points.length >= 2) {
          const box = rectangleOf(points)
          if (box !== undefined && fills.has(paint) && !strokes.has(paint)) {
            const [ax, ay] = apply(ctm, box[0], box[1])
            const [bx, by] = apply(ctm, box[2], box[3])
            const [x0, x1] = [Math.min(ax, bx), Math.max(ax, bx)]
            const [y0, y1] = [Math.min(ay, by), Math.max(ay, by)]
            if (y1 - y0 <= RULE_THICKNESS && x1 - x0 > RULE_THICKNESS) rules.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 })
            else if (x1 - x0 <= RULE_THICKNESS && y1 - y0 > RULE_THICKNESS) rules.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 })
            else if (x1 - x0 > RULE_THICKNESS && y1 - y0 > RULE_THICKNESS) {
              rules.push({ x0, x1, y0, y1: y0 }, { x0, x1, y0: y1, y1 }, { x0, x1: x0, y0, y1 }, { x0: x1, x1, y0, y1 })
            }
          } else if (strokes.has(paint)) {
            for (let k = 1; k < points.length; k++) push(points[k - 1]![0], points[k - 1]![1], points[k]![0], points[k]![1])
            if (closed) push(points[points.length - 1]![0], points[points.length - 1]![1], points[0]![0], points[0]![1])
          }
        }
        points = []
      }
      for (let k = 0; k < path.length; ) {
        const op = path[k++]
        if (op === 0) {
          flush(false)
          points.push([path[k]!, path[k + 1]!])
          k += 2
        } else if (op === 1) {
          points.push([path[k]!, path[k + 1]!])
          k += 2
        } else if (op === 2) {
          flush(false)
          k += 6
        } else if (op === 3) {
          flush(false)
          k += 4
        } else if (op === 4) flush(true)
        else break
      }
      flush(false)
    }
  }
  return { rules, images }
}

/** The box of a closed axis-aligned four-sided path, or undefined. */
function rectangleOf(points: readonly [number, number][]): [number, number, number, number] | undefined {
  const corners = points.length === 5 && points[4]![0] === points[0]![0] && points[4]![1] === points[0]![1] ? points.slice(0, 4) : points
  if (corners.length !== 4) return undefined
  const xs = new Set(corners.map((p) => Math.round(p[0] * 100)))
  const ys = new Set(corners.map((p) => Math.round(p[1] * 100)))
  if (xs.size > 2 || ys.size > 2) return undefined
  const x = corners.map((p) => p[0])
  const y = corners.map((p) => p[1])
  return [Math.min(...x), Math.min(...y), Math.max(...x), Math.max(...y)]
}

interface TextItemLike {
  str: string
  transform: number[]
  width: number
  height: number
}

/** Text runs of a page in page coordinates; rotated runs are kept with their axis-aligned box. */
function runsOf(items: readonly unknown[], view: Matrix): TextRun[] {
  const runs: TextRun[] = []
  for (const raw of items) {
    const item = raw as TextItemLike
    if (typeof item.str !== 'string' || item.str.trim() === '') continue
    const m = multiply(view, item.transform as Matrix)
    const size = Math.hypot(m[2], m[3]) || item.height
    if (!(size > 0) || !Number.isFinite(m[4]) || !Number.isFinite(m[5])) continue
    // Text set at a slant (a watermark across the page) is not the report's: only upright and quarter-turned text.
    const slanted = Math.abs(m[0]) > 1e-3 * size && Math.abs(m[1]) > 1e-3 * size
    if (slanted) continue
    // The run's advance, along its own direction, in page units.
    const scale = Math.hypot(view[0], view[1]) || 1
    const advance = item.width * scale
    const ux = m[0] / (Math.hypot(m[0], m[1]) || 1)
    const uy = m[1] / (Math.hypot(m[0], m[1]) || 1)
    const [bx, by] = [m[4], m[5]]
    const ex = bx + ux * advance
    const ey = by + uy * advance
    // The glyph box: from 0.12 em below the baseline to 0.88 em above it, across the advance.
    const [vx, vy] = [m[2] / size, m[3] / size]
    const xs = [bx, ex].flatMap((x) => [x + vx * size * 0.88, x - vx * size * 0.12])
    const ys = [by, ey].flatMap((y) => [y + vy * size * 0.88, y - vy * size * 0.12])
    const turn = Math.abs(m[0]) >= Math.abs(m[1]) ? (m[0] > 0 ? 0 : 180) : m[1] > 0 ? 90 : 270
    runs.push({ text: item.str, x0: Math.min(...xs), x1: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys), size, horizontal: turn === 0, turn })
  }
  return runs
}

/** Reads every page's text runs and rules. Rejects with an ExtractFailure for an encrypted or broken file. */
export async function extractPdf(data: Uint8Array, limits: PdfLimits): Promise<Extracted> {
  const { pdfjs, assets, CMapReaderFactory } = await loadPdfJs()
  const task = pdfjs.getDocument({
    // pdf.js may transfer (detach) the buffer it is given: it gets a copy, so the caller's bytes are left alone.
    data: new Uint8Array(data),
    ...(assets === undefined ? {} : { cMapUrl: `${assets}cmaps/`, cMapPacked: true, standardFontDataUrl: `${assets}standard_fonts/` }),
    ...(CMapReaderFactory === undefined ? {} : { CMapReaderFactory: CMapReaderFactory as never }),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  let document: Awaited<typeof task.promise>
  try {
    document = await task.promise
  } catch (error) {
    const name = (error as { name?: string }).name
    throw { kind: name === 'PasswordException' ? 'encrypted' : 'unreadable', detail: (error as Error).message ?? String(error) } satisfies ExtractFailure
  }
  try {
    const pages: PdfPage[] = []
    let runCount = 0
    const count = Math.min(document.numPages, limits.maxPages)
    for (let number = 1; number <= count; number++) {
      const page = await document.getPage(number)
      const viewport = page.getViewport({ scale: 1 })
      const view = viewport.transform as Matrix
      // Streamed, so that a page with more text than any report (a hostile file) is stopped while it is read.
      const items: unknown[] = []
      const reader = page.streamTextContent().getReader()
      for (;;) {
        const { value, done } = await reader.read()
        if (done === true) break
        items.push(...((value as { items: unknown[] }).items ?? []))
        if (runCount + items.length > limits.maxRuns) {
          // pdf.js wants a reason for a cancel (without one it throws from inside the stream).
          await reader.cancel(new Error('too much text'))
          throw { kind: 'too-much-text', detail: `more than ${limits.maxRuns} text runs` } satisfies ExtractFailure
        }
      }
      const runs = runsOf(items, view)
      runCount += runs.length
      const { rules, images } = rulesOf(pdfjs, await page.getOperatorList(), view)
      pages.push({ number, width: viewport.width, height: viewport.height, runs, rules, images })
      page.cleanup()
    }
    return { pages, pageCount: document.numPages }
  } catch (error) {
    if ((error as ExtractFailure).kind !== undefined) throw error
    throw { kind: 'unreadable', detail: (error as Error).message ?? String(error) } satisfies ExtractFailure
  } finally {
    await document.destroy()
  }
}
