// Booking a reception-day slot: capacity under concurrency, one place per resident per day,
// the cancellation cutoff, the waitlist and its promotion, and a failure half-way.
import type { ApiResponse } from '@minyi/types'
import type { NotificationDoc } from '../../cloudfunctions/core/domain/records'
import { checkTemplateData } from '../../cloudfunctions/core/domain/subscribeMessages'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import { createHarness, type Harness } from '../support/apiHarness'
import { CHINESE, hookedStore, notificationsOf, refusal } from './caseFixtures'
import {
  MONDAY_10AM,
  RESIDENT,
  RESIDENT_2,
  bookingDoc,
  nextDay,
  occurrenceDoc,
  resident,
  seatCheck,
  thursdayRule,
} from './receptionFixtures'

let h: Harness
afterEach(() => h?.close())

describe('capacity is never exceeded', () => {
  beforeEach(async () => {
    h = await createHarness({ now: MONDAY_10AM })
  })

  it('60 residents book one slot of capacity 5 at the same moment: exactly 5 get it', async () => {
    await thursdayRule(h, { slotCapacity: 5 })
    const day = await nextDay(h)
    expect(day.date).toBe('2026-11-26')
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => h.call(resident(i), 'reception.book', { occurrenceId: day.id, slot: 's0', topic: `事项${i}` })),
    )
    const won = answers.filter((a) => a.ok)
    const lost = answers.filter((a): a is Extract<ApiResponse<unknown>, { ok: false }> => !a.ok)
    expect(won).toHaveLength(5)
    expect(lost).toHaveLength(55)
    for (const l of lost) {
      expect(l.error.code).toBe('CONFLICT')
      expect(l.error.message).toBe('这个时段已约满，可以加入候补，或选择其他时段')
    }
    expect(await seatCheck(h, day.id, 's0')).toEqual({ capacity: 5, booked: 5, waiting: 0, holdersBooked: 5, holdersWaiting: 0 })
    // The losers left nothing behind; the winners' bookings are confirmed and each was told once.
    const bookings = await h.store.collection('reception_bookings').find({ occurrenceId: day.id }, { limit: 1000 })
    expect(bookings.map((b) => (b as unknown as { status: string }).status).sort()).toEqual(['booked', 'booked', 'booked', 'booked', 'booked'])
    const confirmations = await h.store.collection<NotificationDoc>('notifications').find({ title: '民情接待日预约成功' }, { limit: 100 })
    expect(confirmations).toHaveLength(5)
    const occ = await occurrenceDoc(h, day.id)
    expect(occ.outbox).toEqual([])
    expect(occ.outboxSize).toBe(0)
    // The other slot is untouched.
    expect(await seatCheck(h, day.id, 's1')).toMatchObject({ booked: 0, holdersBooked: 0 })
  })

  it('even when all 50 have read the slot as empty before anyone writes, the conditional update lets exactly 5 in', async () => {
    await h.close()
    const racers = 50
    let waiting: Array<() => void> = []
    let armed = false
    const store = await hookedStore({
      before: async (collection, method, args) => {
        if (!armed || collection !== 'reception_occurrences' || method !== 'update') return
        if (!('slots.s0.booked' in (args[0] as Record<string, unknown>))) return
        // Hold every first claim until all racers have read the slot with 0 booked.
        await new Promise<void>((resolve) => {
          waiting.push(resolve)
          if (waiting.length === racers) {
            armed = false
            for (const release of waiting.splice(0)) release()
          }
        })
      },
    })
    h = await createHarness({ now: MONDAY_10AM, store })
    await thursdayRule(h, { slotCapacity: 5 })
    const day = await nextDay(h)
    armed = true
    const answers = await Promise.all(Array.from({ length: racers }, (_, i) => h.call(resident(i), 'reception.book', { occurrenceId: day.id, slot: 's0' })))
    expect(armed).toBe(false)
    waiting = []
    expect(answers.filter((a) => a.ok)).toHaveLength(5)
    expect(await seatCheck(h, day.id, 's0')).toEqual({ capacity: 5, booked: 5, waiting: 0, holdersBooked: 5, holdersWaiting: 0 })
  })

  it('concurrent bookings spread over all slots fill each exactly, the rest are refused', async () => {
    await thursdayRule(h, { slotCapacity: 3 })
    const day = await nextDay(h)
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.call(resident(i), 'reception.book', { occurrenceId: day.id, slot: i % 2 ? 's1' : 's0' })),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(6)
    for (const slot of ['s0', 's1']) expect(await seatCheck(h, day.id, slot)).toEqual({ capacity: 3, booked: 3, waiting: 0, holdersBooked: 3, holdersWaiting: 0 })
    const listed = await nextDay(h)
    expect(listed.slots.map((s) => s.remaining)).toEqual([0, 0])
    expect(listed.remaining).toBe(0)
  })
})

