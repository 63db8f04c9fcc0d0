// 分办建议, 知识库 and 接待日安排 end to end, in Chromium on the h5 build served by the local runtime.
// The runtime's clock is Tuesday 2026-12-01, 10:00 in Shanghai.
//   1. Residents have asked about the 高龄津贴 (a policy question the knowledge base answers) and
//      about a court judgment that is not being enforced (a specific court case);
//   2. staff (孙晓燕) open each case from the 工作台 and read the suggestions with their reasons: an
//      on-site answer with the knowledge entry to copy, similar cases, and for the court case the
//      warning that deputies must not intervene, with what to tell the resident;
//   3. staff open the 知识库 from the 工作台, add an entry (the server's messages first), find it,
//      change it and retire it;
//   4. staff change 湖滨's reception rule, and a resident sees the new schedule on the station page
//      and on the booking page.
// Screenshots go to test-results/screenshots (gitignored) for a person to look at.
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser, screenshot, signedInPhone, startApp, type RunningApp } from './support/app'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  app = await startApp({ MINYI_DEV_NOW: '2026-12-01T02:00:00.000Z' })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const phoneOf = (userId: string): Promise<Page> => signedInPhone(browser, userId)

const open = (page: Page, route: string) => page.goto(`${app.baseUrl}/#${route}`)
/** Lets a toast (e.g. "已保存") go before a screenshot. */
const toastGone = (page: Page, toast: string) => page.locator('.taro__toast').getByText(toast, { exact: true }).waitFor({ state: 'hidden' })
/** Taro h5 keeps earlier pages of the stack in the DOM, hidden: act on the one shown. */
const shown = (page: Page, testId: string): Locator => page.getByTestId(testId).filter({ visible: true })
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ')

/**
 * Setup through the api, not the submit page: what residents' submission looks like is covered by
 * the submission tests; here it only puts the cases staff triage in place.
 */
/** One api call as a demo user (setup only: see where it is used). */
async function callAs<T>(userId: string, action: string, input: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${app.baseUrl}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-User': userId },
    body: JSON.stringify({ action, input, requestId: `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}` }),
  })
  const body = (await response.json()) as { ok: boolean; data: T; error?: unknown }
  if (!body.ok) throw new Error(`${action} failed: ${JSON.stringify(body)}`)
  return body.data
}

async function submitAsResident(userId: string, stationCode: string, category: string, content: string): Promise<{ id: string; trackingNo: string }> {
  return callAs(userId, 'case.submit', { stationCode, category, content, privacyConsent: true })
}

