// 并案: staff merge duplicates into one handling; each resident still receives their own reply (their
// case moves to 已答复 on its own) and gives their own rating (不满意 reopens only theirs). Every step
// is an event on each case involved; an interrupted fan-out is finished by the scheduled job.
import type { CaseDoc } from '../../cloudfunctions/core/domain/records'
import { mergeOutcome } from '../../cloudfunctions/core/domain/merge'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import type { CollectionName } from '../../cloudfunctions/core/ports'
import { createHarness, type Harness } from '../support/apiHarness'
import { CHINESE, STREET_OFFICE, caseDoc, hookedStore, notificationsOf, refusal, storeFailingOneReply, submit, transferViaOffices } from './caseFixtures'

let h: Harness
afterEach(() => h?.close())

const STAFF = 'dev-staff-1'
const R1 = 'dev-resident-1'
const R2 = 'dev-resident-2'
const R3 = 'dev-resident-8'
const UNIT_ANSWER = '经现场勘查，已于本周调整该路口信号灯配时，绿灯延长至45秒。'

const userIdOf = async (who: string) => (await h.ok(who, 'session.me')).id
const later = () => h.clock.advance(60_000)

/** Three residents raise the same problem at 湖滨; B and C are merged into A. */
async function threeMerged() {
  const a = await submit(h, R1)
  later()
  const b = await submit(h, R2, { content: '望湖路口的红绿灯太短了，我家老人每次都走不过去。' })
  later()
  const c = await submit(h, R3, { content: '湖滨路望湖路交叉口信号灯时间短，行人过街危险。' })
  later()
  const viewB = await h.ok(STAFF, 'case.merge', { caseId: b, intoCaseId: a, note: '同一路口' })
  later()
  await h.ok(STAFF, 'case.merge', { caseId: c, intoCaseId: a })
  later()
  return { a, b, c, viewB }
}

