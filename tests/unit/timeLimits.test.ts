// The pure rules of 分级负责 and time limits: which clock each move starts, how a clock reads on the
// case page, a district's overrides, where forwarding and escalation go, what 不满意 issues, and the
// one conditional update that makes 督办 happen once.
import { DEFAULT_TIME_LIMITS } from '../../cloudfunctions/core/config'
import { planMove } from '../../cloudfunctions/core/domain/caseLifecycle'
import { deadlineAfter, extendedDeadline, presentDeadline, type DeadlineContext } from '../../cloudfunctions/core/domain/deadlines'
import { DomainError } from '../../cloudfunctions/core/domain/errors'
import { escalationTarget, forwardTarget, officeFields, upperOffice } from '../../cloudfunctions/core/domain/offices'
import type { CaseDeadline, RegionDoc } from '../../cloudfunctions/core/domain/records'
import { ratingCommand, reopensLeft } from '../../cloudfunctions/core/domain/reopenRules'
import { planSupervision } from '../../cloudfunctions/core/domain/supervision'
import { effectiveTimeLimits } from '../../cloudfunctions/core/domain/timeLimits'
import { aCaseDoc } from '../support/caseDocs'

const ctx = (at: string, limits = DEFAULT_TIME_LIMITS): DeadlineContext => ({ at: new Date(at), eventId: 'e9', limits, calendar: {} })
const MONDAY = '2026-11-23T02:00:00.000Z' // 10:00 in Shanghai

const street: RegionDoc = { _id: 'region-hubin', name: '湖滨街道', level: 'street', parentId: 'region-binhu', officeName: '' }
const district: RegionDoc = { _id: 'region-binhu', name: '滨湖区', level: 'district', parentId: null, officeName: '' }
const chain = [street, district]
const STREET_OFFICE = { regionId: 'region-hubin', level: 'street' as const, name: '湖滨街道人大工委' }
const DISTRICT_OFFICE = { regionId: 'region-binhu', level: 'district' as const, name: '滨湖区人大常委会' }

describe('the clock each move starts', () => {
  const rehandle: CaseDeadline = { id: 'r', kind: 'rehandle', startedAt: MONDAY, dueAt: '2026-12-23T16:00:00.000Z', dueDate: '2026-12-23' }

  it.each([
    ['accept', 'accepted', {}, { kind: 'answer', dueDate: '2026-12-02', dueAt: '2026-12-02T16:00:00.000Z' }],
    ['forward', 'forwarded', {}, { kind: 'accept', dueDate: '2026-11-24', dueAt: '2026-11-24T02:00:00.000Z' }],
    ['reopen', 'reopened', {}, { kind: 'rehandle', dueDate: '2026-12-23' }],
    ['escalate', 'forwarded', { deadline: rehandle }, { kind: 'rehandle', dueDate: '2026-12-23', id: 'e9' }],
    ['answerOnSite', 'replied', {}, { kind: 'rate', dueAt: '2026-11-30T02:00:00.000Z', dueDate: '2026-11-30' }],
  ] as const)('%s → %s starts %j', (command, to, c, expected) => {
    expect(deadlineAfter(c, command, to, ctx(MONDAY))).toMatchObject({ id: 'e9', startedAt: MONDAY, ...expected })
  })

  it('a transfer starts the unit clock at the end of its due day; complex items are marked', () => {
    expect(deadlineAfter({}, 'transfer', 'transferred', ctx(MONDAY), { dueDate: '2026-12-14', complex: true })).toEqual({
      id: 'e9',
      kind: 'unit',
      startedAt: MONDAY,
      dueAt: '2026-12-14T16:00:00.000Z',
      dueDate: '2026-12-14',
      complex: true,
    })
  })

  it('referring, and forwarding during re-handling, keep the clock; outcomes stop it', () => {
    expect(deadlineAfter({ deadline: rehandle }, 'refer', 'referred', ctx(MONDAY))).toBe(rehandle)
    expect(deadlineAfter({ deadline: rehandle }, 'forward', 'forwarded', ctx(MONDAY))).toBe(rehandle)
    for (const to of ['closed', 'declined', 'proposal', 'merged'] as const) expect(deadlineAfter({ deadline: rehandle }, 'decline', to, ctx(MONDAY))).toBeNull()
  })

  it('re-handling runs a calendar month, to the last day of a shorter month', () => {
    expect(deadlineAfter({}, 'reopen', 'reopened', ctx('2027-01-31T02:00:00.000Z'))?.dueDate).toBe('2027-02-28')
  })

  it('an extension adds the item\'s own limit once more, from the current due date, and records it', () => {
    const unit: CaseDeadline = { id: 'u', kind: 'unit', startedAt: MONDAY, dueAt: '2026-12-02T16:00:00.000Z', dueDate: '2026-12-02', supervisedAt: 'x' }
    const extended = extendedDeadline(unit, ctx('2026-12-01T02:00:00.000Z'), '需联合勘查', '滨湖区人大常委会工作人员')
    expect(extended).toEqual({
      id: 'e9',
      kind: 'unit',
      startedAt: '2026-12-01T02:00:00.000Z',
      dueAt: '2026-12-11T16:00:00.000Z',
      dueDate: '2026-12-11',
      complex: false,
      extension: { at: '2026-12-01T02:00:00.000Z', reason: '需联合勘查', fromDate: '2026-12-02', byLabel: '滨湖区人大常委会工作人员' },
    })
  })
})

