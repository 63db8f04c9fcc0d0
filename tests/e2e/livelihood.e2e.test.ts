// 民生实事代表票决 end to end, in Chromium on the h5 build served by the local runtime (its own clock):
//   1. 滨湖区人大常委会 (dev-admin-1) opens a district round from 我的 → 民生实事票决;
//   2. 刘阿姨 proposes a project from the home page; the office approves it; 周大伯 supports it (附议);
//      station staff turn one of 刘阿姨's opinions into a proposal from the case's work page;
//   3. the office shortlists: merges the proposal into a candidate project, adds two more, sets the
//      vote (choose 1 of 3, more than half of the electorate) and opens it;
//   4. the three district deputies (王建国, 李秀梅, 赵敏) each vote from 我的 → 我的票决, confirm and get a receipt;
//   5. the office publishes the results; 刘阿姨 sees the counts and the chosen project;
//   6. the office adds a milestone and reports it done; 周大伯 (the supporter) finds the notice in 消息;
//   7. 王建国, made a supervisor, records an inspection with a photo; 刘阿姨 sees the photo on the project page.
// Screenshots go to test-results/screenshots (gitignored) for a person to look at.
import type { Browser, Page } from 'playwright-core'
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

const open = (page: Page, route: string) => page.goto(`${app.baseUrl}/#${route}`)
const visible = (page: Page, testId: string) => page.getByTestId(testId).filter({ visible: true })
const fill = (scope: ReturnType<Page['getByTestId']>, testId: string, value: string, tag: 'input' | 'textarea' = 'input') =>
  scope.getByTestId(testId).locator(tag).fill(value)

async function confirmDialog(page: Page) {
  await page.locator('.taro-model__confirm').filter({ visible: true }).click()
}

/** A JPEG drawn by the browser itself (a bench by a lake, roughly). */
async function sitePhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 640
    canvas.height = 480
    const c = canvas.getContext('2d') as CanvasRenderingContext2D
    c.fillStyle = '#9fd3f0'
    c.fillRect(0, 0, 640, 300)
    c.fillStyle = '#6fb36f'
    c.fillRect(0, 300, 640, 180)
    c.fillStyle = '#8a5a2b'
    c.fillRect(180, 260, 280, 30)
    c.fillRect(200, 290, 20, 60)
    c.fillRect(420, 290, 20, 60)
    return canvas.toDataURL('image/jpeg', 0.8)
  })
  return Buffer.from(dataUrl.split(',')[1], 'base64')
}