describe('triage assistance on the work page', () => {
  it('shows staff the suggestions with their reasons, the knowledge answer to copy, similar cases and the intervention warning', async () => {
    const earlier = await submitAsResident('dev-resident-1', 'HBJD', 'elderly', '我父亲今年八十二岁了，听说有高龄津贴，在哪里申请？')
    const policy = await submitAsResident('dev-resident-2', 'HBJD', 'elderly', '我母亲今年满八十了，高龄津贴怎么申请？需要什么材料？')
    const court = await submitAsResident('dev-resident-1', 'HBJD', 'legal', '和物业打官司打赢了，判决书下来半年了对方还不执行，能不能帮我催一下法院？')
    const lights = await submitAsResident('dev-resident-2', 'HBJD', 'other', '湖滨路与望湖路交叉口的红绿灯时间太短，老人过马路来不及。')

    const staff = await phoneOf('dev-staff-1')
    await open(staff, '/packageWork/pages/inbox/index')
    await shown(staff, `case-${policy.trackingNo}`).click()
    await shown(staff, 'page-work-case').waitFor()
    const panel = shown(staff, 'triage-panel')
    await panel.getByTestId('triage-disclaimer').getByText('仅供参考，由您决定').waitFor()

    // 建议分类 with the words it rests on.
    const category = panel.getByTestId('triage-category')
    await category.getByText('养老助残').waitFor()
    expect(await text(category)).toContain('为什么因为提到：高龄津贴')
    // 建议去向: on-site answer, because it is a question about a policy the knowledge base answers.
    const route = panel.getByTestId('triage-route')
    await route.getByText('现场答复', { exact: true }).waitFor()
    expect(await text(route.getByTestId('triage-route-reason'))).toContain('这是关于政策或办事程序的咨询')
    expect(await text(route)).toContain('《高龄津贴申领》')
    // The knowledge entry is open to read, and its answer is copied in one tap.
    const kb = panel.getByTestId('triage-knowledge-item').first()
    await kb.getByText('《高龄津贴申领》').waitFor()
    await kb.getByText('匹配：高龄津贴').waitFor()
    expect(await text(kb.getByTestId('triage-knowledge-answer'))).toContain('年满80周岁')
    await screenshot(staff, 'triage-policy-question')
    await kb.getByTestId('copy-answer').click()
    await staff.getByText('内容已复制').waitFor()
    expect(await staff.evaluate(() => window.localStorage.getItem('taro_clipboard'))).toContain('年满80周岁')
    // 相似民意: the earlier question about the same allowance, with category, station and status.
    const similar = panel.getByTestId('triage-similar-item').first()
    await similar.getByText('我父亲今年八十二岁了').waitFor()
    expect(await text(similar)).toMatch(/养老助残.*待受理.*湖滨街道人大代表之家/)
    expect(await text(panel)).not.toContain('不得干预')
    // The action panel is still there, below: the decision stays with the person.
    await shown(staff, 'action-panel').getByTestId('action-answerOnSite').waitFor()

    // Tapping a similar case opens that case's work page.
    await similar.click()
    await staff.waitForURL(new RegExp(`id=${earlier.id}`))
    await shown(staff, 'page-work-case').getByText(earlier.trackingNo).first().waitFor()
    await screenshot(staff, 'triage-similar-case-opened')

    // The court case: a prominent warning and the guidance to give the resident.
    await open(staff, '/packageWork/pages/inbox/index')
    await shown(staff, `case-${court.trackingNo}`).click()
    const courtPanel = shown(staff, 'triage-panel')
    const warning = courtPanel.getByTestId('triage-intervention')
    await warning.getByText('此事人大代表不得干预').waitFor()
    expect(await text(warning)).toContain('涉及具体诉讼案件')
    expect(await text(warning.getByTestId('triage-guidance'))).toMatch(/人民法院.*12348/)
    expect(await text(courtPanel.getByTestId('triage-route-reason'))).toContain('不予受理并告知依法解决的途径')
    await courtPanel.getByTestId('triage-category').getByText('法治权益').waitFor()
    await screenshot(staff, 'triage-court-case-warning')

    // A matter for a handling unit, filed under 其他: the category the words point to, and the unit.
    await open(staff, `/packageWork/pages/case/index?id=${lights.id}`)
    const lightsPanel = shown(staff, 'triage-panel')
    const lightsCategory = lightsPanel.getByTestId('triage-category')
    await lightsCategory.getByText('道路交通').waitFor()
    await lightsCategory.getByText('群众选的是“其他”').waitFor()
    expect(await text(lightsCategory)).toContain('红绿灯')
    await lightsPanel.getByTestId('triage-route').getByText('转办给 滨湖区城市管理局').waitFor()
    expect(await text(lightsPanel.getByTestId('triage-route-reason'))).toContain('滨湖区城市管理局')
    expect(await text(lightsPanel.getByTestId('triage-knowledge'))).toContain('知识库中没有匹配的答复')
    await screenshot(staff, 'triage-transfer-suggestion')

    // A deputy of the station gets the same help (the server allows them case.triage).
    const deputy = await phoneOf('dev-deputy-1')
    await open(deputy, `/packageWork/pages/case/index?id=${court.id}`)
    await shown(deputy, 'triage-panel').getByTestId('triage-intervention').getByText('此事人大代表不得干预').waitFor()
  })
})

