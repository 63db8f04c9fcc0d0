// A reception day's document and the single conditional updates that change it. Pure: the use
// cases read the document, ask here for `{ filter, update }`, and apply it with `update()`, whose
// count says whether the condition still held. Every rule that must hold under concurrency is in
// a filter here:
//   - capacity:      `slots.<s>.booked < capacity` on booking;
//   - one per day:   `holders.<resident> $exists false` on booking and on joining the waitlist;
//   - FIFO waitlist: `waitSeq` unchanged on joining; the promoted resident still waiting on cancel;
//   - structure:     `rev` and `holderRev` unchanged for moves, cancellations and reminders.
import type { BookingStatus } from '@minyi/types'
import type { Filter, Update } from '../../ports/store'
import type { OutboxItem } from '../records'
import type { BookingDoc, Holder, OccurrenceDoc, ReceptionRuleDoc, SlotState } from './records'
import type { ExpandedDate } from './schedule'
import { minutesOf, shanghaiInstant, slotTimes, timeOf, occurrenceIdFor } from './schedule'
import type { ReceptionSettings } from './settings'

export interface Plan {
  filter: Filter
  update: Update
}

export function buildSlots(start: string, end: string, minutes: number, capacity: number): Record<string, SlotState> {
  return Object.fromEntries(slotTimes(start, end, minutes).map((s) => [s.key, { start: s.start, end: s.end, capacity, booked: 0, waiting: 0 }]))
}

export type DutyEntry = OccurrenceDoc['duty'][number]

/** The document a rule makes for one expanded date. */
export function newOccurrence(rule: ReceptionRuleDoc, day: ExpandedDate, duty: DutyEntry[], at: string): OccurrenceDoc {
  return {
    _id: occurrenceIdFor(rule._id, day.ruleDate),
    stationId: rule.stationId,
    ruleId: rule._id,
    ruleVersion: rule.version,
    ruleDate: day.ruleDate,
    date: day.date,
    start: rule.start,
    end: rule.end,
    adjustedNote: day.note,
    status: 'scheduled',
    manual: false,
    moved: null,
    cancellation: null,
    slotMinutes: rule.slotMinutes,
    cancelCutoffMinutes: rule.cancelCutoffMinutes,
    slots: buildSlots(rule.start, rule.end, rule.slotMinutes, rule.slotCapacity),
    holders: {},
    holderCount: 0,
    holderRev: 0,
    waitSeq: 0,
    rev: 1,
    duty,
    dutyManual: false,
    remindedAt: null,
    minutes: null,
    matters: 0,
    announcedAt: at,
    outbox: [],
    outboxSize: 0,
    createdAt: at,
    updatedAt: at,
  }
}

/**
 * Regenerating an occurrence from a changed rule: only one nobody holds a place in and staff have
 * not moved or cancelled. The whole day is rewritten (slots included), so the filter insists on
 * exactly the state that was read.
 */
export function planRegenerate(occ: OccurrenceDoc, rule: ReceptionRuleDoc, day: ExpandedDate, duty: DutyEntry[] | null, at: string): Plan {
  return {
    filter: { _id: occ._id, rev: occ.rev, holderCount: 0, manual: false },
    update: {
      set: {
        ruleVersion: rule.version,
        date: day.date,
        start: rule.start,
        end: rule.end,
        adjustedNote: day.note,
        status: 'scheduled',
        slotMinutes: rule.slotMinutes,
        cancelCutoffMinutes: rule.cancelCutoffMinutes,
        slots: buildSlots(rule.start, rule.end, rule.slotMinutes, rule.slotCapacity),
        waitSeq: 0,
        ...(duty && !occ.dutyManual ? { duty } : {}),
        remindedAt: null,
        updatedAt: at,
      },
      inc: { rev: 1 },
    },
  }
}

/** A day the changed rule no longer produces, withdrawn while nobody holds a place in it. */
export function planRetire(occ: OccurrenceDoc, at: string): Plan {
  return {
    filter: { _id: occ._id, rev: occ.rev, holderCount: 0, manual: false, status: 'scheduled' },
    update: { set: { status: 'retired', updatedAt: at }, inc: { rev: 1 } },
  }
}

// ---- time ----------------------------------------------------------------------------------