describe('how a clock reads', () => {
  const unit: CaseDeadline = { id: 'u', kind: 'unit', startedAt: MONDAY, dueAt: '2026-11-29T16:00:00.000Z', dueDate: '2026-11-29' }
  it.each([
    ['2026-11-29T15:59:00.000Z', false, 0, '预计 11月29日 前答复'],
    ['2026-11-29T16:00:00.000Z', true, 1, '已超期 1 天'],
    ['2026-12-01T10:00:00.000Z', true, 2, '已超期 2 天'],
  ])('at %s: overdue %s, %i days, "%s"', (now, overdue, days, text) => {
    expect(presentDeadline({ status: 'transferred', deadline: unit }, new Date(now))).toMatchObject({ overdue, overdueDays: days, text })
  })

  it('hour limits show the time; a rating clock is never overdue; a clock of another status is not shown', () => {
    const accept: CaseDeadline = { id: 'a', kind: 'accept', startedAt: MONDAY, dueAt: '2026-11-24T02:00:00.000Z', dueDate: '2026-11-24' }
    expect(presentDeadline({ status: 'submitted', deadline: accept }, new Date(MONDAY))?.text).toBe('预计 11月24日 10:00 前受理')
    const rate: CaseDeadline = { id: 'r', kind: 'rate', startedAt: MONDAY, dueAt: '2026-11-30T02:00:00.000Z', dueDate: '2026-11-30' }
    expect(presentDeadline({ status: 'replied', deadline: rate }, new Date('2026-12-05T00:00:00.000Z'))).toMatchObject({
      overdue: false,
      text: '请于 11月30日 10:00 前评价，逾期将自动办结',
    })
    expect(presentDeadline({ status: 'replied', deadline: unit }, new Date(MONDAY))).toBeNull()
    expect(presentDeadline({ status: 'closed', deadline: rate }, new Date(MONDAY))).toBeNull()
    expect(presentDeadline({ status: 'submitted' }, new Date(MONDAY))).toBeNull()
  })
})