describe('one place per resident per reception day', () => {
  beforeEach(async () => {
    h = await createHarness({ now: MONDAY_10AM })
    await thursdayRule(h)
  })

  it('a second booking (another slot, another request) is refused with the first one named', async () => {
    const day = await nextDay(h)
    const first = await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0' })
    const second = refusal(await h.call(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's1' }))
    expect(second.code).toBe('INVALID_STATE')
    expect(second.message).toBe('您已预约本次接待日（14:00–14:30），每次接待日每人只能预约一个时段。如需换时段，请先取消原来的预约')
    expect(await seatCheck(h, day.id, 's1')).toMatchObject({ booked: 0 })
    // After cancelling, another slot can be booked.
    await h.ok(RESIDENT, 'reception.cancelBooking', { bookingId: first.id })
    const again = await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's1' })
    expect(again).toMatchObject({ slot: 's1', status: 'booked' })
    expect((await h.ok(RESIDENT, 'reception.myBookings')).upcoming.map((b) => b.id)).toEqual([again.id])
  })

  it('ten taps at once on different slots by one resident: one booking', async () => {
    const day = await nextDay(h)
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => h.call(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: i % 2 ? 's1' : 's0' })),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    const occ = await occurrenceDoc(h, day.id)
    expect(occ.holderCount).toBe(1)
    expect(occ.slots.s0.booked + occ.slots.s1.booked).toBe(1)
  })

  it('a retry of the same request (same requestId) returns the same booking and books nothing more', async () => {
    const day = await nextDay(h)
    const requestId = 'retry-booking-0001'
    const [a, b] = await Promise.all([
      h.call(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0' }, requestId),
      h.call(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0' }, requestId),
    ])
    expect(a).toEqual(b)
    const c = await h.call(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0' }, requestId)
    expect(c).toEqual(a)
    expect(await seatCheck(h, day.id, 's0')).toMatchObject({ booked: 1, holdersBooked: 1 })
  })

  it('the same resident can hold places on different days', async () => {
    const { occurrences } = await h.ok(RESIDENT, 'reception.upcoming', { stationCode: 'HBJD' })
    const thursdays = occurrences.filter((o) => o.start === '14:00').slice(0, 2)
    for (const day of thursdays) await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0' })
    expect((await h.ok(RESIDENT, 'reception.myBookings')).upcoming).toHaveLength(2)
  })
})

describe('cancelling until the cutoff', () => {
  beforeEach(async () => {
    h = await createHarness({ now: MONDAY_10AM })
    await thursdayRule(h, { cancelCutoffMinutes: 120 })
  })

  it('can cancel until 2 hours before the slot starts, not after', async () => {
    const day = await nextDay(h) // Thursday 2026-11-26, slot s1 14:30–15:00
    const booking = await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's1' })
    expect(booking.cancelUntil).toBe('2026-11-26T04:30:00.000Z') // 12:30 in Shanghai
    expect(booking.canCancel).toBe(true)

    h.clock.set('2026-11-26T04:30:00.000Z')
    const late = refusal(await h.call(RESIDENT, 'reception.cancelBooking', { bookingId: booking.id }))
    expect(late.code).toBe('INVALID_STATE')
    expect(late.message).toBe('距接待开始已不足2小时，不能在线取消。如不能到场，请致电0571-8765 4321告知工作人员')
    expect((await h.ok(RESIDENT, 'reception.myBookings')).upcoming[0]).toMatchObject({ status: 'booked', canCancel: false, cancelUntil: null })

    h.clock.set('2026-11-26T04:29:00.000Z')
    const cancelled = await h.ok(RESIDENT, 'reception.cancelBooking', { bookingId: booking.id })
    expect(cancelled).toMatchObject({ status: 'cancelled', statusLabel: '已取消', canCancel: false, upcoming: false })
    expect(await seatCheck(h, day.id, 's1')).toMatchObject({ booked: 0, holdersBooked: 0 })
    expect((await bookingDoc(h, booking.id)).cancel).toMatchObject({ by: 'resident' })
  })

  it('cannot book a slot that has started', async () => {
    const day = await nextDay(h)
    h.clock.set('2026-11-26T06:05:00.000Z') // 14:05, s0 has started, s1 (14:30) has not
    expect(refusal(await h.call(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0' })).message).toBe(
      '这个时段已经开始，不能再预约，请选择其他时段',
    )
    await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's1' })
  })

  it('cancelling twice is harmless', async () => {
    const day = await nextDay(h)
    const booking = await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0' })
    await h.ok(RESIDENT, 'reception.cancelBooking', { bookingId: booking.id })
    expect(await h.ok(RESIDENT, 'reception.cancelBooking', { bookingId: booking.id })).toMatchObject({ status: 'cancelled' })
    expect(await seatCheck(h, day.id, 's0')).toMatchObject({ booked: 0 })
  })
})

