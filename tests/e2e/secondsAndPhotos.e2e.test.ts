// 附议, photos and the deadline clock end to end, in Chromium on the h5 build served by the local
// runtime (its clock starts on Wednesday 2026-12-02, 9:30 in Shanghai):
//   1. 刘阿姨 (resident 1) writes an opinion at 湖滨, adds two photos (a PNG bigger than 1280 px and a
//      JPEG, both made here at runtime), sees them uploaded, submits, and finds the thumbnails and the
//      clock "预计 … 前受理" on her case page;
//   2. 周大伯 (resident 2) starts writing much the same at 湖滨, is shown her case, taps 附议, lands on
//      it with "您已附议" and 2 位群众, without her photos, and finds it in 我的 → 我附议的;
//   3. staff (孙晓燕) hide one photo with a reason; they still see it marked, 刘阿姨 no longer does;
//   4. three days later (the runtime restarted on the same data with a later clock) the clock is red:
//      已超期.
// Screenshots go to test-results/screenshots (gitignored) for a person to look at.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser, screenshot, signedInPhone, viewportScreenshot, startApp, type RunningApp } from './support/app'

const OPINION = '湖滨路与望湖路交叉口的红绿灯时间太短，3号楼的老人过马路来不及，希望延长绿灯时间。'
const SIMILAR_DRAFT = '望湖路交叉口红绿灯时间太短，老人过马路来不及'
const HIDE_REASON = '照片中有其他居民的面部'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  app = await startApp({ MINYI_DEV_NOW: '2026-12-02T01:30:00.000Z' })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

// --- Small image fixtures, made at runtime (no binaries in the repository) -----------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
/** An RGB PNG of stripes (compresses to a few KB however large it is). */
function stripedPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const rows: Buffer[] = []
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3)
    const band = Math.floor(y / 100) % 3
    for (let x = 0; x < width; x += 1) {
      const colour = band === 0 ? [200, 60, 50] : band === 1 ? [60, 140, 80] : [50, 90, 200]
      row.set(x % 200 < 100 ? colour : [240, 240, 240], 1 + x * 3)
    }
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
/** A JPEG drawn by the browser itself. */
async function browserJpeg(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 480
    canvas.height = 640
    const context = canvas.getContext('2d') as CanvasRenderingContext2D
    context.fillStyle = '#f2c14e'
    context.fillRect(0, 0, 480, 640)
    context.fillStyle = '#2a5db0'
    context.fillRect(60, 120, 360, 200)
    return canvas.toDataURL('image/jpeg', 0.8)
  })
  return Buffer.from(dataUrl.split(',')[1], 'base64')
}
/** Width and height from a JPEG's frame header. */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  let i = 2
  while (i < bytes.length) {
    const marker = bytes[i + 1]
    const length = bytes.readUInt16BE(i + 2)
    if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) }
    i += 2 + length
  }
  throw new Error('no JPEG frame header')
}

// --- Driving the app ---------------------------------------------------------------------------

const phoneOf = (userId: string): Promise<Page> => signedInPhone(browser, userId)

