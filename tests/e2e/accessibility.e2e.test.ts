// 适老化, accessibility and the resident's own data end to end (issue 10), in Chromium on the h5
// build served by the local runtime (clock: Wednesday 2026-12-02, 10:00 in Shanghai):
//   1. every resident page in normal and in large mode (大字模式): a screenshot each, and axe-core
//      (WCAG 2.1 A/AA rules) finds no serious or critical violation; the counts per page are printed;
//   2. 刘阿姨 switches 大字模式 on in 我的 and submits an opinion on the one-question-per-screen form;
//   3. staff register a walk-in's opinion (代录), print the 回执; a resident scans its QR and claims it;
//      on a desk the inbox is two columns with keyboard navigation;
//   4. 周大伯 exports his data (JSON) and erases his account; staff still see his case, anonymous.
// Screenshots go to test-results/screenshots (gitignored).
import fs from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
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

const shown = (page: Page, testId: string): Locator => page.locator(`[data-testid="${testId}"]`).filter({ visible: true }).first()

/** Calls the api as a demo user (setting up what a page shows). */
async function api<T = unknown>(userId: string, action: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${app.baseUrl}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-user': userId },
    body: JSON.stringify({ action, input, requestId: `e2e${Math.random().toString(36).slice(2)}${Date.now()}` }),
  })
  const body = (await response.json()) as { ok: boolean; data?: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${action}: ${body.error?.message}`)
  return body.data as T
}

/** A phone signed in as `userId`, in normal or large mode (the local choice Taro's storage keeps). */
async function phoneAs(userId: string, large: boolean, options: { acceptDownloads?: boolean } = {}): Promise<Page> {
  const page = await phonePage(browser)
  void options
  await page.context().addInitScript(
    ([id, on]) => {
      window.localStorage.setItem('minyi.devUser', id as string)
      if (!window.sessionStorage.getItem('minyi.e2e.modeSet')) {
        window.localStorage.setItem('minyi.largeText', JSON.stringify({ data: on ? '1' : '0' }))
        window.sessionStorage.setItem('minyi.e2e.modeSet', '1')
      }
    },
    [userId, large] as const,
  )
  return page
}

interface AxeCounts {
  critical: number
  serious: number
  moderate: number
  minor: number
}

const axeReport: string[] = []

/** Runs axe on what the page shows; returns the serious and critical findings (empty when none). */
async function axeCheck(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const counts: AxeCounts = { critical: 0, serious: 0, moderate: 0, minor: 0 }
  for (const v of result.violations) counts[(v.impact ?? 'minor') as keyof AxeCounts] += v.nodes.length
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  axeReport.push(`${label}: critical=${counts.critical} serious=${counts.serious} moderate=${counts.moderate} minor=${counts.minor}`)
  return bad.map((v) => `${label}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`).join(' | ')}`)
}

