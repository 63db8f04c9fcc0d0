// The foundation loop end to end, in Chromium on the h5 build served by the local runtime, each
// person signed in through the h5 development sign-in page and tapping through the pages:
//   1. 刘阿姨 (dev-resident-1) opens the address 湖滨街道人大代表之家's 民意码 encodes, sees the
//      station, taps 反映民意, fills in the form and gets her tracking number (MYyyyymmdd-nnnn);
//   2. the station's staff (孙晓燕, dev-staff-1) find it in the 工作台, accept it and forward it to
//      湖滨街道人大工委 (分级负责: a station does not assign handling units itself);
//   3. the office's staff (黄志明, dev-office-1) find it, transfer it to a street handling unit as a
//      复杂事项 (15 working days: the due date is shown), extend the limit once, and record the
//      unit's answer;
//   4. 刘阿姨 sees the reply on her case page and in 消息, rates 不满意 with a comment, and sees the
//      case reopened (status, notice and timeline, still there after a reload).
// The runtime's clock starts on Wednesday 2026-12-02, 10:00 in Shanghai, so dates are fixed:
// 15 working days from 12月2日 (no holidays in December) end on 12月23日（星期三）.
// Screenshots go to test-results/screenshots (gitignored) for a person to look at.
import { randomUUID } from 'node:crypto'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser, phonePage, screenshot, startApp, type RunningApp } from './support/app'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  app = await startApp({ MINYI_DEV_NOW: '2026-12-02T02:00:00.000Z' })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/** The page of this test id that is showing (Taro keeps tab pages mounted but hidden). */
const shown = (page: Page, testId: string): Locator => page.locator(`[data-testid="${testId}"]`).filter({ visible: true }).first()

/** Signs in as a demo user the way a person does: the h5 sign-in page, tap the user. */
async function signIn(userId: string, baseUrl = app.baseUrl): Promise<Page> {
  const page = await phonePage(browser)
  await page.goto(`${baseUrl}/#/pages/login/index`)
  await page.getByTestId(`user-${userId}`).click()
  await shown(page, 'page-home').waitFor()
  return page
}

/** Taps an action on the work page, fills its form with `fill`, confirms, and accepts the dialog. */
async function act(page: Page, command: string, fill: (form: Locator) => Promise<void> = async () => undefined): Promise<void> {
  const work = shown(page, 'page-work-case')
  await work.getByTestId(`action-${command}`).click()
  const form = work.getByTestId(`form-${command}`)
  await form.waitFor()
  await fill(form)
  await form.getByTestId('action-confirm').click()
  await page.locator('.taro-model__confirm').filter({ visible: true }).click()
  await form.waitFor({ state: 'detached' })
}

const statusOf = (page: Page, pageId: string) => shown(page, pageId).getByTestId('case-header')