export function startsAt(occ: Pick<OccurrenceDoc, 'date' | 'start'>): Date {
  return shanghaiInstant(occ.date, occ.start)
}

export function endsAt(occ: Pick<OccurrenceDoc, 'date' | 'end'>): Date {
  return shanghaiInstant(occ.date, occ.end)
}

export function slotStartsAt(occ: OccurrenceDoc, slot: string): Date {
  return shanghaiInstant(occ.date, occ.slots[slot]?.start ?? occ.start)
}

/** Until when a booked place can be cancelled online. */
export function cancelDeadline(occ: OccurrenceDoc, slot: string | null): Date {
  const start = slot ? slotStartsAt(occ, slot) : startsAt(occ)
  return new Date(start.getTime() - occ.cancelCutoffMinutes * 60_000)
}

/** Over: after the end plus the check-in grace period; no-shows are counted from then on. */
export function hasEnded(occ: OccurrenceDoc, now: Date, settings: ReceptionSettings): boolean {
  return now.getTime() >= endsAt(occ).getTime() + settings.checkInClosesMinutes * 60_000
}

export function checkInWindow(occ: OccurrenceDoc, settings: ReceptionSettings): { opens: Date; closes: Date } {
  return {
    opens: new Date(startsAt(occ).getTime() - settings.checkInOpensMinutes * 60_000),
    closes: new Date(endsAt(occ).getTime() + settings.checkInClosesMinutes * 60_000),
  }
}

export function checkInOpen(occ: OccurrenceDoc, now: Date, settings: ReceptionSettings): boolean {
  const { opens, closes } = checkInWindow(occ, settings)
  return occ.status === 'scheduled' && now >= opens && now < closes
}

/** A slot takes bookings until it starts. */
export function slotOpen(occ: OccurrenceDoc, slot: string, now: Date): boolean {
  return occ.status === 'scheduled' && !!occ.slots[slot] && now < slotStartsAt(occ, slot)
}

export function slotKeys(occ: OccurrenceDoc): string[] {
  return Object.keys(occ.slots).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
}

export function isBookable(occ: OccurrenceDoc, now: Date): boolean {
  return slotKeys(occ).some((k) => slotOpen(occ, k, now) && occ.slots[k].booked < occ.slots[k].capacity)
}

// ---- holders -------------------------------------------------------------------------------

export function waiters(occ: OccurrenceDoc, slot: string): Array<[string, Holder]> {
  return Object.entries(occ.holders)
    .filter(([, h]) => h.state === 'waiting' && h.slot === slot)
    .sort((a, b) => a[1].seq - b[1].seq)
}

export function waitPosition(occ: OccurrenceDoc, key: string): number | null {
  const h = occ.holders[key]
  if (!h || h.state !== 'waiting' || !h.slot) return null
  return waiters(occ, h.slot).findIndex(([k]) => k === key) + 1
}

/** What a booking is now, read from the occurrence (the source of truth); null: never took hold. */
export function effectiveStatus(occ: OccurrenceDoc, booking: BookingDoc, now: Date, settings: ReceptionSettings): BookingStatus | null {
  const h = occ.holders[booking.holderKey]
  if (h && h.b === booking._id) {
    if (occ.status !== 'scheduled') return 'cancelled'
    if (h.state === 'checked_in') return 'checked_in'
    if (hasEnded(occ, now, settings)) return h.state === 'booked' ? 'no_show' : 'expired'
    return h.state
  }
  switch (booking.status) {
    case 'pending':
      return null
    case 'booked':
    case 'waiting':
      // The occurrence let go of it (cancelled); the booking document has not caught up yet.
      return 'cancelled'
    default:
      return booking.status
  }
}

export interface OccurrenceCounts {
  booked: number
  waiting: number
  checkedIn: number
  walkIns: number
  noShows: number
  matters: number
}

export function countsOf(occ: OccurrenceDoc, now: Date, settings: ReceptionSettings): OccurrenceCounts {
  const holders = Object.values(occ.holders)
  const ended = hasEnded(occ, now, settings)
  return {
    booked: holders.filter((h) => !h.walkIn && (h.state === 'booked' || (h.state === 'checked_in' && h.slot !== null))).length,
    waiting: ended ? 0 : holders.filter((h) => h.state === 'waiting').length,
    checkedIn: holders.filter((h) => h.state === 'checked_in').length,
    walkIns: holders.filter((h) => h.walkIn).length,
    noShows: ended ? holders.filter((h) => h.state === 'booked').length : 0,
    matters: occ.matters,
  }
}

