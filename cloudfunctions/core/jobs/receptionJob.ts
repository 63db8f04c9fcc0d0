// Timer work for reception days, idempotent like every job: generate the next months' days from
// the rules (once a day per rule), send the evening-before reminders (once per day), deliver
// notices left in occurrences' outboxes, and bring booking documents in line with the occurrences
// (finish or drop bookings a crash left `pending`, mark no-shows and expired waitlist places).
import type { Deps } from '../application/deps'
import { materialiseAll } from '../application/reception/materialise'
import { sendReminders } from '../application/reception/reminders'
import { bookingsOf, occurrencesOf, settingsOf } from '../application/reception/shared'
import { flushOutbox } from '../application/notifications/outbox'
import { effectiveStatus } from '../domain/reception/occurrence'
import type { BookingDoc, OccurrenceDoc } from '../domain/reception/records'

export interface ReceptionJobReport {
  materialised: { rules: number; created: number; updated: number; retired: number }
  reminders: { days: number; notices: number }
  outboxesFlushed: number
  bookingsRepaired: number
}

const PENDING_GRACE_MS = 2 * 60_000

export async function repairBookings(deps: Deps): Promise<number> {
  const settings = settingsOf(deps)
  const now = deps.clock.now()
  const bookings = bookingsOf(deps)
  const pendingBefore = new Date(now.getTime() - PENDING_GRACE_MS).toISOString()
  const stale = [
    ...(await bookings.find({ status: 'pending', createdAt: { $lt: pendingBefore } }, { limit: 500 })),
    ...(await bookings.find({ status: { $in: ['booked', 'waiting'] } }, { sort: [['createdAt', 1]], limit: 1000 })),
  ]
  if (!stale.length) return 0
  const occs = await occurrencesOf(deps).find({ _id: { $in: [...new Set(stale.map((b) => b.occurrenceId))] } }, { limit: 1000 })
  const byId = new Map(occs.map((o) => [o._id, o]))
  let repaired = 0
  const at = now.toISOString()
  for (const b of stale) {
    const occ: OccurrenceDoc | undefined = byId.get(b.occurrenceId)
    const status = occ ? effectiveStatus(occ, b, now, settings) : null
    if (status === b.status) continue
    if (status === null) {
      repaired += await bookings.remove({ _id: b._id, status: 'pending' })
      continue
    }
    const set: Partial<BookingDoc> = { status, updatedAt: at }
    if (status === 'cancelled' && !b.cancel) {
      set.cancel = occ?.status === 'cancelled' ? { by: 'station', reason: occ.cancellation?.reason ?? null, at } : { by: 'resident', reason: null, at }
    }
    repaired += await bookings.update({ _id: b._id, status: b.status }, { set })
  }
  return repaired
}

export async function runReceptionJob(deps: Deps): Promise<ReceptionJobReport> {
  const materialised = await materialiseAll(deps)
  const reminders = await sendReminders(deps)
  const pending = await occurrencesOf(deps).find({ outboxSize: { $gt: 0 } }, { limit: 200 })
  for (const occ of pending) await flushOutbox(deps, occ._id, 'reception_occurrences')
  const bookingsRepaired = await repairBookings(deps)
  return { materialised, reminders, outboxesFlushed: pending.length, bookingsRepaired }
}
