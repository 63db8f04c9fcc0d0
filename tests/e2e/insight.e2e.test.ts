// 统计分析 and 履职档案 end to end, in Chromium on the h5 build served by the local runtime (clock:
// Monday 2026-11-23, 10:00 Shanghai):
//   1. residents have raised several 路灯 problems at 湖滨 and 翠苑 (setup through the api);
//   2. the district office (人大机关) opens 统计分析 from 我的: rates with their definitions, charts
//      (ECharts, drawn as SVG images), rankings; it taps the 路灯 hot spot, sees its cases, and taps
//      起草建议 for the prefilled draft; it exports the station table to Excel;
//   3. 王建国 (deputy of 湖滨) opens 热点民意 and drafts a suggestion from the hot spot (the existing
//      suggestion actions: a draft with the cases attached);
//   4. he opens 我的履职档案 and downloads the annual 述职报告 (a PDF read back here).
// Screenshots of every chart page go to test-results/screenshots.
import type { Browser, Page } from 'playwright-core'
import fs from 'node:fs'
import { launchBrowser, screenshot, signedInPhone, startApp, type RunningApp } from './support/app'
import { readPdf } from '../support/pdfText'

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

const open = (page: Page, route: string) => page.goto(`${app.baseUrl}/#${route}`)

let counter = 0
async function submitCase(userId: string, stationCode: string, content: string): Promise<void> {
  counter += 1
  const response = await fetch(`${app.baseUrl}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-User': userId },
    body: JSON.stringify({ action: 'case.submit', input: { stationCode, category: 'utilities', content, privacyConsent: true }, requestId: `e2e-insight-${counter}-${Date.now()}` }),
  })
  const body = (await response.json()) as { ok: boolean; error?: unknown }
  if (!body.ok) throw new Error(`case.submit failed: ${JSON.stringify(body.error)}`)
}

/** One api call as a demo user (setup and checks only). */
async function callAs(userId: string, action: string, input: Record<string, unknown>): Promise<unknown> {
  counter += 1
  const response = await fetch(`${app.baseUrl}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-User': userId },
    body: JSON.stringify({ action, input, requestId: `e2e-insight-call-${counter}-${Date.now()}` }),
  })
  const body = (await response.json()) as { ok: boolean; data?: unknown; error?: unknown }
  if (!body.ok) throw new Error(`${action} failed: ${JSON.stringify(body.error)}`)
  return body.data
}

async function openRoundId(): Promise<string> {
  const { rounds } = (await callAs('dev-admin-1', 'livelihood.round.list', {})) as { rounds: Array<{ id: string; status: string }> }
  return rounds.find((r) => r.status === 'collecting')!.id
}

/** Every chart image on the page has loaded and has a size (the SVG really rendered). */
async function chartsRendered(page: Page, min: number) {
  await page.waitForFunction(
    (n) => {
      const imgs = Array.from(document.querySelectorAll('.mx-chart img')) as HTMLImageElement[]
      return imgs.length >= n && imgs.every((img) => img.complete && img.naturalWidth > 100 && img.getBoundingClientRect().height > 50)
    },
    min,
    { timeout: 15_000 },
  )
}

