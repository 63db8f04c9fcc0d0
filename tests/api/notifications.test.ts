// What the resident is told: one in-app message per change they should know of, written with the
// change (outbox) and delivered even when delivery is interrupted; WeChat pushes that respect
// one-time consents, failures that never block the change, retries, and WeChat's value limits.
import { formatChineseDateTime, type NotificationView } from '@minyi/types'
import { planMove } from '../../cloudfunctions/core/domain/caseLifecycle'
import type { CaseDoc, NotificationDoc, UnitDoc, UserDoc } from '../../cloudfunctions/core/domain/records'
import { checkTemplateData } from '../../cloudfunctions/core/domain/subscribeMessages'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import { createHarness, type Harness, type HarnessOptions } from '../support/apiHarness'
import { CHINESE, DISTRICT_OFFICE, STREET_OFFICE, caseDoc, hookedStore, notificationsOf, refusal, submit, transferViaOffices } from './caseFixtures'

let h: Harness
afterEach(() => h?.close())
const start = async (options: HarnessOptions = {}) => {
  h = await createHarness(options)
  return h
}

const RESIDENT = 'dev-resident-1'
const STAFF = 'dev-staff-1'
const DEPUTY = 'dev-deputy-1'
const ANSWER = '已联系交警部门，信号灯绿灯时间延长至45秒。'

const messages = async (userId = RESIDENT) => h.ok(userId, 'notification.list')
/** A minute passes between steps, as it would for people using the app. */
const later = () => h.clock.advance(60_000)
const pushOf = async (notificationId: string) => (await h.store.collection<NotificationDoc>('notifications').get(notificationId))?.push
const userDoc = async (id: string) => (await h.store.collection<UserDoc>('users').get(id)) as UserDoc

/** Expects exactly one new message since `before` and returns it. */
async function oneNewMessage(before: NotificationView[]): Promise<NotificationView> {
  const now = (await messages()).notifications
  const fresh = now.filter((n) => !before.some((b) => b.id === n.id))
  expect(fresh).toHaveLength(1)
  expect(now).toHaveLength(before.length + 1)
  return fresh[0]
}