describe('every resident page, normal and large', () => {
  let caseId = ''
  beforeAll(async () => {
    caseId = (await api<{ id: string }>('dev-resident-1', 'case.submit', {
      stationCode: 'HBJD',
      category: 'traffic',
      content: '湖滨路口的红绿灯时间太短，老人过马路来不及。',
      place: '湖滨路口',
      phone: '13812345678',
      privacyConsent: true,
    })).id
  })

  afterAll(() => {
    // The counts per page, for the report (the test fails above on any serious or critical one).
    console.log(`axe-core (WCAG 2.1 A/AA) violations per page:\n${axeReport.join('\n')}`)
  })

  const pages: Array<[name: string, url: () => string, ready: string]> = [
    ['home', () => '/#/pages/index/index', 'page-home'],
    ['station', () => '/#/pages/station/index?code=HBJD', 'station-header'],
    ['deputy', () => '/#/pages/deputy/index?code=DB01', 'page-deputy'],
    ['submit', () => '/#/pages/submit/index?station=HBJD', 'submit-form'],
    ['case', () => `/#/pages/case/index?id=${caseId}`, 'tracking-no'],
    ['messages', () => '/#/pages/messages/index', 'page-messages'],
    ['mine', () => '/#/pages/mine/index', 'me-card'],
    ['privacy', () => '/#/pages/privacy/index', 'page-privacy'],
    ['scan', () => '/#/pages/scan/index?scene=x', 'page-scan'],
    ['my-data', () => '/#/packageMine/pages/my-data/index', 'my-phones'],
    ['claim', () => '/#/packageMine/pages/claim/index', 'page-claim'],
    ['my-bookings', () => '/#/packageReception/pages/my-bookings/index', 'page-my-bookings'],
    ['book', () => '/#/packageReception/pages/book/index?station=HBJD', 'page-book'],
  ]

  for (const large of [false, true]) {
    const mode = large ? 'large' : 'normal'
    it(`${mode} mode: each page renders, has 联系工作人员, and has no serious or critical axe violation`, async () => {
      const page = await phoneAs('dev-resident-1', large)
      const findings: string[] = []
      for (const [name, url, ready] of pages) {
        await page.goto(`${app.baseUrl}${url()}`)
        await shown(page, ready).waitFor()
        await page.waitForTimeout(300)
        const root = page.locator('.mx-page').filter({ visible: true }).first()
        expect(await root.getAttribute('data-large')).toBe(large ? 'true' : 'false')
        await shown(page, 'contact-staff').waitFor()
        await screenshot(page, `a11y-${mode}-${name}`)
        findings.push(...(await axeCheck(page, `${name} (${mode})`)))
      }
      if (findings.length) console.log(findings.join('\n'))
      expect(findings).toEqual([])
      await page.context().close()
    })
  }

  it('large mode: body text ≥ 20 px, main buttons ≥ 60 px tall and full width, line height ≥ 1.5', async () => {
    const page = await phoneAs('dev-resident-1', true)
    await page.goto(`${app.baseUrl}/#/pages/station/index?code=HBJD`)
    await shown(page, 'station-header').waitFor()
    const sizes = await page.evaluate(() => {
      const root = Array.from(document.querySelectorAll<HTMLElement>('.mx-page')).find((el) => el.offsetParent !== null) as HTMLElement
      const style = getComputedStyle(root)
      const button = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="report-button"]')).find((el) => el.offsetParent !== null) as HTMLElement
      const book = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="book-button"]')).find((el) => el.offsetParent !== null) as HTMLElement
      return {
        font: Number.parseFloat(style.fontSize),
        lineHeight: Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize),
        buttonHeight: button.getBoundingClientRect().height,
        buttonWidth: button.getBoundingClientRect().width,
        bookHeight: book?.getBoundingClientRect().height ?? 0,
        viewport: window.innerWidth,
      }
    })
    console.log(`large mode on a 390 px phone: ${JSON.stringify(sizes)}`)
    expect(sizes.font).toBeGreaterThanOrEqual(20)
    expect(sizes.lineHeight).toBeGreaterThanOrEqual(1.5)
    expect(sizes.buttonHeight).toBeGreaterThanOrEqual(60)
    expect(sizes.bookHeight).toBeGreaterThanOrEqual(60)
    expect(sizes.buttonWidth).toBeGreaterThanOrEqual(sizes.viewport - 60)
    const normal = await phoneAs('dev-resident-1', false)
    await normal.goto(`${app.baseUrl}/#/pages/station/index?code=HBJD`)
    await shown(normal, 'station-header').waitFor()
    const normalFont = await normal.evaluate(() => {
      const root = Array.from(document.querySelectorAll<HTMLElement>('.mx-page')).find((el) => el.offsetParent !== null) as HTMLElement
      return Number.parseFloat(getComputedStyle(root).fontSize)
    })
    console.log(`normal mode body text: ${normalFont}px`)
    expect(normalFont).toBeGreaterThanOrEqual(18)
    await page.context().close()
    await normal.context().close()
  })
})

