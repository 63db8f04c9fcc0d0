// Reception-day booking on the embedded store, through the very router the `api` function uses:
// many residents book slots of ONE reception day at once (the worst case: every booking is a
// conditional update of the same occurrence document), then the figures say how fast and whether
// any slot ever held more than its capacity (`overbooked=` must be 0).
import { randomUUID } from 'node:crypto'
import type { OccurrenceDoc } from '../cloudfunctions/core/domain/reception/records'
import { devOpenid } from '../server/devIdentity'
import { createHarness } from '../tests/support/apiHarness'

const CAPACITY = 5
/** Residents booking at the same moment (one wave of requests in flight). */
const WAVE = 50
/** Requests fired at once at a single 5-place slot in the contention round. */
const RUSH = 500

interface Day {
  id: string
  start: string
  date: string
  slots: Array<{ key: string }>
}

export async function run(): Promise<Record<string, number | string>> {
  // The api test harness: the real router on an in-memory embedded store with the demo data, a
  // clock standing still on Monday 2026-11-23 and a notifier that accepts every push.
  const h = await createHarness({ now: '2026-11-23T02:00:00.000Z' })
  const { store, api } = h
  const call = async (userId: string, action: string, input: unknown) =>
    api.handle({ action, input, requestId: randomUUID().replace(/-/g, '') }, { openid: devOpenid(userId) })

  // Thursdays 8:00–20:00 in 15-minute slots of 5 places: 48 slots, 240 places a day.
  const saved = await call('dev-staff-1', 'reception.saveRule', {
    stationId: 'station-hubin',
    pattern: { kind: 'weekly', weekday: 4 },
    start: '08:00',
    end: '20:00',
    onDayOff: 'skip',
    slotMinutes: 15,
    slotCapacity: CAPACITY,
  })
  if (!saved.ok) throw new Error(`saveRule failed: ${saved.error.message}`)
  const upcoming = await call('dev-resident-1', 'reception.upcoming', { stationCode: 'HBJD' })
  if (!upcoming.ok) throw new Error(upcoming.error.message)
  const [day, rushDay] = (upcoming.data as { occurrences: Day[] }).occurrences.filter((o) => o.start === '08:00')
  if (!day || !rushDay) throw new Error('the benchmark days were not generated')
  const places = day.slots.length * CAPACITY

  const residents = Array.from({ length: Math.max(places, RUSH) }, (_, i) => `bench-resident-${i}`)
  // Residents are registered on their first call; do that before timing.
  for (let i = 0; i < residents.length; i += WAVE) await Promise.all(residents.slice(i, i + WAVE).map((r) => call(r, 'session.me', {})))

  // Round 1, throughput: every place of one day booked, WAVE residents at a time, all on the same
  // occurrence document (each booking is a conditional update of it, plus the booking record and
  // the outbox flush of the confirmation).
  let booked = 0
  let errors = 0
  const started = process.hrtime.bigint()
  for (let i = 0; i < places; i += WAVE) {
    const answers = await Promise.all(
      residents.slice(i, Math.min(i + WAVE, places)).map((r, j) => call(r, 'reception.book', { occurrenceId: day.id, slot: day.slots[(i + j) % day.slots.length].key })),
    )
    for (const a of answers) {
      if (a.ok) booked += 1
      else errors += 1
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9

  // Round 2, contention: RUSH residents at once on one 5-place slot.
  const rushStarted = process.hrtime.bigint()
  const rush = await Promise.all(residents.slice(0, RUSH).map((r) => call(r, 'reception.book', { occurrenceId: rushDay.id, slot: 's0' })))
  const rushSeconds = Number(process.hrtime.bigint() - rushStarted) / 1e9
  const rushWon = rush.filter((a) => a.ok).length

  let overbooked = 0
  let mismatched = 0
  for (const id of [day.id, rushDay.id]) {
    const occ = (await store.collection<OccurrenceDoc>('reception_occurrences').get(id)) as OccurrenceDoc
    for (const [key, slot] of Object.entries(occ.slots)) {
      const holders = Object.values(occ.holders).filter((h) => h.slot === key && h.state !== 'waiting').length
      overbooked += Math.max(0, holders - slot.capacity, slot.booked - slot.capacity)
      if (holders !== slot.booked) mismatched += 1
    }
  }
  await h.close()
  return {
    bookings_per_s: Math.round(booked / seconds),
    booking_concurrency: WAVE,
    booked: `${booked}/${places}`,
    booking_errors: errors,
    rush_requests: RUSH,
    rush_booked: `${rushWon}/${CAPACITY}`,
    rush_requests_per_s: Math.round(RUSH / rushSeconds),
    overbooked,
    counter_mismatches: mismatched,
  }
}

if (require.main === module) {
  run().then((figures) => {
    for (const [key, value] of Object.entries(figures)) console.log(`${key}=${value}`)
  })
}
