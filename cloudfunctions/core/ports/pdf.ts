// Printable documents (station and deputy posters, 述职报告, 回执) as data: a use case describes the
// page in blocks, the adapter lays it out. The use case never touches a PDF library or a font file.

export type PdfAlign = 'left' | 'center' | 'right'

export type PdfBlock =
  | { kind: 'heading'; text: string; size?: number; align?: PdfAlign }
  | { kind: 'text'; text: string; size?: number; align?: PdfAlign; bold?: boolean; color?: string }
  /** A PNG, `width` in points (A4 is 595 × 842 points). */
  | { kind: 'image'; png: Buffer; width: number; align?: PdfAlign }
  /** Images side by side with a caption under each (e.g. the deputies' photos and names). */
  | { kind: 'figures'; items: Array<{ png: Buffer; caption: string }>; width: number }
  /**
   * People as vector discs with a character (e.g. the surname) and a caption under each: for
   * portraits without a raster photo. An item with a `photo` (PNG or JPEG bytes) shows it instead,
   * cropped to the disc (an uploaded portrait); the others keep the disc, so one row mixes both.
   */
  | { kind: 'badges'; items: Array<{ initial: string; color: string; caption: string; photo?: Buffer }>; size: number }
  | { kind: 'table'; columns: Array<{ header: string; width: number }>; rows: string[][] }
  | { kind: 'space'; height: number }
  | { kind: 'pageBreak' }

export interface PdfDocumentSpec {
  /** The document's title in its metadata (and the file name a user sees). */
  title: string
  size?: 'A4'
  /** Page margin in points; default 48. */
  margin?: number
  blocks: PdfBlock[]
}

export interface PdfRenderer {
  render(spec: PdfDocumentSpec): Promise<Buffer>
  /** The first page of the same document as a PNG, `width` pixels wide (a preview on screen). */
  preview(spec: PdfDocumentSpec, options?: { width?: number }): Promise<Buffer>
}
