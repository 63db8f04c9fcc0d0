// Shared steps of the reception-day api tests.
import type { OccurrenceDetail, SaveRuleInput } from '@minyi/types'
import type { BookingDoc, OccurrenceDoc } from '../../cloudfunctions/core/domain/reception/records'
import type { Harness } from '../support/apiHarness'

export const HUBIN_STAFF = 'dev-staff-1'
export const CUIYUAN_STAFF = 'dev-staff-2'
export const RESIDENT = 'dev-resident-1'
export const RESIDENT_2 = 'dev-resident-2'
/** 王建国: deputy of 湖滨 only. */
export const HUBIN_DEPUTY = 'dev-deputy-1'
/** 陈志强: deputy of 翠苑 only. */
export const CUIYUAN_DEPUTY = 'dev-deputy-3'

/** Monday 2026-11-23, 10:00 in Shanghai (the harness's default clock). */
export const MONDAY_10AM = '2026-11-23T02:00:00.000Z'

/** A resident who is not in the demo data: registered on first call, like any WeChat user. */
export const resident = (n: number) => `resident-${n}`

/**
 * 湖滨 staff add a rule: every Thursday 14:00–15:00 (today being Monday, the first day is Thursday
 * 2026-11-26, exactly the 3 days' notice ahead), 30-minute slots of the given capacity.
 */
export async function thursdayRule(h: Harness, change: Partial<SaveRuleInput> = {}) {
  return h.ok(HUBIN_STAFF, 'reception.saveRule', {
    stationId: 'station-hubin',
    pattern: { kind: 'weekly', weekday: 4 },
    start: '14:00',
    end: '15:00',
    onDayOff: 'skip',
    slotMinutes: 30,
    slotCapacity: 5,
    cancelCutoffMinutes: 120,
    defaultDutyDeputyIds: ['deputy-1'],
    ...change,
  })
}

/** The station's next reception day as the booking page shows it (to the given user). */
export async function nextDay(h: Harness, stationCode = 'HBJD', userId = RESIDENT): Promise<OccurrenceDetail> {
  const { occurrences } = await h.ok(userId, 'reception.upcoming', { stationCode })
  const first = occurrences.find((o) => o.status === 'scheduled')
  if (!first) throw new Error(`no upcoming reception day at ${stationCode}`)
  return first
}

export async function dayOn(h: Harness, date: string, stationCode = 'HBJD', userId = RESIDENT): Promise<OccurrenceDetail> {
  const { occurrences } = await h.ok(userId, 'reception.upcoming', { stationCode })
  const found = occurrences.find((o) => o.date === date)
  if (!found) throw new Error(`no reception day on ${date} at ${stationCode}: ${occurrences.map((o) => o.date).join(', ')}`)
  return found
}

export async function occurrenceDoc(h: Harness, id: string): Promise<OccurrenceDoc> {
  const doc = await h.store.collection<OccurrenceDoc>('reception_occurrences').get(id)
  if (!doc) throw new Error(`occurrence ${id} is not stored`)
  return doc
}

export async function bookingDoc(h: Harness, id: string): Promise<BookingDoc> {
  const doc = await h.store.collection<BookingDoc>('reception_bookings').get(id)
  if (!doc) throw new Error(`booking ${id} is not stored`)
  return doc
}

/** What the slot's counters and the holder map say, which must always agree. */
export async function seatCheck(h: Harness, occurrenceId: string, slot: string) {
  const occ = await occurrenceDoc(h, occurrenceId)
  const holders = Object.values(occ.holders).filter((x) => x.slot === slot)
  return {
    capacity: occ.slots[slot].capacity,
    booked: occ.slots[slot].booked,
    waiting: occ.slots[slot].waiting,
    holdersBooked: holders.filter((x) => x.state === 'booked' || x.state === 'checked_in').length,
    holdersWaiting: holders.filter((x) => x.state === 'waiting').length,
  }
}