describe('the waitlist of a full slot', () => {
  beforeEach(async () => {
    h = await createHarness({ now: MONDAY_10AM })
    await thursdayRule(h, { slotCapacity: 2 })
  })

  it('a cancellation promotes the first waiting resident, who is told; the next moves up', async () => {
    const day = await nextDay(h)
    const a = await h.ok(resident(1), 'reception.book', { occurrenceId: day.id, slot: 's0' })
    await h.ok(resident(2), 'reception.book', { occurrenceId: day.id, slot: 's0' })
    const full = refusal(await h.call(resident(3), 'reception.book', { occurrenceId: day.id, slot: 's0' }))
    expect(full.message).toMatch(/已约满.*候补/)
    expect((await nextDay(h)).slots[0]).toMatchObject({ remaining: 0, waitlistOpen: true })

    const w1 = await h.ok(resident(3), 'reception.book', { occurrenceId: day.id, slot: 's0', waitlist: true })
    const w2 = await h.ok(resident(4), 'reception.book', { occurrenceId: day.id, slot: 's0', waitlist: true })
    expect(w1).toMatchObject({ status: 'waiting', statusLabel: '候补中', waitPosition: 1, canCancel: true })
    expect(w2).toMatchObject({ status: 'waiting', waitPosition: 2 })
    expect(await seatCheck(h, day.id, 's0')).toEqual({ capacity: 2, booked: 2, waiting: 2, holdersBooked: 2, holdersWaiting: 2 })
    // Joining the waitlist is an in-app message only: the one subscribe consent is kept for the promotion.
    const [waitNotice] = await notificationsOf(h, (await h.ok(resident(3), 'session.me')).id)
    expect(waitNotice).toMatchObject({ title: '已加入候补', push: { status: 'not_applicable' } })

    h.clock.advance(60_000)
    await h.ok(resident(1), 'reception.cancelBooking', { bookingId: a.id })
    expect(await seatCheck(h, day.id, 's0')).toEqual({ capacity: 2, booked: 2, waiting: 1, holdersBooked: 2, holdersWaiting: 1 })
    const promoted = (await h.ok(resident(3), 'reception.myBookings')).upcoming[0]
    expect(promoted).toMatchObject({ id: w1.id, status: 'booked', waitPosition: null })
    expect((await bookingDoc(h, w1.id)).status).toBe('booked')
    const r3 = (await h.ok(resident(3), 'notification.list')).notifications
    expect(r3[0]).toMatchObject({ title: '候补成功，已为您预约', push: 'sent', link: '/packageReception/pages/my-bookings/index' })
    expect(r3[0].body).toContain('11月26日（周四）14:00–14:30')
    expect((await h.ok(resident(4), 'reception.myBookings')).upcoming[0]).toMatchObject({ status: 'waiting', waitPosition: 1 })
    // WeChat got the promotion with values inside the template limits.
    const push = h.notifier.sent.find((m) => m.data.status === '候补成功')
    expect(push).toMatchObject({ template: 'booking', data: { time: '2026年11月26日 14:00', place: '滨湖区湖滨路88号湖滨街道党群服务中心…' } })
    expect(checkTemplateData('booking', push?.data ?? {})).toEqual([])
  })

  it('several cancellations at once each promote a different waiting resident, in order', async () => {
    const day = await nextDay(h)
    const holders = [await h.ok(resident(1), 'reception.book', { occurrenceId: day.id, slot: 's0' }), await h.ok(resident(2), 'reception.book', { occurrenceId: day.id, slot: 's0' })]
    for (const n of [3, 4, 5]) await h.ok(resident(n), 'reception.book', { occurrenceId: day.id, slot: 's0', waitlist: true })
    await Promise.all(holders.map((b, i) => h.ok(resident(i + 1), 'reception.cancelBooking', { bookingId: b.id })))
    expect(await seatCheck(h, day.id, 's0')).toEqual({ capacity: 2, booked: 2, waiting: 1, holdersBooked: 2, holdersWaiting: 1 })
    const statuses = await Promise.all([3, 4, 5].map(async (n) => (await h.ok(resident(n), 'reception.myBookings')).upcoming[0].status))
    expect(statuses).toEqual(['booked', 'booked', 'waiting'])
  })

  it('leaving the waitlist frees the place in the queue without touching the booked seats', async () => {
    const day = await nextDay(h)
    for (const n of [1, 2]) await h.ok(resident(n), 'reception.book', { occurrenceId: day.id, slot: 's0' })
    const w = await h.ok(resident(3), 'reception.book', { occurrenceId: day.id, slot: 's0', waitlist: true })
    await h.ok(resident(3), 'reception.cancelBooking', { bookingId: w.id })
    expect(await seatCheck(h, day.id, 's0')).toEqual({ capacity: 2, booked: 2, waiting: 0, holdersBooked: 2, holdersWaiting: 0 })
  })

  it('the waitlist has a limit per slot', async () => {
    const day = await nextDay(h)
    for (const n of [1, 2]) await h.ok(resident(n), 'reception.book', { occurrenceId: day.id, slot: 's0' })
    for (const n of [3, 4, 5, 6, 7]) await h.ok(resident(n), 'reception.book', { occurrenceId: day.id, slot: 's0', waitlist: true })
    const refused = refusal(await h.call(resident(8), 'reception.book', { occurrenceId: day.id, slot: 's0', waitlist: true }))
    expect(refused.message).toBe('这个时段的候补人数已满，请选择其他时段或其他日期')
    expect((await nextDay(h)).slots[0]).toMatchObject({ waiting: 5, waitlistOpen: false })
  })
})

