// What is stored for reception days (民情接待日): three collections.
//
// - `reception_rules`: a station's recurring rule(s) (one document per rule).
// - `reception_occurrences`: one document per reception day, with a deterministic id
//   (`ro-<ruleId>-<YYYYMMDD of the date the rule names>`), so generating twice creates nothing new.
//   It is the single source of truth for who holds a place: `slots.<key>.booked/waiting` counters
//   and the `holders.<holderKey>` map. Booking, joining the waitlist, cancelling (with promotion of
//   the first waiting resident), check-in and walk-ins are each ONE conditional update of this
//   document, so a slot's capacity and "one place per resident per day" hold under concurrency.
//   Notices for the change go into its `outbox` in that same update.
// - `reception_bookings`: the details of each booking (topic, name, sealed phone of a visitor,
//   linked cases, who cancelled and why). Its `status` follows the occurrence's holder entry;
//   views derive the effective status from the occurrence, and the timer job repairs lag.
import type { DayOffPolicy, ReceptionPattern } from '@minyi/types'
import type { CaseDoc, OutboxItem } from '../records'

export interface ReceptionRuleDoc {
  _id: string
  stationId: string
  pattern: ReceptionPattern
  start: string
  end: string
  onDayOff: DayOffPolicy
  slotMinutes: number
  slotCapacity: number
  cancelCutoffMinutes: number
  /** Deputies put on duty for each new occurrence; staff change it per occurrence. */
  defaultDutyDeputyIds: string[]
  active: boolean
  /** First date the rule as now written produces days for (at least `announceDays` after the change). */
  effectiveFrom: string
  /** Bumped by every change; occurrences remember the version that made them. */
  version: number
  /** The last generation: for which version and on which (Shanghai) day, so the timer does it once a day. */
  materialised: { version: number; on: string } | null
  createdAt: string
  updatedAt: string
  updatedBy: string
}

export interface SlotState {
  start: string
  end: string
  capacity: number
  /** Places taken (booked or checked in). Never above `capacity`: every booking is conditional on it. */
  booked: number
  waiting: number
}

export type HolderState = 'booked' | 'waiting' | 'checked_in'

/** One person's place on a reception day, keyed by user id (or `v-…` for a visitor without WeChat). */
export interface Holder {
  /** The booking document holding the details. */
  b: string
  slot: string | null
  state: HolderState
  /** Order in the slot's waitlist (only meaningful while waiting). */
  seq: number
  walkIn: boolean
}

export interface OccurrenceDoc {
  _id: string
  stationId: string
  ruleId: string
  ruleVersion: number
  /** The date the rule names. */
  ruleDate: string
  /** The date it takes place (after the day-off policy or a move). */
  date: string
  start: string
  end: string
  /** Why `date` differs from `ruleDate` by the day-off policy, e.g. "12月20日为周日，顺延至12月21日". */
  adjustedNote: string | null
  status: 'scheduled' | 'cancelled' | 'retired'
  /** Staff moved or cancelled it: regeneration from the rule leaves it alone. */
  manual: boolean
  moved: { fromDate: string; fromStart: string; reason: string; at: string; by: string } | null
  cancellation: { reason: string; at: string; by: string } | null
  slotMinutes: number
  cancelCutoffMinutes: number
  slots: Record<string, SlotState>
  holders: Record<string, Holder>
  /** Number of holder entries: regeneration from the rule only touches a day where it is 0. */
  holderCount: number
  /** Bumped by every change of a holder; moves, cancellations and reminders are conditional on it. */
  holderRev: number
  /** Last waitlist sequence number handed out. */
  waitSeq: number
  /** Bumped by structural changes (move, cancel, regeneration); bookings are conditional on it. */
  rev: number
  duty: Array<{ deputyId: string; name: string }>
  /** Whether staff chose the duty for this day (regeneration keeps it then). */
  dutyManual: boolean
  /** When the evening-before reminder went out; null until then (reset by a move). */
  remindedAt: string | null
  minutes: OccurrenceMinutes | null
  /** Matters recorded at this day's visits (each became a case). */
  matters: number
  announcedAt: string
  outbox: OutboxItem[]
  outboxSize: number
  createdAt: string
  updatedAt: string
}

export interface OccurrenceMinutes {
  summary: string
  attendance: number
  walkIns: number
  booked: number
  noShows: number
  matters: number
  deputies: string[]
  savedAt: string
  savedBy: string
}

export type BookingDocStatus = 'pending' | 'booked' | 'waiting' | 'checked_in' | 'cancelled' | 'no_show' | 'expired'

export interface BookingDoc {
  _id: string
  occurrenceId: string
  stationId: string
  /** Key of the occurrence's holder entry: the user id, or `v-…` for a visitor without WeChat. */
  holderKey: string
  /** The resident's user id; null for a visitor registered by staff without a WeChat account. */
  residentId: string | null
  kind: 'booking' | 'walk_in'
  name: string
  phoneSealed: string | null
  phoneMasked: string | null
  topic: string | null
  slot: string | null
  status: BookingDocStatus
  cancel: { by: 'resident' | 'station'; reason: string | null; at: string } | null
  promotedAt: string | null
  checkedInAt: string | null
  checkedInBy: string | null
  caseIds: string[]
  requestId: string | null
  createdAt: string
  updatedAt: string
}

/** A case raised at a reception day carries where it came from. */
export type ReceptionCaseDoc = CaseDoc & {
  reception?: { occurrenceId: string; bookingId: string; date: string; recordedBy: string }
}
