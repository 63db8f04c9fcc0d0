// Reopen rules through the api: 满意 / 基本满意 close; 不满意 reopens for re-handling at most twice,
// and the third 不满意 escalates the case one level up instead (its own event); a replied case nobody
// rates closes itself after 7 days, by the scheduled job, and the timeline says so (actor 系统).
import type { CaseView } from '@minyi/types'
import type { RegionDoc } from '../../cloudfunctions/core/domain/records'
import { runDeadlineJob } from '../../cloudfunctions/core/jobs/deadlineJob'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import { createHarness, type Harness } from '../support/apiHarness'
import { DISTRICT_OFFICE, STREET_OFFICE, caseDoc, notificationsOf, refusal, submit, transferViaOffices } from './caseFixtures'

let h: Harness
beforeEach(async () => {
  h = await createHarness() // Monday 2026-11-23 10:00 in Shanghai
})
afterEach(() => h.close())

const RESIDENT = 'dev-resident-1'
const STATION_STAFF = 'dev-staff-1'
const DEPUTY = 'dev-deputy-1'
const ADMIN = 'dev-admin-1'

const later = () => h.clock.advance(60_000)
const rate = (id: string, rating: string, comment?: string) => h.ok(RESIDENT, 'case.rate', { caseId: id, rating, ...(comment ? { comment } : {}) })
const lastEntry = (view: CaseView) => view.timeline[view.timeline.length - 1]

