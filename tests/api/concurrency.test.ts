// Two people acting on one case at the same moment: exactly one wins, the others are told in
// Chinese that someone got there first, history gets one entry and the resident one message.
// A gate in the store holds every status update until all racers have read the case, so each race
// really reaches the conditional update (`{ _id, status: from }`) instead of depending on timing.
import { CASE_STATUS_LABELS, CASE_TRANSITIONS, type ApiResponse, type CaseCommand } from '@minyi/types'
import { createHarness, type Harness } from '../support/apiHarness'
import { CHINESE, caseDoc, hookedStore, notificationsOf, statusUpdateGate, submit } from './caseFixtures'

let h: Harness
let gate: ReturnType<typeof statusUpdateGate>
beforeEach(async () => {
  gate = statusUpdateGate()
  h = await createHarness({ store: await hookedStore(gate.hooks) })
})
afterEach(() => h.close())

const RESIDENT = 'dev-resident-1'

type Attempt = () => Promise<ApiResponse<unknown>>
const attempts: Record<string, (id: string, who: string) => Attempt> = {
  accept: (id, who) => () => h.call(who, 'case.accept', { caseId: id }),
  forward: (id, who) => () => h.call(who, 'case.forward', { caseId: id, note: '需要有关部门办理' }),
  transfer: (id, who) => () => h.call(who, 'case.transfer', { caseId: id, unitId: 'unit-hubin-community' }),
  decline: (id, who) => () => h.call(who, 'case.decline', { caseId: id, reason: '不属于受理范围', guidance: '请向有关部门反映' }),
  markProposal: (id, who) => () => h.call(who, 'case.markProposal', { caseId: id, note: '普遍性问题' }),
  answerOnSite: (id, who) => () => h.call(who, 'case.answerOnSite', { caseId: id, answer: '已当场答复，信号灯将调整。' }),
}

/** Runs the attempts at once and checks the outcome everyone should see. */
async function race(id: string, racers: Attempt[], { gated = true } = {}) {
  const before = await caseDoc(h, id)
  const noticesBefore = (await notificationsOf(h, RESIDENT)).length
  if (gated) gate.arm(racers.length)
  const answers = await Promise.all(racers.map((run) => run()))
  const winners = answers.filter((a) => a.ok)
  const losers = answers.filter((a): a is Extract<ApiResponse<unknown>, { ok: false }> => !a.ok)
  expect(winners).toHaveLength(1)
  for (const loser of losers) {
    expect(['CONFLICT', 'INVALID_STATE']).toContain(loser.error.code)
    expect(loser.error.message).toMatch(CHINESE)
  }
  const after = await caseDoc(h, id)
  expect(after.events).toHaveLength(before.events.length + 1)
  expect(after.events.slice(0, before.events.length)).toEqual(before.events)
  expect(after.outbox).toEqual([])
  expect(after.outboxSize).toBe(0)
  return { answers, losers, after, newNotices: (await notificationsOf(h, RESIDENT)).length - noticesBefore }
}

describe('two staff members act on one case at the same moment', () => {
  it.each([
    ['accept', 'accept'],
    ['forward', 'forward'],
    ['forward', 'decline'],
    ['accept', 'markProposal'],
    ['answerOnSite', 'forward'],
    ['decline', 'markProposal'],
  ])('%s (孙晓燕, 湖滨 staff) vs %s (人大机关): one wins, the other is told it was just handled', async (a, b) => {
    const id = await submit(h, RESIDENT)
    const { answers, losers, after, newNotices } = await race(id, [attempts[a](id, 'dev-staff-1'), attempts[b](id, 'dev-admin-1')])
    // Both read the case while it was 待受理, so the loser is stopped by the conditional update.
    expect(losers.map((l) => l.error.code)).toEqual(['CONFLICT'])
    const winner = answers[0].ok ? a : b
    expect(after.status).toBe(CASE_TRANSITIONS[winner as CaseCommand].to)
    expect(after.events.at(-1)?.type).toBe(winner)
    expect(losers[0].error.message).toBe(`这条民意刚刚已被他人处理（当前状态：${CASE_STATUS_LABELS[after.status]}），请刷新后查看`)
    expect(newNotices).toBe(1)
  })

  it('over several rounds of the life of one case, every race has one winner', async () => {
    const id = await submit(h, RESIDENT)
    await race(id, [attempts.accept(id, 'dev-staff-1'), attempts.accept(id, 'dev-admin-1')])
    expect((await caseDoc(h, id)).status).toBe('accepted')
    await race(id, [attempts.forward(id, 'dev-staff-1'), attempts.forward(id, 'dev-admin-1')])
    expect((await caseDoc(h, id)).status).toBe('forwarded')
    // 分级负责: the street office it reached assigns the unit, and records its answer.
    await race(id, [attempts.transfer(id, 'dev-office-1'), attempts.transfer(id, 'dev-admin-1')])
    expect((await caseDoc(h, id)).status).toBe('transferred')
    await race(id, [
      () => h.call('dev-office-1', 'case.recordUnitAnswer', { caseId: id, answer: '已调整信号灯配时。' }),
      () => h.call('dev-admin-1', 'case.recordUnitAnswer', { caseId: id, answer: '城管局回复：已处理。' }),
    ])
    const c = await caseDoc(h, id)
    expect(c.status).toBe('replied')
    expect(c.replies).toHaveLength(1)
    // Without the gate the second may simply find the case already moved; still one winner.
    for (let round = 0; round < 5; round += 1) {
      const fresh = await submit(h, RESIDENT, { content: `第${round + 1}轮：公交站台遮雨棚破损` })
      await race(fresh, [attempts.accept(fresh, 'dev-staff-1'), attempts.accept(fresh, 'dev-admin-1')], { gated: false })
    }
  })

  it('10 concurrent accepts: one succeeds, nine get CONFLICT, one event, one message to the resident', async () => {
    const id = await submit(h, RESIDENT)
    const who = (i: number) => (i % 2 ? 'dev-staff-1' : 'dev-admin-1')
    const { losers, after, newNotices } = await race(
      id,
      Array.from({ length: 10 }, (_, i) => attempts.accept(id, who(i))),
    )
    expect(losers).toHaveLength(9)
    expect(new Set(losers.map((l) => l.error.code))).toEqual(new Set(['CONFLICT']))
    expect(after.status).toBe('accepted')
    expect(after.events.filter((e) => e.type === 'accept')).toHaveLength(1)
    expect(newNotices).toBe(1)
    const [notice] = await notificationsOf(h, RESIDENT)
    expect(notice.title).toBe('您反映的民意已受理')
    expect(h.notifier.sent).toHaveLength(1)
  })

  it('a deputy answering on the spot while staff forward it: one wins', async () => {
    const id = await submit(h, RESIDENT)
    const { after } = await race(id, [attempts.answerOnSite(id, 'dev-deputy-1'), attempts.forward(id, 'dev-staff-1')])
    expect(['replied', 'forwarded']).toContain(after.status)
    expect(after.route).toBe(after.status === 'replied' ? 'onsite' : null)
  })
})

