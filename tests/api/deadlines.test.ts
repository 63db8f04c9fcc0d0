// Time limits with a controlled clock: the clock each status runs against (as the resident's case
// page shows it), 督办 when it runs out — one `supervise` event (actor 系统) with in-app notices to
// whoever holds the case and to the level above, written once however often the job runs —, units'
// working days across the National Day holiday, complex items, the one extension, re-handling, and
// a district's own limits.
import type { CaseView } from '@minyi/types'
import { timeLimitsForRegion } from '../../cloudfunctions/core/application/cases/handling'
import type { RegionDoc } from '../../cloudfunctions/core/domain/records'
import { runDeadlineJob } from '../../cloudfunctions/core/jobs/deadlineJob'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import type { CollectionName } from '../../cloudfunctions/core/ports/store'
import { createHarness, type Harness } from '../support/apiHarness'
import { DISTRICT_OFFICE, STREET_OFFICE, caseDoc, notificationsOf, refusal, submit } from './caseFixtures'

let h: Harness
afterEach(() => h.close())

const RESIDENT = 'dev-resident-1'
const STATION_STAFF = 'dev-staff-1'
const ADMIN = 'dev-admin-1'
const STATION = '临江市滨湖区湖滨街道人大代表之家'

const view = (id: string, who = RESIDENT): Promise<CaseView> => h.ok(who, 'case.get', { caseId: id })
const supervisions = async (id: string) => (await caseDoc(h, id)).events.filter((e) => e.type === 'supervise')
const titles = async (userId: string) => (await notificationsOf(h, userId)).map((n) => n.title)
const inboxIds = async (userId: string, input: Record<string, unknown> = {}) => (await h.ok(userId, 'case.inbox', input)).cases.map((c) => c.id)

/** Forwarded by the station and by the street office: 滨湖区人大常委会 holds it. */
async function atDistrictOffice(id: string) {
  await h.ok(STATION_STAFF, 'case.forward', { caseId: id, note: '需要有关部门办理' })
  await h.ok(STREET_OFFICE, 'case.forward', { caseId: id, note: '涉及区级部门职责' })
}

