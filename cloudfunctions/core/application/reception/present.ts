// Views of reception days and bookings, from the occurrence document (the source of truth of who
// holds a place) and the booking documents (the details).
import {
  BOOKING_STATUS_LABELS,
  OCCURRENCE_STATUS_LABELS,
  shanghaiDate,
  type BookingView,
  type OccurrenceCard,
  type OccurrenceDetail,
  type OccurrenceManageView,
  type SlotView,
  type VisitorView,
} from '@minyi/types'
import type { Caller } from '../../domain/caller'
import type { CaseDoc, StationDoc } from '../../domain/records'
import {
  cancelDeadline,
  checkInOpen,
  countsOf,
  effectiveStatus,
  hasEnded,
  slotKeys,
  slotOpen,
  startsAt,
  waitPosition,
} from '../../domain/reception/occurrence'
import type { BookingDoc, OccurrenceDoc } from '../../domain/reception/records'
import { weekdayLabel } from '../../domain/reception/schedule'
import type { ReceptionSettings } from '../../domain/reception/settings'
import type { Deps } from '../deps'
import { settingsOf } from './shared'

function slotViews(occ: OccurrenceDoc, now: Date, settings: ReceptionSettings): SlotView[] {
  return slotKeys(occ).map((key) => {
    const s = occ.slots[key]
    const open = slotOpen(occ, key, now)
    return {
      key,
      start: s.start,
      end: s.end,
      capacity: s.capacity,
      booked: s.booked,
      remaining: Math.max(0, s.capacity - s.booked),
      waiting: s.waiting,
      open,
      waitlistOpen: open && s.booked >= s.capacity && s.waiting < settings.waitlistPerSlot,
    }
  })
}

export function presentCard(occ: OccurrenceDoc, station: Pick<StationDoc, 'name'>, now: Date, deps: Deps): OccurrenceCard {
  const settings = settingsOf(deps)
  const slots = slotViews(occ, now, settings)
  return {
    id: occ._id,
    stationId: occ.stationId,
    stationName: station.name,
    date: occ.date,
    weekday: weekdayLabel(occ.date),
    start: occ.start,
    end: occ.end,
    status: occ.status,
    statusLabel: OCCURRENCE_STATUS_LABELS[occ.status],
    adjustedNote: occ.moved ? null : occ.adjustedNote,
    moved: occ.moved ? { fromDate: occ.moved.fromDate, fromStart: occ.moved.fromStart, reason: occ.moved.reason } : null,
    cancelReason: occ.cancellation?.reason ?? null,
    duty: occ.duty.map((d) => ({ id: d.deputyId, name: d.name })),
    remaining: slots.filter((s) => s.open).reduce((sum, s) => sum + s.remaining, 0),
    bookable: occ.status === 'scheduled' && slots.some((s) => s.open && (s.remaining > 0 || s.waitlistOpen)),
    isToday: occ.date === shanghaiDate(now),
  }
}

export function presentDetail(
  occ: OccurrenceDoc,
  station: Pick<StationDoc, 'name' | 'address'>,
  now: Date,
  deps: Deps,
  caller: Caller | null,
  myBooking: BookingDoc | null,
): OccurrenceDetail {
  const settings = settingsOf(deps)
  let mine: OccurrenceDetail['mine'] = null
  if (caller?.role === 'resident') {
    const h = occ.holders[caller.userId]
    if (h) {
      const status = myBooking && myBooking._id === h.b ? effectiveStatus(occ, myBooking, now, settings) : h.state
      if (status) mine = { bookingId: h.b, slot: h.slot, status, statusLabel: BOOKING_STATUS_LABELS[status] }
    }
  }
  return {
    ...presentCard(occ, station, now, deps),
    address: station.address,
    slots: slotViews(occ, now, settings),
    cancelCutoffMinutes: occ.cancelCutoffMinutes,
    mine,
  }
}

