// 接口密钥与归档导出 end to end, in Chromium on the h5 build served by the local runtime: the
// district's 人大机关 generates a key for the 12345 platform (shown once), the platform files a
// case with it through Open311, the admin revokes it (then 401), and downloads the nightly export.
// Screenshots go to test-results/screenshots (gitignored).
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser, screenshot, signedInPhone, startApp, type RunningApp } from './support/app'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  // The jobs run every second, so the nightly export of 2026-11-22 exists by the time the page opens.
  app = await startApp({ MINYI_DEV_NOW: '2026-11-23T02:00:00.000Z', MINYI_JOB_INTERVAL_MS: '1000' })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const shown = (page: Page, testId: string): Locator => page.getByTestId(testId).filter({ visible: true })

async function fileCase(apiKey: string, partnerId: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${app.baseUrl}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ api_key: apiKey, service_code: 'environment', partner_request_id: partnerId, description: '望湖路菜场门口垃圾桶满溢，请尽快清运。' }).toString(),
  })
  return { status: response.status, body: await response.json() }
}

describe('the admin’s API keys page', () => {
  it('generates a key shown once, which files a case; revoking it makes the platform’s requests 401; the export downloads', async () => {
    const admin: Page = await signedInPhone(browser, 'dev-admin-1')
    await admin.goto(`${app.baseUrl}/#/packageAdmin/pages/api-keys/index`)
    await shown(admin, 'page-api-keys').getByText('本区接口密钥').waitFor()
    await shown(admin, 'page-api-keys').getByText('还没有接口密钥').waitFor()

    await shown(admin, 'ak-new').click()
    // The server's message first: no station chosen.
    await shown(admin, 'ak-name').locator('input').fill('市12345政务服务便民热线')
    await shown(admin, 'ak-create-save').click()
    await shown(admin, 'ak-create-form').getByText('缺少默认接收的家站点').waitFor()
    await shown(admin, 'ak-station-choice').getByText('临江市滨湖区湖滨街道人大代表之家').click()
    await shown(admin, 'ak-create-save').click()
    const secret = ((await shown(admin, 'ak-secret').textContent()) ?? '').trim()
    expect(secret).toMatch(/^myt_ak[0-9a-f]{12}_/)
    await screenshot(admin, 'api-key-shown-once')

    const filed = await fileCase(secret, 'GD-E2E-1')
    expect(filed.status).toBe(201)
    await shown(admin, 'ak-shown-done').click()
    await admin.reload()
    const card = shown(admin, 'ak-key')
    await card.getByText('已接收民意 1 条', { exact: false }).waitFor()
    expect(await card.textContent()).not.toContain(secret)

    await card.getByTestId('ak-revoke').click()
    await shown(admin, 'ak-revoke-reason').locator('input').fill('合作协议到期')
    await shown(admin, 'ak-revoke-confirm').click()
    await admin.locator('.taro-model__confirm').click()
    await shown(admin, 'ak-key-status').getByText('已吊销').waitFor()
    await shown(admin, 'ak-revoke-reason').waitFor({ state: 'hidden' })
    expect((await fileCase(secret, 'GD-E2E-2')).status).toBe(401)

    // 归档导出: yesterday's file, downloadable from the link.
    await shown(admin, 'ak-export').first().getByText('2026-11-22', { exact: false }).waitFor()
    await screenshot(admin, 'api-key-revoked-and-exports')
    // The link opens the signed address (a download): note where it goes, then fetch it.
    await admin.evaluate(() => {
      window.open = ((u: string) => {
        ;(window as unknown as { opened: string }).opened = u
        return null
      }) as typeof window.open
    })
    await shown(admin, 'ak-export-csv').first().click()
    const opened = await admin.evaluate(() => (window as unknown as { opened: string }).opened)
    const url = new URL(opened, app.baseUrl).toString()
    expect(url).toMatch(/\/files\/exports\/minyi-cases-2026-11-22\.csv\?exp=\d+&sig=/)
    const csv = await fetch(url)
    expect(csv.status).toBe(200)
    expect(await csv.text()).toContain('service_request_id,status')
  }, 120_000)
})