describe('不满意: re-handling at most twice, then one level up', () => {
  it('a case the station answers: reopened twice at the station, the third 不满意 goes to 湖滨街道人大工委', async () => {
    const id = await submit(h)
    await h.ok(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '已联系交警部门调整配时。' })
    expect(await h.ok(RESIDENT, 'case.get', { caseId: id })).toMatchObject({ commands: ['close', 'reopen'], reopensLeft: 2 })

    later()
    const first = await rate(id, 'unsatisfied', '还是没改')
    expect(first).toMatchObject({ status: 'reopened', reopensLeft: 1, deadline: { kind: 'rehandle', dueDate: '2026-12-23' } })
    later()
    await h.ok(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '已再次督促交警部门，本周内调整。' })
    later()
    const second = await rate(id, 'unsatisfied', '仍然没有改')
    expect(second).toMatchObject({ status: 'reopened', reopensLeft: 0 })
    expect((await caseDoc(h, id)).reopenCount).toBe(2)
    later()
    await h.ok(STATION_STAFF, 'case.answerOnSite', { caseId: id, answer: '交警部门答复：需要整体改造，明年实施。' })
    // No reopen left: 不满意 now escalates; the page can say so.
    expect(await h.ok(RESIDENT, 'case.get', { caseId: id })).toMatchObject({ commands: ['close', 'escalate'], reopensLeft: 0, canRate: true })

    later()
    const residentMessages = (await notificationsOf(h, RESIDENT)).length
    const escalated = await rate(id, 'unsatisfied', '等不到明年')
    expect(escalated).toMatchObject({
      status: 'forwarded',
      rating: { value: 'unsatisfied', comment: '等不到明年' },
      handler: { level: 'street', name: '湖滨街道人大工委' },
      deadline: { kind: 'rehandle', dueDate: '2026-12-23' },
      canRate: false,
      commands: [],
    })
    expect(lastEntry(escalated)).toMatchObject({
      type: 'escalate',
      label: '不满意，提交上级人大机关办理',
      actor: '群众',
      from: 'replied',
      to: 'forwarded',
      note: '已重新办理2次仍不满意，提交湖滨街道人大工委办理。群众意见：等不到明年',
    })
    const c = await caseDoc(h, id)
    expect(c).toMatchObject({ reopenCount: 2, office: { regionId: 'region-hubin' }, officeIds: ['region-hubin'] })
    expect(c.events.map((e) => e.type)).toEqual([
      'submit',
      'answerOnSite',
      'reopen',
      'answerOnSite',
      'reopen',
      'answerOnSite',
      'escalate',
    ])
    // The resident is told where it went; the office that now holds it, that it has it.
    const told = await notificationsOf(h, RESIDENT)
    expect(told).toHaveLength(residentMessages + 1)
    expect(told.at(-1)).toMatchObject({ title: '您的民意已提交上级人大机关办理' })
    expect(told.at(-1)?.body).toContain('已提交湖滨街道人大工委办理')
    const [arrived] = await notificationsOf(h, STREET_OFFICE)
    expect(arrived.body).toContain('经临江市滨湖区湖滨街道人大代表之家重新办理2次后群众仍不满意，提级办理')
    // The street office now handles it; the station follows it.
    expect((await h.ok(STREET_OFFICE, 'case.get', { caseId: id })).commands).toEqual(['forward', 'transfer', 'markProposal', 'decline', 'merge'])
    expect((await h.ok(STATION_STAFF, 'case.get', { caseId: id })).commands).toEqual([])

    // It is handled there, and 不满意 once more escalates again, one more level up.
    await h.ok(STREET_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-hubin-community' })
    await h.ok(STREET_OFFICE, 'case.recordUnitAnswer', { caseId: id, answer: '街道已协调施划临时信号，下周启用。' })
    const again = await rate(id, 'unsatisfied')
    expect(again).toMatchObject({ status: 'forwarded', handler: { level: 'district', name: '滨湖区人大常委会' } })
    expect((await caseDoc(h, id)).officeIds).toEqual(['region-hubin', 'region-binhu'])
  })

  it('at the top office the third 不满意 has it handled there again, reported to the district 人大机关', async () => {
    const id = await submit(h)
    const office = await transferViaOffices(h, id, { unitId: 'unit-urban' })
    expect(office).toBe(DISTRICT_OFFICE)
    for (let round = 0; round < 2; round += 1) {
      await h.ok(office, 'case.recordUnitAnswer', { caseId: id, answer: `第${round + 1}次答复：已安排调整。` })
      await rate(id, 'unsatisfied')
      await h.ok(office, 'case.transfer', { caseId: id, unitId: 'unit-urban' })
    }
    await h.ok(office, 'case.recordUnitAnswer', { caseId: id, answer: '第3次答复：已完成调整。' })
    const escalated = await rate(id, 'unsatisfied', '现场没有变化')
    expect(escalated).toMatchObject({ status: 'forwarded', handler: { level: 'district', name: '滨湖区人大常委会' } })
    expect(lastEntry(escalated).note).toBe('已重新办理2次仍不满意，由滨湖区人大常委会重新办理，并报人大机关督办。群众意见：现场没有变化')
    expect((await notificationsOf(h, ADMIN)).map((n) => n.title)).toEqual(['有转报的民意待办理'])
    expect((await h.ok(office, 'case.get', { caseId: id })).commands).toEqual(['transfer', 'markProposal', 'decline', 'merge'])
  })

  it('满意 and 基本满意 close it whatever the count; refused ratings change nothing', async () => {
    const id = await submit(h)
    await h.ok(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '已联系交警部门调整配时。' })
    await rate(id, 'unsatisfied')
    await h.ok(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '已再次联系交警部门。' })
    const closed = await rate(id, 'basically', '基本解决了')
    expect(closed).toMatchObject({ status: 'closed', deadline: null, commands: [], reopensLeft: 1 })
    const before = await caseDoc(h, id)
    expect(refusal(await h.call(RESIDENT, 'case.rate', { caseId: id, rating: 'unsatisfied' }))).toEqual({
      code: 'INVALID_STATE',
      message: '这条民意当前为「已办结」，不能评价',
    })
    expect(refusal(await h.call('dev-resident-2', 'case.rate', { caseId: id, rating: 'unsatisfied' })).code).toBe('NOT_FOUND')
    expect(await caseDoc(h, id)).toEqual(before)
  })

  it('a district may allow a different number of reopens', async () => {
    await h.store.collection<RegionDoc>('regions').update({ _id: 'region-binhu' }, { set: { timeLimits: { maxReopens: 0 } } })
    const id = await submit(h)
    await h.ok(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '已联系交警部门调整配时。' })
    expect((await h.ok(RESIDENT, 'case.get', { caseId: id })).commands).toEqual(['close', 'escalate'])
    expect((await rate(id, 'unsatisfied')).status).toBe('forwarded')
  })
})