/** How many images inside `scope` actually decoded (a refused address shows nothing). */
async function decodedImages(page: Page, scope: string): Promise<number> {
  await page.waitForFunction(
    (selector) => {
      const images = Array.from(document.querySelectorAll(`${selector} img`)) as HTMLImageElement[]
      return images.length > 0 && images.every((img) => img.complete)
    },
    scope,
  )
  return page.evaluate(
    (selector) => (Array.from(document.querySelectorAll(`${selector} img`)) as HTMLImageElement[]).filter((img) => img.naturalWidth > 0 && img.offsetParent !== null).length,
    scope,
  )
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const PROPOSAL = '湖滨公园增设适老化休息座椅'

describe('民生实事: from a resident’s proposal through the deputies’ secret ballot to a milestone notice', () => {
  it('proposes, supports, shortlists, votes, publishes and reports progress', async () => {
    // 1. The office opens the round.
    const admin = await signedInPhone(browser, 'dev-admin-1')
    await open(admin, '/pages/mine/index')
    await visible(admin, 'entry-livelihood-office').click()
    const office = visible(admin, 'page-livelihood-office')
    await office.getByTestId('round-form').waitFor()
    await fill(office, 'round-title', '2027年度滨湖区民生实事项目征集')
    await fill(office, 'round-from', today())
    await fill(office, 'round-until', '2027-01-31')
    await screenshot(admin, 'livelihood-office-new-round')
    await office.getByTestId('round-create').click()
    const manage = visible(admin, 'page-livelihood-manage')
    await manage.getByTestId('manage-header').getByText('征集中').waitFor()
    const roundUrl = admin.url()
    const roundId = decodeURIComponent(roundUrl.split('id=')[1])

    // 2. 刘阿姨 proposes from the home page.
    const liu = await signedInPhone(browser, 'dev-resident-1')
    await open(liu, '/pages/index/index')
    await visible(liu, 'entry-livelihood').click()
    const round = visible(liu, 'page-livelihood-round')
    await round.getByTestId('round-header').getByText('2027年度滨湖区民生实事项目征集').waitFor()
    await round.getByTestId('propose-button').click()
    const propose = visible(liu, 'page-livelihood-propose')
    await fill(propose, 'proposal-title', PROPOSAL)
    await fill(propose, 'proposal-description', '湖滨公园步道沿线座椅太少，老年人散步走一段就没有地方休息，建议增设带扶手的座椅。', 'textarea')
    await fill(propose, 'proposal-place', '湖滨公园环湖步道')
    await fill(propose, 'proposal-beneficiaries', '周边社区老年人')
    await screenshot(liu, 'livelihood-propose')
    await propose.getByTestId('proposal-submit').click()
    const liuRound = visible(liu, 'page-livelihood-round')
    await liuRound.getByTestId('proposal-item').filter({ hasText: PROPOSAL }).getByText('待审核').waitFor()
    await screenshot(liu, 'livelihood-proposed-pending')

    // The office approves it.
    await admin.reload()
    await manage.getByTestId('manage-proposal').filter({ hasText: PROPOSAL }).getByTestId('approve-proposal').click()
    await manage.getByTestId('manage-proposal').filter({ hasText: PROPOSAL }).getByText('已公开').waitFor()

    // 周大伯 supports it.
    const zhou = await signedInPhone(browser, 'dev-resident-2')
    await open(zhou, `/packageLivelihood/pages/round/index?id=${roundId}`)
    const zhouRound = visible(zhou, 'page-livelihood-round')
    const item = zhouRound.getByTestId('proposal-item').filter({ hasText: PROPOSAL })
    await item.getByTestId('support-button').click()
    await item.getByText('已附议').waitFor()
    await item.getByText('1 人附议').waitFor()
    await screenshot(zhou, 'livelihood-supported')

    // 孙晓燕 (station staff) turns an opinion 刘阿姨 raised into a proposal with one click, from the case's work page.
    const submitted = await fetch(`${app.baseUrl}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Dev-User': 'dev-resident-1' },
      body: JSON.stringify({
        action: 'case.submit',
        requestId: 'e2e-livelihood-case-1',
        input: { stationCode: 'HBJD', category: 'traffic', content: '湖滨路与望湖路交叉口的红绿灯时间太短，老人过马路来不及。', place: '湖滨路与望湖路交叉口', privacyConsent: true },
      }),
    })
    const caseId = ((await submitted.json()) as { data: { id: string } }).data.id
    const sun = await signedInPhone(browser, 'dev-staff-1')
    await open(sun, `/packageWork/pages/case/index?id=${caseId}`)
    const work = visible(sun, 'page-work-case')
    await work.getByTestId('case-to-proposal-start').click()
    await fill(work, 'case-proposal-title', '望湖路口信号灯延长绿灯时间')
    await screenshot(sun, 'livelihood-case-to-proposal')
    await work.getByTestId('case-to-proposal-submit').click()
    await work.getByText('已列为项目建议「望湖路口信号灯延长绿灯时间」', { exact: false }).waitFor()
    await zhou.reload()
    await zhouRound.getByTestId('proposal-item').filter({ hasText: '望湖路口信号灯延长绿灯时间' }).waitFor()

    // 3. The office shortlists and opens the vote.
    await admin.reload()
    await manage.getByTestId('move-startShortlist').click()
    await confirmDialog(admin)
    await manage.getByTestId('manage-header').getByText('遴选候选项目').waitFor()
    const candidates: Array<[string, boolean]> = [
      ['湖滨公园适老化改造', true],
      ['翠苑小区加装电梯', false],
      ['望湖路口信号灯优化', false],
    ]
    for (const [title, merge] of candidates) {
      if (merge) await manage.getByTestId('manage-proposal').filter({ hasText: PROPOSAL }).getByTestId('pick-proposal').click()
      const form = manage.getByTestId('candidate-form')
      await fill(form, 'candidate-title', title)
      await fill(form, 'candidate-description', `${title}：按照群众建议统一规划、分步实施，年底前完成。`, 'textarea')
      await fill(form, 'candidate-budget', '120')
      await fill(form, 'candidate-unit', '滨湖区城市管理局')
      await fill(form, 'candidate-timeframe', '2027年1月至12月')
      await form.getByTestId('candidate-save').click()
      await manage.getByTestId('manage-candidates').getByText(title).waitFor()
    }
    await manage.getByTestId('manage-proposal').filter({ hasText: PROPOSAL }).getByText('已列入候选项目').waitFor()
    const voteForm = manage.getByTestId('vote-form')
    await fill(voteForm, 'vote-seats', '1')
    await voteForm.getByTestId('vote-save').click()
    await voteForm.getByText('已设置：选 1 项').waitFor()
    await screenshot(admin, 'livelihood-shortlist')
    await manage.getByTestId('move-openVote').click()
    await confirmDialog(admin)
    await manage.getByTestId('manage-header').getByText('代表票决中').waitFor()
    await manage.getByTestId('turnout').getByText('已投票 0/3 人').waitFor()

    // 4. Three deputies vote: 王建国 and 李秀梅 for the park, 赵敏 for the lift.
    const ballots: Array<[string, string]> = [
      ['dev-deputy-1', '湖滨公园适老化改造'],
      ['dev-deputy-2', '湖滨公园适老化改造'],
      ['dev-deputy-5', '翠苑小区加装电梯'],
    ]
    for (const [deputy, choice] of ballots) {
      const phone = await signedInPhone(browser, deputy)
      await open(phone, '/pages/mine/index')
      await visible(phone, 'entry-my-ballots').click()
      await visible(phone, 'page-livelihood-deputy').getByTestId('open-ballot').click()
      const vote = visible(phone, 'page-livelihood-vote')
      await vote.getByTestId('ballot-option').filter({ hasText: choice }).click()
      if (deputy === 'dev-deputy-1') await screenshot(phone, 'livelihood-ballot-choose')
      await vote.getByTestId('ballot-next').click()
      await vote.getByTestId('ballot-confirm').getByText(choice).waitFor()
      if (deputy === 'dev-deputy-1') await screenshot(phone, 'livelihood-ballot-confirm')
      await vote.getByTestId('ballot-cast').click()
      const receipt = await vote.getByTestId('receipt-code').innerText()
      expect(receipt.trim()).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
      if (deputy === 'dev-deputy-1') {
        await screenshot(phone, 'livelihood-ballot-receipt')
        await fill(vote, 'verify-input', receipt.trim())
        await vote.getByTestId('verify-button').click()
        await vote.getByTestId('verify-result').getByText(`已计入。您的选择：${choice}`).waitFor()
      }
      await phone.context().close()
    }

    // 5. The office publishes; the resident sees the counts.
    await admin.reload()
    await manage.getByTestId('turnout').getByText('已投票 3/3 人').waitFor()
    await manage.getByTestId('move-publishResults').click()
    await confirmDialog(admin)
    await manage.getByTestId('manage-header').getByText('实施监督中').waitFor()
    await liu.goto(`${app.baseUrl}/#/packageLivelihood/pages/round/index?id=${roundId}`)
    await liu.reload()
    const results = visible(liu, 'page-livelihood-round').getByTestId('round-results')
    const park = results.getByTestId('result-row').filter({ hasText: '湖滨公园适老化改造' })
    await park.getByText('2 票').waitFor()
    await park.getByText('当选').waitFor()
    await results.getByTestId('result-row').filter({ hasText: '翠苑小区加装电梯' }).getByText('1 票').waitFor()
    await screenshot(liu, 'livelihood-results')

    // 6. A milestone, reported done: the supporter is told.
    await manage.getByTestId('manage-report').getByText('湖滨公园适老化改造').click()
    const project = visible(admin, 'page-livelihood-project')
    await fill(project.getByTestId('milestone-form'), 'milestone-title', '完成设计方案')
    await fill(project.getByTestId('milestone-form'), 'milestone-date', '2027-03-31')
    await project.getByTestId('milestone-submit').click()
    await project.getByTestId('milestones').getByText('完成设计方案').waitFor()
    await project.getByTestId('progress-milestone').getByText('完成设计方案').click()
    await fill(project.getByTestId('progress-form'), 'progress-note', '设计方案已通过专家评审，下月开工', 'textarea')
    await project.getByTestId('progress-submit').click()
    await project.getByTestId('milestones').getByText('已完成').waitFor()
    await project.getByTestId('reports').getByText('设计方案已通过专家评审', { exact: false }).waitFor()
    await screenshot(admin, 'livelihood-project-progress')

    await open(zhou, '/pages/messages/index')
    await zhou.reload()
    const messages = visible(zhou, 'page-messages')
    await messages.getByText('民生实事项目节点「完成设计方案」已完成').first().waitFor()
    await messages.getByText('设计方案已通过专家评审', { exact: false }).first().waitFor()
    await screenshot(zhou, 'livelihood-supporter-message')

    // The office makes 王建国 a supervisor; he finds the project under 我监督的项目 and records an inspection.
    await project.getByTestId('supervisor-form').getByTestId('supervisor-option').filter({ hasText: '王建国' }).click()
    await project.getByTestId('supervisor-submit').click()
    await project.getByTestId('project-header').getByText('监督代表：王建国').waitFor()
    const wang = await signedInPhone(browser, 'dev-deputy-1')
    await open(wang, '/packageLivelihood/pages/deputy/index')
    await visible(wang, 'page-livelihood-deputy').getByTestId('supervised-projects').getByText('湖滨公园适老化改造').click()
    const supervised = visible(wang, 'page-livelihood-project')
    await fill(supervised, 'inspection-note', '到现场查看，座椅样品已进场，扶手高度合适', 'textarea')
    // He attaches a photo taken on site (the same picker, compression and upload as an opinion's).
    await supervised.getByTestId('photo-input').setInputFiles([{ name: 'site.jpg', mimeType: 'image/jpeg', buffer: await sitePhoto(wang) }])
    await supervised.locator('[data-testid="photo-thumb"][data-status="done"]').waitFor()
    await screenshot(wang, 'livelihood-inspection-form')
    await supervised.getByTestId('inspection-submit').click()
    await supervised.getByTestId('inspections').getByText('王建国 代表 · 照片 1 张', { exact: false }).waitFor()
    expect(await decodedImages(wang, '[data-testid="inspection-photos"]')).toBe(1)
    // The picker is empty again for the next inspection.
    expect(await supervised.getByTestId('photo-thumb').count()).toBe(0)
    await screenshot(wang, 'livelihood-inspection')

    // The project is public once chosen, and so are the inspection photos: 刘阿姨 sees it too.
    const projectUrl = wang.url()
    await liu.goto(projectUrl)
    await liu.reload()
    const seen = visible(liu, 'page-livelihood-project')
    await seen.getByTestId('inspections').getByText('座椅样品已进场', { exact: false }).waitFor()
    expect(await decodedImages(liu, '[data-testid="inspection-photos"]')).toBe(1)
    expect(await seen.getByTestId('photo-picker').count()).toBe(0)
    await screenshot(liu, 'livelihood-inspection-resident')
  })
})
