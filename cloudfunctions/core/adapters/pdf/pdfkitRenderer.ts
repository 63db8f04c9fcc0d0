// Lays out a PdfDocumentSpec with pdfkit on A4, in the embedded CJK font. pdfkit and the font are
// loaded on the first document, not when a function starts: most calls never print anything.
import type { PdfBlock, PdfDocumentSpec, PdfRenderer } from '../../ports/pdf'
import { findCjkFont, type CjkFontFiles } from './cjkFont'

const TEXT_COLOR = '#1f1f1f'
/** Line height of Noto Sans SC per point of font size (ascender − descender). */
const BADGE_LINE = 1.448

function drawBlock(doc: PDFKit.PDFDocument, block: PdfBlock, contentWidth: number, left: number): void {
  switch (block.kind) {
    case 'heading':
      doc.font('cjk-bold').fontSize(block.size ?? 22).fillColor(TEXT_COLOR)
      doc.text(block.text, { align: block.align ?? 'left', width: contentWidth })
      doc.moveDown(0.4)
      return
    case 'text':
      doc.font(block.bold ? 'cjk-bold' : 'cjk').fontSize(block.size ?? 12).fillColor(block.color ?? TEXT_COLOR)
      doc.text(block.text, { align: block.align ?? 'left', width: contentWidth, lineGap: 3 })
      doc.moveDown(0.3)
      return
    case 'image': {
      const width = Math.min(block.width, contentWidth)
      const x = block.align === 'center' ? left + (contentWidth - width) / 2 : block.align === 'right' ? left + contentWidth - width : left
      const y = doc.y
      doc.image(block.png, x, y, { width })
      doc.y = y + width * imageAspect(block.png) + 6
      doc.x = left
      return
    }
    case 'figures': {
      if (!block.items.length) return
      const gap = 12
      const perRow = Math.max(1, Math.floor((contentWidth + gap) / (block.width + gap)))
      for (let i = 0; i < block.items.length; i += perRow) {
        const row = block.items.slice(i, i + perRow)
        const rowWidth = row.length * block.width + (row.length - 1) * gap
        let x = left + (contentWidth - rowWidth) / 2
        const y = doc.y
        let bottom = y
        for (const item of row) {
          const h = block.width * imageAspect(item.png)
          doc.image(item.png, x, y, { width: block.width })
          doc.font('cjk').fontSize(11).fillColor(TEXT_COLOR)
          doc.text(item.caption, x - gap / 2, y + h + 4, { width: block.width + gap, align: 'center' })
          bottom = Math.max(bottom, doc.y)
          x += block.width + gap
        }
        doc.x = left
        doc.y = bottom + 8
      }
      return
    }
    case 'badges': {
      if (!block.items.length) return
      const gap = 16
      const size = block.size
      const perRow = Math.max(1, Math.floor((contentWidth + gap) / (size + gap)))
      for (let i = 0; i < block.items.length; i += perRow) {
        const row = block.items.slice(i, i + perRow)
        const rowWidth = row.length * size + (row.length - 1) * gap
        let x = left + (contentWidth - rowWidth) / 2
        const y = doc.y
        for (const item of row) {
          if (item.photo) {
            // The portrait, cropped to the disc.
            doc.save()
            doc.circle(x + size / 2, y + size / 2, size / 2).clip()
            doc.image(item.photo, x, y, { cover: [size, size], align: 'center', valign: 'center' })
            doc.restore()
          } else {
            doc.circle(x + size / 2, y + size / 2, size / 2).fillColor(item.color).fill()
            const initialSize = size * 0.45
            doc.font('cjk-bold').fontSize(initialSize).fillColor('#ffffff')
            doc.text(item.initial, x, y + (size - initialSize * BADGE_LINE) / 2, { width: size, align: 'center', lineBreak: false })
          }
          doc.font('cjk').fontSize(11).fillColor(TEXT_COLOR)
          doc.text(item.caption, x - gap / 2, y + size + 4, { width: size + gap, align: 'center', lineBreak: false })
          x += size + gap
        }
        doc.x = left
        doc.y = y + size + 4 + 11 * BADGE_LINE + 8
      }
      return
    }
    case 'table': {
      doc.fontSize(10).fillColor(TEXT_COLOR)
      const drawRow = (cells: string[], bold: boolean) => {
        doc.font(bold ? 'cjk-bold' : 'cjk')
        const y = doc.y
        let x = left
        let bottom = y
        block.columns.forEach((column, index) => {
          doc.text(cells[index] ?? '', x + 2, y, { width: column.width - 4 })
          bottom = Math.max(bottom, doc.y)
          x += column.width
        })
        doc.moveTo(left, bottom + 2).lineTo(x, bottom + 2).lineWidth(0.5).strokeColor('#999999').stroke()
        doc.x = left
        doc.y = bottom + 5
      }
      drawRow(block.columns.map((c) => c.header), true)
      for (const row of block.rows) {
        if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage()
        drawRow(row, false)
      }
      doc.moveDown(0.5)
      return
    }
    case 'space':
      doc.y += block.height
      return
    case 'pageBreak':
      doc.addPage()
      return
  }
}

/** Height / width of a PNG, read from its IHDR chunk (pdfkit scales to the width we give). */
function imageAspect(png: Buffer): number {
  if (png.length > 24 && png.readUInt32BE(12) === 0x49484452) {
    const width = png.readUInt32BE(16)
    const height = png.readUInt32BE(20)
    if (width > 0) return height / width
  }
  return 1
}

export function createPdfkitRenderer(fontFiles?: CjkFontFiles): PdfRenderer {
  return {
    async preview(spec: PdfDocumentSpec, options?: { width?: number }) {
      const { renderPreviewPng } = await import('./canvasPreview')
      return renderPreviewPng(spec, fontFiles ?? findCjkFont(), options?.width ?? 794)
    },
    async render(spec: PdfDocumentSpec) {
      const { default: PDFDocument } = await import('pdfkit')
      const font = fontFiles ?? findCjkFont()
      return new Promise<Buffer>((resolve, reject) => {
        const margin = spec.margin ?? 48
        const doc = new PDFDocument({ size: spec.size ?? 'A4', margin, info: { Title: spec.title, Creator: '民意通' } })
        const chunks: Buffer[] = []
        doc.on('data', (chunk: Buffer) => chunks.push(chunk))
        doc.on('end', () => resolve(Buffer.concat(chunks)))
        doc.on('error', reject)
        try {
          doc.registerFont('cjk', font.regular)
          doc.registerFont('cjk-bold', font.bold)
          doc.font('cjk')
          const contentWidth = doc.page.width - margin * 2
          for (const block of spec.blocks) drawBlock(doc, block, contentWidth, margin)
          doc.end()
        } catch (error) {
          reject(error)
        }
      })
    },
  }
}
