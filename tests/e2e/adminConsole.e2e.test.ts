// 管理台 end to end, in Chromium at 1366×768 on the h5 build served by the local runtime:
//   1. the admin (dev-admin-1) opens the console from 我的 and creates a station with a
//      non-standard name, reads why it is refused (next to the name), fixes it and saves;
//      It then renames a 街道 (a bad name refused next to the field) and retires it (one with
//      stations is refused, saying which);
//   2. enrols a deputy into the new station, edits the routing map, saves the station's goals;
//   3. reads the audit log and filters it by a person and by an object;
//   4. a resident opens the new station's scan address, sees the station page with its 公示 and
//      the new deputy, and submits an opinion;
//   5. the admin invites a staff member for the new station (账号与邀请); a fresh user (新用户 on the
//      dev sign-in) accepts the invitation and sees that station's inbox with the resident's opinion;
//   6. the admin opens the new station's poster preview (海报).
// Photos: the new station's and the new deputy's are uploaded in the forms (the submit page's picker,
// the same upload route); the resident sees both on the station page.
// Screenshots of every console page go to test-results/screenshots (gitignored).
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser, screenshot, signedInPhone, startApp, type RunningApp } from './support/app'

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
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript((id) => window.localStorage.setItem('minyi.devUser', id), userId)
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  return page
}

/** A small JPEG drawn in the page (what a phone camera would give, smaller). */
async function jpegFrom(page: Page, colour: string): Promise<Buffer> {
  const dataUrl = await page.evaluate((fill) => {
    const canvas = document.createElement('canvas')
    canvas.width = 480
    canvas.height = 360
    const c = canvas.getContext('2d') as CanvasRenderingContext2D
    c.fillStyle = fill
    c.fillRect(0, 0, 480, 360)
    c.fillStyle = '#ffffff'
    c.fillRect(140, 80, 200, 200)
    return canvas.toDataURL('image/jpeg', 0.8)
  }, colour)
  return Buffer.from(dataUrl.split(',')[1]!, 'base64')
}

const shown = (page: Page, testId: string): Locator => page.getByTestId(testId).filter({ visible: true })
const open = (page: Page, route: string) => page.goto(`${app.baseUrl}/#${route}`)

