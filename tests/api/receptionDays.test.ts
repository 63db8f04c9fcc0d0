// Reception days as the station runs them: days generated from the rules for the next 3 months
// (idempotently, by the timer and on a rule change), shown on the station page with the deputies on
// duty; cancelling or moving one day with residents and deputies told; the duty roster; the
// evening-before reminder (once); and who may do what.
import type { NotificationDoc } from '../../cloudfunctions/core/domain/records'
import type { OccurrenceDoc } from '../../cloudfunctions/core/domain/reception/records'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import { createHarness, type Harness } from '../support/apiHarness'
import { CHINESE, refusal } from './caseFixtures'
import {
  CUIYUAN_DEPUTY,
  CUIYUAN_STAFF,
  HUBIN_DEPUTY,
  HUBIN_STAFF,
  MONDAY_10AM,
  RESIDENT,
  RESIDENT_2,
  bookingDoc,
  dayOn,
  nextDay,
  occurrenceDoc,
  resident,
  thursdayRule,
} from './receptionFixtures'

let h: Harness
afterEach(() => h?.close())
beforeEach(async () => {
  h = await createHarness({ now: MONDAY_10AM })
})

const allOccurrences = () => h.store.collection<OccurrenceDoc>('reception_occurrences').find({}, { sort: [['_id', 1]], limit: 1000 })
const titles = async (userId: string) => (await h.ok(userId, 'notification.list')).notifications.map((n) => n.title)

