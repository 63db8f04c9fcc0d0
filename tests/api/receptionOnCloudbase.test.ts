// The reception-day rules that must hold under concurrency, run on the CloudBase adapter: the real
// @cloudbase/node-sdk talks to the fake CloudBase endpoint (tests/support/fakeCloudbase), so the
// conditional updates on per-resident holder paths (`holders.<id>` $exists false), slot counters
// and the per-notice outbox pulls are the very requests production sends.
import type { NotificationDoc } from '../../cloudfunctions/core/domain/records'
import { MONDAY_10AM, nextDay, occurrenceDoc, resident, seatCheck, thursdayRule } from './receptionFixtures'
import type { Harness } from '../support/apiHarness'
import { useCloudbaseHarness } from '../support/cloudbaseApiHarness'

const cloudbase = useCloudbaseHarness({ now: MONDAY_10AM })
let h: Harness
beforeEach(() => {
  h = cloudbase.current()
})

it('50 concurrent bookings of a 5-place slot: exactly 5; a cancellation promotes the first waiting resident', async () => {
  await thursdayRule(h, { slotCapacity: 5 })
  const day = await nextDay(h)
  const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => h.call(resident(i), 'reception.book', { occurrenceId: day.id, slot: 's0' })))
  const won = answers.flatMap((a) => (a.ok ? [a.data] : []))
  expect(won).toHaveLength(5)
  expect(await seatCheck(h, day.id, 's0')).toEqual({ capacity: 5, booked: 5, waiting: 0, holdersBooked: 5, holdersWaiting: 0 })

  const w = await h.ok(resident(60), 'reception.book', { occurrenceId: day.id, slot: 's0', waitlist: true })
  expect(w.status).toBe('waiting')
  const winner = answers.findIndex((a) => a.ok)
  await h.ok(resident(winner), 'reception.cancelBooking', { bookingId: won[0].id })
  expect(await seatCheck(h, day.id, 's0')).toEqual({ capacity: 5, booked: 5, waiting: 0, holdersBooked: 5, holdersWaiting: 0 })
  expect((await h.ok(resident(60), 'reception.myBookings')).upcoming[0].status).toBe('booked')

  const occ = await occurrenceDoc(h, day.id)
  expect(occ.outbox).toEqual([])
  expect(occ.outboxSize).toBe(0)
  const notices = await h.store.collection<NotificationDoc>('notifications').find({}, { limit: 100 })
  expect(notices.filter((n) => n.title === '民情接待日预约成功')).toHaveLength(5)
  expect(notices.filter((n) => n.title === '候补成功，已为您预约')).toHaveLength(1)
})