describe('merging duplicates into one handling', () => {
  beforeEach(async () => {
    h = await createHarness()
  })

  it('each duplicate moves to 已并案办理 with its own event and message; the primary records both', async () => {
    const { a, b, c, viewB } = await threeMerged()
    const primary = await h.ok(STAFF, 'case.get', { caseId: a })
    expect(viewB).toMatchObject({
      id: b,
      status: 'merged',
      mergedInto: { caseId: a, trackingNo: primary.trackingNo, status: 'submitted', statusLabel: '待受理' },
    })
    expect(viewB.timeline.at(-1)).toMatchObject({
      type: 'merge',
      label: '并案办理',
      actor: '联络站工作人员',
      from: 'submitted',
      to: 'merged',
      note: `并入编号 ${primary.trackingNo} 一并办理：同一路口`,
    })
    expect(primary).toMatchObject({ status: 'submitted', mergedCount: 2 })
    expect(primary.mergedCases.map((m) => [m.id, m.status])).toEqual([
      [b, 'merged'],
      [c, 'merged'],
    ])
    expect(primary.timeline.filter((e) => e.type === 'mergeIn').map((e) => e.label)).toEqual(['并入重复民意', '并入重复民意'])

    // The residents of B and C are told, and see whose handling theirs follows (not that case itself).
    for (const [who, id] of [[R2, b], [R3, c]] as const) {
      const [message] = await notificationsOf(h, await userIdOf(who))
      expect(message).toMatchObject({ title: '您反映的民意已并案办理', caseId: id })
      expect(message.body).toContain(primary.trackingNo)
      const own = await h.ok(who, 'case.get', { caseId: id })
      expect(own.mergedInto).toMatchObject({ caseId: null, trackingNo: primary.trackingNo })
      expect(refusal(await h.call(who, 'case.get', { caseId: a })).code).toBe('NOT_FOUND')
    }
    // The primary's resident sees only that others were merged in.
    const seenByAuthor = await h.ok(R1, 'case.get', { caseId: a })
    expect(seenByAuthor).toMatchObject({ mergedCount: 2, mergedCases: [] })
    // Merged cases leave the handling inbox of the primary's status.
    expect((await h.ok(STAFF, 'case.inbox', { status: 'merged' })).cases.map((x) => x.id).sort()).toEqual([b, c].sort())
  })

  it('when the primary is answered, each merged case gets the reply and moves to 已答复 on its own', async () => {
    const { a, b, c } = await threeMerged()
    const office = await transferViaOffices(h, a, { unitId: 'unit-urban' })
    later()
    const before = Object.fromEntries(await Promise.all([R1, R2, R3].map(async (r) => [r, (await notificationsOf(h, await userIdOf(r))).length])))
    await h.ok(office, 'case.recordUnitAnswer', { caseId: a, answer: UNIT_ANSWER })

    for (const [who, id] of [[R1, a], [R2, b], [R3, c]] as const) {
      const view = await h.ok(who, 'case.get', { caseId: id })
      expect(view).toMatchObject({ status: 'replied', canRate: true })
      expect(view.replies.map((r) => [r.text, r.from])).toEqual([[UNIT_ANSWER, '滨湖区城市管理局（承办单位）']])
      const list = await notificationsOf(h, await userIdOf(who))
      expect(list).toHaveLength(before[who] + 1)
      expect(list.at(-1)).toMatchObject({ title: '您反映的民意有了答复', caseId: id, link: `/pages/case/index?id=${id}` })
    }
    const merged = await h.ok(STAFF, 'case.get', { caseId: b })
    // The actor is whoever gave the primary its outcome: under 分级负责, the office that recorded the unit's answer.
    expect(merged.timeline.at(-1)).toMatchObject({ type: 'mergedReply', label: '并案答复', actor: '滨湖区人大常委会工作人员', from: 'merged', to: 'replied' })
  })

  it('each resident rates their own case: 不满意 reopens only theirs, which is then handled on its own', async () => {
    const { a, b, c } = await threeMerged()
    await h.ok(STAFF, 'case.answerOnSite', { caseId: a, answer: '已联系交警部门，信号灯绿灯时间延长至45秒。' })
    const reopened = await h.ok(R2, 'case.rate', { caseId: b, rating: 'unsatisfied', comment: '还是太短' })
    expect(reopened.status).toBe('reopened')
    expect((await h.ok(R3, 'case.rate', { caseId: c, rating: 'satisfied' })).status).toBe('closed')
    expect((await h.ok(R1, 'case.rate', { caseId: a, rating: 'basically' })).status).toBe('closed')
    expect((await caseDoc(h, b)).rating?.value).toBe('unsatisfied')
    expect((await caseDoc(h, c)).rating?.value).toBe('satisfied')
    expect((await caseDoc(h, a)).rating?.value).toBe('basically')
    // B on its own: staff answer it again, only R2 hears of it.
    const r1Before = (await notificationsOf(h, await userIdOf(R1))).length
    await h.ok(STAFF, 'case.answerOnSite', { caseId: b, answer: '已再次联系交警部门，增设行人过街按钮。' })
    expect((await caseDoc(h, b)).status).toBe('replied')
    expect((await caseDoc(h, a)).status).toBe('closed')
    expect((await notificationsOf(h, await userIdOf(R1))).length).toBe(r1Before)
  })

  it('a declined primary declines its merged cases with the same reason and guidance', async () => {
    const a = await submit(h, R1, { category: 'legal', content: '我的民事案件法院判得不公，请代表帮我改判。' })
    const b = await submit(h, R2, { category: 'legal', content: '法院判决不公，希望代表出面让法院改判。' })
    await h.ok(STAFF, 'case.merge', { caseId: b, intoCaseId: a })
    await h.ok(STAFF, 'case.decline', { caseId: a, reason: '涉及法院具体案件', guidance: '可依法向上一级人民法院提出上诉' })
    const view = await h.ok(R2, 'case.get', { caseId: b })
    expect(view).toMatchObject({ status: 'declined', decline: { reason: '涉及法院具体案件', guidance: '可依法向上一级人民法院提出上诉' } })
    expect(view.timeline.at(-1)).toMatchObject({ type: 'mergedDecline', from: 'merged', to: 'declined' })
    expect((await notificationsOf(h, await userIdOf(R2))).at(-1)?.title).toBe('您反映的事项不予受理')
  })

  it('a transferred duplicate can be merged by the office holding both; its handling stops and it follows the primary', async () => {
    const a = await submit(h, R1)
    const b = await submit(h, R2)
    await h.ok(STAFF, 'case.forward', { caseId: a, note: '需要街道协调' })
    const holder = await transferViaOffices(h, b, { unitId: 'unit-hubin-community' })
    expect(holder).toBe(STREET_OFFICE)
    expect((await h.ok(STREET_OFFICE, 'case.merge', { caseId: b, intoCaseId: a })).status).toBe('merged')
  })
})