describe('days are generated from the rules, 3 months ahead, once', () => {
  it('the timer generates every station’s days up to 3 months ahead, with deterministic ids; running again adds nothing', async () => {
    const first = (await runScheduledJobs(h.deps)) as { reception: { materialised: { created: number } } }
    const docs = await allOccurrences()
    expect(first.reception.materialised.created).toBe(docs.length)
    const hubin = docs.filter((o) => o.stationId === 'station-hubin').map((o) => [o._id, o.date])
    // 每双月20日 from 2026-11-23 to 2027-02-23: Dec 20 is a Sunday → Monday Dec 21; Feb 20 a Saturday → Monday Feb 22.
    expect(hubin).toEqual([
      ['ro-rr-HBJD-1-20261220', '2026-12-21'],
      ['ro-rr-HBJD-1-20270220', '2027-02-22'],
    ])
    // 每周三 at 翠苑: 13 Wednesdays from Nov 25 to Feb 17 (none a holiday in the package's calendar).
    expect(docs.filter((o) => o.stationId === 'station-cuiyuan')).toHaveLength(13)
    // 每月第一个周六 at 望湖: Dec 5, Jan 2, Feb 6 (the package knows no 2027 holidays yet: Jan 2 is
    // an ordinary Saturday unless calendarOverrides say otherwise).
    expect(docs.filter((o) => o.stationId === 'station-wanghu').map((o) => o.date)).toEqual(['2026-12-05', '2027-01-02', '2027-02-06'])
    expect(docs.every((o) => o.date <= '2027-02-23')).toBe(true)

    const again = (await runScheduledJobs(h.deps)) as { reception: { materialised: { rules: number; created: number } } }
    expect(again.reception.materialised).toMatchObject({ rules: 0, created: 0 })
    // The next day, the window moves on by a day; still nothing is made twice.
    h.clock.advance(24 * 3600_000)
    await runScheduledJobs(h.deps)
    await runScheduledJobs(h.deps)
    const ids = (await allOccurrences()).map((o) => o._id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('the station page shows the next days with who is on duty, even before the timer has run', async () => {
    const station = await h.ok(RESIDENT, 'station.byCode', { code: 'HBJD' })
    expect(station.reception.rule).toBe('每双月20日 9:00–11:30')
    expect(station.reception.next).toEqual({ date: '2026-12-21', start: '09:00', end: '11:30' })
    expect(station.reception.upcoming[0]).toMatchObject({
      id: 'ro-rr-HBJD-1-20261220',
      date: '2026-12-21',
      weekday: '周一',
      adjustedNote: '12月20日为周日，顺延至12月21日（周一）',
      duty: [
        { id: 'deputy-1', name: '王建国' },
        { id: 'deputy-5', name: '赵敏' },
      ],
      bookable: true,
      remaining: 20,
    })
    const cuiyuan = await h.ok(RESIDENT, 'station.byCode', { code: 'CYSQ' })
    expect(cuiyuan.reception.rule).toBe('每周三 14:30–17:00')
    expect(cuiyuan.reception.upcoming.map((o) => o.date)).toEqual(['2026-11-25', '2026-12-02', '2026-12-09'])
  })

  it('a new rule starts at least 3 days ahead; changing it regenerates the days nobody booked and keeps the booked ones', async () => {
    // Monday: a Tuesday rule created today first produces next week's Tuesday, not tomorrow.
    const tuesday = await thursdayRule(h, { pattern: { kind: 'weekly', weekday: 2 } })
    expect(tuesday.rule).toMatchObject({ label: '每周二 14:00–15:00', effectiveFrom: '2026-11-26' })
    const created = (await allOccurrences()).filter((o) => o.ruleId === tuesday.rule.id)
    expect(created[0].date).toBe('2026-12-01')
    expect(tuesday.created).toBe(created.length)

    const booked = await h.ok(RESIDENT, 'reception.book', { occurrenceId: created[0]._id, slot: 's0' })
    // The station switches to Thursdays with 20-minute slots.
    h.clock.advance(60_000)
    const changed = await thursdayRule(h, { ruleId: tuesday.rule.id, slotMinutes: 20 })
    expect(changed.rule.label).toBe('每周四 14:00–15:00')
    expect(changed.keptWithBookings.map((o) => o.id)).toEqual([created[0]._id])
    expect(changed.retired).toBe(created.length - 1)
    const after = (await allOccurrences()).filter((o) => o.ruleId === tuesday.rule.id && o.status === 'scheduled')
    // The booked Tuesday stays as it was; every other day is now a Thursday with 20-minute slots.
    const [kept] = after.filter((o) => o._id === created[0]._id)
    expect(kept).toMatchObject({ date: '2026-12-01', slotMinutes: 30 })
    const others = after.filter((o) => o._id !== created[0]._id)
    expect(others[0].date).toBe('2026-11-26')
    expect(others.every((o) => new Date(`${o.date}T00:00:00Z`).getUTCDay() === 4)).toBe(true)
    expect(others[0].slots).toMatchObject({ s0: { start: '14:00', end: '14:20' }, s2: { start: '14:40', end: '15:00' } })
    expect((await h.ok(RESIDENT, 'reception.myBookings')).upcoming[0]).toMatchObject({ id: booked.id, date: '2026-12-01', status: 'booked' })

    // Switching the rule off withdraws the days nobody booked.
    h.clock.advance(60_000)
    const off = await thursdayRule(h, { ruleId: tuesday.rule.id, active: false })
    expect(off.rule.active).toBe(false)
    expect((await allOccurrences()).filter((o) => o.ruleId === tuesday.rule.id && o.status === 'scheduled').map((o) => o.date)).toEqual(['2026-12-01'])
    expect((await h.ok(HUBIN_STAFF, 'reception.rules', { stationId: 'station-hubin' })).rules.map((r) => r.label)).toEqual([
      '每双月20日 9:00–11:30',
      '每周四 14:00–15:00',
    ])
  })

  it('a rule is checked before anything is stored', async () => {
    const call = (change: Record<string, unknown>) =>
      h.call(HUBIN_STAFF, 'reception.saveRule', {
        stationId: 'station-hubin',
        pattern: { kind: 'weekly', weekday: 4 },
        start: '14:00',
        end: '15:00',
        onDayOff: 'skip',
        slotMinutes: 30,
        slotCapacity: 5,
        ...change,
      })
    expect(refusal(await call({ end: '13:00' }))).toMatchObject({ code: 'INVALID_INPUT', field: 'end', message: '结束时间应晚于开始时间' })
    expect(refusal(await call({ pattern: { kind: 'weekly', weekday: 9 } }))).toMatchObject({ code: 'INVALID_INPUT', message: '请选择星期几' })
    expect(refusal(await call({ slotCapacity: 0 }))).toMatchObject({ code: 'INVALID_INPUT', message: '每个时段至少接待1人' })
    expect(refusal(await call({ slotMinutes: 90 }))).toMatchObject({ code: 'INVALID_INPUT', message: '接待时长至少要容纳一个预约时段' })
    expect(refusal(await call({ onDayOff: 'maybe' }))).toMatchObject({ code: 'INVALID_INPUT', message: '请选择正确的节假日安排' })
    expect(refusal(await call({ defaultDutyDeputyIds: ['deputy-3'] }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: '陈志强代表不是本家站点的代表，不能安排值班',
    })
    expect((await h.ok(HUBIN_STAFF, 'reception.rules', { stationId: 'station-hubin' })).rules).toHaveLength(1)
  })
})

describe('staff cancel or move one day, with a reason; people are told', () => {
  async function bookedDay() {
    await thursdayRule(h)
    const day = await nextDay(h)
    const a = await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's1', topic: '小区停车难' })
    const b = await h.ok(RESIDENT_2, 'reception.book', { occurrenceId: day.id, slot: 's0' })
    h.clock.advance(60_000)
    return { day, a, b }
  }

  it('cancelling a day cancels its bookings and tells the residents and the deputies on duty', async () => {
    const { day, a } = await bookedDay()
    const view = await h.ok(HUBIN_STAFF, 'reception.cancelOccurrence', { occurrenceId: day.id, reason: '会议室维修' })
    expect(view).toMatchObject({ status: 'cancelled', statusLabel: '已取消', cancelReason: '会议室维修', commands: [] })
    const mine = (await h.ok(RESIDENT, 'reception.myBookings')).past[0]
    expect(mine).toMatchObject({ id: a.id, status: 'cancelled', stationNote: '接待日已取消：会议室维修', canCancel: false })
    expect((await bookingDoc(h, a.id)).cancel).toMatchObject({ by: 'station', reason: '会议室维修' })
    const [notice] = (await h.ok(RESIDENT, 'notification.list')).notifications
    expect(notice).toMatchObject({ title: '民情接待日已取消', push: 'sent' })
    expect(notice.body).toBe(
      '湖滨街道人大代表之家 11月26日（周四）14:00–15:00的民情接待日已取消。原因：会议室维修。您的预约随之取消，给您带来不便，敬请谅解。',
    )
    expect(await titles(RESIDENT_2)).toContain('民情接待日已取消')
    expect(await titles(HUBIN_DEPUTY)).toEqual(['民情接待日已取消'])
    // It stays on the station page, marked cancelled, and cannot be booked.
    expect((await nextDay(h).catch(() => null))?.id).not.toBe(day.id)
    expect(refusal(await h.call(resident(9), 'reception.book', { occurrenceId: day.id, slot: 's0' })).code).toBe('INVALID_STATE')
    // Doing it again changes nothing and tells nobody twice.
    await h.ok(HUBIN_STAFF, 'reception.cancelOccurrence', { occurrenceId: day.id, reason: '会议室维修' })
    expect((await titles(RESIDENT)).filter((t) => t === '民情接待日已取消')).toHaveLength(1)
  })

  it('moving a day keeps every booking in its slot at the new time and tells everyone', async () => {
    const { day, a } = await bookedDay()
    const early = refusal(await h.call(HUBIN_STAFF, 'reception.moveOccurrence', { occurrenceId: day.id, date: '2026-11-25', reason: '区人大会议' }))
    expect(early).toMatchObject({ code: 'INVALID_INPUT', message: '接待日至少提前3天公告，新的日期最早为2026-11-26' })
    const moved = await h.ok(HUBIN_STAFF, 'reception.moveOccurrence', { occurrenceId: day.id, date: '2026-11-27', start: '09:00', reason: '区人大会议' })
    expect(moved).toMatchObject({
      date: '2026-11-27',
      start: '09:00',
      end: '10:00',
      moved: { fromDate: '2026-11-26', fromStart: '14:00', reason: '区人大会议' },
      slots: [
        { key: 's0', start: '09:00', end: '09:30', booked: 1 },
        { key: 's1', start: '09:30', end: '10:00', booked: 1 },
      ],
    })
    const mine = (await h.ok(RESIDENT, 'reception.myBookings')).upcoming[0]
    expect(mine).toMatchObject({ id: a.id, date: '2026-11-27', start: '09:30', end: '10:00', status: 'booked', stationNote: '接待日已调整：区人大会议' })
    const [notice] = (await h.ok(RESIDENT, 'notification.list')).notifications
    expect(notice.title).toBe('民情接待日已改期')
    expect(notice.body).toBe(
      '湖滨街道人大代表之家原定11月26日（周四）14:00–15:00的民情接待日改为11月27日（周五）。原因：区人大会议。您的预约保留，时间为11月27日（周五）9:30–10:00；如不能到场请在小程序中取消。',
    )
    expect(await titles(HUBIN_DEPUTY)).toEqual(['民情接待日已改期'])
    // The rule does not undo a move.
    h.clock.advance(24 * 3600_000)
    await runScheduledJobs(h.deps)
    expect((await occurrenceDoc(h, day.id)).date).toBe('2026-11-27')
  })

  it('a day cannot be moved onto another day of the station at the same time', async () => {
    await thursdayRule(h)
    const day = await nextDay(h)
    const clash = refusal(await h.call(HUBIN_STAFF, 'reception.moveOccurrence', { occurrenceId: day.id, date: '2026-12-03', reason: '调整' }))
    expect(clash.message).toBe('那天同一时间已有接待日，请换一个日期或时间')
  })
})

describe('the duty roster', () => {
  it('staff choose the deputies on duty from the station’s own deputies; deputies see their duties', async () => {
    const day = await dayOn(h, '2026-12-21')
    const set = await h.ok(HUBIN_STAFF, 'reception.setDuty', { occurrenceId: day.id, deputyIds: ['deputy-2', 'deputy-5'] })
    expect(set.duty).toEqual([
      { id: 'deputy-2', name: '李秀梅' },
      { id: 'deputy-5', name: '赵敏' },
    ])
    const notHere = refusal(await h.call(HUBIN_STAFF, 'reception.setDuty', { occurrenceId: day.id, deputyIds: ['deputy-1', 'deputy-4'] }))
    expect(notHere).toMatchObject({ code: 'INVALID_INPUT', message: '刘洋代表不是本家站点的代表，不能安排值班' })
    expect((await occurrenceDoc(h, day.id)).duty.map((d) => d.deputyId)).toEqual(['deputy-2', 'deputy-5'])

    // 李秀梅 (deputy-2) sees this day among her duties; 王建国 (deputy-1) no longer does.
    const li = (await h.ok('dev-deputy-2', 'reception.myDuties')).duties
    expect(li.map((d) => d.id)).toContain(day.id)
    expect(li.find((d) => d.id === day.id)).toMatchObject({ address: '滨湖区湖滨路88号湖滨街道党群服务中心二楼', counts: { booked: 0 } })
    expect((await h.ok(HUBIN_DEPUTY, 'reception.myDuties')).duties.map((d) => d.id)).not.toContain(day.id)
    // The rule's later days keep the default roster.
    expect((await dayOn(h, '2027-02-22')).duty.map((d) => d.id)).toEqual(['deputy-1', 'deputy-5'])
  })
})

describe('the evening-before reminder goes out once', () => {
  it('booked residents and deputies on duty are reminded from 18:00 the day before; running again sends nothing more', async () => {
    await thursdayRule(h, { slotCapacity: 1 })
    const day = await nextDay(h)
    await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's1' })
    // Someone still on the waitlist is not reminded of a place they do not have.
    expect(await h.ok(RESIDENT_2, 'reception.book', { occurrenceId: day.id, slot: 's1', waitlist: true })).toMatchObject({ status: 'waiting' })
    // Wednesday 17:59: not yet.
    h.clock.set('2026-11-25T09:59:00.000Z')
    await runScheduledJobs(h.deps)
    expect(await titles(RESIDENT)).not.toContain('民情接待日提醒')
    // 18:00: reminded, once, even if the timer runs again (or twice at once).
    h.clock.set('2026-11-25T10:00:00.000Z')
    await Promise.all([runScheduledJobs(h.deps), runScheduledJobs(h.deps)])
    await runScheduledJobs(h.deps)
    const reminders = await h.store.collection<NotificationDoc>('notifications').find({ title: { $in: ['民情接待日提醒', '接待日值班提醒'] } }, { limit: 100 })
    expect(reminders.map((n) => [n.recipientId, n.title]).sort()).toEqual([
      ['dev-deputy-1', '接待日值班提醒'],
      ['dev-resident-1', '民情接待日提醒'],
    ])
    const mine = reminders.find((n) => n.recipientId === 'dev-resident-1') as NotificationDoc
    expect(mine.body).toBe(
      '您预约了11月26日（周四）14:30–15:00的民情接待日，地点：滨湖区湖滨路88号湖滨街道党群服务中心二楼。到场后扫描站点民意码即可签到；不能来请在截止时间前取消。',
    )
    expect(mine.push.status).toBe('sent')
    expect(mine.push.data).toMatchObject({ status: '接待提醒', time: '2026年11月26日 14:30' })
    expect((await occurrenceDoc(h, day.id)).remindedAt).toBe('2026-11-25T10:00:00.000Z')
  })

  it('a moved day is reminded again for its new date', async () => {
    await thursdayRule(h)
    const day = await nextDay(h)
    await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's1' })
    h.clock.set('2026-11-25T10:00:00.000Z')
    await runScheduledJobs(h.deps)
    h.clock.set('2026-11-26T01:00:00.000Z')
    await h.ok(HUBIN_STAFF, 'reception.moveOccurrence', { occurrenceId: day.id, date: '2026-11-30', reason: '临时会议' })
    h.clock.set('2026-11-29T11:00:00.000Z')
    await runScheduledJobs(h.deps)
    await runScheduledJobs(h.deps)
    expect((await titles(RESIDENT)).filter((t) => t === '民情接待日提醒')).toHaveLength(2)
  })
})