/** Waits until exactly `n` elements match (playwright-core has no expect of its own). */
async function waitForCount(locator: Locator, n: number, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout
  let count = await locator.count()
  while (count !== n) {
    if (Date.now() > until) throw new Error(`expected ${n} of ${locator.toString()}, found ${count}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
    count = await locator.count()
  }
}

const open = (page: Page, base: string, route: string) => page.goto(`${base}/#${route}`)

/** Every thumbnail image on the page actually decoded (a broken address shows nothing). */
async function loadedImages(page: Page, scope: string): Promise<number> {
  await page.waitForFunction(
    (selector) => Array.from(document.querySelectorAll(`${selector} img`)).every((img) => (img as HTMLImageElement).complete),
    scope,
  )
  return page.evaluate(
    (selector) => Array.from(document.querySelectorAll(`${selector} img`)).filter((img) => (img as HTMLImageElement).naturalWidth > 0).length,
    scope,
  )
}

describe('附议, photos and the deadline clock', () => {
  it('submits with photos, seconds a similar case, hides a photo, and shows the clock', async () => {
    // 1. 刘阿姨 writes her opinion and adds two photos.
    const liu = await phoneOf('dev-resident-1')
    await open(liu, app.baseUrl, '/pages/submit/index?station=HBJD')
    const form = liu.getByTestId('submit-form')
    await form.waitFor()
    await form.getByTestId('field-category').getByText('道路交通').click()
    await form.getByTestId('input-content').locator('textarea').fill(OPINION)
    const png = stripedPng(1600, 1200)
    const jpeg = await browserJpeg(liu)
    expect(png.length).toBeLessThan(100_000)
    await form.getByTestId('photo-input').setInputFiles([
      { name: 'crossing.png', mimeType: 'image/png', buffer: png },
      { name: 'lights.jpg', mimeType: 'image/jpeg', buffer: jpeg },
    ])
    await waitForCount(form.locator('[data-testid="photo-thumb"][data-status="done"]'), 2)
    // Nobody else reported this yet: no similar cases are offered.
    expect(await form.getByTestId('similar-cases').count()).toBe(0)
    // The uploads were compressed on the device: JPEG, long side at most 1280 px.
    const uploadDir = path.join(app.dataDir, 'uploads')
    const stored = fs
      .readdirSync(uploadDir, { recursive: true })
      .map((name) => path.join(uploadDir, String(name)))
      .filter((file) => fs.statSync(file).isFile())
      // (Not the demo deputies' portraits the local runtime stores at seed time: server/avatars.ts.)
      .filter((file) => !file.includes(`${path.sep}demo-portraits${path.sep}`))
    expect(stored).toHaveLength(2)
    for (const file of stored) {
      const bytes = fs.readFileSync(file)
      expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
      const { width, height } = jpegSize(bytes)
      expect(Math.max(width, height)).toBeLessThanOrEqual(1280)
    }
    expect(stored.map((file) => jpegSize(fs.readFileSync(file))).sort((a, b) => b.width - a.width)).toEqual([
      { width: 1280, height: 960 },
      { width: 480, height: 640 },
    ])

    // A third photo, then removed again with ×.
    await form.getByTestId('photo-input').setInputFiles([{ name: 'extra.png', mimeType: 'image/png', buffer: stripedPng(300, 200) }])
    await waitForCount(form.getByTestId('photo-thumb'), 3)
    expect(await form.getByTestId('photo-add').count()).toBe(0)
    await form.getByTestId('photo-thumb').nth(2).getByTestId('photo-remove').click()
    await waitForCount(form.getByTestId('photo-thumb'), 2)
    await form.getByTestId('photo-add').waitFor()
    // Something that is not a photo: refused on the device, in Chinese; the submit waits for it to go.
    await form.getByTestId('photo-input').setInputFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('不是照片') }])
    await form.getByTestId('photo-error').getByText('第3张：只支持 JPG、PNG、WEBP 格式的照片').waitFor()
    await form.getByTestId('submit-button').click()
    await form.getByTestId('field-photos-error').getByText('有照片没有上传成功，请点一下照片重试，或点 × 删除后再提交').waitFor()
    await screenshot(liu, 'seconds-photos-upload-error')
    await form.locator('[data-testid="photo-thumb"][data-status="error"]').getByTestId('photo-remove').click()
    await waitForCount(form.getByTestId('photo-thumb'), 2)
    expect(await form.getByTestId('photo-error').count()).toBe(0)

    await form.getByTestId('input-place').locator('input').fill('湖滨路与望湖路交叉口')
    await form.getByTestId('privacy-consent').getByRole('checkbox').click()
    await screenshot(liu, 'seconds-photos-submit-form')
    await form.getByTestId('submit-button').click()

    const liuCase = liu.getByTestId('page-case')
    await liuCase.getByTestId('submitted-banner').waitFor()
    const caseId = new URL(liu.url().replace('/#/', '/')).searchParams.get('id') ?? ''
    expect(caseId).not.toBe('')
    await waitForCount(liuCase.getByTestId('case-photo'), 2)
    expect(await loadedImages(liu, '[data-testid="page-case"] [data-testid="case-photos"]')).toBe(2)
    await liuCase.getByTestId('deadline-clock').getByText(/^预计 12月3日 09:30 前受理$/).waitFor()
    expect(await liuCase.getByTestId('deadline-clock').getAttribute('data-overdue')).toBe('0')
    expect(await liuCase.getByTestId('raised-by').count()).toBe(0)
    await screenshot(liu, 'seconds-photos-case-page')
    // Tapping a thumbnail shows the photos large; a tap closes them again.
    await liuCase.getByTestId('case-photo').nth(1).locator('.photo-grid__frame').click()
    const preview = liu.locator('.preview-image')
    await preview.waitFor()
    await waitForCount(preview.locator('img'), 2)
    await viewportScreenshot(liu, 'seconds-photos-preview')
    await preview.click()
    await preview.waitFor({ state: 'detached' })

    // 2. 周大伯 starts writing much the same at the same station.
    const zhou = await phoneOf('dev-resident-2')
    await open(zhou, app.baseUrl, '/pages/submit/index?station=HBJD')
    const zhouForm = zhou.getByTestId('submit-form')
    await zhouForm.waitFor()
    await zhouForm.getByTestId('input-content').locator('textarea').fill(SIMILAR_DRAFT)
    const similar = zhouForm.getByTestId('similar-cases')
    await similar.getByText('附近群众已反映过类似问题').waitFor()
    const offered = similar.getByTestId('similar-case')
    expect(await offered.count()).toBe(1)
    // Digits are masked for anyone but the author.
    await offered.getByText(/湖滨路与望湖路交叉口的红绿灯时间太短，\*号楼/).waitFor()
    await offered.getByTestId('similar-raised-by').getByText('1 位群众反映').waitFor()
    await offered.getByTestId('status-tag').getByText('待受理').waitFor()
    await screenshot(zhou, 'seconds-photos-similar-offered')

    await offered.getByTestId('second-button').click()
    await zhou.locator('.taro-model__confirm').click()
    const zhouCase = zhou.getByTestId('page-case')
    await zhouCase.getByTestId('seconded-notice').getByText('您已附议').waitFor()
    await zhouCase.getByTestId('raised-by').getByText('2 位群众反映了这个问题').waitFor()
    expect(new URL(zhou.url().replace('/#/', '/')).searchParams.get('id')).toBe(caseId)
    // A seconder follows the progress, not the author's photos or place.
    expect(await zhouCase.getByTestId('case-photos').count()).toBe(0)
    expect(await zhouCase.getByText('湖滨路与望湖路交叉口', { exact: true }).count()).toBe(0)
    await zhouCase.getByText('群众附议').first().waitFor()
    await screenshot(zhou, 'seconds-photos-seconded-case')

    // … and finds it in 我的 → 我附议的, after a reload.
    await open(zhou, app.baseUrl, '/pages/mine/index')
    await zhou.reload()
    const secondedList = zhou.getByTestId('page-mine').getByTestId('seconded-cases')
    await secondedList.getByText('我附议的').waitFor()
    await secondedList.getByTestId('case-raised-by').getByText('2 位群众反映').waitFor()
    await screenshot(zhou, 'seconds-photos-mine-seconded')
    await secondedList.getByText(/红绿灯时间太短/).click()
    await zhou.getByTestId('page-case').getByTestId('seconded-notice').waitFor()

    // 刘阿姨's own page now says two residents raised it.
    await liu.reload()
    await liu.getByTestId('page-case').getByTestId('raised-by').getByText('2 位群众反映了这个问题').waitFor()

    // 3. Staff hide the first photo, with a reason.
    const staff = await phoneOf('dev-staff-1')
    await open(staff, app.baseUrl, `/packageWork/pages/case/index?id=${caseId}`)
    const work = staff.getByTestId('page-work-case')
    await waitForCount(work.getByTestId('case-photo'), 2)
    await work.getByTestId('raised-by').getByText('2 位群众反映了这个问题').waitFor()
    await work.getByTestId('case-photo').first().getByTestId('hide-photo').click()
    await work.getByTestId('hide-photo-reason').locator('input').fill(HIDE_REASON)
    await screenshot(staff, 'seconds-photos-hide-form')
    await work.getByTestId('confirm-hide-photo').click()
    await work.getByTestId('photo-hidden-note').getByText(`照片已隐藏（原因：${HIDE_REASON}）`).waitFor()
    // After a reload staff still see it, marked, and the timeline records it.
    await staff.reload()
    const hidden = staff.getByTestId('page-work-case').locator('[data-testid="case-photo"][data-hidden="1"]')
    await hidden.getByText(`照片已隐藏（原因：${HIDE_REASON}）`).waitFor()
    expect(await staff.getByTestId('page-work-case').getByTestId('case-photo').count()).toBe(2)
    await staff.getByTestId('page-work-case').getByText(`第1张照片：${HIDE_REASON}`).waitFor()
    await screenshot(staff, 'seconds-photos-work-hidden')

    // 刘阿姨 reloads her page: one photo left, no trace of the hidden one but the timeline entry.
    await liu.reload()
    const after = liu.getByTestId('page-case')
    await after.getByTestId('case-photos').waitFor()
    await waitForCount(after.getByTestId('case-photo'), 1)
    expect(await after.getByTestId('photo-hidden-note').count()).toBe(0)
    expect(await loadedImages(liu, '[data-testid="page-case"] [data-testid="case-photos"]')).toBe(1)
    await after.getByText('隐藏照片').first().waitFor()
    await screenshot(liu, 'seconds-photos-case-after-hide')

    // 4. Three days later nobody has accepted it: the clock is red. The runtime restarts on a copy of
    //    the same data (same key file, so photo addresses and phones still work) with a later clock.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-e2e-later-'))
    fs.cpSync(app.dataDir, copy, { recursive: true })
    const later = await startApp({
      MINYI_DEV_NOW: '2026-12-05T02:00:00.000Z',
      DATA_DIR: copy,
      MINYI_KEY_FILE: path.join(app.dataDir, '..', `${path.basename(app.dataDir)}.key`),
    })
    try {
      const liuLater = await phoneOf('dev-resident-1')
      await open(liuLater, later.baseUrl, `/pages/case/index?id=${caseId}`)
      const clock = liuLater.getByTestId('page-case').getByTestId('deadline-clock')
      await clock.getByText('⚠ 已超期 2 天').waitFor()
      expect(await clock.getAttribute('data-overdue')).toBe('1')
      expect(await clock.evaluate((el) => getComputedStyle(el.querySelector('[data-testid="deadline-text"]') as Element).color)).toBe('rgb(179, 38, 30)')
      await screenshot(liuLater, 'seconds-photos-overdue-clock')
    } finally {
      await later.stop()
      fs.rmSync(copy, { recursive: true, force: true })
    }
  })
})

