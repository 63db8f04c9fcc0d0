// 议案/建议 end to end, in Chromium on the h5 build served by the local runtime. The runtime's clock
// starts on Monday 2026-11-23, 10:00 in Shanghai (so the 交办期限 is 5 working days later, 11月30日):
//   1. 刘阿姨 and 周大伯 have each raised a traffic problem at 湖滨街道人大代表之家;
//   2. 王建国 (deputy of that station) opens 工作台 → 议案建议 → 新建建议, writes title and text,
//      attaches 刘阿姨's case with the picker and 周大伯's from its work case page (加入议案建议),
//      and submits it to 滨湖区人大常委会;
//   3. 何静 (staff of 滨湖区人大常委会, the office of a 区 deputy's suggestions) assigns it to
//      滨湖区城市管理局 and records the bureau's answer;
//   4. each resident, on their own phone, sees the answer on their case page and in 消息;
//   5. the deputy rates the answer and the suggestion is closed.
// Screenshots go to test-results/screenshots (gitignored) for a person to look at.
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot, signedInPhone, startApp, type RunningApp } from './support/app'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  app = await startApp({ MINYI_DEV_NOW: '2026-11-23T02:00:00.000Z' })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const TITLE = '关于优化湖滨片区路口信号灯配时的建议'
const BODY =
  '湖滨街道多个路口信号灯绿灯时间偏短，老年人和学生过街困难，群众多次反映。建议区交通管理部门对片区路口开展配时评估，延长行人绿灯时间，增设行人过街按钮。'
const ANSWER = '经评估，已对湖滨片区12个路口调整配时，行人绿灯延长至45秒，并于3个路口增设过街按钮。'

const phoneOf = (userId: string): Promise<Page> => signedInPhone(browser, userId)

const open = (page: Page, route: string) => page.goto(`${app.baseUrl}/#${route}`)

/** Taps the h5 confirm dialog's 确定 (or its renamed confirm button). */
async function confirmDialog(page: Page) {
  const button = page.locator('.taro-model__confirm').filter({ visible: true })
  await button.click()
}

let requestCounter = 0
/**
 * Setup only (not what this test is about): the residents' cases are submitted through the api as
 * the h5 page would send them (`POST /api` with the development sign-in header X-Dev-User).
 */