describe('a failure half-way loses nothing', () => {
  it('the place is taken but the booking document is not updated: the resident still sees it, the retry returns it, the job repairs', async () => {
    let failNext = false
    const store = await hookedStore({
      before: (collection, method, args) => {
        const filter = args[0] as Record<string, unknown>
        if (failNext && collection === 'reception_bookings' && method === 'update' && JSON.stringify(filter).includes('pending')) {
          failNext = false
          throw new Error('connection lost')
        }
      },
    })
    h = await createHarness({ now: MONDAY_10AM, store })
    await thursdayRule(h)
    const day = await nextDay(h)
    failNext = true
    const requestId = 'lost-answer-0001'
    const first = await h.call(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0' }, requestId)
    expect(refusal(first).code).toBe('INTERNAL')
    expect(await seatCheck(h, day.id, 's0')).toMatchObject({ booked: 1, holdersBooked: 1 })
    const listed = (await h.ok(RESIDENT, 'reception.myBookings')).upcoming
    expect(listed).toHaveLength(1)
    expect(listed[0].status).toBe('booked')
    expect((await bookingDoc(h, listed[0].id)).status).toBe('pending')

    const retry = await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0' }, requestId)
    expect(retry.id).toBe(listed[0].id)
    expect(await seatCheck(h, day.id, 's0')).toMatchObject({ booked: 1 })

    h.clock.advance(5 * 60_000)
    await runScheduledJobs(h.deps)
    expect((await bookingDoc(h, retry.id)).status).toBe('booked')
  })
})

describe('bad input changes nothing and is explained in Chinese', () => {
  beforeEach(async () => {
    h = await createHarness({ now: MONDAY_10AM })
  })

  it.each([
    ['occurrenceId', { slot: 's0' }, '缺少接待日'],
    ['slot', { occurrenceId: 'ro-rr-HBJD-1-20261220', slot: '09:00' }, '请选择时段'],
    ['topic', { occurrenceId: 'ro-rr-HBJD-1-20261220', slot: 's0', topic: '很'.repeat(101) }, '想反映的事项不能超过100个字'],
  ])('a bad %s', async (field, input, message) => {
    const error = refusal(await h.call(RESIDENT, 'reception.book', input))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field, message })
  })

  it('an unknown day or slot', async () => {
    expect(refusal(await h.call(RESIDENT, 'reception.book', { occurrenceId: 'ro-nope-20261220', slot: 's0' })).code).toBe('NOT_FOUND')
    const day = await nextDay(h)
    const error = refusal(await h.call(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's99' }))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: '请选择正确的时段' })
    expect(error.message).toMatch(CHINESE)
    expect((await h.ok(RESIDENT_2, 'reception.myBookings')).upcoming).toEqual([])
  })
})