describe('the final submit looks for similar cases once more; the resident may still submit their own', () => {
  let own: RunningApp
  beforeAll(async () => {
    own = await startApp({ MINYI_DEV_NOW: '2026-12-02T01:30:00.000Z' })
  })
  afterAll(async () => {
    await own?.stop()
  })

  it('stops a quick submit to show the similar case, then submits on the second tap', async () => {
    // Setup, not what this test is about: 刘阿姨's case through the api.
    const answer = await fetch(`${own.baseUrl}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Dev-User': 'dev-resident-1' },
      body: JSON.stringify({
        action: 'case.submit',
        requestId: 'r-e2e-setup-1',
        input: { stationCode: 'HBJD', category: 'utilities', content: '翠苑路的路灯坏了好几盏，晚上走路很不安全，希望尽快修好。', privacyConsent: true },
      }),
    }).then((r) => r.json() as Promise<{ ok: boolean; data: { id: string } }>)
    expect(answer.ok).toBe(true)

    const zhou = await phoneOf('dev-resident-2')
    await open(zhou, own.baseUrl, '/pages/submit/index?station=HBJD')
    const form = zhou.getByTestId('submit-form')
    await form.waitFor()
    await form.getByTestId('field-category').getByText('市政设施').click()
    await form.getByTestId('privacy-consent').getByRole('checkbox').click()
    // He writes and taps 提交 at once, before the lookup while typing had its turn.
    await form.getByTestId('input-content').locator('textarea').fill('翠苑路路灯坏了好几盏，晚上走路不安全')
    await form.getByTestId('submit-button').evaluate((button) => (button as HTMLElement).click())
    await form.getByText('附近群众已反映过类似问题（见上方）。是同一件事可以附议；不是的话，请再点一次“提交”。').waitFor()
    await form.getByTestId('similar-case').getByText(/翠苑路的路灯坏了好几盏/).waitFor()
    expect(zhou.url()).toContain('/pages/submit/index')
    await screenshot(zhou, 'seconds-photos-final-check')

    // Not the same thing for him: he taps 提交 again and files his own.
    await form.getByTestId('submit-button').click()
    const page = zhou.getByTestId('page-case')
    await page.getByTestId('submitted-banner').waitFor()
    const id = new URL(zhou.url().replace('/#/', '/')).searchParams.get('id')
    expect(id).not.toBe(answer.data.id)
    await page.getByText('翠苑路路灯坏了好几盏，晚上走路不安全').waitFor()
    expect(await page.getByTestId('raised-by').count()).toBe(0)

    // Back on the form, his own case is marked as his; 刘阿姨's is still offered for 附议.
    await open(zhou, own.baseUrl, '/pages/submit/index?station=HBJD')
    await zhou.reload()
    const again = zhou.getByTestId('submit-form')
    await again.getByTestId('input-content').locator('textarea').fill('翠苑路的路灯坏了好几盏，晚上走路很不安全')
    const offered = again.getByTestId('similar-case')
    await offered.getByText('这是您自己反映的').waitFor()
    await offered.getByTestId('second-button').first().waitFor()
    await screenshot(zhou, 'seconds-photos-similar-own-and-other')
  })
})