describe('the resident gets one message for every change they should know of', () => {
  beforeEach(() => start())

  it('accepted, forwarded (each hop), transferred, replied (on site and by the unit), declined, reopened, marked for a suggestion', async () => {
    const a = await submit(h)
    const { trackingNo } = await h.ok(RESIDENT, 'case.get', { caseId: a })
    let list = (await messages()).notifications
    expect(list).toEqual([])

    await h.ok(STAFF, 'case.accept', { caseId: a })
    const accepted = await oneNewMessage(list)
    expect(accepted).toMatchObject({
      caseId: a,
      title: '您反映的民意已受理',
      body: `编号 ${trackingNo} 已受理，我们会尽快办理并答复您。`,
      read: false,
      link: `/pages/case/index?id=${a}`,
    })

    // 分级负责: each hop up is its own message.
    list = (await messages()).notifications
    later()
    await h.ok(STAFF, 'case.forward', { caseId: a, note: '需要有关部门办理' })
    const toStreet = await oneNewMessage(list)
    expect(toStreet).toMatchObject({ title: '您反映的民意已转报人大机关', body: `编号 ${trackingNo} 已转报湖滨街道人大工委办理，我们会跟进并答复您。` })
    list = (await messages()).notifications
    later()
    await h.ok(STREET_OFFICE, 'case.forward', { caseId: a, note: '涉及区级部门职责' })
    const toDistrict = await oneNewMessage(list)
    expect(toDistrict.body).toBe(`编号 ${trackingNo} 已转报滨湖区人大常委会办理，我们会跟进并答复您。`)

    list = (await messages()).notifications
    later()
    await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: a, unitId: 'unit-urban' })
    const transferred = await oneNewMessage(list)
    expect(transferred.title).toBe('您反映的民意已转办')
    expect(transferred.body).toBe(`编号 ${trackingNo} 已转滨湖区城市管理局办理，预计12月2日前答复。`)

    list = (await messages()).notifications
    later()
    await h.ok(DISTRICT_OFFICE, 'case.recordUnitAnswer', { caseId: a, answer: '经现场勘查，已于本周调整该路口信号灯配时。' })
    const unitReply = await oneNewMessage(list)
    expect(unitReply.title).toBe('您反映的民意有了答复')
    expect(unitReply.body).toContain('经现场勘查，已于本周调整该路口信号灯配时。')

    list = (await messages()).notifications
    later()
    await h.ok(RESIDENT, 'case.rate', { caseId: a, rating: 'unsatisfied' })
    const reopened = await oneNewMessage(list)
    expect(reopened).toMatchObject({ title: '您的民意已重新办理' })
    expect(reopened.body).toContain('不满意')

    // On the spot: a deputy at the station, on another case.
    const d = await submit(h, RESIDENT, { content: '湖滨公园的公共厕所晚上几点关门？' })
    list = (await messages()).notifications
    later()
    await h.ok(DEPUTY, 'case.answerOnSite', { caseId: d, answer: ANSWER })
    const onsite = await oneNewMessage(list)
    expect(onsite.title).toBe('您反映的民意有了答复')
    expect(onsite.body).toContain(ANSWER)

    const b = await submit(h, RESIDENT, { content: '小区门口路灯坏了一个多月' })
    list = (await messages()).notifications
    later()
    await h.ok(STAFF, 'case.decline', { caseId: b, reason: '属于物业合同纠纷', guidance: '可向街道物业纠纷调解委员会申请调解' })
    const declined = await oneNewMessage(list)
    expect(declined.title).toBe('您反映的事项不予受理')
    expect(declined.body).toContain('属于物业合同纠纷')
    expect(declined.body).toContain('可向街道物业纠纷调解委员会申请调解')

    const c = await submit(h, RESIDENT, { content: '全街道的老旧小区都没有加装电梯' })
    list = (await messages()).notifications
    later()
    await h.ok(STAFF, 'case.markProposal', { caseId: c, note: '普遍性问题' })
    const proposal = await oneNewMessage(list)
    expect(proposal.title).toBe('您的民意已列入议案建议素材')

    const all = await messages()
    expect(all.notifications).toHaveLength(9)
    expect(all.unread).toBe(9)
    for (const n of all.notifications) {
      expect(n.title).toMatch(CHINESE)
      expect(n.body).toMatch(CHINESE)
    }
    // Newest first.
    expect(all.notifications[0].title).toBe('您的民意已列入议案建议素材')
  })

  it('refer and close do not notify', async () => {
    const id = await submit(h)
    await h.ok(DEPUTY, 'case.refer', { caseId: id, note: '请工作人员转办' })
    expect((await messages()).notifications).toEqual([])
    await h.ok(STAFF, 'case.answerOnSite', { caseId: id, answer: ANSWER })
    expect((await messages()).notifications).toHaveLength(1)
    await h.ok(RESIDENT, 'case.rate', { caseId: id, rating: 'satisfied' })
    expect((await messages()).notifications).toHaveLength(1)
    expect(h.notifier.sent).toHaveLength(1)
  })

  it('messages are private; unread counts and markRead (one, all; another person\'s id is not found)', async () => {
    const id = await submit(h)
    await h.ok(STAFF, 'case.accept', { caseId: id })
    later()
    // Forwarded to the street office, which assigns its own unit: 转报, 转办 (one message each).
    const office = await transferViaOffices(h, id, { unitId: 'unit-hubin-community' })
    later()
    await h.ok(office, 'case.recordUnitAnswer', { caseId: id, answer: '承办单位已经调整了信号灯。' })
    const mine = await messages()
    expect(mine.unread).toBe(4)
    expect((await h.ok(RESIDENT, 'session.me')).unreadNotifications).toBe(4)

    // Nobody else sees them.
    for (const other of ['dev-resident-2', STAFF, DEPUTY, 'dev-admin-1']) {
      expect(await messages(other)).toEqual({ notifications: [], unread: 0 })
    }
    // Someone else marking my message read is refused as not found, and changes nothing.
    expect(refusal(await h.call('dev-resident-2', 'notification.markRead', { notificationId: mine.notifications[0].id }))).toEqual({
      code: 'NOT_FOUND',
      message: '没有找到这条消息',
    })
    expect((await messages()).unread).toBe(4)
    expect(await h.ok('dev-resident-2', 'notification.markRead', {})).toEqual({ unread: 0 })
    expect((await messages()).unread).toBe(4)

    expect(await h.ok(RESIDENT, 'notification.markRead', { notificationId: mine.notifications[1].id })).toEqual({ unread: 3 })
    const after = (await messages()).notifications
    expect(after.map((n) => n.read)).toEqual([false, true, false, false])
    // Marking it again is harmless.
    expect(await h.ok(RESIDENT, 'notification.markRead', { notificationId: mine.notifications[1].id })).toEqual({ unread: 3 })
    expect(await h.ok(RESIDENT, 'notification.markRead', {})).toEqual({ unread: 0 })
    expect((await messages()).notifications.every((n) => n.read)).toBe(true)
    expect((await h.ok(RESIDENT, 'session.me')).unreadNotifications).toBe(0)
  })
})

