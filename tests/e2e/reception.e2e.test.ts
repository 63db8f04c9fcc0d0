// 民情接待日 end to end, in Chromium on the h5 build served by the local runtime. The runtime's
// clock starts on the morning of a reception day (Monday 2026-12-21, 8:30 in Shanghai: 湖滨's
// 每双月20日 falls on a Sunday and moves to Monday, 9:00–11:30 in 15-minute slots of 2):
//   1. 刘阿姨 opens the station's page, books 11:15, sees it in 我的预约 and cancels it;
//   2. 周大伯 takes the freed place;
//   3. staff (孙晓燕) open the day, check him in and record what he raised;
//   4. 周大伯 follows the new case (channel 接待日) in 我的 and gets a message.
// Screenshots go to test-results/screenshots (gitignored) for a person to look at.
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot, signedInPhone, startApp, type RunningApp } from './support/app'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  app = await startApp({ MINYI_DEV_NOW: '2026-12-21T00:30:00.000Z' })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const phoneOf = (userId: string): Promise<Page> => signedInPhone(browser, userId)

const open = (page: Page, route: string) => page.goto(`${app.baseUrl}/#${route}`)

async function bookSlot(page: Page, slotLabel: string) {
  await open(page, '/pages/station/index?code=HBJD')
  const day = page.getByTestId('upcoming-day').first()
  await day.getByText('12月21日（星期一）').waitFor()
  await day.getByText('值班代表：王建国、赵敏').waitFor()
  await day.getByTestId('book-day').click()
  await page.getByTestId('page-book').waitFor()
  const slot = page.getByTestId('slots').getByText(slotLabel)
  await slot.waitFor()
  await slot.click()
}

describe('reception day: book, cancel, take the freed place, check in, record a matter, follow the case', () => {
  it('runs the whole day', async () => {
    // 1. 刘阿姨 books 11:15–11:30 with a topic.
    const liu = await phoneOf('dev-resident-1')
    await open(liu, '/pages/station/index?code=HBJD')
    await liu.getByTestId('upcoming-days').waitFor()
    await liu.getByText('12月20日为周日，顺延至12月21日（周一）').waitFor()
    await screenshot(liu, 'reception-station-page')
    await bookSlot(liu, '11:15–11:30')
    await liu.getByTestId('topic-input').locator('textarea').fill('小区加装电梯')
    await liu.getByTestId('name-input').locator('input').fill('刘阿姨')
    await liu.getByTestId('booking-summary').getByText('11:15–11:30').waitFor()
    await screenshot(liu, 'reception-book')
    await liu.getByTestId('confirm-booking').click()
    await liu.getByTestId('booked-banner').getByText('预约成功').waitFor()
    await screenshot(liu, 'reception-booked')

    // … sees it in 我的预约 …
    await liu.getByTestId('go-my-bookings').click()
    const card = liu.getByTestId('upcoming-bookings').getByTestId('booking-card')
    await card.getByText('11:15–11:30').waitFor()
    await card.getByTestId('booking-status').getByText('已预约').waitFor()
    await card.getByText('想反映：小区加装电梯').waitFor()
    await screenshot(liu, 'reception-my-bookings')

    // … and cancels it (a second tap confirms).
    await card.getByTestId('cancel-booking').click()
    await card.getByTestId('confirm-cancel').click()
    await liu.getByTestId('past-bookings').getByTestId('booking-status').getByText('已取消').waitFor()
    await liu.getByText('您还没有预约接待日').waitFor()
    await screenshot(liu, 'reception-my-bookings-cancelled')

    // 2. 周大伯 takes the freed place.
    const zhou = await phoneOf('dev-resident-2')
    await bookSlot(zhou, '11:15–11:30')
    await zhou.getByTestId('slot-s9').getByText('余 2 位').waitFor()
    await zhou.getByTestId('topic-input').locator('textarea').fill('楼道堆放杂物')
    await zhou.getByTestId('confirm-booking').click()
    await zhou.getByTestId('booked-banner').getByText('预约成功').waitFor()
    await zhou.getByTestId('go-my-bookings').click()
    await zhou.getByTestId('upcoming-bookings').getByTestId('booking-status').getByText('已预约').waitFor()

    // 3. Staff open the day from 我的 → 接待日管理, check him in and record what he raised.
    const staff = await phoneOf('dev-staff-1')
    await open(staff, '/pages/mine/index')
    await staff.getByTestId('entry-reception').click()
    await staff.getByTestId('page-reception-manage').waitFor()
    await staff.getByTestId('rules').getByText('每双月20日 9:00–11:30').waitFor()
    await screenshot(staff, 'reception-manage')
    await staff.getByTestId('day-item').filter({ hasText: '12月21日（星期一）' }).click()
    await staff.getByTestId('page-day').waitFor()
    const visitor = staff.getByTestId('slot-card-s9').getByTestId('visitor')
    await visitor.getByText('周大伯').waitFor()
    await visitor.getByText('想反映：楼道堆放杂物').waitFor()
    await screenshot(staff, 'reception-day-before-check-in')
    await visitor.getByTestId('check-in').click()
    await visitor.getByTestId('visitor-status').getByText('已签到').waitFor()
    await visitor.getByTestId('record-visit').click()
    const form = visitor.getByTestId('matter-form')
    await form.getByTestId('matter-category').getByText('物业小区').click()
    await form.getByTestId('matter-content').locator('textarea').fill('3号楼楼道长期堆放杂物，物业不清理，存在消防隐患，希望督促整改。')
    await form.getByTestId('matter-place').locator('input').fill('湖滨花园3号楼')
    await screenshot(staff, 'reception-record-matter')
    await form.getByTestId('save-matter').click()
    const trackingNo = (await visitor.getByTestId('visitor-case').first().textContent())?.trim() ?? ''
    expect(trackingNo).toMatch(/^MY20261221-\d{4}$/)

    // A walk-in without a phone, and the minutes.
    await staff.getByTestId('open-walk-in').click()
    await staff.getByTestId('walk-in-name').locator('input').fill('赵大爷')
    await staff.getByTestId('walk-in-topic').locator('input').fill('低保申请')
    await staff.getByTestId('save-walk-in').click()
    await staff.getByTestId('walk-ins').getByText('赵大爷').waitFor()
    await screenshot(staff, 'reception-day-checked-in')

    // 4. 周大伯 follows the case in 我的, and got a message.
    await open(zhou, '/pages/mine/index')
    await zhou.getByText(trackingNo).or(zhou.getByText('3号楼楼道长期堆放杂物')).first().waitFor()
    await zhou.getByText('3号楼楼道长期堆放杂物').first().click()
    await zhou.getByTestId('page-case').waitFor()
    await zhou.getByText(trackingNo).first().waitFor()
    await zhou.getByText('提交民意').first().waitFor()
    await screenshot(zhou, 'reception-resident-case')
    await open(zhou, '/pages/messages/index')
    await zhou.getByText('您在接待日反映的问题已登记').first().waitFor()
    await screenshot(zhou, 'reception-resident-messages')
    await open(zhou, '/packageReception/pages/my-bookings/index')
    await zhou.getByTestId('booking-case').getByText(trackingNo).waitFor()
    await zhou.getByTestId('booking-status').getByText('已签到').first().waitFor()
    await screenshot(zhou, 'reception-my-bookings-checked-in')

    // The deputy on duty sees the day among their duties.
    const wang = await phoneOf('dev-deputy-1')
    await open(wang, '/packageReception/pages/duties/index')
    await wang.getByTestId('day-item').first().getByText('12月21日（星期一）').waitFor()
    await screenshot(wang, 'reception-deputy-duties')
  })
})

