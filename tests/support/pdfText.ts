// Opens a PDF the way a reader would (pdfjs-dist, in a child process: see readPdf.mjs) and returns
// its text per page and how many images it draws.
import { execFile } from 'node:child_process'
import path from 'node:path'

export interface PdfContents {
  pages: string[]
  text: string
  images: number
}

export function readPdf(buffer: Buffer): Promise<PdfContents> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, 'readPdf.mjs')], { maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`reading the PDF failed: ${stderr || error.message}`))
      const parsed = JSON.parse(stdout) as { pages: string[]; images: number }
      resolve({ pages: parsed.pages, text: parsed.pages.join('\n'), images: parsed.images })
    })
    child.stdin?.end(buffer)
  })
}