describe('the outbox', () => {
  it('right after a move the notice is flushed: the case outbox is empty and the message exists', async () => {
    await start()
    const id = await submit(h)
    await h.ok(STAFF, 'case.accept', { caseId: id })
    const c = await caseDoc(h, id)
    expect(c.outbox).toEqual([])
    expect(c.outboxSize).toBe(0)
    const [n] = await notificationsOf(h, RESIDENT)
    expect(n).toMatchObject({ _id: `${c.events[1].id}-r`, caseId: id, push: { status: 'sent', attempts: 1 } })
  })

  it('a move applied without its flush (a crash right after the update) is delivered by the scheduled job, once', async () => {
    await start()
    const id = await submit(h)
    // 分级负责: the street office it was forwarded to assigns the unit.
    await h.ok(STAFF, 'case.forward', { caseId: id, note: '需要有关部门办理' })
    const forwarded = (await messages()).notifications
    expect(forwarded).toHaveLength(1)
    h.clock.advance(60_000)
    const c = await caseDoc(h, id)
    const move = planMove(c, {
      command: 'transfer',
      actor: { id: STREET_OFFICE, role: 'staff', label: '湖滨街道人大工委工作人员' },
      at: h.clock.now(),
      eventId: 'evt-crashed-transfer',
      set: { route: 'transfer', transfer: { unitId: 'unit-urban', unitName: '滨湖区城市管理局', dueDate: '2026-12-02', note: null } },
      details: { unitName: '滨湖区城市管理局', dueDate: '2026-12-02' },
    })
    expect(await h.store.collection<CaseDoc>('cases').update(move.filter, move.update)).toBe(1)
    // The change is there, the notice waits in the case document.
    expect(await caseDoc(h, id)).toMatchObject({ status: 'transferred', outboxSize: 1 })
    expect((await messages()).notifications).toEqual(forwarded)

    await runScheduledJobs(h.deps)
    await runScheduledJobs(h.deps)
    const list = (await messages()).notifications
    expect(list).toHaveLength(2)
    expect(list[0]).toMatchObject({ id: 'evt-crashed-transfer-r', title: '您反映的民意已转办', push: 'sent' })
    expect(list[0].body).toContain('预计12月2日前答复')
    expect(await caseDoc(h, id)).toMatchObject({ outbox: [], outboxSize: 0 })
    expect(h.notifier.sent).toHaveLength(2)
  })

  it('when writing the message fails once, the change still succeeds and the job delivers it later, once', async () => {
    let failNextInsert = false
    await start({
      store: await hookedStore({
        before: (collection, method) => {
          if (collection === 'notifications' && method === 'insert' && failNextInsert) {
            failNextInsert = false
            throw new Error('database timeout')
          }
        },
      }),
    })
    const id = await submit(h)
    failNextInsert = true
    const accepted = await h.call(STAFF, 'case.accept', { caseId: id })
    expect(accepted).toMatchObject({ ok: true, data: { status: 'accepted' } })
    expect(failNextInsert).toBe(false) // the failure did happen
    expect(await caseDoc(h, id)).toMatchObject({ status: 'accepted', outboxSize: 1 })
    expect((await messages()).notifications).toEqual([])

    const report = await runScheduledJobs(h.deps)
    expect(report).toMatchObject({ outbox: { casesFlushed: 1 } })
    await runScheduledJobs(h.deps)
    const list = (await messages()).notifications
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ title: '您反映的民意已受理', push: 'sent' })
    expect(await caseDoc(h, id)).toMatchObject({ outbox: [], outboxSize: 0 })
    expect(h.notifier.sent).toHaveLength(1)
    // The next change flushes normally.
    await h.ok(STAFF, 'case.forward', { caseId: id, note: '需要有关部门办理' })
    expect((await messages()).notifications).toHaveLength(2)
  })
})

