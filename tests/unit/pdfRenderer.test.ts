import QRCode from 'qrcode'
import { createPdfkitRenderer } from '../../cloudfunctions/core/adapters/pdf/pdfkitRenderer'
import { readPdf } from '../support/pdfText'

describe('the PDF renderer', () => {
  it('writes Chinese text a reader can extract, tables and one image per image block', async () => {
    const png = await QRCode.toBuffer('https://example.invalid/#/pages/scan/index?scene=s%3DHBJD', { type: 'png', width: 200 })
    const pdf = await createPdfkitRenderer().render({
      title: '测试海报',
      blocks: [
        { kind: 'heading', text: '湖滨街道人大代表之家', align: 'center' },
        { kind: 'image', png, width: 200, align: 'center' },
        { kind: 'text', text: '扫码反映民意 · 预约民情接待日', align: 'center' },
        { kind: 'table', columns: [{ header: '日期', width: 150 }, { header: '时间', width: 150 }], rows: [['12月20日', '9:00–11:30']] },
      ],
    })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const contents = await readPdf(pdf)
    expect(contents.text).toContain('湖滨街道人大代表之家')
    expect(contents.text).toContain('扫码反映民意')
    expect(contents.text).toContain('9:00–11:30')
    expect(contents.images).toBe(1)
    // The font is subset: a one-page poster stays small.
    expect(pdf.length).toBeLessThan(200_000)
  })
})