describe('a district\'s own limits', () => {
  it('override the defaults figure by figure; nonsense is ignored', () => {
    expect(effectiveTimeLimits(DEFAULT_TIME_LIMITS, { unitWorkingDays: 5, maxReopens: 0, acceptHours: 0, complexWorkingDays: 2.5 })).toEqual({
      ...DEFAULT_TIME_LIMITS,
      unitWorkingDays: 5,
      maxReopens: 0,
    })
    expect(effectiveTimeLimits(DEFAULT_TIME_LIMITS, null)).toEqual(DEFAULT_TIME_LIMITS)
    expect(DEFAULT_TIME_LIMITS).toEqual({ acceptHours: 24, unitWorkingDays: 7, complexWorkingDays: 15, rehandleMonths: 1, maxReopens: 2, autoCloseDays: 7 })
  })
})

describe('where a case goes up', () => {
  it('station → its street office → the district office → nowhere', () => {
    expect(upperOffice({}, chain)).toEqual(STREET_OFFICE)
    expect(upperOffice({ office: STREET_OFFICE }, chain)).toEqual(DISTRICT_OFFICE)
    expect(upperOffice({ office: DISTRICT_OFFICE }, chain)).toBeNull()
    expect(forwardTarget({ status: 'submitted' }, chain)).toEqual(STREET_OFFICE)
    expect(() => forwardTarget({ status: 'forwarded', office: DISTRICT_OFFICE }, chain)).toThrow(DomainError)
  })

  it('escalation goes one level up, and stays at the top office at the top', () => {
    expect(escalationTarget({}, chain)).toEqual({ office: STREET_OFFICE, atTop: false })
    expect(escalationTarget({ office: STREET_OFFICE }, chain)).toEqual({ office: DISTRICT_OFFICE, atTop: false })
    expect(escalationTarget({ office: DISTRICT_OFFICE }, chain)).toEqual({ office: DISTRICT_OFFICE, atTop: true })
  })

  it('each office reached is kept, once', () => {
    expect(officeFields({}, STREET_OFFICE)).toEqual({ office: STREET_OFFICE, officeIds: ['region-hubin'] })
    expect(officeFields({ officeIds: ['region-hubin'] }, DISTRICT_OFFICE).officeIds).toEqual(['region-hubin', 'region-binhu'])
    expect(officeFields({ officeIds: ['region-hubin', 'region-binhu'] }, DISTRICT_OFFICE).officeIds).toEqual(['region-hubin', 'region-binhu'])
  })
})

describe('what 不满意 issues', () => {
  it.each([
    ['satisfied', 0, 'close'],
    ['basically', 2, 'close'],
    ['unsatisfied', 0, 'reopen'],
    ['unsatisfied', 1, 'reopen'],
    ['unsatisfied', 2, 'escalate'],
    ['unsatisfied', 5, 'escalate'],
  ] as const)('%s after %i reopens → %s', (rating, reopenCount, command) => {
    expect(ratingCommand(rating, { reopenCount }, DEFAULT_TIME_LIMITS)).toBe(command)
  })
  it('counts what is left', () => {
    expect([0, 1, 2, 3].map((n) => reopensLeft({ reopenCount: n }, DEFAULT_TIME_LIMITS))).toEqual([2, 1, 0, 0])
  })
})