describe('refusals: nothing changes and the message is Chinese', () => {
  beforeEach(async () => {
    h = await createHarness()
  })

  async function expectUnchanged(ids: string[], run: () => Promise<unknown>) {
    const before = await Promise.all(ids.map((id) => caseDoc(h, id)))
    await run()
    expect(await Promise.all(ids.map((id) => caseDoc(h, id)))).toEqual(before)
  }

  it.each([
    ['into itself', 'self', 'INVALID_INPUT', '不能把一条民意并入它自己'],
    ['across stations', 'otherStation', 'INVALID_INPUT', '只能合并同一家站点的民意'],
    ['into a closed case', 'closedPrimary', 'INVALID_STATE', /^编号 MY\d{8}-\d{4} 当前为「已办结」，不能作为主办民意并案$/],
    ['a closed case', 'closedDuplicate', 'INVALID_STATE', '这条民意当前为「已办结」，不能并案办理'],
    ['into a case merged elsewhere', 'mergedPrimary', 'INVALID_STATE', /已并入其他民意，请选择它所并入的主办民意$/],
    ['a case others were merged into', 'hasChildren', 'INVALID_STATE', /请把重复的民意并入它，而不是把它并走$/],
  ])('merging %s', async (_what, setup, code, message) => {
    const a = await submit(h, R1)
    const b = await submit(h, R2)
    let caseId = b
    let intoCaseId = a
    const extra: string[] = []
    if (setup === 'self') intoCaseId = b
    if (setup === 'otherStation') intoCaseId = await submit(h, R1, { stationCode: 'CYSQ' })
    if (setup === 'closedPrimary') {
      await h.ok(STAFF, 'case.answerOnSite', { caseId: a, answer: '已当场答复，信号灯将调整。' })
      await h.ok(R1, 'case.rate', { caseId: a, rating: 'satisfied' })
    }
    if (setup === 'closedDuplicate') {
      await h.ok(STAFF, 'case.answerOnSite', { caseId: b, answer: '已当场答复，信号灯将调整。' })
      await h.ok(R2, 'case.rate', { caseId: b, rating: 'satisfied' })
    }
    if (setup === 'mergedPrimary') {
      const c = await submit(h, R1)
      await h.ok(STAFF, 'case.merge', { caseId: a, intoCaseId: c })
      extra.push(c)
    }
    if (setup === 'hasChildren') {
      const c = await submit(h, R1)
      await h.ok(STAFF, 'case.merge', { caseId: c, intoCaseId: b })
      extra.push(c)
    }
    await expectUnchanged([a, b, intoCaseId, ...extra], async () => {
      // Only an admin sees both stations; staff would not even find the other case.
      const actor = setup === 'otherStation' ? 'dev-admin-1' : STAFF
      const error = refusal(await h.call(actor, 'case.merge', { caseId, intoCaseId }))
      expect(error.code).toBe(code)
      if (typeof message === 'string') expect(error.message).toBe(message)
      else expect(error.message).toMatch(message)
      expect(error.message).toMatch(CHINESE)
    })
  })

  it.each([
    ['a deputy', 'dev-deputy-1', 'FORBIDDEN'],
    ['a resident', R1, 'FORBIDDEN'],
    ['staff of another station', 'dev-staff-2', 'NOT_FOUND'],
  ])('%s cannot merge', async (_what, who, code) => {
    const a = await submit(h, R1)
    const b = await submit(h, R2)
    await expectUnchanged([a, b], async () => {
      expect(refusal(await h.call(who, 'case.merge', { caseId: b, intoCaseId: a })).code).toBe(code)
    })
  })

  it('bad input names the field', async () => {
    expect(refusal(await h.call(STAFF, 'case.merge', { caseId: 'x y' }))).toEqual({ code: 'INVALID_INPUT', message: '要并入的民意格式不正确', field: 'caseId' })
    expect(refusal(await h.call(STAFF, 'case.merge', { caseId: 'c_1' }))).toEqual({ code: 'INVALID_INPUT', message: '缺少主办的民意', field: 'intoCaseId' })
  })
})