describe('the opinion loop: scan, submit, accept, forward, transfer, answer, rate 不满意', () => {
  it('closes the loop and reopens on 不满意', async () => {
    // The address the station's 民意码 encodes, as the runtime prints it next to the QR image it
    // wrote (cloudfunctions/core/adapters/local/qrcodePng.ts: a plain QR of the h5 scan page).
    const qrLine = /民意码 HBJD\s+(\S+)/.exec(app.output())
    expect(qrLine).not.toBeNull()
    const qrUrl = qrLine![1]
    expect(qrUrl).toBe(`${app.baseUrl}/#/pages/scan/index?scene=s%3DHBJD`)

    // 1. 刘阿姨 signs in, opens the 民意码's address and lands on the station page.
    const liu = await signIn('dev-resident-1')
    await liu.goto(qrUrl)
    const station = shown(liu, 'page-station')
    await station.getByTestId('station-header').getByText('临江市滨湖区湖滨街道人大代表之家').waitFor()
    await station.getByText('本站人大代表').waitFor()
    await screenshot(liu, 'loop-station')

    await liu.getByTestId('report-button').filter({ visible: true }).click()
    const submit = shown(liu, 'page-submit')
    await submit.getByTestId('submit-form').waitFor()
    await submit.getByTestId('field-category').getByText('物业小区').click()
    const content = '湖滨花园5幢楼道的声控灯坏了两个月，晚上上下楼很不安全，希望尽快修好。'
    await submit.getByTestId('input-content').locator('textarea').fill(content)
    await submit.getByTestId('input-place').locator('input').fill('湖滨花园5幢')
    await submit.getByTestId('input-phone').locator('input').fill('13812345678')
    await submit.getByTestId('privacy-consent').locator('[role="checkbox"]').click()
    expect(await submit.getByTestId('privacy-consent').locator('[role="checkbox"]').getAttribute('aria-checked')).toBe('true')
    await screenshot(liu, 'loop-submit')
    await submit.getByTestId('submit-button').click()

    const casePage = shown(liu, 'page-case')
    const banner = casePage.getByTestId('submitted-tracking-no')
    await banner.waitFor()
    const trackingNo = ((await banner.textContent()) ?? '').trim()
    expect(trackingNo).toMatch(/^MY20261202-\d{4}$/)
    await casePage.getByTestId('tracking-no').getByText(trackingNo).waitFor()
    await statusOf(liu, 'page-case').getByText('待受理').waitFor()
    await screenshot(liu, 'loop-case-tracking-number')

    // 2. Station staff find it in the 工作台 (from the home page) and open it.
    const sun = await signIn('dev-staff-1')
    await shown(sun, 'page-home').getByTestId('entry-workbench').click()
    const inbox = shown(sun, 'page-inbox')
    const item = inbox.getByTestId(`case-${trackingNo}`)
    await item.getByText('声控灯坏了两个月').waitFor()
    await item.getByText('待受理').waitFor()
    await screenshot(sun, 'loop-staff-inbox')
    await item.click()

    const work = shown(sun, 'page-work-case')
    await work.getByTestId('tracking-no').getByText(trackingNo).waitFor()
    // The phone is masked for the worker until they ask for it (and that reading is recorded).
    await work.getByTestId('case-content').getByText('138****5678').waitFor()
    expect(await work.getByTestId('case-content').textContent()).not.toContain('13812345678')
    // Who holds it and its clock: the station, to accept within 24 hours.
    await work.getByTestId('handler').getByText('临江市滨湖区湖滨街道人大代表之家').waitFor()
    await work.getByTestId('deadline').getByText('受理期限').waitFor()
    await work.getByTestId('deadline-due').getByText('12月3日（星期四） 10:00').waitFor()
    // The station's actions: no 转办承办单位 (only an office assigns a unit).
    await work.getByTestId('action-accept').waitFor()
    await work.getByTestId('action-forward').getByText('转报街道人大工委').waitFor()
    expect(await work.getByTestId('action-transfer').count()).toBe(0)
    await screenshot(sun, 'loop-staff-case-actions')

    await act(sun, 'accept')
    await statusOf(sun, 'page-work-case').getByText('已受理').waitFor()
    await work.getByTestId('deadline').getByText('答复期限').waitFor()

    // A forward needs a note: the form says so next to the field and sends nothing.
    await work.getByTestId('action-forward').click()
    const forwardForm = work.getByTestId('form-forward')
    await forwardForm.getByTestId('action-confirm').click()
    await forwardForm.getByText('转报说明至少需要2个字').waitFor()
    await forwardForm.getByTestId('input-forward-note').locator('textarea').fill('楼道照明属社区公共设施维修，请街道协调社区管理办公室办理。')
    await forwardForm.getByTestId('action-confirm').click()
    await sun.locator('.taro-model__confirm').filter({ visible: true }).click()
    await forwardForm.waitFor({ state: 'detached' })
    await statusOf(sun, 'page-work-case').getByText('已转报人大机关').waitFor()
    await work.getByTestId('forwarded-notice').getByText('已转报湖滨街道人大工委').waitFor()
    await work.getByTestId('handler').getByText('湖滨街道人大工委').waitFor()
    // The station reads it on, but may no longer act on it.
    await work.getByTestId('no-actions').getByText('此件现由湖滨街道人大工委办理').waitFor()
    await screenshot(sun, 'loop-staff-forwarded')

    // 3. The street office's staff see it in their 工作台, among what they hold now (待我办理).
    const huang = await signIn('dev-office-1')
    await shown(huang, 'page-home').getByTestId('entry-workbench').click()
    const officeInbox = shown(huang, 'page-inbox')
    await officeInbox.getByTestId('filter-scope').getByText('待我办理').click()
    const officeItem = officeInbox.getByTestId(`case-${trackingNo}`)
    await officeItem.getByTestId('case-handler').getByText('现由 湖滨街道人大工委 办理').waitFor()
    await screenshot(huang, 'loop-office-inbox')
    await officeItem.click()

    const officeWork = shown(huang, 'page-work-case')
    await officeWork.getByTestId('tracking-no').getByText(trackingNo).waitFor()
    await officeWork.getByTestId('case-content').getByText('138****5678').waitFor()
    expect(await officeWork.getByTestId('case-content').textContent()).not.toContain('13812345678')
    await officeWork.getByTestId('timeline').getByText('转报湖滨街道人大工委：楼道照明属社区公共设施维修').waitFor()
    await officeWork.getByTestId('action-transfer').waitFor()
    await screenshot(huang, 'loop-office-case')

    await act(huang, 'transfer', async (form) => {
      await form.getByTestId('transfer-units').getByText('湖滨街道社区管理办公室').click()
      await form.getByTestId('transfer-complex').locator('[role="checkbox"]').click()
      await form.getByTestId('transfer-standard-limit').getByText('15 个工作日').waitFor()
      await screenshot(huang, 'loop-office-transfer-form')
    })
    await statusOf(huang, 'page-work-case').getByText('办理中').waitFor()
    const deadline = officeWork.getByTestId('deadline')
    await deadline.getByText('承办单位答复期限').waitFor()
    await officeWork.getByTestId('deadline-due').getByText('12月23日（星期三）').waitFor()
    await officeWork.getByTestId('deadline-complex').waitFor()
    await officeWork.getByTestId('due-notice').getByText('预计 12月23日 前答复').waitFor()
    await screenshot(huang, 'loop-office-transferred')

    // The limit is extended once, with a reason; then the button is gone.
    await act(huang, 'extend', async (form) => {
      await form.getByText('现在的期限是 12月23日（星期三）', { exact: false }).waitFor()
      await form.getByTestId('input-extend-reason').locator('textarea').fill('需协调物业和供电部门共同检修线路')
    })
    await officeWork.getByTestId('deadline-extension').getByText('原期限 12月23日', { exact: false }).waitFor()
    await officeWork.getByTestId('deadline-extension').getByText('需协调物业和供电部门共同检修线路', { exact: false }).waitFor()
    expect(await officeWork.getByTestId('deadline-due').textContent()).not.toContain('12月23日')
    expect(await officeWork.getByTestId('action-extend').count()).toBe(0)

    const answer = '经现场检修，5幢楼道声控灯线路老化，已于12月4日更换全部灯具和线路，恢复照明。'
    await act(huang, 'recordUnitAnswer', async (form) => {
      await form.locator('textarea').fill(answer)
    })
    await statusOf(huang, 'page-work-case').getByText('已答复').waitFor()
    await officeWork.getByTestId('replies').getByText(answer).waitFor()

    // 4. 刘阿姨 finds the answer in 消息 …
    await liu.goto(`${app.baseUrl}/#/pages/messages/index`)
    const messages = shown(liu, 'page-messages')
    const replyMessage = messages.getByTestId('notification').filter({ hasText: '您反映的民意有了答复' }).first()
    await replyMessage.getByText(answer, { exact: false }).waitFor()
    await messages.getByTestId('notification').filter({ hasText: '您反映的民意已转报人大机关' }).first().waitFor()
    await messages.getByTestId('notification').filter({ hasText: '您反映的民意已转办' }).getByText('预计12月23日前答复').waitFor()
    await screenshot(liu, 'loop-resident-messages')

    // … opens her case from it and reads the reply there …
    await replyMessage.click()
    const mine = shown(liu, 'page-case')
    await mine.getByTestId('tracking-no').getByText(trackingNo).waitFor()
    await mine.getByTestId('replies').getByText(answer).waitFor()
    await mine.getByTestId('replies').getByText('湖滨街道社区管理办公室（承办单位）', { exact: false }).waitFor()
    await statusOf(liu, 'page-case').getByText('已答复').waitFor()
    await screenshot(liu, 'loop-resident-reply')

    // … and rates 不满意 with a comment.
    const form = mine.getByTestId('rating-form')
    await form.getByText('不满意', { exact: true }).click()
    await form.locator('textarea').fill('只修好了一层，3楼和4楼的灯还是不亮。')
    await form.getByTestId('rating-submit').click()
    await liu.locator('.taro-model__confirm').filter({ visible: true }).click()
    await mine.getByTestId('reopened-notice').waitFor()

    // Reopened, as the page shows it after a reload: status, notice, timeline with her comment.
    await liu.reload()
    const reopened = shown(liu, 'page-case')
    await statusOf(liu, 'page-case').getByText('重新办理').waitFor()
    await reopened.getByTestId('reopened-notice').getByText('已重新交办', { exact: false }).waitFor()
    const timeline = reopened.getByTestId('timeline')
    await timeline.getByText('不满意，重新办理').waitFor()
    await timeline.getByText('只修好了一层，3楼和4楼的灯还是不亮。').waitFor()
    expect(await reopened.getByTestId('rating-form').count()).toBe(0)
    await screenshot(liu, 'loop-reopened')
  })
})