describe('the console', () => {
  it('creates a station (a bad name refused with the reason), enrols a deputy, edits routing; a resident scans and submits', async () => {
    const admin = await desk('dev-admin-1')
    await open(admin, '/pages/mine/index')
    await shown(admin, 'entry-console').click()
    const home = shown(admin, 'page-console')
    await home.getByTestId('console-units').waitFor()
    await screenshot(admin, 'console-home')

    // 1. 站点: a bad name, then the fixed one.
    await home.getByTestId('console-stations').click()
    const stations = shown(admin, 'page-admin-stations')
    await stations.getByTestId('station-row-HBJD').waitFor()
    await stations.getByTestId('station-new').click()
    const form = stations.getByTestId('station-form')
    await form.getByTestId('st-kind').getByText('人大代表联络站', { exact: true }).click()
    await form.getByTestId('st-region').getByText('湖滨街道', { exact: true }).click()
    await form.getByTestId('st-name').locator('input').fill('湖滨街道王建国代表工作室')
    await form.getByTestId('st-code').locator('input').fill('LASQ')
    await form.getByTestId('st-address').locator('input').fill('滨湖区柳岸路6号柳岸社区服务中心一楼')
    await form.getByTestId('st-hours').locator('input').fill('工作日 9:00–11:30，14:00–17:00')
    await form.getByTestId('st-phone').locator('input').fill('0571-8765 6677')
    await form.getByTestId('st-reception').locator('input').fill('每月10日 9:00–11:30')
    // A photo of the station, uploaded as soon as it is picked.
    await form.getByTestId('st-photo-picker').getByTestId('photo-input').setInputFiles([{ name: 'station.jpg', mimeType: 'image/jpeg', buffer: await jpegFrom(admin, '#c0392b') }])
    await form.getByTestId('st-photo-picker').locator('[data-testid="photo-thumb"][data-status="done"]').waitFor()
    await form.getByTestId('st-save').click()
    const nameError = form.getByTestId('st-name-error')
    await nameError.waitFor()
    expect(await nameError.textContent()).toContain('“人大代表工作室”不是规范名称')
    await screenshot(admin, 'console-station-name-refused')
    await form.getByTestId('st-name').locator('input').fill('临江市滨湖区湖滨街道柳岸社区人大代表联络站')
    await form.getByTestId('st-save').click()
    await stations.getByTestId('station-row-LASQ').waitFor()
    await stations.getByTestId('station-retire').waitFor()
    await screenshot(admin, 'console-stations')

    // 1b. 街道（乡镇）: a street with stations cannot be retired (it says which); 湖西街道 is renamed
    //     (a bad name refused next to the field, then fixed) and, having no stations, retired.
    const confirmModal = () => admin.locator('.taro-modal__footer .taro-model__confirm, .taro-model__confirm').filter({ visible: true }).first().click()
    const hubin = stations.getByTestId('region-region-hubin')
    await hubin.getByTestId('rg-retire').click()
    await confirmModal()
    await hubin.getByTestId('rg-error').getByText(/湖滨街道还有\d+个家站点（.*临江市滨湖区湖滨街道柳岸社区人大代表联络站.*），请先撤并这些家站点/).waitFor()
    const huxi = stations.getByTestId('region-region-huxi')
    await huxi.getByTestId('rg-edit').click()
    await huxi.getByTestId('rg-edit-name').locator('input').fill('湖西新城')
    await huxi.getByTestId('rg-edit-save').click()
    await huxi.getByTestId('rg-edit-name-error').waitFor()
    // What was typed stays in the field next to the reason.
    expect(await huxi.getByTestId('rg-edit-name').locator('input').inputValue()).toBe('湖西新城')
    expect(await huxi.getByTestId('rg-edit-name-error').textContent()).toContain('街道（乡镇）名称应以“街道”“镇”或“乡”结尾，如“湖滨街道”“青山镇”')
    await screenshot(admin, 'console-region-name-refused')
    await huxi.getByTestId('rg-edit-name').locator('input').fill('湖西新城街道')
    await huxi.getByTestId('rg-edit-office').locator('input').fill('滨湖区人大常委会湖西新城街道工作委员会')
    await huxi.getByTestId('rg-edit-save').click()
    await huxi.getByText('滨湖区人大常委会湖西新城街道工作委员会 · 家站点 0 个').waitFor()
    expect(await huxi.getByText('湖西新城街道', { exact: true }).count()).toBe(1)
    await huxi.getByTestId('rg-retire').click()
    await confirmModal()
    await huxi.getByText(/· 已撤销$/).waitFor()
    expect(await huxi.getByTestId('rg-retire').count()).toBe(0)
    await screenshot(admin, 'console-regions')

    // 2. 代表: enrol into the new station.
    await open(admin, '/packageAdmin/pages/deputies/index')
    const deputies = shown(admin, 'page-admin-deputies')
    await deputies.getByTestId('deputy-row-DB01').waitFor()
    await deputies.getByTestId('deputy-new').click()
    const dform = deputies.getByTestId('deputy-form')
    await dform.getByTestId('dp-name').locator('input').fill('周海燕')
    await dform.getByTestId('dp-level').getByText('街道（乡镇）人大代表').click()
    await dform.getByTestId('dp-election').getByText('直接选举（原选区）').click()
    await dform.getByTestId('dp-constituency').locator('input').fill('湖滨街道第九选区')
    // Without a station: "应进必进" next to the field.
    await dform.getByTestId('dp-commitment').locator('textarea').fill('每月进站接待一次，柳岸社区的事情件件有回音。')
    await dform.getByTestId('dp-save').click()
    await dform.getByTestId('dp-stations-error').getByText('“应进必进”：每位代表至少进入一个家站点').waitFor()
    const stationsList = await (await admin.evaluate(async () => {
      const r = await fetch('/api', { method: 'POST', headers: { 'content-type': 'application/json', 'X-Dev-User': 'dev-admin-1' }, body: JSON.stringify({ action: 'admin.station.list', input: {}, requestId: 'e2elist0001' }) })
      return (await r.json()) as { data: { stations: Array<{ id: string; code: string }> } }
    }))
    const newId = stationsList.data.stations.find((s) => s.code === 'LASQ')!.id
    await dform.getByTestId(`dp-station-${newId}`).locator('[role="checkbox"]').click()
    await dform.getByTestId('dp-contact').locator('input').fill('柳岸社区服务中心 0571-8765 6677')
    await dform.getByTestId('dp-photo-picker').getByTestId('photo-input').setInputFiles([{ name: 'portrait.jpg', mimeType: 'image/jpeg', buffer: await jpegFrom(admin, '#2e86c1') }])
    await dform.getByTestId('dp-photo-picker').locator('[data-testid="photo-thumb"][data-status="done"]').waitFor()
    expect(await dform.getByTestId('dp-photo-picker').getByTestId('photo-add').count()).toBe(0)
    await dform.getByTestId('dp-save').click()
    await deputies.getByText('周海燕').first().waitFor()
    await deputies.getByTestId('deputy-form').getByText(/代表码 D[0-9A-F]{4}/).waitFor()
    await screenshot(admin, 'console-deputies')

    // 3. 承办单位与分办: environment at 湖滨街道 → the district's 城市管理局 is not allowed; set to none.
    await open(admin, '/packageAdmin/pages/units/index')
    const units = shown(admin, 'page-admin-units')
    const street = units.getByTestId('routing-region-hubin')
    await street.waitFor()
    await street.getByTestId('routing-region-hubin-environment').getByText('不设', { exact: true }).click()
    await street.getByTestId('routing-save-region-hubin').click()
    await admin.locator('.taro__toast').getByText('已保存').waitFor()
    await screenshot(admin, 'console-units-routing')

    // 4. 年度目标 of the new station.
    await open(admin, '/packageAdmin/pages/goals/index')
    const goals = shown(admin, 'page-admin-goals')
    await goals.getByTestId('goals-station').getByText('临江市滨湖区湖滨街道柳岸社区人大代表联络站').click()
    await goals.getByTestId('goals-form').waitFor()
    await goals.getByTestId('goal-add').click()
    await goals.getByTestId('goal-title').last().locator('input').fill('柳岸社区加装电梯5台')
    await goals.getByTestId('goal-status').last().getByText('推进中').click()
    await goals.getByTestId('goal-progress').last().locator('textarea').fill('已完成2台')
    await goals.getByTestId('goals-save').click()
    await admin.locator('.taro__toast').getByText('已保存').waitFor()
    await screenshot(admin, 'console-goals')

    // 5. 操作日志: everything above, then only one object's.
    await open(admin, '/packageAdmin/pages/audit/index')
    const audit = shown(admin, 'page-admin-audit')
    await audit.getByText('新建人大代表联络站临江市滨湖区湖滨街道柳岸社区人大代表联络站').waitFor()
    await audit.getByText('登记代表周海燕').waitFor()
    await audit.getByText('修改湖滨街道的分办规则').waitFor()
    await screenshot(admin, 'console-audit')
    await audit.getByTestId('audit-type').getByText('代表', { exact: true }).click()
    await audit.getByText('新建人大代表联络站临江市滨湖区湖滨街道柳岸社区人大代表联络站').waitFor({ state: 'detached' })
    await audit.getByText('登记代表周海燕').waitFor()
    await audit.getByTestId('audit-actor').first().click()
    await audit.getByTestId('audit-clear-actor').waitFor()
    await screenshot(admin, 'console-audit-filtered')

    // 6. A resident scans the new station's 民意码.
    const resident = await signedInPhone(browser, 'dev-resident-1')
    await resident.goto(`${app.baseUrl}/#/pages/scan/index?scene=s%3DLASQ`)
    const station = shown(resident, 'page-station')
    await station.getByTestId('station-header').getByText('临江市滨湖区湖滨街道柳岸社区人大代表联络站').waitFor()
    await station.getByText('周海燕').waitFor()
    await station.getByTestId('deputy-contact').getByText('柳岸社区服务中心 0571-8765 6677').waitFor()
    // The uploaded photos are public: the station's and the deputy's load for the resident.
    const loaded = async (img: Locator) => {
      await img.scrollIntoViewIfNeeded()
      await img.waitFor()
      const width = await img.evaluate(
        (el) =>
          new Promise<number>((resolve) => {
            const i = el as HTMLImageElement
            if (i.complete) resolve(i.naturalWidth)
            i.addEventListener('load', () => resolve(i.naturalWidth))
            i.addEventListener('error', () => resolve(0))
          }),
      )
      expect(width).toBeGreaterThan(0)
      expect(await img.getAttribute('src')).toContain('/files/photos/')
    }
    await loaded(station.getByTestId('station-photos').locator('img').first())
    // (The avatar loads lazily: scrolled to first.)
    const avatar = station.locator('[aria-label="周海燕的照片"]').first()
    await avatar.scrollIntoViewIfNeeded()
    await loaded(avatar.locator('img'))
    await station.getByTestId('station-header').scrollIntoViewIfNeeded()
    const publicity = station.getByTestId('station-publicity')
    await publicity.getByText(/公示：\d{4}年度代表工作目标及完成情况/).waitFor()
    await publicity.getByText('柳岸社区加装电梯5台').waitFor()
    await screenshot(resident, 'console-resident-station-publicity')
    await resident.getByTestId('report-button').filter({ visible: true }).click()
    const submit = shown(resident, 'page-submit')
    await submit.getByTestId('submit-form').waitFor()
    await submit.getByTestId('field-category').getByText('物业小区').click()
    await submit.getByTestId('input-content').locator('textarea').fill('柳岸社区3幢电梯经常停运，老人上下楼很困难，希望尽快维修。')
    await submit.getByTestId('privacy-consent').locator('[role="checkbox"]').click()
    await submit.getByTestId('submit-button').click()
    const casePage = shown(resident, 'page-case')
    await casePage.getByTestId('submitted-tracking-no').waitFor()
    await casePage.getByText('临江市滨湖区湖滨街道柳岸社区人大代表联络站').first().waitFor()
    await screenshot(resident, 'console-resident-submitted')

    // 7. 账号与邀请: a staff account for the new station, by invitation.
    await open(admin, '/packageAdmin/pages/index/index')
    await shown(admin, 'page-console').getByTestId('console-accounts').click()
    await shown(admin, 'account-form').waitFor()
    await shown(admin, 'account-name').locator('input').fill('柳晓岸')
    await shown(admin, 'account-station').getByText('湖滨街道柳岸社区人大代表联络站', { exact: true }).click()
    await shown(admin, 'account-create').click()
    const code = (await shown(admin, 'invitation-code').textContent())?.trim() ?? ''
    expect(code).toMatch(/^[0-9A-Z]{10}$/)
    await screenshot(admin, 'console-accounts-invitation')

    // 8. A fresh WeChat user scans the invitation, accepts, and works the new station's inbox.
    const invited = await desk(`dev-new-console${Date.now().toString(36)}`)
    await invited.goto(`${app.baseUrl}/#/pages/scan/index?scene=${encodeURIComponent(`i=${code}`)}`)
    await shown(invited, 'invitation-preview').getByText('柳晓岸', { exact: false }).waitFor()
    await shown(invited, 'invitation-accept').click()
    await shown(invited, 'invitation-go-work').click()
    await invited.waitForURL(/packageWork\/pages\/inbox/)
    await invited.getByText('柳岸社区3幢电梯经常停运', { exact: false }).first().waitFor()
    await screenshot(invited, 'console-invited-staff-inbox')

    // 9. 海报: the new station's poster preview.
    await open(admin, '/packageAdmin/pages/index/index')
    await shown(admin, 'page-console').getByTestId('console-posters').click()
    await shown(admin, 'poster-station').getByText('湖滨街道柳岸社区人大代表联络站', { exact: true }).click()
    await shown(admin, 'poster-station-preview').click()
    const preview = shown(admin, 'poster-preview')
    await preview.waitFor({ timeout: 30_000 })
    const image = preview.locator('img').first()
    await image.evaluate((img: HTMLImageElement) => (img.complete ? null : new Promise((resolve) => img.addEventListener('load', resolve))))
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(300)
    await screenshot(admin, 'console-poster-preview')
  }, 240_000)
})