describe('a fan-out interrupted half-way is finished by the scheduled job', () => {
  it('one merged case failed to follow: the job moves it, and running it again changes nothing', async () => {
    const { store, failNextReply } = await storeFailingOneReply()
    h = await createHarness({ store })
    const { a, b, c } = await threeMerged()
    failNextReply(c)
    await h.ok(STAFF, 'case.answerOnSite', { caseId: a, answer: '已联系交警部门，信号灯绿灯时间延长至45秒。' })
    expect((await caseDoc(h, a)).status).toBe('replied')
    expect((await caseDoc(h, b)).status).toBe('replied')
    expect((await caseDoc(h, c)).status).toBe('merged')

    const report = await runScheduledJobs(h.deps)
    expect(report.fanOut).toMatchObject({ mergedCasesMoved: 1 })
    expect((await caseDoc(h, c)).status).toBe('replied')
    const r3 = await userIdOf(R3)
    const messages = (await notificationsOf(h, r3)).length
    await runScheduledJobs(h.deps)
    expect((await notificationsOf(h, r3)).length).toBe(messages)
    expect((await caseDoc(h, c)).events.filter((e) => e.type === 'mergedReply')).toHaveLength(1)
  })

  it('a primary answered in the moment the merge was written: the merged case follows at once', async () => {
    let staged = false
    const store = await hookedStore({
      before: async (collection: CollectionName, method, args) => {
        const [filter, update] = args as [Record<string, unknown>, { set?: Record<string, unknown> }]
        if (!staged && collection === 'cases' && method === 'update' && update?.set?.status === 'merged') {
          staged = true
          const primary = (update.set.mergedInto as { caseId: string }).caseId
          await h.ok(STAFF, 'case.answerOnSite', { caseId: primary, answer: '已联系交警部门，信号灯绿灯时间延长至45秒。' })
          expect(filter.status).toBe('submitted')
        }
      },
    })
    h = await createHarness({ store })
    const a = await submit(h, R1)
    const b = await submit(h, R2)
    const view = await h.ok(STAFF, 'case.merge', { caseId: b, intoCaseId: a })
    expect(staged).toBe(true)
    expect(view.status).toBe('replied')
    expect(view.replies.map((r) => r.text)).toEqual(['已联系交警部门，信号灯绿灯时间延长至45秒。'])
  })
})

describe('mergeOutcome (pure)', () => {
  const base = (over: Partial<CaseDoc>): CaseDoc =>
    ({
      _id: 'p',
      trackingNo: 'MY20261123-0001',
      status: 'submitted',
      events: [],
      replies: [],
      decline: null,
      ...over,
    }) as CaseDoc
  const merged = base({ _id: 'm', status: 'merged', mergedInto: { caseId: 'p', trackingNo: 'MY20261123-0001', at: '2026-11-23T03:00:00.000Z', eventId: 'e' } })
  const event = (at: string, to: 'replied' | 'declined' | 'reopened' = 'replied') => ({
    id: at,
    type: 'answerOnSite',
    at,
    actorId: 's',
    actorRole: 'staff' as const,
    actorLabel: '联络站工作人员',
    from: 'submitted' as const,
    to,
    note: null,
  })

  it('waits while the primary is being handled', () => {
    expect(mergeOutcome(base({}), merged)).toBeNull()
  })

  it('follows the first outcome after the merge, with the reply given with it', () => {
    const p = base({
      status: 'closed',
      events: [event('2026-11-23T04:00:00.000Z'), event('2026-11-23T05:00:00.000Z')],
      replies: [
        { id: 'r1', text: '第一次答复', fromLabel: 'x', at: '2026-11-23T04:00:00.000Z' },
        { id: 'r2', text: '第二次答复', fromLabel: 'x', at: '2026-11-23T05:00:00.000Z' },
      ],
    })
    expect(mergeOutcome(p, merged)).toMatchObject({ command: 'mergedReply', reply: { text: '第一次答复' } })
  })

  it('follows an outcome written just before the merge landed, while the primary still shows it', () => {
    const p = base({ status: 'replied', events: [event('2026-11-23T02:59:59.000Z')], replies: [{ id: 'r', text: '答复', fromLabel: 'x', at: '2026-11-23T02:59:59.000Z' }] })
    expect(mergeOutcome(p, merged)).toMatchObject({ command: 'mergedReply', reply: { text: '答复' } })
  })

  it('does nothing for a case that is not waiting on this primary', () => {
    const p = base({ status: 'replied', events: [event('2026-11-23T04:00:00.000Z')] })
    expect(mergeOutcome(p, { ...merged, status: 'replied' })).toBeNull()
    expect(mergeOutcome({ ...p, _id: 'other' }, merged)).toBeNull()
  })
})
