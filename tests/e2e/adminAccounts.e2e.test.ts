// 账号邀请 and 海报 end to end, in Chromium at 1366×768 on the h5 build served by the local runtime:
//   1. the admin opens 账号管理, creates a staff account for 湖滨 and sees the invitation code and QR;
//   2. a fresh dev user (新用户) opens the invitation's scan address, sees who is invited as what,
//      accepts, and then sees 湖滨's inbox in the 工作台;
//   3. the admin opens 海报打印, picks 湖滨 and sees the poster preview.
// Screenshots go to test-results/screenshots (gitignored).
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot, startApp, type RunningApp } from './support/app'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function desk(userId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
  await context.addInitScript((id) => window.localStorage.setItem('minyi.devUser', id), userId)
  return context.newPage()
}

const shown = (page: Page, testId: string) => page.getByTestId(testId).filter({ visible: true })

/** One api call as a demo user (setup only: a resident's opinion at 湖滨 for the inbox). */
async function callAs(userId: string, action: string, input: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${app.baseUrl}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-User': userId },
    body: JSON.stringify({ action, input, requestId: `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}` }),
  })
  const body = (await response.json()) as { ok: boolean }
  if (!body.ok) throw new Error(`${action} failed: ${JSON.stringify(body)}`)
}

it('an admin invites 湖滨 staff; a fresh user accepts and sees 湖滨’s inbox; the poster preview shows', async () => {
  const opinion = '湖滨路公交站的候车亭顶棚破了，下雨天老人没处躲雨。'
  await callAs('dev-resident-1', 'case.submit', { stationCode: 'HBJD', category: 'traffic', content: opinion, privacyConsent: true })
  const admin = await desk('dev-admin-1')
  await admin.goto(`${app.baseUrl}/#/packageAdmin/pages/accounts/index`)
  await shown(admin, 'account-form').waitFor()
  await shown(admin, 'account-name').locator('input').fill('林小雨')
  await shown(admin, 'account-station').getByText('湖滨街道人大代表之家', { exact: false }).first().click()
  await shown(admin, 'account-create').click()
  const code = (await shown(admin, 'invitation-code').textContent())?.trim() ?? ''
  expect(code).toMatch(/^[0-9A-Z]{10}$/)
  await shown(admin, 'account-list').getByText('林小雨').first().waitFor()
  await screenshot(admin, 'admin-accounts-invitation')

  const fresh = await desk(`dev-new-e2e${Date.now().toString(36)}`)
  await fresh.goto(`${app.baseUrl}/#/pages/scan/index?scene=${encodeURIComponent(`i=${code}`)}`)
  await shown(fresh, 'invitation-preview').waitFor()
  expect(await shown(fresh, 'invitation-preview').textContent()).toContain('林小雨')
  await screenshot(fresh, 'invitation-preview')
  await shown(fresh, 'invitation-accept').click()
  await shown(fresh, 'invitation-go-work').click()
  await fresh.waitForURL(/packageWork\/pages\/inbox/)
  await fresh.getByText('林小雨', { exact: false }).first().waitFor()
  await fresh.getByText(opinion.slice(0, 10), { exact: false }).first().waitFor()
  await screenshot(fresh, 'invited-staff-inbox')

  await admin.goto(`${app.baseUrl}/#/packageAdmin/pages/posters/index`)
  await shown(admin, 'poster-station').getByText('湖滨街道人大代表之家', { exact: false }).first().click()
  await shown(admin, 'poster-station-preview').click()
  const preview = shown(admin, 'poster-preview')
  await preview.waitFor({ timeout: 30_000 })
  const image = preview.locator('img').first()
  await image.evaluate((img: HTMLImageElement) => (img.complete ? null : new Promise((resolve) => img.addEventListener('load', resolve))))
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(620)
  // Shown whole, in A4 proportions: taller than wide.
  const box = await image.boundingBox()
  expect(box && box.height > box.width * 1.3).toBe(true)
  await screenshot(admin, 'admin-poster-preview')
}, 180_000)