describe('accept or first answer within 24 hours', () => {
  beforeEach(async () => {
    h = await createHarness() // Monday 2026-11-23 10:00 in Shanghai
  })

  it('still supervises when another scheduled job fails in the same run', async () => {
    const id = await submit(h)
    const collection = h.store.collection.bind(h.store)
    h.store.collection = ((name: CollectionName) => {
      if (name === 'reception_rules') throw new Error('store unavailable')
      return collection(name)
    }) as typeof h.store.collection
    h.clock.set('2026-11-24T02:00:00.000Z')
    const report = await runScheduledJobs(h.deps)
    expect(report.reception).toEqual({ failed: 'store unavailable' })
    expect(report.deadlines).toEqual({ supervised: 1, autoClosed: 0 })
    expect(await supervisions(id)).toHaveLength(1)
  })

  it('the clock, its 督办 to the station and the street office, written once', async () => {
    const id = await submit(h)
    expect((await view(id)).deadline).toEqual({
      kind: 'accept',
      label: '受理期限',
      dueAt: '2026-11-24T02:00:00.000Z',
      dueDate: '2026-11-24',
      overdue: false,
      overdueDays: 0,
      complex: false,
      extension: null,
      text: '预计 11月24日 10:00 前受理',
    })

    h.clock.set('2026-11-24T01:59:00.000Z')
    expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 0, autoClosed: 0 })
    expect(await supervisions(id)).toEqual([])

    h.clock.set('2026-11-24T02:00:00.000Z')
    expect((await runScheduledJobs(h.deps)).deadlines).toEqual({ supervised: 1, autoClosed: 0 })
    const seen = await view(id)
    expect(seen.deadline).toMatchObject({ overdue: true, overdueDays: 1, text: '已超期 1 天' })
    expect(seen.overdue).toBe(true)
    expect(seen.timeline.at(-1)).toMatchObject({
      type: 'supervise',
      label: '逾期督办',
      actor: '系统',
      from: null,
      to: null,
      note: `受理期限（11月24日 10:00）已过，已提醒${STATION}尽快办理，并报湖滨街道人大工委督办`,
    })
    // The assignee (the station's staff) and the level above (the street office) are told, in-app.
    const [toStation] = await notificationsOf(h, STATION_STAFF)
    expect(toStation).toMatchObject({ title: '民意办理已超期，请尽快办理', caseId: id, link: `/packageWork/pages/case/index?id=${id}` })
    expect(toStation.body).toContain('受理期限（11月24日 10:00）已超期 1 天，已报湖滨街道人大工委督办')
    expect(await titles(STREET_OFFICE)).toEqual(['民意办理超期，请督办'])
    expect(await titles(DISTRICT_OFFICE)).toEqual([])
    expect(await titles(ADMIN)).toEqual([])
    expect(await titles(RESIDENT)).toEqual([])
    // Staff find it under 超期.
    expect(await inboxIds(STATION_STAFF, { overdue: true })).toEqual([id])
    expect(await inboxIds(ADMIN, { overdue: true })).toEqual([id])

    // Running the job again — later, or twice at once — writes nothing new.
    const events = (await caseDoc(h, id)).events.length
    h.clock.set('2026-11-25T03:00:00.000Z')
    await Promise.all([runDeadlineJob(h.deps), runDeadlineJob(h.deps)])
    expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 0, autoClosed: 0 })
    expect((await caseDoc(h, id)).events).toHaveLength(events)
    expect(await titles(STATION_STAFF)).toHaveLength(1)
    expect(await titles(STREET_OFFICE)).toHaveLength(1)
    h.clock.set('2026-11-26T03:00:00.000Z')
    expect((await view(id)).deadline).toMatchObject({ overdueDays: 2, text: '已超期 2 天' })

    // Accepting starts the station's handling clock: 7 working days.
    const accepted = await h.ok(STATION_STAFF, 'case.accept', { caseId: id })
    expect(accepted.deadline).toMatchObject({ kind: 'answer', dueDate: '2026-12-07', overdue: false, text: '预计 12月7日 前答复' })
    expect(accepted.overdue).toBe(false)
    expect(await inboxIds(STATION_STAFF, { overdue: true })).toEqual([])
  })

  it('a deputy referring the case does not stop the clock; answering does', async () => {
    const id = await submit(h)
    const { deadline } = await caseDoc(h, id)
    await h.ok('dev-deputy-1', 'case.refer', { caseId: id, note: '请工作人员转办' })
    expect((await caseDoc(h, id)).deadline).toEqual(deadline)
    const replied = await h.ok(STATION_STAFF, 'case.answerOnSite', { caseId: id, answer: '已联系交警部门调整配时。' })
    expect(replied.deadline).toMatchObject({ kind: 'rate', text: '请于 11月30日 10:00 前评价，逾期将自动办结' })
    h.clock.set('2026-11-25T02:00:00.000Z')
    expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 0, autoClosed: 0 })
    // Declined: no clock runs.
    const other = await submit(h, RESIDENT, { content: '我的民事案件法院判得不公，请代表帮我改判' })
    const declined = await h.ok(STATION_STAFF, 'case.decline', { caseId: other, reason: '涉及法院具体案件', guidance: '可依法提出上诉' })
    expect(declined.deadline).toBeNull()
    expect((await caseDoc(h, other)).deadline).toBeUndefined()
  })

  it('an office a case is forwarded to has 24 hours too; 督办 goes to it and to the level above', async () => {
    const id = await submit(h)
    h.clock.set('2026-11-23T06:00:00.000Z')
    const forwarded = await h.ok(STATION_STAFF, 'case.forward', { caseId: id, note: '需要有关部门办理' })
    expect(forwarded.deadline).toMatchObject({ kind: 'accept', dueAt: '2026-11-24T06:00:00.000Z', text: '预计 11月24日 14:00 前受理' })
    h.clock.set('2026-11-24T06:00:00.000Z')
    expect(await runDeadlineJob(h.deps)).toMatchObject({ supervised: 1 })
    expect((await supervisions(id))[0].note).toBe('受理期限（11月24日 14:00）已过，已提醒湖滨街道人大工委尽快办理，并报滨湖区人大常委会督办')
    expect(await titles(STREET_OFFICE)).toEqual(['有转报的民意待办理', '民意办理已超期，请尽快办理'])
    expect(await titles(DISTRICT_OFFICE)).toEqual(['民意办理超期，请督办'])
    expect(await titles(STATION_STAFF)).toEqual([])

    // At the top office, the level above is the district's 人大机关 (admin).
    await h.ok(STREET_OFFICE, 'case.forward', { caseId: id, note: '涉及区级部门职责' })
    h.clock.set('2026-11-25T07:00:00.000Z')
    expect(await runDeadlineJob(h.deps)).toMatchObject({ supervised: 1 })
    expect((await supervisions(id))[1].note).toBe('受理期限（11月25日 14:00）已过，已提醒滨湖区人大常委会尽快办理，并报滨湖区人大机关督办')
    expect(await titles(ADMIN)).toEqual(['民意办理超期，请督办'])
    expect((await titles(DISTRICT_OFFICE)).at(-1)).toBe('民意办理已超期，请尽快办理')
  })
})