describe('大字模式 on the one-question-per-screen form', () => {
  it('刘阿姨 switches it on in 我的 and submits question by question', async () => {
    const page = await phoneAs('dev-resident-1', false)
    await page.goto(`${app.baseUrl}/#/pages/mine/index`)
    const toggle = shown(page, 'toggle-large-text')
    await toggle.waitFor()
    expect(await toggle.getAttribute('aria-checked')).toBe('false')
    await toggle.click()
    expect(await toggle.getAttribute('aria-checked')).toBe('true')
    await shown(page, 'page-mine').and(page.locator('[data-large="true"]')).waitFor()
    await screenshot(page, 'large-mine-switched-on')

    await page.goto(`${app.baseUrl}/#/pages/station/index?code=HBJD`)
    await shown(page, 'station-header').waitFor()
    await shown(page, 'book-button').waitFor()
    await screenshot(page, 'large-station')
    await shown(page, 'report-button').click()
    const form = shown(page, 'submit-form')
    await form.waitFor()
    const step = async (title: string) => {
      await form.getByTestId('step-title').getByText(title).waitFor()
      await screenshot(page, `large-submit-${title}`)
    }
    await step('遇到了什么问题')
    // Nothing chosen yet: the same Chinese message the server gives, and no move on.
    await form.getByTestId('step-next').click()
    await form.getByText('请选择问题类别').waitFor()
    await form.getByTestId('field-category').getByText('市政设施').click()
    await form.getByTestId('input-content').locator('textarea').fill('望湖路的路灯坏了三盏，晚上走路看不清，老人容易摔倒。')
    // 按住说话 is offered exactly where the browser has the Web Speech API.
    const speech = await page.evaluate(() => 'SpeechRecognition' in window || 'webkitSpeechRecognition' in window)
    expect(await form.getByTestId('voice-input').count()).toBe(speech ? 1 : 0)
    await form.getByTestId('step-next').click()
    await step('在哪里')
    await form.getByTestId('input-place').locator('input').fill('望湖路12号门口')
    await form.getByTestId('step-next').click()
    await step('拍照片（可以不拍）')
    await form.getByTestId('step-next').click()
    await step('联系电话（可以不填）')
    await form.getByTestId('input-phone').locator('input').fill('13912345678')
    await form.getByTestId('step-next').click()
    await step('个人信息保护')
    await form.getByTestId('step-next').click()
    await form.getByText('请先阅读并同意《个人信息保护说明》').waitFor()
    await form.getByTestId('privacy-consent').locator('[role="checkbox"]').click()
    await form.getByTestId('step-next').click()
    await step('核对后提交')
    const review = form.getByTestId('submit-review')
    await review.getByText('望湖路12号门口').waitFor()
    await review.getByText('139****5678').waitFor()
    // Back one step and forward again: what was typed is still there.
    await form.getByTestId('step-back').click()
    await form.getByTestId('step-back').click()
    expect(await form.getByTestId('input-phone').locator('input').inputValue()).toBe('13912345678')
    await form.getByTestId('step-next').click()
    await form.getByTestId('step-next').click()
    await form.getByTestId('submit-button').click()
    const banner = shown(page, 'submitted-tracking-no')
    await banner.waitFor()
    expect(await banner.textContent()).toMatch(/MY\d{8}-\d{4}/)
    await screenshot(page, 'large-submitted')
    // The choice is on the account: another phone of the same person starts large.
    const me = await api<{ largeText: boolean | null }>('dev-resident-1', 'session.me')
    expect(me.largeText).toBe(true)
    await api('dev-resident-1', 'privacy.setPreferences', { largeText: false })
    await page.context().close()
  })
})

describe('代录 and claiming the 回执', () => {
  it('staff register a walk-in; the resident scans the receipt and finds the case in 我的', async () => {
    const staff = await phoneAs('dev-staff-1', false)
    await staff.goto(`${app.baseUrl}/#/packageWork/pages/inbox/index`)
    await shown(staff, 'entry-assisted').click()
    const form = shown(staff, 'page-assisted')
    await form.getByTestId('input-resident-name').locator('input').fill('马大爷')
    await form.getByTestId('input-phone').locator('input').fill('13700137000')
    await form.getByTestId('field-category').getByText('物业小区').click()
    await form.getByTestId('input-content').locator('textarea').fill('马大爷来访反映：湖滨新村5幢楼道灯坏了一个月，晚上上下楼很危险。')
    await screenshot(staff, 'assisted-form')
    await form.getByTestId('assisted-submit').click()
    const done = form.getByTestId('assisted-done')
    await done.waitFor()
    const doneText = (await done.textContent()) ?? ''
    const trackingNo = /MY\d{8}-\d{4}/.exec(doneText)?.[0] as string
    const code = /认领码 ([0-9A-Za-z]{12})/.exec(doneText)?.[1] as string
    expect(trackingNo).toBeTruthy()
    expect(code).toBeTruthy()
    const downloading = staff.waitForEvent('download')
    await form.getByTestId('print-receipt').click()
    const receipt = await downloading
    expect(receipt.suggestedFilename()).toBe(`回执-${trackingNo}.pdf`)
    await screenshot(staff, 'assisted-done')

    // The receipt's QR encodes the h5 scan address with scene c=<code>.
    const resident = await phoneAs('dev-resident-1', false)
    await resident.goto(`${app.baseUrl}/#/pages/scan/index?scene=${encodeURIComponent(`c=${code}`)}`)
    await shown(resident, 'claim-done').getByText(trackingNo, { exact: false }).waitFor()
    await screenshot(resident, 'claimed')
    await resident.goto(`${app.baseUrl}/#/pages/mine/index`)
    await shown(resident, 'page-mine').getByTestId(`case-${trackingNo}`).waitFor()
    // Single use: another resident gets a clear refusal.
    const other = await phoneAs('dev-resident-2', false)
    await other.goto(`${app.baseUrl}/#/packageMine/pages/claim/index?code=${code}`)
    await shown(other, 'page-claim').getByText('这张回执已经被认领过了', { exact: false }).waitFor()
    await screenshot(other, 'claim-refused')
    await staff.context().close()
    await resident.context().close()
    await other.context().close()
  })

  it('on a desk (≥ 1024 px) the inbox is two columns and works with ↑/↓ and Enter', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    await context.addInitScript(() => window.localStorage.setItem('minyi.devUser', 'dev-staff-1'))
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/#/packageWork/pages/inbox/index`)
    await shown(page, 'inbox-desk').waitFor()
    await shown(page, 'inbox-list').locator('[role="option"]').first().waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowDown')
    const active = shown(page, 'inbox-active')
    expect(await active.getAttribute('data-inbox-index')).toBe('1')
    await page.keyboard.press('Enter')
    const detail = shown(page, 'inbox-detail')
    await detail.getByTestId('tracking-no').waitFor()
    const listBox = await shown(page, 'inbox-list').boundingBox()
    const detailBox = await detail.boundingBox()
    expect(detailBox!.x).toBeGreaterThan(listBox!.x + listBox!.width - 1)
    await screenshot(page, 'desk-inbox')
    await context.close()
  })
})