describe('a replied case nobody rates closes itself', () => {
  it('after 7 days, by the job (actor 系统), once; the resident is told, and can no longer rate', async () => {
    const id = await submit(h)
    const replied = await h.ok(STATION_STAFF, 'case.answerOnSite', { caseId: id, answer: '已联系交警部门调整配时。' })
    expect(replied.deadline).toMatchObject({ kind: 'rate', dueAt: '2026-11-30T02:00:00.000Z', overdue: false })
    const messages = (await notificationsOf(h, RESIDENT)).length

    h.clock.set('2026-11-30T01:59:00.000Z')
    expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 0, autoClosed: 0 })
    expect((await caseDoc(h, id)).status).toBe('replied')

    h.clock.set('2026-11-30T02:00:00.000Z')
    expect((await runScheduledJobs(h.deps)).deadlines).toEqual({ supervised: 0, autoClosed: 1 })
    const closed = await h.ok(RESIDENT, 'case.get', { caseId: id })
    expect(closed).toMatchObject({ status: 'closed', rating: null, canRate: false, commands: [], deadline: null })
    expect(lastEntry(closed)).toMatchObject({
      type: 'autoClose',
      label: '逾期未评价，自动办结',
      actor: '系统',
      from: 'replied',
      to: 'closed',
      note: '答复后7天内未评价，系统自动办结',
    })
    const told = await notificationsOf(h, RESIDENT)
    expect(told).toHaveLength(messages + 1)
    expect(told.at(-1)).toMatchObject({ title: '您反映的民意已办结' })

    // Again, or twice at once: nothing new.
    const events = (await caseDoc(h, id)).events.length
    await Promise.all([runDeadlineJob(h.deps), runDeadlineJob(h.deps)])
    expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 0, autoClosed: 0 })
    expect((await caseDoc(h, id)).events).toHaveLength(events)
    expect(await notificationsOf(h, RESIDENT)).toHaveLength(messages + 1)
    expect(refusal(await h.call(RESIDENT, 'case.rate', { caseId: id, rating: 'satisfied' }))).toEqual({
      code: 'INVALID_STATE',
      message: '这条民意当前为「已办结」，不能评价',
    })
  })

  it('a rating in time wins; the days are configurable per district', async () => {
    await h.store.collection<RegionDoc>('regions').update({ _id: 'region-binhu' }, { set: { timeLimits: { autoCloseDays: 3 } } })
    const rated = await submit(h)
    const unrated = await submit(h, RESIDENT, { content: '湖滨路多处井盖松动，车辆经过响声很大。' })
    for (const id of [rated, unrated]) await h.ok(STATION_STAFF, 'case.answerOnSite', { caseId: id, answer: '已通知有关部门处理。' })
    h.clock.set('2026-11-25T02:00:00.000Z')
    await rate(rated, 'satisfied')
    h.clock.set('2026-11-26T02:00:00.000Z')
    expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 0, autoClosed: 1 })
    expect((await caseDoc(h, rated)).events.at(-1)?.type).toBe('close')
    expect((await caseDoc(h, unrated)).events.at(-1)).toMatchObject({ type: 'autoClose', note: '答复后3天内未评价，系统自动办结' })
  })

  it('a case replied by a path that started no rating clock still closes itself, counted from its reply', async () => {
    const id = await submit(h)
    await h.ok(STATION_STAFF, 'case.answerOnSite', { caseId: id, answer: '已通知有关部门处理。' })
    // As a case replied before time limits existed (or by a system move that set none) is stored.
    await h.store.collection('cases').update({ _id: id }, { unset: ['deadline'] })
    h.clock.set('2026-11-29T02:00:00.000Z')
    expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 0, autoClosed: 0 })
    h.clock.set('2026-11-30T02:00:00.000Z')
    expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 0, autoClosed: 1 })
    expect((await caseDoc(h, id)).status).toBe('closed')
  })
})