describe('a handling unit answers within 7 working days (15 if complex), extendable once', () => {
  it('across the National Day holiday: due 15 October, supervised on the 16th, then extended once', async () => {
    h = await createHarness({ now: '2026-09-30T02:00:00.000Z' })
    const id = await submit(h)
    await atDistrictOffice(id)
    const transferred = await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-urban' })
    expect(transferred.deadline).toMatchObject({ kind: 'unit', dueDate: '2026-10-15', dueAt: '2026-10-15T16:00:00.000Z', complex: false })
    expect((await view(id)).deadline?.text).toBe('预计 10月15日 前答复')

    h.clock.set('2026-10-15T15:59:00.000Z') // 23:59 on the due day in Shanghai
    expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 0, autoClosed: 0 })
    h.clock.set('2026-10-16T02:00:00.000Z')
    expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 1, autoClosed: 0 })
    expect((await view(id)).deadline).toMatchObject({ overdue: true, overdueDays: 1, text: '已超期 1 天' })
    expect((await supervisions(id))[0].note).toBe('滨湖区城市管理局的答复期限（10月15日）已过，已提醒滨湖区人大常委会尽快办理，并报滨湖区人大机关督办')
    expect(await titles(ADMIN)).toEqual(['民意办理超期，请督办'])
    h.clock.set('2026-10-17T02:00:00.000Z')
    expect((await view(id)).deadline).toMatchObject({ overdueDays: 2, text: '已超期 2 天' })

    // Extended once, with a reason: the unit's own limit again, from the current due date.
    const residentMessages = (await notificationsOf(h, RESIDENT)).length
    const extended = await h.ok(DISTRICT_OFFICE, 'case.extendDeadline', { caseId: id, reason: '需协调交警部门联合勘查' })
    expect(extended).toMatchObject({
      status: 'transferred',
      dueDate: '2026-10-26',
      transfer: { dueDate: '2026-10-26' },
      deadline: {
        kind: 'unit',
        dueDate: '2026-10-26',
        overdue: false,
        extension: { reason: '需协调交警部门联合勘查', fromDate: '2026-10-15', at: '2026-10-17T02:00:00.000Z' },
        text: '预计 10月26日 前答复',
      },
      overdue: false,
    })
    expect(extended.commands).toEqual(['recordUnitAnswer', 'merge'])
    expect(extended.timeline.at(-1)).toMatchObject({
      type: 'extend',
      label: '延长办理期限',
      actor: '滨湖区人大常委会工作人员',
      from: 'transferred',
      to: 'transferred',
      note: '办理期限由10月15日延长至10月26日：需协调交警部门联合勘查',
    })
    const told = await notificationsOf(h, RESIDENT)
    expect(told).toHaveLength(residentMessages + 1)
    expect(told.at(-1)).toMatchObject({ title: '您反映的民意办理期限已延长' })
    expect(told.at(-1)?.body).toMatch(/：滨湖区城市管理局申请延期办理，预计10月26日前答复。$/)

    // Only once: the second is refused and changes nothing.
    const before = await caseDoc(h, id)
    const again = refusal(await h.call(DISTRICT_OFFICE, 'case.extendDeadline', { caseId: id, reason: '还需要时间' }))
    expect(again).toEqual({ code: 'INVALID_STATE', message: '这条民意当前为「办理中」，办理期限已延长过一次，不能再次延长' })
    expect(await caseDoc(h, id)).toEqual(before)
    // Nobody but the office holding it extends it; a reason is required.
    expect(refusal(await h.call(STATION_STAFF, 'case.extendDeadline', { caseId: id, reason: '需要时间' })).code).toBe('INVALID_STATE')
    expect(refusal(await h.call(STREET_OFFICE, 'case.extendDeadline', { caseId: id, reason: '需要时间' })).code).toBe('INVALID_STATE')
    expect(refusal(await h.call(DISTRICT_OFFICE, 'case.extendDeadline', { caseId: id }))).toMatchObject({ code: 'INVALID_INPUT', field: 'reason' })
    expect(await caseDoc(h, id)).toEqual(before)

    // The extended clock is supervised anew when it runs out.
    h.clock.set('2026-10-27T02:00:00.000Z')
    expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 1, autoClosed: 0 })
    expect(await supervisions(id)).toHaveLength(2)
    expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 0, autoClosed: 0 })
  })

  it('a complex item gets 15 working days; at the street office, the district office is the level above', async () => {
    h = await createHarness()
    const id = await submit(h)
    await h.ok(STATION_STAFF, 'case.forward', { caseId: id, note: '需要有关部门办理' })
    const view1 = await h.ok(STREET_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-hubin-community', complex: true })
    expect(view1.deadline).toMatchObject({ kind: 'unit', dueDate: '2026-12-14', complex: true, text: '预计 12月14日 前答复' })
    expect((await caseDoc(h, id)).transfer).toMatchObject({ dueDate: '2026-12-14', complex: true })
    h.clock.set('2026-12-15T01:00:00.000Z')
    expect(await runDeadlineJob(h.deps)).toMatchObject({ supervised: 1 })
    expect((await titles(STREET_OFFICE)).at(-1)).toBe('民意办理已超期，请尽快办理')
    expect((await titles(DISTRICT_OFFICE)).at(-1)).toBe('民意办理超期，请督办')
    // The district office sees the supervision notice, not the case: it never reached it.
    expect(refusal(await h.call(DISTRICT_OFFICE, 'case.get', { caseId: id })).code).toBe('NOT_FOUND')
  })
})