async function submitCase(userId: string, content: string): Promise<{ id: string; trackingNo: string }> {
  requestCounter += 1
  const response = await fetch(`${app.baseUrl}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-User': userId },
    body: JSON.stringify({
      action: 'case.submit',
      input: { stationCode: 'HBJD', category: 'traffic', content, privacyConsent: true },
      requestId: `e2e-suggestion-${requestCounter}-${Date.now()}`,
    }),
  })
  const body = (await response.json()) as { ok: boolean; data?: { id: string; trackingNo: string }; error?: unknown }
  if (!body.ok || !body.data) throw new Error(`case.submit failed: ${JSON.stringify(body.error)}`)
  return body.data
}

describe('议案建议: from two residents\' cases to an answer each of them sees', () => {
  it('drafts, attaches, submits, assigns, answers, informs both residents, and is rated', async () => {
    // 1. Two residents' cases at 湖滨 (setup through the api, see submitCase).
    const liuCase = await submitCase('dev-resident-1', '湖滨路与望湖路路口红绿灯时间太短，老人过马路走不到一半就变灯了，很危险。')
    const zhouCase = await submitCase('dev-resident-2', '学校门口的路口绿灯太短，孩子放学过马路很急，希望延长行人通行时间。')

    // 2. The deputy opens 议案建议 from 工作台 and starts a draft.
    const wang = await phoneOf('dev-deputy-1')
    await open(wang, '/packageWork/pages/inbox/index')
    await wang.getByTestId('page-inbox').waitFor()
    await wang.getByTestId('entry-suggestions').click()
    const list = wang.getByTestId('page-suggestions')
    await list.waitFor()
    await list.getByText('还没有议案建议').waitFor()
    await screenshot(wang, 'suggestion-list-empty')
    await list.getByTestId('new-suggestion').click()

    const detail = wang.getByTestId('page-suggestion').filter({ visible: true })
    await detail.getByTestId('draft-editor').waitFor()
    await detail.getByTestId('suggestion-status').getByText('草稿').waitFor()
    expect(await detail.getByTestId('suggestion-no').count()).toBe(0)
    await detail.getByTestId('suggestion-header').getByText('将提交滨湖区人大常委会', { exact: false }).waitFor()
    await detail.getByTestId('draft-title-input').locator('input').fill(TITLE)
    await detail.getByTestId('draft-body-input').locator('textarea').fill(BODY)
    await detail.getByTestId('save-draft').click()
    await detail.getByTestId('save-draft').getByText('草稿已保存').waitFor()
    await detail.getByTestId('suggestion-heading').getByText(TITLE).waitFor()
    await screenshot(wang, 'suggestion-draft')

    // Attach 刘阿姨's case with the picker: search, see both, attach one.
    await detail.getByTestId('open-case-picker').click()
    const picker = detail.getByTestId('case-picker')
    await picker.getByTestId('case-search').locator('input').fill('路口')
    await picker.getByTestId(`pick-${liuCase.trackingNo}`).waitFor()
    await picker.getByTestId(`pick-${zhouCase.trackingNo}`).waitFor()
    await picker.getByTestId(`pick-${liuCase.trackingNo}`).getByTestId('attach-case').click()
    await picker.getByTestId(`pick-${liuCase.trackingNo}`).getByTestId('picked').waitFor()
    // The search narrows the list by the text.
    await picker.getByTestId('case-search').locator('input').fill('学校门口')
    await picker.getByTestId(`pick-${liuCase.trackingNo}`).waitFor({ state: 'detached' })
    await picker.getByTestId(`pick-${zhouCase.trackingNo}`).waitFor()
    await picker.getByTestId('case-search').locator('input').fill('')
    // …and the category filter asks the server for that category only.
    await picker.getByTestId('picker-category-toggle').click()
    await picker.getByTestId('picker-category').getByText('教育', { exact: true }).click()
    await picker.getByText('没有符合条件的民意').waitFor()
    await picker.getByTestId('picker-category').getByText('道路交通', { exact: true }).click()
    await picker.getByTestId(`pick-${zhouCase.trackingNo}`).waitFor()
    await screenshot(wang, 'suggestion-attach-picker')
    await picker.getByTestId('close-case-picker').click()
    const liuAttached = detail.getByTestId(`attached-${liuCase.trackingNo}`)
    await liuAttached.getByText('老人过马路').waitFor()
    await liuAttached.getByText('湖滨街道人大代表之家').waitFor()
    await liuAttached.getByText('道路交通').waitFor()

    // Attach 周大伯's from its work case page: 加入议案建议 → choose the draft.
    await open(wang, `/packageWork/pages/case/index?id=${zhouCase.id}`)
    const workCase = wang.getByTestId('page-work-case')
    await workCase.getByTestId('case-suggestions').scrollIntoViewIfNeeded()
    await screenshot(wang, 'suggestion-work-case-add')
    await workCase.getByTestId('add-to-suggestion').click()
    const choose = wang.getByTestId('page-suggestions').filter({ visible: true })
    await choose.getByTestId('picking-notice').waitFor()
    await choose.getByTestId('suggestion-item').filter({ hasText: TITLE }).waitFor()
    await screenshot(wang, 'suggestion-choose-draft')
    await choose.getByTestId('suggestion-item').filter({ hasText: TITLE }).click()
    await detail.getByTestId(`attached-${zhouCase.trackingNo}`).getByText('学校门口').waitFor()
    await detail.getByTestId(`attached-${liuCase.trackingNo}`).waitFor()
    await detail.getByTestId('attached-cases').getByText('2 条').waitFor()
    // The title and text were saved: they are still there on a fresh load.
    await wang.reload()
    await detail.getByTestId('draft-title-input').locator('input').waitFor()
    expect(await detail.getByTestId('draft-title-input').locator('input').inputValue()).toBe(TITLE)
    expect(await detail.getByTestId('draft-body-input').locator('textarea').inputValue()).toBe(BODY)
    await screenshot(wang, 'suggestion-draft-ready')

    await detail.getByTestId('submit-suggestion').click()
    await confirmDialog(wang)
    await detail.getByTestId('suggestion-status').getByText('已提交人大机关').waitFor()
    await detail.getByTestId('suggestion-no').getByText('JY2026-0001').waitFor()
    await detail.getByTestId('suggestion-header').getByText('王建国 代表 · 提交滨湖区人大常委会', { exact: true }).waitFor()
    await detail.getByTestId('suggestion-deadline').getByText('交办期限 11月30日').waitFor()
    await detail.getByTestId('suggestion-body').getByText(BODY).waitFor()
    expect(await detail.getByTestId('draft-editor').count()).toBe(0)
    expect(await detail.getByTestId('detach-case').count()).toBe(0)
    await detail.getByTestId(`attached-${zhouCase.trackingNo}`).getByText('已转为议案建议素材').waitFor()
    await screenshot(wang, 'suggestion-submitted')
    // An attached case opens its work case page.
    await detail.getByTestId(`attached-${liuCase.trackingNo}`).getByTestId('attached-case').click()
    const liuWork = wang.getByTestId('page-work-case').filter({ visible: true }).last()
    await liuWork.getByTestId('tracking-no').getByText(liuCase.trackingNo).waitFor()
    await liuWork.getByTestId('case-suggestions').getByText(`《${TITLE}》`, { exact: false }).waitFor()

    // 3. The district office (何静) sees it in its list, assigns it and records the answer.
    const he = await phoneOf('dev-office-2')
    await open(he, '/packageWork/pages/inbox/index')
    await he.getByTestId('entry-suggestions').click()
    const officeList = he.getByTestId('page-suggestions')
    const item = officeList.getByTestId('suggestion-item').filter({ hasText: TITLE })
    await item.getByText('王建国 代表', { exact: false }).waitFor()
    await item.getByText('JY2026-0001').waitFor()
    await screenshot(he, 'suggestion-office-list')
    await item.click()
    const staffView = he.getByTestId('page-suggestion').filter({ visible: true })
    const assign = staffView.getByTestId('form-assign')
    await assign.getByTestId('unit-unit-urban').getByText('滨湖区城市管理局').waitFor()
    await screenshot(he, 'suggestion-office-view')
    // Without a unit the form says so in Chinese.
    await assign.getByTestId('confirm-assign').click()
    await assign.getByText('请至少选择一个承办单位').waitFor()
    await assign.getByTestId('unit-unit-urban').getByRole('checkbox').click()
    await assign.getByTestId('assign-note').locator('textarea').fill('请牵头研究，会同交警部门办理')
    await assign.getByTestId('confirm-assign').click()
    await confirmDialog(he)
    await staffView.getByTestId('suggestion-status').getByText('已交办承办单位').waitFor()
    await staffView.getByTestId('assigned-units').getByText('滨湖区城市管理局').waitFor()
    await staffView.getByTestId('suggestion-deadline').getByText('答复期限 2027年2月23日').waitFor()

    const answerForm = staffView.getByTestId('form-recordAnswer')
    // Too short: the server's message shows under the field.
    await answerForm.getByTestId('answer-text').locator('textarea').fill('已处理')
    await answerForm.getByTestId('confirm-answer').click()
    await confirmDialog(he)
    await answerForm.getByText('答复内容至少需要10个字').waitFor()
    await answerForm.getByTestId('answer-text').locator('textarea').fill(ANSWER)
    await answerForm.getByText('答复内容至少需要10个字').waitFor({ state: 'detached' })
    await screenshot(he, 'suggestion-office-answer-form')
    await answerForm.getByTestId('confirm-answer').click()
    await confirmDialog(he)
    await staffView.getByTestId('suggestion-status').getByText('承办单位已答复').waitFor()
    await staffView.getByTestId('suggestion-answers').getByText(ANSWER).waitFor()
    await staffView.getByTestId('fan-out').getByText('已通知 2/2 件').waitFor()
    // Staff may record the deputy's satisfaction for them; the deputy does it here below.
    await staffView.getByTestId('form-rate').waitFor()
    await screenshot(he, 'suggestion-answered')

    // 4. Each resident, on their own phone, sees the answer on the case page and in 消息.
    for (const [userId, c, name] of [
      ['dev-resident-1', liuCase, 'liu'],
      ['dev-resident-2', zhouCase, 'zhou'],
    ] as const) {
      const resident = await phoneOf(userId)
      await open(resident, `/pages/case/index?id=${c.id}`)
      const casePage = resident.getByTestId('page-case')
      await casePage.getByTestId('case-header').getByTestId('status-tag').getByText('已答复').waitFor()
      await casePage.getByTestId('replies').getByText(ANSWER).waitFor()
      await casePage.getByTestId('replies').getByText('滨湖区城市管理局（承办建议）', { exact: false }).waitFor()
      await casePage.getByText('代表建议已答复').first().waitFor()
      await screenshot(resident, `suggestion-resident-case-${name}`)
      await open(resident, '/pages/messages/index')
      const messages = resident.getByTestId('page-messages')
      await messages.getByText('您反映的民意有了答复').first().waitFor()
      await messages.getByText(`编号 ${c.trackingNo} 的答复：经评估`, { exact: false }).first().waitFor()
      await messages.getByText('已纳入代表建议', { exact: false }).first().waitFor()
      await screenshot(resident, `suggestion-resident-messages-${name}`)
      await resident.context().close()
    }

    // 5. The deputy reads the answer and rates it: closed.
    await open(wang, '/packageWork/pages/suggestions/index')
    await wang.getByTestId('page-suggestions').getByTestId('suggestion-item').filter({ hasText: TITLE }).getByText('承办单位已答复').waitFor()
    await wang.getByTestId('page-suggestions').getByTestId('suggestion-item').filter({ hasText: TITLE }).click()
    const rate = detail.getByTestId('form-rate')
    await detail.getByTestId('suggestion-answers').getByText(ANSWER).waitFor()
    await rate.getByTestId('rating-choices').getByText('满意', { exact: true }).click()
    await rate.getByTestId('rating-comment').locator('textarea').fill('信号灯配时明显改善')
    await screenshot(wang, 'suggestion-deputy-rate')
    await rate.getByTestId('confirm-rate').click()
    await confirmDialog(wang)
    await detail.getByTestId('suggestion-status').getByText('已办结').waitFor()
    await detail.getByTestId('suggestion-ratings').getByText('信号灯配时明显改善').waitFor()
    await detail.getByTestId('suggestion-timeline').getByText('代表满意，办结').waitFor()
    expect(await detail.getByTestId('suggestion-actions').count()).toBe(0)
    await screenshot(wang, 'suggestion-closed')
    await open(wang, '/pages/messages/index')
    await wang.getByTestId('page-messages').getByText('您的建议有了答复').first().waitFor()
    // The deputy's message opens the suggestion (its link is /packageWork/pages/suggestion/index?id=…).
    await wang.getByTestId('page-messages').getByText('您的建议有了答复').first().click()
    const opened = wang.getByTestId('page-suggestion').filter({ visible: true }).last()
    await opened.getByTestId('suggestion-heading').getByText(TITLE).waitFor()
    await opened.getByTestId('suggestion-status').getByText('已办结').waitFor()
  })
})

describe('议案建议: refusals, withdrawing, and an answer the deputy is not satisfied with', () => {
  it('explains what is missing, withdraws a draft, and handles one re-handling before closing', async () => {
    const c = await submitCase('dev-resident-1', '望湖路公交站台没有遮雨棚，下雨天老人等车全身淋湿，希望加装雨棚。')
    const wang = await phoneOf('dev-deputy-1')
    const detail = wang.getByTestId('page-suggestion').filter({ visible: true })

    // An empty draft cannot be submitted: the server's reason shows; then it is withdrawn.
    await open(wang, '/packageWork/pages/suggestions/index')
    await wang.getByTestId('page-suggestions').getByTestId('new-suggestion').click()
    await detail.getByTestId('draft-editor').waitFor()
    await detail.getByTestId('submit-suggestion').click()
    await confirmDialog(wang)
    await detail.getByTestId('draft-actions').getByText('请填写标题（至少5个字）后再提交').waitFor()
    await screenshot(wang, 'suggestion-submit-refused')
    await detail.getByTestId('withdraw-suggestion').click()
    await confirmDialog(wang)
    await detail.getByTestId('suggestion-status').getByText('已撤回').waitFor()
    expect(await detail.getByTestId('draft-editor').count()).toBe(0)
    expect(await detail.getByTestId('submit-suggestion').count()).toBe(0)

    // A new draft started from the case page, already carrying the case; typed text is saved by 提交.
    await open(wang, `/packageWork/pages/case/index?id=${c.id}`)
    await wang.getByTestId('page-work-case').getByTestId('add-to-suggestion').click()
    const choose = wang.getByTestId('page-suggestions').filter({ visible: true })
    await choose.getByTestId('picking-notice').waitFor()
    await choose.getByText('没有草稿').waitFor() // the withdrawn one is not offered
    await choose.getByTestId('new-suggestion').click()
    await detail.getByTestId(`attached-${c.trackingNo}`).getByText('遮雨棚').waitFor()
    await detail.getByTestId('draft-kind').getByText('议案').click()
    await detail.getByTestId('draft-title-input').locator('input').fill('关于为望湖路公交站台加装遮雨棚的议案')
    await detail.getByTestId('draft-body-input').locator('textarea').fill('望湖路沿线多个公交站台没有遮雨棚，雨天候车群众特别是老年人淋雨受凉，群众多次反映。建议区有关部门统一为沿线站台加装遮雨棚和座椅。')
    await detail.getByTestId('submit-suggestion').click()
    await confirmDialog(wang)
    await detail.getByTestId('suggestion-status').getByText('已提交人大机关').waitFor()
    await detail.getByTestId('suggestion-heading').getByText('关于为望湖路公交站台加装遮雨棚的议案').waitFor()
    await detail.getByTestId('suggestion-header').getByText('议案', { exact: true }).waitFor()
    const no = (await detail.getByTestId('suggestion-no').textContent())?.trim() ?? ''
    expect(no).toMatch(/^JY2026-\d{4}$/)

    // Station staff of 湖滨 (孙晓燕) may also record for the office: two units, the answer of one.
    const sun = await phoneOf('dev-staff-1')
    await open(sun, '/packageWork/pages/suggestions/index')
    await sun.getByTestId('page-suggestions').getByTestId('suggestion-item').filter({ hasText: no }).click()
    const staffView = sun.getByTestId('page-suggestion').filter({ visible: true })
    const assign = staffView.getByTestId('form-assign')
    await assign.getByTestId('unit-unit-urban').getByRole('checkbox').click()
    await assign.getByTestId('unit-unit-housing').getByRole('checkbox').click()
    await assign.getByText('（主办）').waitFor()
    await assign.getByTestId('confirm-assign').click()
    await confirmDialog(sun)
    await staffView.getByTestId('assigned-units').getByText('滨湖区城市管理局、滨湖区住房和城乡建设局').waitFor()
    const answer = staffView.getByTestId('form-recordAnswer')
    await answer.getByText('滨湖区城市管理局', { exact: true }).click()
    await answer.getByTestId('answer-text').locator('textarea').fill('已在望湖路2个站台试点加装雨棚，其余站台列入明年计划。')
    await answer.getByTestId('confirm-answer').click()
    await confirmDialog(sun)
    await staffView.getByTestId('suggestion-status').getByText('承办单位已答复').waitFor()

    // The deputy is not satisfied: handled once more, with a new deadline.
    await open(wang, `/packageWork/pages/suggestion/index?id=${await suggestionIdOf(wang)}`)
    let rate = detail.getByTestId('form-rate')
    await rate.getByText('选择「不满意」将重新办理一次。').waitFor()
    await rate.getByTestId('rating-choices').getByText('不满意').click()
    await rate.getByTestId('rating-comment').locator('textarea').fill('只试点了2个站台')
    await rate.getByTestId('confirm-rate').click()
    await confirmDialog(wang)
    await detail.getByTestId('suggestion-status').getByText('重新办理').waitFor()
    await detail.getByTestId('suggestion-deadline').getByText('答复期限', { exact: false }).waitFor()
    await screenshot(wang, 'suggestion-rehandling')

    await sun.reload()
    const again = staffView.getByTestId('form-recordAnswer')
    await again.getByText('登记重新办理后的答复').waitFor()
    await again.getByTestId('answer-text').locator('textarea').fill('望湖路沿线11个站台已全部加装雨棚和座椅。')
    await again.getByTestId('confirm-answer').click()
    await confirmDialog(sun)
    await staffView.getByTestId('suggestion-answers').getByText('重新办理后的答复').waitFor()

    // Not satisfied again: closed, the dissatisfaction on record.
    await wang.reload()
    rate = detail.getByTestId('form-rate')
    await rate.getByText('已重新办理过一次：选择「不满意」将办结并存档。').waitFor()
    await rate.getByTestId('rating-choices').getByText('不满意').click()
    await rate.getByTestId('confirm-rate').click()
    await confirmDialog(wang)
    await detail.getByTestId('suggestion-status').getByText('已办结').waitFor()
    await detail.getByTestId('suggestion-timeline').getByText('代表仍不满意，办结并存档').waitFor()
    await detail.getByTestId('suggestion-notice').getByText('已办结，代表不满意已存档').waitFor()
    await screenshot(wang, 'suggestion-closed-unsatisfied')

    // The resident got both answers.
    const liu = await phoneOf('dev-resident-1')
    await open(liu, `/pages/case/index?id=${c.id}`)
    const replies = liu.getByTestId('page-case').getByTestId('replies')
    await replies.getByText('已在望湖路2个站台试点加装雨棚', { exact: false }).waitFor()
    await replies.getByText('望湖路沿线11个站台已全部加装雨棚和座椅。').waitFor()
  })
})

/** The id of the suggestion open on this page (from its address). */
async function suggestionIdOf(page: Page): Promise<string> {
  const match = /[?&]id=([^&]+)/.exec(page.url())
  if (!match) throw new Error(`no suggestion id in ${page.url()}`)
  return decodeURIComponent(match[1])
}