describe('督办 and 并案 on the work page: overdue cases, then a duplicate merged into the first', () => {
  // Two residents report the same broken street lamp on Wednesday 12月2日; the station accepts the
  // first. The runtime is then started again on the same data two weeks later (Tuesday 12月15日),
  // with the scheduled jobs every second: both clocks ran out (the first: answer by 12月11日; the
  // second: accept by 12月3日 10:00), and the deadline job has written 督办 on both.
  let later: RunningApp
  let first: { id: string; trackingNo: string }
  let second: { id: string; trackingNo: string }

  beforeAll(async () => {
    const before = await startApp({ MINYI_DEV_NOW: '2026-12-02T02:00:00.000Z' }, { keepData: true })
    // Setup through the api (not what this test is about: the loop above submits and accepts by tapping).
    const call = async (user: string, action: string, input: Record<string, unknown>) => {
      const response = await fetch(`${before.baseUrl}/api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Dev-User': user },
        body: JSON.stringify({ action, input, requestId: `setup-${randomUUID()}` }),
      }).then((r) => r.json())
      if (!response.ok) throw new Error(`${action}: ${JSON.stringify(response.error)}`)
      return response.data
    }
    try {
      const opinion = { stationCode: 'HBJD', category: 'utilities', privacyConsent: true }
      first = await call('dev-resident-1', 'case.submit', { ...opinion, content: '湖滨路88号门口的路灯坏了一个星期，晚上很黑，请尽快修理路灯。' })
      second = await call('dev-resident-2', 'case.submit', { ...opinion, content: '湖滨路88号门口路灯不亮已经一个星期，晚上出门很黑，希望修理路灯。' })
      await call('dev-staff-1', 'case.accept', { caseId: first.id })
    } finally {
      await before.stop()
    }
    later = await startApp({ MINYI_DEV_NOW: '2026-12-15T02:00:00.000Z', MINYI_JOB_INTERVAL_MS: '500' }, { dataDir: before.dataDir })
    // Wait for the deadline job's first run (督办 written on both), before anyone looks.
    for (let i = 0; i < 100; i += 1) {
      const inbox = await fetch(`${later.baseUrl}/api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Dev-User': 'dev-staff-1' },
        body: JSON.stringify({ action: 'case.inbox', input: { overdue: true } }),
      }).then((r) => r.json())
      if (inbox.ok && inbox.data.total >= 2) break
      await new Promise((r) => setTimeout(r, 200))
    }
  })

  afterAll(async () => {
    await later?.stop()
  })

  it('shows 已超期 in the inbox and on the case, and merges the duplicate with a link to the first', async () => {
    const page = await signIn('dev-staff-1', later.baseUrl)
    await shown(page, 'page-home').getByTestId('entry-workbench').click()

    // The inbox: both carry the 已超期 badge, and the 已超期 filter keeps exactly them.
    const inbox = shown(page, 'page-inbox')
    await inbox.getByTestId('filter-scope').getByText('已超期').click()
    await inbox.getByText('共 2 件').waitFor()
    await inbox.getByTestId(`case-${first.trackingNo}`).getByTestId('overdue-badge').waitFor()
    await inbox.getByTestId(`case-${second.trackingNo}`).getByTestId('overdue-badge').waitFor()
    await screenshot(page, 'overdue-inbox')

    // The first: accepted 12月2日, to be answered by 12月11日 — 4 days over, in red.
    await inbox.getByTestId(`case-${first.trackingNo}`).click()
    let work = shown(page, 'page-work-case')
    await work.getByTestId('tracking-no').getByText(first.trackingNo).waitFor()
    await work.getByTestId('deadline').getByText('答复期限').waitFor()
    await work.getByTestId('deadline-due').getByText('12月11日（星期五）').waitFor()
    await work.getByTestId('deadline-overdue').getByText('已超期 4 天').waitFor()
    expect(await work.getByTestId('deadline-overdue').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(179, 38, 30)')
    await work.getByTestId('timeline').getByText('逾期督办', { exact: false }).first().waitFor()
    await screenshot(page, 'overdue-case')

    // The second is the same lamp: merge it into the first, picked from the station's open cases.
    await page.goBack()
    await shown(page, 'page-inbox').getByTestId(`case-${second.trackingNo}`).click()
    work = shown(page, 'page-work-case')
    await work.getByTestId('tracking-no').getByText(second.trackingNo).waitFor()
    await work.getByTestId('deadline-overdue').getByText('已超期 12 天').waitFor()
    await work.getByTestId('action-merge').click()
    const form = work.getByTestId('form-merge')
    await form.getByTestId(`merge-target-${first.trackingNo}`).waitFor()
    expect(await form.getByTestId(`merge-target-${second.trackingNo}`).count()).toBe(0)
    await form.getByTestId('action-confirm').click()
    await form.getByText('请选择要并入的民意').waitFor()
    await form.getByTestId(`merge-target-${first.trackingNo}`).click()
    await form.getByTestId('input-merge-note').locator('textarea').fill('同一盏路灯')
    await screenshot(page, 'merge-form')
    await form.getByTestId('action-confirm').click()
    await page.locator('.taro-model__confirm').filter({ visible: true }).click()
    await form.waitFor({ state: 'detached' })

    // Merged: the page says into which case, with a link there; no clock runs on it any more.
    await work.getByTestId('case-header').getByText('已并案办理').waitFor()
    await work.getByTestId('merged-into').getByText(`已并入 ${first.trackingNo} 办理`).waitFor()
    expect(await work.getByTestId('deadline').count()).toBe(0)
    await screenshot(page, 'merged-case')
    await work.getByTestId('merged-into-link').click()
    const primary = shown(page, 'page-work-case')
    await primary.getByTestId('tracking-no').getByText(first.trackingNo).waitFor()
    await primary.getByTestId('merged-cases').getByText(`${second.trackingNo} ›`).waitFor()
    await screenshot(page, 'merge-primary')

    // 周大伯 (the duplicate's resident) is told, in 消息.
    const zhou = await signIn('dev-resident-2', later.baseUrl)
    await zhou.goto(`${later.baseUrl}/#/pages/messages/index`)
    await shown(zhou, 'page-messages').getByTestId('notification').filter({ hasText: '您反映的民意已并案办理' }).first().waitFor()
  })
})