describe('knowledge base', () => {
  it('staff add an entry (server messages first), find it, change it and retire it', async () => {
    const staff = await phoneOf('dev-staff-1')
    await open(staff, '/packageWork/pages/inbox/index')
    await shown(staff, 'entry-knowledge').click()
    const page = shown(staff, 'page-knowledge')
    await page.getByTestId('kb-entry').first().waitFor()
    expect(await text(page.getByTestId('kb-total'))).toMatch(/共 \d+ 条/)
    await screenshot(staff, 'knowledge-list')

    // A new entry: the category first (checked here), then what the server says about the title.
    await page.getByTestId('kb-new').click()
    const form = page.getByTestId('knowledge-form')
    await form.getByTestId('kb-save').click()
    await form.getByTestId('kb-category-error').getByText('请选择问题类别').waitFor()
    await form.getByTestId('kb-category').getByText('道路交通').click()
    await form.getByTestId('kb-save').click()
    await form.getByTestId('kb-title-error').getByText('标题至少需要2个字').waitFor()
    await form.getByTestId('kb-title').locator('input').fill('电动自行车上牌登记')
    expect(await form.getByTestId('kb-title-error').count()).toBe(0)
    await form.getByTestId('kb-save').click()
    await form.getByTestId('kb-keywords-error').getByText('请至少填写一个关键词').waitFor()
    await form.getByTestId('kb-keywords').locator('input').fill('电动车上牌、电瓶车上牌，电动自行车登记')
    await form.getByTestId('kb-answer').locator('textarea').fill('太短了')
    await form.getByTestId('kb-save').click()
    await form.getByTestId('kb-answer-error').getByText('答复内容至少需要10个字').waitFor()
    await form.getByTestId('kb-answer').locator('textarea').fill('带上身份证、购车发票和合格证，到就近的电动自行车登记点办理，当场发放号牌，不收费。')
    await screenshot(staff, 'knowledge-new-entry')
    await form.getByTestId('kb-save').click()
    await page.getByTestId('kb-entry').filter({ hasText: '电动自行车上牌登记' }).waitFor()
    await toastGone(staff, '已新增')

    // Found by a word residents use.
    await page.getByTestId('kb-search').locator('input').fill('电瓶车')
    await page.getByTestId('kb-search-go').click()
    await page.getByTestId('kb-total').getByText('搜索“电瓶车”：共 1 条').waitFor()
    const entry = page.getByTestId('kb-entry')
    await entry.getByTestId('kb-entry-title').getByText('电动自行车上牌登记').waitFor()
    await entry.getByText('匹配：电瓶车上牌').waitFor()
    expect(await text(entry)).toContain('关键词：电动车上牌、电瓶车上牌、电动自行车登记')
    expect(await text(entry)).toContain('由 孙晓燕 更新')
    await screenshot(staff, 'knowledge-search')
    // The category filter narrows the search: nothing under 养老助残, the entry under 道路交通.
    await page.getByTestId('kb-category-toggle').click()
    await page.getByTestId('kb-filter-category').getByText('养老助残').click()
    await page.getByText('没有找到匹配的条目').waitFor()
    await page.getByTestId('kb-filter-category').getByText('道路交通').click()
    await entry.getByTestId('kb-entry-title').getByText('电动自行车上牌登记').waitFor()
    expect(await text(page.getByTestId('kb-category-toggle'))).toContain('按类别：道路交通')

    // Changed: a new title and answer.
    await entry.getByTestId('kb-edit').click()
    await form.getByTestId('kb-title').locator('input').fill('电动自行车上牌')
    await form.getByTestId('kb-answer').locator('textarea').fill('带上身份证、购车发票和合格证，到就近的电动自行车登记点办理，当场发放号牌，不收费。周六上午也可办理。')
    await form.getByTestId('kb-save').click()
    await entry.getByTestId('kb-entry-title').getByText('电动自行车上牌', { exact: true }).waitFor()
    // Still so after a reload: it was saved.
    await staff.reload()
    await shown(staff, 'kb-search').locator('input').fill('电瓶车')
    await shown(staff, 'kb-search-go').click()
    const reloaded = shown(staff, 'page-knowledge').getByTestId('kb-entry')
    await reloaded.getByTestId('kb-entry-title').getByText('电动自行车上牌', { exact: true }).waitFor()
    expect(await text(reloaded.getByTestId('kb-entry-answer'))).toContain('周六上午也可办理')

    // Retired with a reason: gone from the list in use, kept among the retired.
    await reloaded.getByTestId('kb-retire').click()
    await reloaded.getByTestId('kb-retire-reason').locator('input').fill('改由交警队统一答复')
    await screenshot(staff, 'knowledge-retire')
    await reloaded.getByTestId('kb-retire-confirm').click()
    await staff.locator('.taro-model__confirm').click()
    await shown(staff, 'kb-total').getByText('搜索“电瓶车”：共 0 条').waitFor()
    await shown(staff, 'page-knowledge').getByText('没有找到匹配的条目').waitFor()
    await shown(staff, 'kb-include-retired').getByText('显示已停用的条目').click()
    const retired = shown(staff, 'page-knowledge').getByTestId('kb-entry')
    await retired.getByTestId('kb-entry-status').getByText('已停用').waitFor()
    await retired.getByTestId('kb-entry-retired-reason').getByText('停用原因：改由交警队统一答复').waitFor()
    expect(await retired.getByTestId('kb-edit').count()).toBe(0)
    await toastGone(staff, '已停用')
    await screenshot(staff, 'knowledge-retired')
  })
})