describe('reception day under way: staff write the minutes; a later day is cancelled', () => {
  let later: RunningApp
  beforeAll(async () => {
    // 10:30 on the same Monday: the day has started.
    later = await startApp({ MINYI_DEV_NOW: '2026-12-21T02:30:00.000Z' })
  })
  afterAll(async () => {
    await later?.stop()
  })

  it('records a walk-in, saves the minutes and cancels the February day', async () => {
    const staff = await phoneOf('dev-staff-1')
    await staff.goto(`${later.baseUrl}/#/packageReception/pages/manage/index`)
    await staff.getByTestId('day-item').filter({ hasText: '12月21日（星期一）' }).click()
    await staff.getByTestId('page-day').waitFor()
    await staff.getByTestId('open-walk-in').click()
    await staff.getByTestId('walk-in-name').locator('input').fill('钱阿姨')
    await staff.getByTestId('walk-in-phone').locator('input').fill('13812345678')
    await staff.getByTestId('save-walk-in').click()
    await staff.getByTestId('walk-ins').getByText('电话：138****5678').waitFor()
    await staff.getByTestId('open-minutes').click()
    await staff.getByTestId('minutes-summary').locator('textarea').fill('王建国、赵敏代表接待群众1人次，登记低保咨询1件，已当场解答。')
    await staff.getByTestId('save-minutes').click()
    await staff.getByTestId('minutes').getByText('到场 1 人（其中现场登记 1 人），预约 0 人，未到场 0 人，反映事项 0 件').waitFor()
    await screenshot(staff, 'reception-minutes')

    await staff.goBack()
    await staff.getByTestId('day-item').filter({ hasText: '2027年2月22日' }).click()
    await staff.getByTestId('open-cancel').click()
    await staff.getByTestId('cancel-reason').locator('input').fill('会议室维修')
    await screenshot(staff, 'reception-cancel-form')
    await staff.getByTestId('confirm-cancel-day').click()
    await staff.getByTestId('day-header').getByText('取消原因：会议室维修').waitFor()
    await screenshot(staff, 'reception-day-cancelled')

    const resident = await phoneOf('dev-resident-1')
    await resident.goto(`${later.baseUrl}/#/pages/station/index?code=HBJD`)
    await resident.getByTestId('upcoming-days').getByText('取消原因：会议室维修').waitFor()
    await screenshot(resident, 'reception-station-cancelled-day')
  })
})