describe('WeChat pushes', () => {
  it('without a consent nothing is sent, the message is recorded as no_consent and the change happens', async () => {
    await start({ pushNeedsConsent: true })
    const id = await submit(h)
    const view = await h.ok(STAFF, 'case.accept', { caseId: id })
    expect(view.status).toBe('accepted')
    const [n] = (await messages()).notifications
    expect(n).toMatchObject({ title: '您反映的民意已受理', push: 'no_consent' })
    expect(h.notifier.sent).toEqual([])
  })

  it('one consent allows one push of that template; the credit is spent', async () => {
    await start({ pushNeedsConsent: true })
    const id = await submit(h)
    expect(await h.ok(RESIDENT, 'subscription.record', { accepted: ['progress'] })).toEqual({ credits: { progress: 1 } })

    await h.ok(STAFF, 'case.accept', { caseId: id })
    expect(h.notifier.sent).toHaveLength(1)
    expect(h.notifier.sent[0]).toMatchObject({ openid: 'dev:dev-resident-1', template: 'progress', page: `/pages/case/index?id=${id}` })
    expect((await userDoc(RESIDENT)).credits).toEqual({ progress: 0 })
    expect((await messages()).notifications[0].push).toBe('sent')

    later()
    await h.ok(STAFF, 'case.forward', { caseId: id, note: '需要有关部门办理' })
    expect(h.notifier.sent).toHaveLength(1)
    expect((await messages()).notifications[0]).toMatchObject({ title: '您反映的民意已转报人大机关', push: 'no_consent' })
    later()
    await h.ok(STREET_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-hubin-community' })
    expect(h.notifier.sent).toHaveLength(1)
    expect((await messages()).notifications[0]).toMatchObject({ title: '您反映的民意已转办', push: 'no_consent' })

    // A reply consent is its own credit.
    await h.ok(RESIDENT, 'subscription.record', { accepted: ['progress', 'reply'] })
    await h.ok(STREET_OFFICE, 'case.recordUnitAnswer', { caseId: id, answer: '承办单位已经调整了信号灯。' })
    expect(h.notifier.sent.map((m) => m.template)).toEqual(['progress', 'reply'])
    expect((await userDoc(RESIDENT)).credits).toEqual({ progress: 1, reply: 0 })
  })

  it('subscription.record refuses unknown templates with a Chinese message', async () => {
    await start({ pushNeedsConsent: true })
    const response = await h.call(RESIDENT, 'subscription.record', { accepted: ['marketing'] })
    expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(response.ok ? '' : response.error.message).toMatch(CHINESE)
    expect((await userDoc(RESIDENT)).credits).toEqual({})
  })

  it('WeChat answering 43101 (no consent left) is recorded as no_consent; the change stands', async () => {
    await start({ pushNeedsConsent: true })
    const id = await submit(h)
    await h.ok(RESIDENT, 'subscription.record', { accepted: ['progress'] })
    h.notifier.answers.push({ ok: false, code: 43101, message: 'user refuse to accept the msg', retryable: false })
    const view = await h.ok(STAFF, 'case.accept', { caseId: id })
    expect(view.status).toBe('accepted')
    const [n] = await notificationsOf(h, RESIDENT)
    expect(n.push).toMatchObject({ status: 'no_consent', attempts: 1 })
    expect(n.push.lastError).toContain('43101')
    expect((await userDoc(RESIDENT)).credits.progress).toBe(0)
    expect(h.notifier.sent).toEqual([])
    // Not retried.
    h.clock.advance(24 * 3600_000)
    await runScheduledJobs(h.deps)
    expect(h.notifier.sent).toEqual([])
    expect((await caseDoc(h, id)).status).toBe('accepted')
  })

  it('a retryable failure stays pending, is retried by the job once its time has come, then sent', async () => {
    await start({ pushNeedsConsent: true })
    const id = await submit(h)
    await h.ok(RESIDENT, 'subscription.record', { accepted: ['progress'] })
    h.notifier.answers.push({ ok: false, code: -1, message: 'system error', retryable: true })
    expect((await h.ok(STAFF, 'case.accept', { caseId: id })).status).toBe('accepted')
    const [n] = await notificationsOf(h, RESIDENT)
    expect(n.push).toMatchObject({ status: 'pending', attempts: 1, lastError: '-1 system error' })
    expect(h.notifier.sent).toEqual([])
    // The failed send did not use up the resident's consent.
    expect((await userDoc(RESIDENT)).credits.progress).toBe(1)

    // Not before its time.
    await runScheduledJobs(h.deps)
    expect(h.notifier.sent).toEqual([])
    expect((await pushOf(n._id))?.attempts).toBe(1)

    h.clock.set(n.push.nextAttemptAt as string)
    h.clock.advance(60_000 * 2)
    await runScheduledJobs(h.deps)
    expect(await pushOf(n._id)).toMatchObject({ status: 'sent', attempts: 2 })
    expect(h.notifier.sent).toHaveLength(1)
    expect((await userDoc(RESIDENT)).credits.progress).toBe(0)
    await runScheduledJobs(h.deps)
    expect(h.notifier.sent).toHaveLength(1)
  })

  it('two job runs at the same moment send a due retry once', async () => {
    await start()
    const id = await submit(h)
    h.notifier.answers.push({ ok: false, code: -1, message: 'system error', retryable: true })
    await h.ok(STAFF, 'case.accept', { caseId: id })
    h.clock.advance(61 * 60_000)
    await Promise.all([runScheduledJobs(h.deps), runScheduledJobs(h.deps), runScheduledJobs(h.deps)])
    expect(h.notifier.sent).toHaveLength(1)
    const [n] = await notificationsOf(h, RESIDENT)
    expect(n.push).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('after pushMaxAttempts failures the push is recorded as failed and no longer tried', async () => {
    await start({ config: { pushMaxAttempts: 3 } })
    const id = await submit(h)
    for (let i = 0; i < 5; i += 1) h.notifier.answers.push({ ok: false, code: 45011, message: 'api minute-quota reach limit', retryable: true })
    await h.ok(STAFF, 'case.accept', { caseId: id })
    const [n] = await notificationsOf(h, RESIDENT)
    const statuses: string[] = []
    for (let round = 0; round < 4; round += 1) {
      statuses.push((await pushOf(n._id))?.status as string)
      h.clock.advance(61 * 60_000)
      await runScheduledJobs(h.deps)
    }
    expect(statuses).toEqual(['pending', 'pending', 'failed', 'failed'])
    expect(await pushOf(n._id)).toMatchObject({ status: 'failed', attempts: 3, lastError: '45011 api minute-quota reach limit' })
    expect(h.notifier.answers).toHaveLength(2) // exactly three sends were tried
    expect((await messages()).notifications[0]).toMatchObject({ title: '您反映的民意已受理', push: 'failed' })
    expect((await caseDoc(h, id)).status).toBe('accepted')
  })

  it('every value sent fits WeChat limits, even for a 1000-character opinion and long names', async () => {
    await start()
    await h.store.collection<UnitDoc>('units').insert({
      _id: 'unit-long',
      name: '滨湖区城市管理局市容环境卫生管理处湖滨街道城市管理综合执法中队',
      regionId: 'region-binhu',
      categories: ['environment'],
    })
    const longText = '湖滨路与望湖路交叉口的红绿灯时间太短，老人过马路来不及。'.repeat(40).slice(0, 1000)
    expect(Array.from(longText)).toHaveLength(1000)
    const longAnswer = '经承办单位现场勘查，'.repeat(100).slice(0, 999)

    const a = await submit(h, RESIDENT, { content: longText, place: '湖滨路与望湖路交叉口东北角公交站台旁边的人行横道' })
    await h.ok(STAFF, 'case.accept', { caseId: a, note: '已登记'.repeat(50) })
    await h.ok(STAFF, 'case.forward', { caseId: a, note: '需要有关部门办理'.repeat(50) })
    await h.ok(STREET_OFFICE, 'case.forward', { caseId: a, note: '涉及区级部门职责'.repeat(50) })
    await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: a, unitId: 'unit-long', note: '请核实'.repeat(100), complex: true })
    await h.ok(DISTRICT_OFFICE, 'case.extendDeadline', { caseId: a, reason: '需要协调'.repeat(70) })
    await h.ok(DISTRICT_OFFICE, 'case.recordUnitAnswer', { caseId: a, answer: longAnswer })
    await h.ok(RESIDENT, 'case.rate', { caseId: a, rating: 'unsatisfied', comment: '还是不行'.repeat(50) })
    await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: a, unitId: 'unit-long' })
    await h.ok(DISTRICT_OFFICE, 'case.recordUnitAnswer', { caseId: a, answer: longAnswer })

    const b = await submit(h, RESIDENT, { content: longText })
    await h.ok(STAFF, 'case.decline', { caseId: b, reason: '理由'.repeat(150), guidance: '途径'.repeat(250) })
    const c = await submit(h, RESIDENT, { content: `  ${longText.slice(0, 30)}\n\n${longText.slice(30, 60)}  ` })
    await h.ok(STAFF, 'case.markProposal', { caseId: c, note: '普遍性问题'.repeat(100) })

    // accepted, forwarded ×2, transferred, extended, replied, reopened, transferred, replied; declined; proposal.
    expect(h.notifier.sent).toHaveLength(11)
    for (const message of h.notifier.sent) {
      expect({ template: message.template, problems: checkTemplateData(message.template, message.data) }).toEqual({
        template: message.template,
        problems: [],
      })
      expect(message.data.time).toBe(formatChineseDateTime(h.clock.now()))
    }
    const statuses = (await notificationsOf(h, RESIDENT)).map((n) => n.push.status)
    expect(statuses).toEqual(Array(11).fill('sent'))
    // The full text is still in the in-app message.
    const transfer = (await messages()).notifications.find((n) => n.title === '您反映的民意已转办')
    expect(transfer?.body).toContain('滨湖区城市管理局市容环境卫生管理处湖滨街道城市管理综合执法中队')
  })
})