// ---- the conditional updates ---------------------------------------------------------------

const holderPath = (key: string) => `holders.${key}`

/** Take a place in a slot: only while it has room and the resident holds nothing on this day. */
export function planClaim(occ: OccurrenceDoc, o: { key: string; slot: string; bookingId: string; notice: OutboxItem; at: string }): Plan {
  const slot = occ.slots[o.slot]
  const holder: Holder = { b: o.bookingId, slot: o.slot, state: 'booked', seq: 0, walkIn: false }
  return {
    filter: {
      _id: occ._id,
      status: 'scheduled',
      rev: occ.rev,
      [holderPath(o.key)]: { $exists: false },
      [`slots.${o.slot}.booked`]: { $lt: slot.capacity },
    },
    update: {
      set: { [holderPath(o.key)]: holder, updatedAt: o.at },
      inc: { [`slots.${o.slot}.booked`]: 1, holderCount: 1, holderRev: 1, outboxSize: 1 },
      push: { outbox: [o.notice] },
    },
  }
}

/** Join a full slot's waitlist, behind everyone already waiting. */
export function planWait(occ: OccurrenceDoc, o: { key: string; slot: string; bookingId: string; limit: number; notice: OutboxItem; at: string }): Plan {
  const slot = occ.slots[o.slot]
  const holder: Holder = { b: o.bookingId, slot: o.slot, state: 'waiting', seq: occ.waitSeq + 1, walkIn: false }
  return {
    filter: {
      _id: occ._id,
      status: 'scheduled',
      rev: occ.rev,
      waitSeq: occ.waitSeq,
      [holderPath(o.key)]: { $exists: false },
      [`slots.${o.slot}.booked`]: { $gte: slot.capacity },
      [`slots.${o.slot}.waiting`]: { $lt: o.limit },
    },
    update: {
      set: { [holderPath(o.key)]: holder, updatedAt: o.at },
      inc: { [`slots.${o.slot}.waiting`]: 1, holderCount: 1, holderRev: 1, waitSeq: 1, outboxSize: 1 },
      push: { outbox: [o.notice] },
    },
  }
}

/**
 * Give a place back. A booked place goes to the first resident waiting for that slot, in the same
 * update (they are notified); with nobody waiting the slot's count goes down.
 */
export function planRelease(
  occ: OccurrenceDoc,
  o: { key: string; promote: { key: string; notice: OutboxItem } | null; at: string },
): Plan {
  const h = occ.holders[o.key]
  const slot = h.slot
  const base: Filter = { _id: occ._id, [`${holderPath(o.key)}.b`]: h.b, [`${holderPath(o.key)}.state`]: h.state }
  if (h.state === 'waiting' && slot) {
    return {
      filter: base,
      update: { unset: [holderPath(o.key)], inc: { [`slots.${slot}.waiting`]: -1, holderCount: -1, holderRev: 1 }, set: { updatedAt: o.at } },
    }
  }
  if (!slot) {
    return { filter: base, update: { unset: [holderPath(o.key)], inc: { holderCount: -1, holderRev: 1 }, set: { updatedAt: o.at } } }
  }
  if (o.promote) {
    const w = occ.holders[o.promote.key]
    return {
      filter: { ...base, [`${holderPath(o.promote.key)}.b`]: w.b, [`${holderPath(o.promote.key)}.state`]: 'waiting' },
      update: {
        unset: [holderPath(o.key)],
        set: { [`${holderPath(o.promote.key)}.state`]: 'booked', updatedAt: o.at },
        inc: { [`slots.${slot}.waiting`]: -1, holderCount: -1, holderRev: 1, outboxSize: 1 },
        push: { outbox: [o.promote.notice] },
      },
    }
  }
  return {
    filter: { ...base, [`slots.${slot}.waiting`]: 0 },
    update: { unset: [holderPath(o.key)], inc: { [`slots.${slot}.booked`]: -1, holderCount: -1, holderRev: 1 }, set: { updatedAt: o.at } },
  }
}