describe('my data: export and erase', () => {
  it('周大伯 sees his data, exports it and erases his account; staff still see the case, anonymous', async () => {
    const made = await api<{ id: string; trackingNo: string }>('dev-resident-2', 'case.submit', {
      stationCode: 'HBJD',
      category: 'environment',
      content: '周大伯反映：湖滨公园的垃圾桶满了没人清理，气味很大。',
      phone: '13598765432',
      privacyConsent: true,
    })
    await api('dev-staff-1', 'case.revealPhone', { caseId: made.id })

    const page = await phoneAs('dev-resident-2', false)
    await page.goto(`${app.baseUrl}/#/pages/mine/index`)
    await shown(page, 'entry-my-data').click()
    const data = shown(page, 'page-my-data')
    await data.getByTestId('my-phones').getByText('135****5432').waitFor()
    await data.getByTestId('phone-views').getByText(`联络站工作人员 孙晓燕 查看了民意 ${made.trackingNo} 留下的电话`).waitFor()
    await screenshot(page, 'my-data')

    // Tap-to-reveal after a second confirmation.
    await data.getByTestId('reveal-my-phone').click()
    await page.locator('.taro-modal__footer .taro-model__confirm, .taro-model__confirm').filter({ visible: true }).first().click()
    await data.getByTestId('my-phones').getByText('13598765432').waitFor()

    const downloading = page.waitForEvent('download')
    await data.getByTestId('export-json').click()
    const download = await downloading
    const exported = JSON.parse(fs.readFileSync((await download.path()) as string, 'utf8'))
    expect(exported.profile.name).toBe('周大伯')
    expect(exported.cases.map((c: { trackingNo: string }) => c.trackingNo)).toContain(made.trackingNo)

    // 注销: explained first, confirmed twice (I understood, then the dialog).
    const erase = data.getByTestId('erase-card')
    await erase.getByText('您反映过的民意作为匿名记录保留', { exact: false }).waitFor()
    expect(await erase.getByTestId('erase-account').getAttribute('aria-disabled')).toBe('true')
    await erase.getByTestId('erase-understood').locator('[role="checkbox"]').click()
    await erase.getByTestId('erase-account').click()
    await page.locator('.taro-model__confirm').filter({ visible: true }).first().click()
    await shown(page, 'erased-home').waitFor()
    await screenshot(page, 'erased')

    const view = await api<{ trackingNo: string; content: string; phoneMasked: string | null; status: string }>('dev-staff-1', 'case.get', { caseId: made.id })
    expect(view.trackingNo).toBe(made.trackingNo)
    expect(view.content).toContain('垃圾桶')
    expect(view.phoneMasked).toBeNull()
    const staff = await phoneAs('dev-staff-1', false)
    await staff.goto(`${app.baseUrl}/#/packageWork/pages/case/index?id=${made.id}`)
    const work = shown(staff, 'page-work-case')
    await work.getByTestId('tracking-no').getByText(made.trackingNo).waitFor()
    const text = (await work.textContent()) ?? ''
    expect(text).not.toContain('135****5432')
    expect(text).not.toContain('13598765432')
    await screenshot(staff, 'erased-case-at-staff')
    await page.context().close()
    await staff.context().close()
  })
})