describe('a resident rating from two devices at once', () => {
  it('5 concurrent ratings with different requestIds: one wins', async () => {
    const id = await submit(h, RESIDENT)
    await h.ok('dev-staff-1', 'case.answerOnSite', { caseId: id, answer: '已协调交警部门调整。' })
    const ratings = ['satisfied', 'unsatisfied', 'basically', 'unsatisfied', 'satisfied'] as const
    const { answers, after, newNotices } = await race(
      id,
      ratings.map((rating, i) => () => h.call(RESIDENT, 'case.rate', { caseId: id, rating }, `rate-request-000${i}`)),
    )
    const winner = ratings[answers.findIndex((a) => a.ok)]
    expect(after.rating?.value).toBe(winner)
    expect(after.status).toBe(winner === 'unsatisfied' ? 'reopened' : 'closed')
    expect(after.reopenCount).toBe(winner === 'unsatisfied' ? 1 : 0)
    expect(newNotices).toBe(winner === 'unsatisfied' ? 1 : 0)
  })
})

describe('a retried command (same requestId)', () => {
  it('gets the same answer and appends one event', async () => {
    const id = await submit(h, RESIDENT)
    const first = await h.call('dev-staff-1', 'case.accept', { caseId: id, note: '已登记' }, 'accept-request-0001')
    h.clock.advance(60_000)
    const again = await h.call('dev-staff-1', 'case.accept', { caseId: id, note: '已登记' }, 'accept-request-0001')
    expect(first.ok).toBe(true)
    expect(again).toEqual(first)
    const c = await caseDoc(h, id)
    expect(c.events.map((e) => e.type)).toEqual(['submit', 'accept'])
    expect(await notificationsOf(h, RESIDENT)).toHaveLength(1)
  })

  it('sent several times at once, it runs once and every copy gets the same answer', async () => {
    const id = await submit(h, RESIDENT)
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => h.call('dev-staff-1', 'case.forward', { caseId: id, note: '需要有关部门办理' }, 'forward-request-01')),
    )
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    expect((await caseDoc(h, id)).events.map((e) => e.type)).toEqual(['submit', 'forward'])
    expect(await notificationsOf(h, RESIDENT)).toHaveLength(1)
  })

  it('the same requestId from another staff member is a different request', async () => {
    const id = await submit(h, RESIDENT)
    await h.ok('dev-staff-1', 'case.accept', { caseId: id }, 'shared-request-01')
    const other = await h.call('dev-admin-1', 'case.accept', { caseId: id }, 'shared-request-01')
    expect(other).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
  })

  it('a refused command can be retried with the same requestId once it is allowed', async () => {
    const id = await submit(h, RESIDENT)
    const early = await h.call(RESIDENT, 'case.rate', { caseId: id, rating: 'satisfied' }, 'rate-retry-000001')
    expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    await h.ok('dev-staff-1', 'case.answerOnSite', { caseId: id, answer: '已协调交警部门调整。' })
    const later = await h.call(RESIDENT, 'case.rate', { caseId: id, rating: 'satisfied' }, 'rate-retry-000001')
    expect(later).toMatchObject({ ok: true, data: { status: 'closed' } })
  })
})