describe('who may do what', () => {
  it('a resident sees only their own bookings and cannot touch another’s', async () => {
    await thursdayRule(h)
    const day = await nextDay(h)
    const mine = await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0', topic: '私事' })
    expect((await h.ok(RESIDENT_2, 'reception.myBookings')).upcoming).toEqual([])
    const other = refusal(await h.call(RESIDENT_2, 'reception.cancelBooking', { bookingId: mine.id }))
    expect(other).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这条预约' })
    // The booking page shows the counts to everyone, and `mine` only to its owner.
    expect((await nextDay(h, 'HBJD', RESIDENT)).mine).toMatchObject({ bookingId: mine.id, status: 'booked' })
    expect((await nextDay(h, 'HBJD', RESIDENT_2)).mine).toBeNull()
    expect((await nextDay(h, 'HBJD', RESIDENT_2)).slots[0].booked).toBe(1)
    expect(JSON.stringify(await h.ok(RESIDENT_2, 'reception.upcoming', { stationCode: 'HBJD' }))).not.toContain('私事')
    // Residents cannot call staff or deputy actions.
    for (const [action, input] of [
      ['reception.visitors', { occurrenceId: day.id }],
      ['reception.cancelOccurrence', { occurrenceId: day.id, reason: '不想开' }],
      ['reception.occurrences', { stationId: 'station-hubin' }],
      ['reception.myDuties', {}],
    ] as const) {
      expect(refusal(await h.call(RESIDENT_2, action, input)).code).toBe('FORBIDDEN')
    }
  })

  it('staff of another station can neither see nor manage this station’s days', async () => {
    await thursdayRule(h)
    const day = await nextDay(h)
    const booking = await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0' })
    const tries = [
      h.call(CUIYUAN_STAFF, 'reception.visitors', { occurrenceId: day.id }),
      h.call(CUIYUAN_STAFF, 'reception.cancelOccurrence', { occurrenceId: day.id, reason: '越权取消' }),
      h.call(CUIYUAN_STAFF, 'reception.moveOccurrence', { occurrenceId: day.id, date: '2026-12-10', reason: '越权调整' }),
      h.call(CUIYUAN_STAFF, 'reception.setDuty', { occurrenceId: day.id, deputyIds: ['deputy-2'] }),
      h.call(CUIYUAN_STAFF, 'reception.checkIn', { occurrenceId: day.id, bookingId: booking.id }),
      h.call(CUIYUAN_STAFF, 'reception.saveMinutes', { occurrenceId: day.id, summary: '越权填写纪要内容' }),
    ]
    for (const answer of await Promise.all(tries)) expect(refusal(answer)).toMatchObject({ code: 'NOT_FOUND' })
    for (const answer of [
      await h.call(CUIYUAN_STAFF, 'reception.occurrences', { stationId: 'station-hubin' }),
      await h.call(CUIYUAN_STAFF, 'reception.rules', { stationId: 'station-hubin' }),
    ]) {
      expect(refusal(answer)).toMatchObject({ code: 'FORBIDDEN', message: '您不能查看其他家站点的接待日' })
    }
    const saveElsewhere = refusal(
      await h.call(CUIYUAN_STAFF, 'reception.saveRule', {
        stationId: 'station-hubin',
        pattern: { kind: 'weekly', weekday: 5 },
        start: '09:00',
        end: '10:00',
        onDayOff: 'skip',
        slotMinutes: 30,
        slotCapacity: 2,
      }),
    )
    expect(saveElsewhere).toMatchObject({ code: 'FORBIDDEN', message: '您不能管理其他家站点的接待日' })
    expect((await occurrenceDoc(h, day.id)).status).toBe('scheduled')
    // Their own station works.
    expect((await h.ok(CUIYUAN_STAFF, 'reception.occurrences', { stationId: 'station-cuiyuan' })).occurrences.length).toBeGreaterThan(0)
  })

  it('a deputy is only put on duty where they belong, sees only their stations’ days, and cannot cancel one', async () => {
    const day = await dayOn(h, '2026-12-21')
    const elsewhere = refusal(await h.call(HUBIN_STAFF, 'reception.setDuty', { occurrenceId: day.id, deputyIds: ['deputy-3'] }))
    expect(elsewhere).toMatchObject({ code: 'INVALID_INPUT', message: '陈志强代表不是本家站点的代表，不能安排值班' })
    expect(refusal(await h.call(CUIYUAN_DEPUTY, 'reception.visitors', { occurrenceId: day.id })).code).toBe('NOT_FOUND')
    expect((await h.ok(HUBIN_DEPUTY, 'reception.visitors', { occurrenceId: day.id })).occurrence.commands).toEqual([])
    const cancel = refusal(await h.call(HUBIN_DEPUTY, 'reception.cancelOccurrence', { occurrenceId: day.id, reason: '代表取消' }))
    expect(cancel.code).toBe('FORBIDDEN')
    expect(cancel.message).toMatch(CHINESE)
  })
})
