// The on-screen preview of a PdfDocumentSpec: its first page drawn with @napi-rs/canvas (Skia,
// prebuilt binaries shipped in the npm package, no system libraries) in the same embedded font,
// following the pdfkit adapter's layout rules (A4 in points, the same margins, sizes and gaps),
// scaled to the requested pixel width. Loaded only when a preview is asked for.
import type { PdfBlock, PdfDocumentSpec } from '../../ports/pdf'
import type { CjkFontFiles } from './cjkFont'

const A4 = { width: 595.28, height: 841.89 }
const TEXT_COLOR = '#1f1f1f'
/** Line height per point of font size of Noto Sans SC, as pdfkit computes it. */
const LINE = 1.448

type Canvas = typeof import('@napi-rs/canvas')
type Ctx = ReturnType<ReturnType<Canvas['createCanvas']>['getContext']>

let registered: string | null = null

function register(canvas: Canvas, font: CjkFontFiles): void {
  if (registered === font.regular) return
  canvas.GlobalFonts.registerFromPath(font.regular, 'MinyiCJK')
  canvas.GlobalFonts.registerFromPath(font.bold, 'MinyiCJKBold')
  registered = font.regular
}

/** Breaks text into lines no wider than `width` (CJK breaks anywhere; explicit newlines kept). */
function wrap(ctx: Ctx, text: string, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const ch of paragraph) {
      if (line && ctx.measureText(line + ch).width > width) {
        lines.push(line)
        line = ch
      } else line += ch
    }
    lines.push(line)
  }
  return lines
}

export async function renderPreviewPng(spec: PdfDocumentSpec, font: CjkFontFiles, pixelWidth: number): Promise<Buffer> {
  const canvas: Canvas = await import('@napi-rs/canvas')
  register(canvas, font)
  const scale = pixelWidth / A4.width
  const surface = canvas.createCanvas(Math.round(A4.width * scale), Math.round(A4.height * scale))
  const ctx = surface.getContext('2d')
  ctx.scale(scale, scale)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, A4.width, A4.height)
  const margin = spec.margin ?? 48
  const left = margin
  const contentWidth = A4.width - margin * 2
  let y = margin

  const setFont = (size: number, bold = false) => {
    ctx.font = `${size}px ${bold ? 'MinyiCJKBold' : 'MinyiCJK'}`
  }
  const textBlock = (text: string, size: number, bold: boolean, align: string, color: string, lineGap: number) => {
    setFont(size, bold)
    ctx.fillStyle = color
    ctx.textBaseline = 'top'
    for (const line of wrap(ctx, text, contentWidth)) {
      const w = ctx.measureText(line).width
      const x = align === 'center' ? left + (contentWidth - w) / 2 : align === 'right' ? left + contentWidth - w : left
      ctx.fillText(line, x, y + size * 0.16)
      y += size * LINE + lineGap
    }
  }
  const image = async (png: Buffer, x: number, top: number, width: number) => {
    const img = await canvas.loadImage(png)
    const height = (width * img.height) / img.width
    ctx.drawImage(img, x, top, width, height)
    return height
  }

  const draw = async (block: PdfBlock): Promise<boolean> => {
    switch (block.kind) {
      case 'heading': {
        const size = block.size ?? 22
        textBlock(block.text, size, true, block.align ?? 'left', TEXT_COLOR, 0)
        y += size * LINE * 0.4
        return true
      }
      case 'text': {
        const size = block.size ?? 12
        textBlock(block.text, size, !!block.bold, block.align ?? 'left', block.color ?? TEXT_COLOR, 3)
        y += size * LINE * 0.3
        return true
      }
      case 'image': {
        const width = Math.min(block.width, contentWidth)
        const x = block.align === 'center' ? left + (contentWidth - width) / 2 : block.align === 'right' ? left + contentWidth - width : left
        y += (await image(block.png, x, y, width)) + 6
        return true
      }
      case 'figures':
      case 'badges': {
        const gap = block.kind === 'badges' ? 16 : 12
        const size = block.kind === 'badges' ? block.size : block.width
        const perRow = Math.max(1, Math.floor((contentWidth + gap) / (size + gap)))
        for (let i = 0; i < block.items.length; i += perRow) {
          const row = block.items.slice(i, i + perRow)
          let x = left + (contentWidth - (row.length * size + (row.length - 1) * gap)) / 2
          let height = size
          for (const item of row) {
            if ('png' in item) height = await image(item.png, x, y, size)
            else if (item.photo) {
              // The portrait, cropped to the disc (cover), as in the PDF.
              const img = await canvas.loadImage(item.photo)
              const scale = Math.max(size / img.width, size / img.height)
              const w = img.width * scale
              const h = img.height * scale
              ctx.save()
              ctx.beginPath()
              ctx.arc(x + size / 2, y + size / 2, size / 2, 0, Math.PI * 2)
              ctx.clip()
              ctx.drawImage(img, x + (size - w) / 2, y + (size - h) / 2, w, h)
              ctx.restore()
            } else {
              ctx.fillStyle = item.color
              ctx.beginPath()
              ctx.arc(x + size / 2, y + size / 2, size / 2, 0, Math.PI * 2)
              ctx.fill()
              const initialSize = size * 0.45
              setFont(initialSize, true)
              ctx.fillStyle = '#ffffff'
              ctx.textBaseline = 'middle'
              ctx.textAlign = 'center'
              ctx.fillText(item.initial, x + size / 2, y + size / 2)
              ctx.textAlign = 'left'
            }
            setFont(11)
            ctx.fillStyle = TEXT_COLOR
            ctx.textBaseline = 'top'
            ctx.textAlign = 'center'
            ctx.fillText(item.caption, x + size / 2, y + height + 4 + 11 * 0.16)
            ctx.textAlign = 'left'
            x += size + gap
          }
          y += height + 4 + 11 * LINE + 8
        }
        return true
      }
      case 'table': {
        setFont(10)
        ctx.fillStyle = TEXT_COLOR
        ctx.textBaseline = 'top'
        for (const [index, cells] of [block.columns.map((c) => c.header), ...block.rows].entries()) {
          setFont(10, index === 0)
          let x = left
          block.columns.forEach((column, i) => {
            ctx.fillText(cells[i] ?? '', x + 2, y)
            x += column.width
          })
          y += 10 * LINE + 7
        }
        return true
      }
      case 'space':
        y += block.height
        return true
      case 'pageBreak':
        return false
    }
  }
  for (const block of spec.blocks) {
    if (!(await draw(block))) break
  }
  return surface.toBuffer('image/png')
}