describe('the clock travels with the move, in the same update', () => {
  const accept: CaseDeadline = { id: 'a', kind: 'accept', startedAt: MONDAY, dueAt: '2026-11-24T02:00:00.000Z', dueDate: '2026-11-24' }
  const staff = { id: 'dev-staff-1', role: 'staff' as const, label: '联络站工作人员' }

  it('sets the new clock, or unsets it where none runs; a guard joins the condition', () => {
    const answer = deadlineAfter(aCaseDoc(), 'accept', 'accepted', ctx(MONDAY))
    const move = planMove(aCaseDoc({ deadline: accept }), { command: 'accept', actor: staff, at: new Date(MONDAY), eventId: 'e9', deadline: answer })
    expect(move.update.set).toMatchObject({ status: 'accepted', deadline: answer })
    const declined = planMove(aCaseDoc({ deadline: accept }), {
      command: 'decline',
      actor: staff,
      at: new Date(MONDAY),
      eventId: 'e9',
      details: { reason: '涉及法院具体案件', guidance: '可依法上诉' },
    })
    expect(declined.update.unset).toEqual(['deadline'])
    const forward = planMove(aCaseDoc(), {
      command: 'forward',
      actor: staff,
      at: new Date(MONDAY),
      eventId: 'e9',
      guard: { 'office.regionId': { $exists: false } },
      details: { officeName: '湖滨街道人大工委' },
    })
    expect(forward.filter).toMatchObject({ _id: 'c_1', status: 'submitted', 'office.regionId': { $exists: false } })
    expect(forward.notices[0]).toMatchObject({ title: '您反映的民意已转报人大机关', template: 'progress' })
  })

  it('refuses by level: a unit is assigned by an office, an on-the-spot answer given at the station', () => {
    const transfer = () => planMove(aCaseDoc({ status: 'reopened' }), { command: 'transfer', actor: staff, at: new Date(MONDAY), eventId: 'e9' })
    expect(transfer).toThrow('这条民意当前为「重新办理」，由家站点办理，需先转报人大机关才能转办承办单位')
    const onSite = () => planMove(aCaseDoc({ status: 'reopened', office: STREET_OFFICE }), { command: 'answerOnSite', actor: staff, at: new Date(MONDAY), eventId: 'e9' })
    expect(onSite).toThrow('这条民意当前为「重新办理」，已转报湖滨街道人大工委办理，不能现场答复')
    const extendTwice = () =>
      planMove(aCaseDoc({ status: 'transferred', office: STREET_OFFICE, deadline: { ...accept, kind: 'unit', extension: { at: MONDAY, reason: 'x', fromDate: 'y', byLabel: 'z' } } }), {
        command: 'extend',
        actor: staff,
        at: new Date(MONDAY),
        eventId: 'e9',
      })
    expect(extendTwice).toThrow('办理期限已延长过一次，不能再次延长')
  })
})

describe('督办 is one conditional update', () => {
  it('on the clock that ran out, not yet supervised, with the notices to the holder and the level above', () => {
    const unit: CaseDeadline = { id: 'u7', kind: 'unit', startedAt: MONDAY, dueAt: '2026-12-02T16:00:00.000Z', dueDate: '2026-12-02' }
    const c = aCaseDoc({ status: 'transferred', office: STREET_OFFICE, deadline: unit, transfer: { unitId: 'x', unitName: '湖滨街道社区管理办公室', dueDate: '2026-12-02', note: null } })
    const plan = planSupervision(c, unit, {
      at: new Date('2026-12-04T01:00:00.000Z'),
      eventId: 's1',
      holderName: '湖滨街道人大工委',
      upperName: '滨湖区人大常委会',
      holderIds: ['dev-office-1'],
      upperIds: ['dev-office-2'],
    })
    expect(plan.filter).toEqual({ _id: 'c_1', status: 'transferred', 'deadline.id': 'u7', 'deadline.supervisedAt': { $exists: false } })
    expect(plan.update.set).toEqual({ 'deadline.supervisedAt': '2026-12-04T01:00:00.000Z' })
    expect(plan.update.inc).toEqual({ outboxSize: 2 })
    expect(plan.event).toMatchObject({ type: 'supervise', actorRole: 'system', actorLabel: '系统', from: null, to: null })
    expect(plan.event.note).toBe('湖滨街道社区管理办公室的答复期限（12月2日）已过，已提醒湖滨街道人大工委尽快办理，并报滨湖区人大常委会督办')
    expect(plan.notices.map((n) => [n.recipientId, n.title, n.template])).toEqual([
      ['dev-office-1', '民意办理已超期，请尽快办理', null],
      ['dev-office-2', '民意办理超期，请督办', null],
    ])
    expect(plan.notices[0].body).toBe('编号 MY20261123-0001：湖滨街道社区管理办公室的答复期限（12月2日）已超期 2 天，已报滨湖区人大常委会督办。')
  })
})
