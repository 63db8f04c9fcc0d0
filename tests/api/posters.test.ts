// Station and deputy posters: an A4 PDF whose text a reader finds, and a PNG preview of the same
// page. The PDF's images are the QR code plus one per deputy with an uploaded PNG/JPEG photo (drawn
// cropped to a disc); a deputy without one (the demo deputies' SVG placeholders) is a vector disc
// with the surname.
import { readPdf } from '../support/pdfText'
import { createHarness, type Harness } from '../support/apiHarness'
import { nextDay } from './receptionFixtures'

jest.setTimeout(60_000)
let h: Harness
afterAll(() => h?.close())

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])

beforeAll(async () => {
  h = await createHarness({ now: '2026-11-23T02:00:00.000Z' })
})

it('the station poster: name, slogan, next reception days, deputies; exactly one image (the 民意码)', async () => {
  await nextDay(h) // 湖滨 has its reception days materialised
  const poster = await h.ok('dev-staff-1', 'admin.poster.station', { stationId: 'station-hubin' })
  expect(poster.fileName).toMatch(/民意码海报\.pdf$/)
  const pdf = Buffer.from(poster.pdfBase64, 'base64')
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  const contents = await readPdf(pdf)
  expect(contents.pages).toHaveLength(1)
  const text = contents.text.replace(/\s/g, '')
  expect(text).toContain('湖滨街道人大代表之家')
  expect(text).toContain('扫码反映民意·预约民情接待日')
  expect(text).toContain('近期民情接待日')
  for (const name of ['王建国', '李秀梅']) expect(text).toContain(name)
  const day = poster.lines.find((l) => /月\d+日/.test(l))
  expect(day).toBeTruthy()
  expect(text).toContain((day as string).replace(/\s/g, ''))
  expect(contents.images).toBe(1)
  const preview = Buffer.from(poster.previewDataUrl.replace(/^data:image\/png;base64,/, ''), 'base64')
  expect(preview.subarray(0, 4)).toEqual(PNG)
  expect(preview.readUInt32BE(16)).toBe(620) // width in pixels
  expect(preview.readUInt32BE(20)).toBe(Math.round((841.89 * 620) / 595.28))
  require('node:fs').mkdirSync('test-results', { recursive: true })
  require('node:fs').writeFileSync('test-results/poster-station-preview.png', preview)
  console.log(`poster_station_pdf_bytes=${pdf.length} poster_station_png_bytes=${preview.length}`)
})

it('the deputy poster: the deputy’s name and 代表码, the slogan; one image', async () => {
  const poster = await h.ok('dev-admin-1', 'admin.poster.deputy', { deputyId: 'deputy-1' })
  const contents = await readPdf(Buffer.from(poster.pdfBase64, 'base64'))
  const text = contents.text.replace(/\s/g, '')
  expect(text).toContain('王建国代表')
  expect(text).toContain('代表码')
  expect(text).toContain('扫码反映民意·预约民情接待日')
  expect(contents.images).toBe(1)
})

it('a deputy with an uploaded photo is drawn with it: the QR plus one image per deputy with a photo', async () => {
  const { createCanvas } = await import('@napi-rs/canvas')
  const canvas = createCanvas(320, 400)
  const c = canvas.getContext('2d')
  c.fillStyle = '#2e86c1'
  c.fillRect(0, 0, 320, 400)
  c.fillStyle = '#f5cba7'
  c.beginPath()
  c.arc(160, 170, 90, 0, Math.PI * 2)
  c.fill()
  const png = canvas.toBuffer('image/png')
  const admin = await h.store.collection<{ _id: string; openid: string }>('users').get('dev-admin-1')
  const stored = await h.files.put({ userId: 'dev-admin-1', openid: admin!.openid }, png)
  if (!stored.ok) throw new Error(`not stored: ${stored.reason}`)
  await h.ok('dev-admin-1', 'admin.deputy.update', { deputyId: 'deputy-1', photoUrl: stored.fileId })

  const station = await h.ok('dev-staff-1', 'admin.poster.station', { stationId: 'station-hubin' })
  const stationPdf = await readPdf(Buffer.from(station.pdfBase64, 'base64'))
  // 湖滨 has 王建国 (now with a photo), 李秀梅 and 赵敏 (initials): the QR and one photo.
  expect(stationPdf.images).toBe(2)
  expect(stationPdf.text.replace(/\s/g, '')).toContain('李秀梅')
  const deputy = await h.ok('dev-admin-1', 'admin.poster.deputy', { deputyId: 'deputy-1' })
  expect((await readPdf(Buffer.from(deputy.pdfBase64, 'base64'))).images).toBe(2)
  const preview = Buffer.from(station.previewDataUrl.replace(/^data:image\/png;base64,/, ''), 'base64')
  expect(preview.subarray(0, 4)).toEqual(PNG)
  require('node:fs').writeFileSync('test-results/poster-station-preview-photo.png', preview)
  require('node:fs').writeFileSync('test-results/poster-deputy-preview-photo.png', Buffer.from(deputy.previewDataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'))
})

it('the demo deputies’ SVG placeholders become PNG photos at seed time (local runtime) and are drawn on posters', async () => {
  const { demoPortraitsToPng } = await import('../../server/avatars')
  const fresh = await createHarness({ now: '2026-11-23T02:00:00.000Z' })
  try {
    const converted = await demoPortraitsToPng(fresh.store, fresh.files)
    expect(converted).toBeGreaterThanOrEqual(3)
    // Idempotent: nothing is left on an SVG address.
    expect(await demoPortraitsToPng(fresh.store, fresh.files)).toBe(0)
    const d1 = await fresh.store.collection<{ _id: string; photoUrl: string }>('deputies').get('deputy-1')
    expect(d1!.photoUrl).toMatch(/^local:demo-portraits\/[A-Za-z0-9_-]+\.png$/)
    expect((await fresh.files.read(d1!.photoUrl))!.contentType).toBe('image/png')
    // 湖滨's three deputies, all with a (converted) photo: the QR plus three.
    const poster = await fresh.ok('dev-staff-1', 'admin.poster.station', { stationId: 'station-hubin' })
    expect((await readPdf(Buffer.from(poster.pdfBase64, 'base64'))).images).toBe(4)
    require('node:fs').writeFileSync('test-results/poster-station-preview-demo-portraits.png', Buffer.from(poster.previewDataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'))
    // And they are public photos on the deputy page.
    expect((await fresh.ok('dev-resident-1', 'deputy.byCode', { code: 'DB01' })).photoUrl).toContain('/files/photos/deputy-1/photo?')
  } finally {
    await fresh.close()
  }
})