export function presentBooking(
  booking: BookingDoc,
  occ: OccurrenceDoc,
  station: Pick<StationDoc, 'code' | 'name' | 'address'>,
  cases: Array<Pick<CaseDoc, '_id' | 'trackingNo'>>,
  now: Date,
  deps: Deps,
): BookingView | null {
  const settings = settingsOf(deps)
  const status = effectiveStatus(occ, booking, now, settings)
  if (!status) return null
  const slot = booking.slot ? occ.slots[booking.slot] : null
  const deadline = cancelDeadline(occ, booking.slot)
  const canCancel =
    (status === 'booked' && now < deadline) || (status === 'waiting' && !!booking.slot && slotOpen(occ, booking.slot, now))
  let stationNote: string | null = null
  if (occ.status === 'cancelled' && occ.cancellation) stationNote = `接待日已取消：${occ.cancellation.reason}`
  else if (occ.moved) stationNote = `接待日已调整：${occ.moved.reason}`
  else if (booking.cancel?.by === 'station') stationNote = booking.cancel.reason
  return {
    id: booking._id,
    occurrenceId: occ._id,
    stationCode: station.code,
    stationName: station.name,
    address: station.address,
    date: occ.date,
    weekday: weekdayLabel(occ.date),
    start: slot?.start ?? occ.start,
    end: slot?.end ?? occ.end,
    slot: booking.slot,
    topic: booking.topic,
    name: booking.name,
    status,
    statusLabel: BOOKING_STATUS_LABELS[status],
    waitPosition: status === 'waiting' ? waitPosition(occ, booking.holderKey) : null,
    canCancel,
    cancelUntil: status === 'booked' && canCancel ? deadline.toISOString() : null,
    stationNote,
    upcoming: (status === 'booked' || status === 'waiting' || status === 'checked_in') && !hasEnded(occ, now, settings),
    cases: cases.map((c) => ({ id: c._id, trackingNo: c.trackingNo })),
    createdAt: booking.createdAt,
  }
}

export function presentVisitor(
  booking: BookingDoc,
  occ: OccurrenceDoc,
  cases: Array<Pick<CaseDoc, '_id' | 'trackingNo'>>,
  caller: Caller,
  now: Date,
  deps: Deps,
): VisitorView | null {
  const status = effectiveStatus(occ, booking, now, settingsOf(deps))
  if (!status) return null
  const h = occ.holders[booking.holderKey]
  const slotKey = h && h.b === booking._id ? h.slot : booking.slot
  return {
    bookingId: booking._id,
    kind: booking.kind,
    name: booking.name,
    topic: booking.topic,
    slot: slotKey,
    slotStart: slotKey ? (occ.slots[slotKey]?.start ?? null) : null,
    status,
    statusLabel: BOOKING_STATUS_LABELS[status],
    waitPosition: status === 'waiting' ? waitPosition(occ, booking.holderKey) : null,
    // Deputies do not see visitors' phone numbers; staff see them masked.
    phoneMasked: caller.role === 'deputy' ? null : booking.phoneMasked,
    hasAccount: booking.residentId !== null,
    checkedInAt: booking.checkedInAt,
    cases: cases.map((c) => ({ id: c._id, trackingNo: c.trackingNo })),
  }
}

export function commandsFor(occ: OccurrenceDoc, caller: Caller, now: Date, settings: ReceptionSettings): string[] {
  const commands: string[] = []
  const staff = caller.role === 'staff' || caller.role === 'admin'
  const ended = hasEnded(occ, now, settings)
  const started = now >= startsAt(occ)
  if (occ.status !== 'scheduled') return commands
  if (staff && !started) commands.push('cancel', 'move')
  if (staff && !ended) commands.push('setDuty')
  if (checkInOpen(occ, now, settings)) {
    commands.push('checkIn')
    if (staff) commands.push('walkIn')
  }
  if (now >= new Date(startsAt(occ).getTime() - settings.checkInOpensMinutes * 60_000)) commands.push('recordVisit')
  if (started) commands.push('saveMinutes')
  return commands
}

export function presentManage(
  occ: OccurrenceDoc,
  station: Pick<StationDoc, 'name' | 'address'>,
  caller: Caller,
  now: Date,
  deps: Deps,
): OccurrenceManageView {
  const settings = settingsOf(deps)
  const counts = countsOf(occ, now, settings)
  return {
    ...presentDetail(occ, station, now, deps, null, null),
    counts,
    // The counts of the minutes follow later check-ins and visit records.
    minutes: occ.minutes
      ? {
          ...occ.minutes,
          attendance: counts.checkedIn,
          walkIns: counts.walkIns,
          booked: counts.booked,
          noShows: Object.values(occ.holders).filter((h) => h.state === 'booked').length,
          matters: occ.matters,
        }
      : null,
    ended: hasEnded(occ, now, settings),
    checkInOpen: checkInOpen(occ, now, settings),
    commands: commandsFor(occ, caller, now, settings),
  }
}