describe('re-handling after 不满意 within 1 month', () => {
  it('the month runs from the reopening; forwarding on keeps it, a unit gets no more than it', async () => {
    h = await createHarness()
    const id = await submit(h)
    await h.ok(STATION_STAFF, 'case.answerOnSite', { caseId: id, answer: '已联系交警部门调整配时。' })
    const reopened = await h.ok(RESIDENT, 'case.rate', { caseId: id, rating: 'unsatisfied', comment: '还是没改' })
    expect(reopened.deadline).toMatchObject({ kind: 'rehandle', dueDate: '2026-12-23', text: '预计 12月23日 前答复' })
    h.clock.set('2026-12-10T02:00:00.000Z')
    const forwarded = await h.ok(STATION_STAFF, 'case.forward', { caseId: id, note: '需要区级部门办理' })
    expect(forwarded.deadline).toMatchObject({ kind: 'rehandle', dueDate: '2026-12-23' })
    await h.ok(STREET_OFFICE, 'case.forward', { caseId: id, note: '涉及区级部门职责' })
    // 15 working days would end on 31 December: the month promised ends on the 23rd.
    const before = await caseDoc(h, id)
    expect(refusal(await h.call(DISTRICT_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-urban', dueDate: '2026-12-30' }))).toEqual({
      code: 'INVALID_INPUT',
      message: '重新办理应于12月23日前答复群众，办理期限不能晚于这一天',
    })
    expect(await caseDoc(h, id)).toEqual(before)
    const transferred = await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-urban', complex: true })
    expect(transferred.transfer?.dueDate).toBe('2026-12-23')
    expect(transferred.deadline).toMatchObject({ kind: 'unit', dueDate: '2026-12-23' })
  })
})

describe('a district sets its own limits', () => {
  it('overrides on the district region apply to its cases; figures that make no sense are ignored', async () => {
    h = await createHarness()
    await h.store
      .collection<RegionDoc>('regions')
      .update({ _id: 'region-binhu' }, { set: { timeLimits: { acceptHours: 48, unitWorkingDays: 5, complexWorkingDays: -3, suggestion: { answerMonths: 2 } } } })
    const id = await submit(h)
    expect((await view(id)).deadline).toMatchObject({ kind: 'accept', dueAt: '2026-11-25T02:00:00.000Z' })
    await atDistrictOffice(id)
    // The office about to transfer is shown the district's figures; nobody else gets them.
    expect((await view(id, DISTRICT_OFFICE)).transferDays).toEqual({ normal: 5, complex: 15 })
    expect((await view(id)).transferDays).toBeNull()
    expect((await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-urban' })).transfer?.dueDate).toBe('2026-11-30')
    const other = await submit(h, RESIDENT, { content: '湖滨路多处井盖松动，车辆经过响声很大。' })
    await atDistrictOffice(other)
    // complexWorkingDays -3 is ignored: the default 15.
    expect((await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: other, unitId: 'unit-urban', complex: true })).transfer?.dueDate).toBe('2026-12-14')

    // Suggestions (议案/建议) read their limits for the district the same way.
    const limits = await timeLimitsForRegion(h.deps, 'region-hubin')
    expect(limits.cases).toMatchObject({ acceptHours: 48, unitWorkingDays: 5, complexWorkingDays: 15, rehandleMonths: 1, maxReopens: 2, autoCloseDays: 7 })
    expect(limits.suggestions).toEqual({ assignWorkingDays: 5, answerMonths: 2, rehandleMonths: 1 })
    expect((await timeLimitsForRegion(h.deps, null)).suggestions).toEqual({ assignWorkingDays: 5, answerMonths: 3, rehandleMonths: 1 })
  })
})