describe('统计分析 and 履职档案', () => {
  it('the office reads the dashboard and a hot spot; a deputy drafts from it and downloads the annual report', async () => {
    await submitCase('dev-resident-1', 'HBJD', '湖滨路88号门口的路灯不亮了，晚上很黑，老人出门不安全。')
    await submitCase('dev-resident-2', 'HBJD', '望湖花园东门路灯坏了好几天，晚上回家看不清路。')
    await submitCase('dev-resident-1', 'HBJD', '湖滨小学附近的路灯不亮，孩子晚上放学不安全。')
    await submitCase('dev-resident-2', 'CYSQ', '翠苑一区路灯不亮很久了，希望尽快修一下。')

    // 2. The office: 我的 → 统计分析.
    const admin = await signedInPhone(browser, 'dev-admin-1')
    await open(admin, '/pages/mine/index')
    await admin.getByTestId('entry-dashboard').click()
    const dash = admin.getByTestId('page-insight-dashboard')
    await dash.getByTestId('kpi-received').waitFor()
    await dash.getByTestId('insight-scope').getByText('全区', { exact: false }).waitFor()
    await dash.getByTestId('rate-closure').getByText('办结率 = 已办结件', { exact: false }).waitFor()
    await dash.getByTestId('rate-satisfaction').getByText('满意率 =', { exact: false }).waitFor()
    await chartsRendered(admin, 5)
    await screenshot(admin, 'insight-dashboard')
    // An export of a table: the file downloads (and the audit trail has it: tests/api/insight.test.ts).
    const [download] = await Promise.all([admin.waitForEvent('download'), dash.getByTestId('export-stations').click()])
    expect(download.suggestedFilename()).toMatch(/^家站点排名_.*\.xlsx$/)

    const spot = dash.getByTestId('hotspot').filter({ hasText: '路灯' })
    await spot.getByText('4件').waitFor()
    await spot.click()
    const hot = admin.getByTestId('page-insight-hotspot').filter({ visible: true })
    await hot.getByTestId('hotspot-head').getByText('路灯', { exact: false }).first().waitFor()
    await hot.getByTestId('hotspot-cases').getByText('翠苑一区路灯不亮', { exact: false }).waitFor()
    await hot.getByTestId('draft-suggestion').click()
    await hot.getByTestId('suggestion-draft').getByText('建议', { exact: false }).first().waitFor()
    await hot.getByTestId('draft-body').getByText('共4件群众反映', { exact: false }).waitFor()
    await screenshot(admin, 'insight-hotspot-office')
    // 列入民生实事候选: with a round collecting, the hot spot's cases become one proposal of it.
    await callAs('dev-admin-1', 'livelihood.round.create', { year: 2027, level: 'district', regionId: 'region-binhu', title: '2027年度滨湖区民生实事项目征集', collectFrom: '2026-11-01', collectUntil: '2027-01-31' })
    await admin.reload()
    const candidate = hot.getByTestId('livelihood-candidate')
    await candidate.getByTestId('case-to-proposal-start').getByText('列入民生实事候选').click()
    expect(await candidate.getByTestId('case-proposal-title').locator('input').inputValue()).toContain('路灯')
    await candidate.getByTestId('case-proposal-title').locator('input').fill('全区路灯集中排查维修')
    await candidate.getByTestId('case-to-proposal-submit').click()
    await candidate.getByText('已列为项目建议「全区路灯集中排查维修」', { exact: false }).waitFor()
    await screenshot(admin, 'insight-hotspot-livelihood')
    const proposals = await callAs('dev-admin-1', 'livelihood.proposal.list', { roundId: await openRoundId() })
    expect(JSON.stringify(proposals)).toContain('全区路灯集中排查维修')

    // 3. The deputy drafts a suggestion from the hot spot of his stations.
    const wang = await signedInPhone(browser, 'dev-deputy-1')
    await open(wang, '/pages/mine/index')
    await wang.getByTestId('entry-hotspots').click()
    const list = wang.getByTestId('page-insight-hotspot')
    await list.getByTestId('hotspot').filter({ hasText: '路灯' }).click()
    await list.getByTestId('draft-suggestion').click()
    const draft = wang.getByTestId('page-suggestion').filter({ visible: true })
    await draft.getByTestId('draft-editor').waitFor()
    expect(await draft.getByTestId('draft-title-input').locator('input').inputValue()).toMatch(/路灯.*建议/)
    await draft.getByTestId('attached-cases').getByText('3 条').waitFor()
    await screenshot(wang, 'insight-suggestion-from-hotspot')

    // 4. 我的履职档案 and the annual report.
    await open(wang, '/pages/mine/index')
    await wang.getByTestId('entry-record').click()
    const record = wang.getByTestId('page-insight-record').filter({ visible: true })
    await record.getByTestId('record-head').getByText('王建国', { exact: false }).waitFor()
    await record.getByTestId('record-figures').getByText('现场答复', { exact: true }).waitFor()
    await chartsRendered(wang, 1)
    await screenshot(wang, 'insight-record')
    const [report] = await Promise.all([wang.waitForEvent('download'), record.getByTestId('download-report').click()])
    expect(report.suggestedFilename()).toBe('王建国2026年度述职报告.pdf')
    const pdf = await readPdf(fs.readFileSync(await report.path()))
    expect(pdf.text).toContain('人大代表王建国2026年度述职报告')
    expect(pdf.text).toContain('选民评议')
    expect(pdf.text).toContain('第十七届')
    // The term/year switch: the whole term by default, then one year within it.
    await record.getByTestId('record-term-label').getByText('本届任期：第十七届', { exact: false }).waitFor()
    await record.getByTestId('record-year').getByText('2026年', { exact: true }).click()
    await record.getByTestId('record-term-label').getByText('年度：2026年度（第十七届）', { exact: false }).waitFor()
    await screenshot(wang, 'insight-record-year')

    // The office at a desk browser: the same dashboard, wide.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    await desk.addInitScript(() => window.localStorage.setItem('minyi.devUser', 'dev-admin-1'))
    const deskPage = await desk.newPage()
    await open(deskPage, '/packageInsight/pages/dashboard/index')
    await deskPage.getByTestId('kpi-received').waitFor()
    await chartsRendered(deskPage, 5)
    await screenshot(deskPage, 'insight-dashboard-desk')

    // Staff: the records list and a deputy's record with the activity form.
    const staff = await signedInPhone(browser, 'dev-staff-1')
    await open(staff, '/pages/mine/index')
    await staff.getByTestId('entry-records').click()
    await staff.getByTestId('record-deputy').filter({ hasText: '王建国' }).click()
    const staffRecord = staff.getByTestId('page-insight-record').filter({ visible: true })
    await staffRecord.getByTestId('activity-date').locator('input').fill('2026-11-02')
    await staffRecord.getByTestId('activity-title').locator('input').fill('视察湖滨片区老旧小区改造')
    await staffRecord.getByTestId('add-activity').click()
    await staffRecord.getByTestId('record-activities').getByText('视察湖滨片区老旧小区改造').waitFor()
    await chartsRendered(staff, 1)
    await screenshot(staff, 'insight-record-staff')
  })
})
