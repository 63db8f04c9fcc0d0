// Retention (PIPL; stated in the privacy notice): a phone number is deleted — sealed and masked —
// `phoneRetentionMonths` (default 24) after its case closed (办结, 不予受理, 并案). Idempotent: a
// case whose number is gone is not looked at again; each deletion is conditional on the status.
import type { CaseStatus } from '@minyi/types'
import type { Deps } from '../application/deps'
import type { CaseDoc } from '../domain/records'
import type { BookingDoc } from '../domain/reception/records'

/** Bookings that are over (the day took place or the place was let go): their phone follows the same period. */
const BOOKING_ENDED: BookingDoc['status'][] = ['checked_in', 'cancelled', 'no_show', 'expired']

const ENDED: CaseStatus[] = ['closed', 'declined', 'merged']
const PAGE = 500

/** The instant the case last reached an end state, from its timeline. */
export function endedAt(c: Pick<CaseDoc, 'events' | 'updatedAt'>): string {
  const last = [...c.events].reverse().find((e) => e.to && ENDED.includes(e.to))
  return last?.at ?? c.updatedAt
}

export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d
}

export async function runPhoneRetentionJob(deps: Deps): Promise<{ erased: number; bookings: number }> {
  const months = deps.config.phoneRetentionMonths ?? 24
  const now = deps.clock.now()
  const cutoff = monthsBefore(now, months).toISOString()
  const cases = deps.store.collection<CaseDoc>('cases')
  let erased = 0
  let last = ''
  for (;;) {
    const page = await cases.find(
      { status: { $in: ENDED }, phoneSealed: { $ne: null }, updatedAt: { $lte: cutoff }, ...(last ? { _id: { $gt: last } } : {}) },
      { sort: [['_id', 1]], limit: PAGE },
    )
    for (const c of page) {
      if (endedAt(c) > cutoff) continue
      erased += await cases.update(
        { _id: c._id, status: c.status, phoneSealed: { $ne: null } },
        { set: { phoneSealed: null, phoneMasked: null, phoneVisibleToDeputy: false, phoneErasedAt: now.toISOString() } },
      )
    }
    if (page.length < PAGE) break
    last = page[page.length - 1]._id
  }
  // A visitor's phone on a reception-day booking (the cases it became carry their own copy, above).
  const bookings = await deps.store
    .collection<BookingDoc>('reception_bookings')
    .update({ status: { $in: BOOKING_ENDED }, phoneSealed: { $ne: null }, updatedAt: { $lte: cutoff } }, { set: { phoneSealed: null, phoneMasked: null } })
  return { erased, bookings }
}
