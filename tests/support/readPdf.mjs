// Reads a PDF from stdin with pdfjs-dist and prints { pages, images } as JSON. It runs as its own
// Node process because pdfjs-dist is an ES module, which jest's CommonJS runtime cannot import.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise
const pages = []
let images = 0
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n)
  const content = await page.getTextContent()
  pages.push(content.items.map((item) => item.str ?? '').join(''))
  const ops = await page.getOperatorList()
  images += ops.fnArray.filter((fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject).length
}
process.stdout.write(JSON.stringify({ pages, images }))