/** Check in a booked (or waiting, who then comes as a walk-in) person. */
export function planCheckIn(occ: OccurrenceDoc, key: string, at: string): Plan {
  const h = occ.holders[key]
  const filter: Filter = { _id: occ._id, status: 'scheduled', [`${holderPath(key)}.b`]: h.b, [`${holderPath(key)}.state`]: h.state }
  if (h.state === 'waiting' && h.slot) {
    return {
      filter,
      update: {
        set: { [`${holderPath(key)}.state`]: 'checked_in', [`${holderPath(key)}.slot`]: null, [`${holderPath(key)}.walkIn`]: true, updatedAt: at },
        inc: { [`slots.${h.slot}.waiting`]: -1, holderRev: 1 },
      },
    }
  }
  return { filter, update: { set: { [`${holderPath(key)}.state`]: 'checked_in', updatedAt: at }, inc: { holderRev: 1 } } }
}

/** Someone who came without booking, checked in on arrival. */
export function planWalkIn(occ: OccurrenceDoc, o: { key: string; bookingId: string; at: string }): Plan {
  const holder: Holder = { b: o.bookingId, slot: null, state: 'checked_in', seq: 0, walkIn: true }
  return {
    filter: { _id: occ._id, status: 'scheduled', [holderPath(o.key)]: { $exists: false } },
    update: { set: { [holderPath(o.key)]: holder, updatedAt: o.at }, inc: { holderCount: 1, holderRev: 1 } },
  }
}

/** Everyone who holds or awaits a place and has an account to be told through. */
export function peopleToTell(occ: OccurrenceDoc, states: Holder['state'][] = ['booked', 'waiting']): Array<[string, Holder]> {
  return Object.entries(occ.holders).filter(([key, h]) => states.includes(h.state) && !key.startsWith('v-'))
}

export function planCancelOccurrence(occ: OccurrenceDoc, o: { reason: string; by: string; at: string; notices: OutboxItem[] }): Plan {
  return {
    filter: { _id: occ._id, status: 'scheduled', rev: occ.rev, holderRev: occ.holderRev },
    update: {
      set: { status: 'cancelled', manual: true, cancellation: { reason: o.reason, at: o.at, by: o.by }, updatedAt: o.at },
      inc: { rev: 1, outboxSize: o.notices.length },
      push: { outbox: o.notices },
    },
  }
}

/** The day after a move: same length, same slot sizes, same holders in the same slots. */
export function movedOccurrence(occ: OccurrenceDoc, date: string, start: string): OccurrenceDoc {
  const shift = minutesOf(start) - minutesOf(occ.start)
  const slots = Object.fromEntries(
    Object.entries(occ.slots).map(([k, s]) => [k, { ...s, start: timeOf(minutesOf(s.start) + shift), end: timeOf(minutesOf(s.end) + shift) }]),
  )
  return { ...occ, date, start, end: timeOf(minutesOf(occ.end) + shift), slots }
}

export function planMoveOccurrence(
  occ: OccurrenceDoc,
  after: OccurrenceDoc,
  o: { reason: string; by: string; at: string; notices: OutboxItem[] },
): Plan {
  const set: Record<string, unknown> = {
    date: after.date,
    start: after.start,
    end: after.end,
    manual: true,
    moved: { fromDate: occ.date, fromStart: occ.start, reason: o.reason, at: o.at, by: o.by },
    remindedAt: null,
    updatedAt: o.at,
  }
  // Only the times of each slot: its counters belong to concurrent bookings.
  for (const [k, s] of Object.entries(after.slots)) {
    set[`slots.${k}.start`] = s.start
    set[`slots.${k}.end`] = s.end
  }
  return {
    filter: { _id: occ._id, status: 'scheduled', rev: occ.rev, holderRev: occ.holderRev },
    update: { set, inc: { rev: 1, outboxSize: o.notices.length }, push: { outbox: o.notices } },
  }
}

export function planReminders(occ: OccurrenceDoc, o: { at: string; notices: OutboxItem[] }): Plan {
  return {
    filter: { _id: occ._id, status: 'scheduled', rev: occ.rev, holderRev: occ.holderRev, remindedAt: null },
    update: { set: { remindedAt: o.at }, inc: { outboxSize: o.notices.length }, push: { outbox: o.notices } },
  }
}