describe('reception rules', () => {
  it('staff change the station\'s rule and residents see the new schedule', async () => {
    // 周大伯 already holds a place on Monday 12月21日 (the rule's 12月20日, moved off the Sunday).
    // Set up through the api: booking has its own end-to-end test; here it only makes a day that
    // the rule change must keep as it is.
    const { occurrences } = await callAs<{ occurrences: Array<{ id: string; date: string }> }>('dev-resident-2', 'reception.upcoming', { stationCode: 'HBJD' })
    const monday = occurrences.find((o) => o.date === '2026-12-21')
    expect(monday).toBeDefined()
    await callAs('dev-resident-2', 'reception.book', { occurrenceId: monday?.id, slot: 's0', topic: '小区停车' })

    const staff = await phoneOf('dev-staff-1')
    await open(staff, '/packageReception/pages/manage/index')
    await shown(staff, 'rules').getByText('每双月20日 9:00–11:30').waitFor()
    await screenshot(staff, 'rules-manage-page')
    await shown(staff, 'edit-rules').click()
    const page = shown(staff, 'page-reception-rules')
    const card = page.getByTestId('rule-card')
    await card.getByTestId('rule-label').getByText('每双月20日 9:00–11:30').waitFor()
    await card.getByText('遇节假日顺延至下一个工作日').waitFor()
    await card.getByText('默认值班代表：王建国、赵敏').waitFor()
    await screenshot(staff, 'rules-before')

    // 每周三 14:00–16:00, 20-minute slots of 3; skip holidays.
    await card.getByTestId('edit-rule').click()
    const form = page.getByTestId('rule-form')
    await form.getByTestId('rule-kind').getByText('每周固定星期几').click()
    await form.getByTestId('rule-weekday').getByText('周三').click()
    await form.getByTestId('rule-start').locator('input').fill('14:00')
    await form.getByTestId('rule-end').locator('input').fill('13:00')
    await form.getByTestId('rule-day-off').getByText('遇节假日暂停一次').click()
    await form.getByTestId('rule-slot-minutes').locator('input').fill('20')
    await form.getByTestId('rule-slot-capacity').locator('input').fill('3')
    // The server refuses an end before the start, in words, under the time field.
    await form.getByTestId('save-rule').click()
    await staff.locator('.taro-model__confirm').click()
    await form.getByTestId('rule-time-error').getByText('结束时间应晚于开始时间').waitFor()
    await form.getByTestId('rule-end').locator('input').fill('16:00')
    expect(await form.getByTestId('rule-time-error').count()).toBe(0)
    await form.getByTestId('rule-preview').getByText('新的安排：每周三 14:00–16:00，遇节假日暂停一次').waitFor()
    await screenshot(staff, 'rules-form')
    await form.getByTestId('save-rule').click()
    await staff.locator('.taro-model__confirm').click()
    const saved = page.getByTestId('rule-saved')
    await saved.getByText('已保存：每周三 14:00–16:00').waitFor()
    expect(await text(saved)).toContain('新安排自12月4日（星期五）起生效')
    // The day 周大伯 booked is kept, and listed for staff to move or cancel explicitly.
    await saved.getByTestId('kept-with-bookings').getByTestId('kept-day').getByText('12月21日（星期一） 9:00–11:30').waitFor()
    await card.getByTestId('rule-label').getByText('每周三 14:00–16:00').waitFor()
    await card.getByText('遇节假日暂停一次').waitFor()
    await card.getByText('每 20 分钟一个预约时段，每个时段接待 3 人').waitFor()
    // The default duty was kept.
    await card.getByText('默认值班代表：王建国、赵敏').waitFor()
    await toastGone(staff, '已保存')
    await screenshot(staff, 'rules-saved')

    // A resident sees it on the station page and when booking.
    const resident = await phoneOf('dev-resident-1')
    await open(resident, '/pages/station/index?code=HBJD')
    const reception = shown(resident, 'reception')
    await reception.getByText('固定安排：每周三 14:00–16:00').waitFor()
    const days = reception.getByTestId('upcoming-day')
    const first = days.first()
    await first.getByText('12月9日（星期三）').waitFor()
    await first.getByText('14:00–16:00').waitFor()
    await days.nth(1).getByText('12月16日（星期三）').waitFor()
    // The booked Monday stays as it was; the old rule's other days are gone.
    await days.nth(2).getByText('12月21日（星期一）').waitFor()
    await days.nth(2).getByText('9:00–11:30').waitFor()
    expect(await days.count()).toBe(3)
    await screenshot(resident, 'rules-station-page')
    await first.getByTestId('book-day').click()
    const book = shown(resident, 'page-book')
    await book.getByText('固定安排：每周三 14:00–16:00').waitFor()
    await book.getByTestId('slots').getByText('14:00–14:20').waitFor()
    await book.getByTestId('slot-s0').getByText('余 3 位').waitFor()
    await screenshot(resident, 'rules-booking-page')

    // From the list, staff open the kept day to deal with it.
    await shown(staff, 'kept-day').click()
    await shown(staff, 'page-day').getByText('周大伯').first().waitFor()
  })
})
