// What the api returns about reception days (民情接待日). Views only: the router parses every
// output through these, so storage fields (sealed phones, openids, holder maps) cannot leak.
import { z } from 'zod'
import { BOOKING_STATUSES, DAY_OFF_POLICIES, OCCURRENCE_STATUSES, RECEPTION_MONTHS } from './reception'

export const receptionPatternSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('monthly_day'),
      months: z.enum(RECEPTION_MONTHS, { error: '请选择每月、每双月或每单月' }),
      day: z.number({ error: '请填写日期' }).int('日期应为整数').min(1, '日期应在1–31之间').max(31, '日期应在1–31之间'),
    }),
    z.object({
      kind: z.literal('weekly'),
      weekday: z.number({ error: '请选择星期几' }).int().min(0, '请选择星期几').max(6, '请选择星期几'),
    }),
    z.object({
      kind: z.literal('monthly_weekday'),
      months: z.enum(RECEPTION_MONTHS, { error: '请选择每月、每双月或每单月' }),
      nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)], { error: '请选择第几个星期' }),
      weekday: z.number({ error: '请选择星期几' }).int().min(0, '请选择星期几').max(6, '请选择星期几'),
    }),
  ],
  { error: '请选择接待日的重复方式' },
)

export const dutyDeputySchema = z.object({ id: z.string(), name: z.string() })

/** One reception day as anyone may see it (station page, booking page). */
export const occurrenceCardSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  date: z.string(),
  /** e.g. 周一 */
  weekday: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(OCCURRENCE_STATUSES),
  statusLabel: z.string(),
  /** Why the day differs from the rule, e.g. "12月20日为周日，顺延至12月21日". */
  adjustedNote: z.string().nullable(),
  /** Set when staff moved it: where from and why. */
  moved: z.object({ fromDate: z.string(), fromStart: z.string(), reason: z.string() }).nullable(),
  cancelReason: z.string().nullable(),
  duty: z.array(dutyDeputySchema),
  /** Places left in all slots together. */
  remaining: z.number(),
  /** Whether a resident can book a slot now. */
  bookable: z.boolean(),
  /** It takes place today (Shanghai): the station page then checks a booked resident in. */
  isToday: z.boolean(),
})
export type OccurrenceCard = z.infer<typeof occurrenceCardSchema>

export const slotSchema = z.object({
  key: z.string(),
  start: z.string(),
  end: z.string(),
  capacity: z.number(),
  booked: z.number(),
  remaining: z.number(),
  waiting: z.number(),
  /** Booking still possible (the slot has not started). */
  open: z.boolean(),
  /** Full, but the waitlist takes more. */
  waitlistOpen: z.boolean(),
})
export type SlotView = z.infer<typeof slotSchema>

export const myPlaceSchema = z.object({
  bookingId: z.string(),
  slot: z.string().nullable(),
  status: z.enum(BOOKING_STATUSES),
  statusLabel: z.string(),
})

export const occurrenceDetailSchema = occurrenceCardSchema.extend({
  address: z.string(),
  slots: z.array(slotSchema),
  cancelCutoffMinutes: z.number(),
  /** The caller's own booking or waitlist place on this day, if any (residents only). */
  mine: myPlaceSchema.nullable(),
})
export type OccurrenceDetail = z.infer<typeof occurrenceDetailSchema>

export const caseLinkSchema = z.object({ id: z.string(), trackingNo: z.string() })

/** A resident's own booking (我的预约). */
export const bookingViewSchema = z.object({
  id: z.string(),
  occurrenceId: z.string(),
  stationCode: z.string(),
  stationName: z.string(),
  address: z.string(),
  date: z.string(),
  weekday: z.string(),
  /** The slot's times (or the whole day's for a walk-in). */
  start: z.string(),
  end: z.string(),
  slot: z.string().nullable(),
  topic: z.string().nullable(),
  name: z.string(),
  status: z.enum(BOOKING_STATUSES),
  statusLabel: z.string(),
  /** Place in the waitlist, 1 = next. */
  waitPosition: z.number().nullable(),
  canCancel: z.boolean(),
  /** Until when it can be cancelled online (ISO), null when it cannot be any more. */
  cancelUntil: z.string().nullable(),
  /** Why the station cancelled or moved the day, if it did. */
  stationNote: z.string().nullable(),
  upcoming: z.boolean(),
  cases: z.array(caseLinkSchema),
  createdAt: z.string(),
})
export type BookingView = z.infer<typeof bookingViewSchema>

/** A person on the day's list, as staff and deputies see it. */
export const visitorSchema = z.object({
  bookingId: z.string(),
  kind: z.enum(['booking', 'walk_in']),
  name: z.string(),
  topic: z.string().nullable(),
  slot: z.string().nullable(),
  slotStart: z.string().nullable(),
  status: z.enum(BOOKING_STATUSES),
  statusLabel: z.string(),
  waitPosition: z.number().nullable(),
  /** Masked phone of a visitor registered without WeChat (staff only). */
  phoneMasked: z.string().nullable(),
  /** Whether the person can follow their cases in the mini-program. */
  hasAccount: z.boolean(),
  checkedInAt: z.string().nullable(),
  cases: z.array(caseLinkSchema),
})
export type VisitorView = z.infer<typeof visitorSchema>

export const minutesSchema = z.object({
  summary: z.string(),
  /** People who came: checked-in bookings and walk-ins. */
  attendance: z.number(),
  walkIns: z.number(),
  booked: z.number(),
  noShows: z.number(),
  matters: z.number(),
  deputies: z.array(z.string()),
  savedAt: z.string(),
  savedBy: z.string(),
})
export type MinutesView = z.infer<typeof minutesSchema>

export const occurrenceCountsSchema = z.object({
  booked: z.number(),
  waiting: z.number(),
  checkedIn: z.number(),
  walkIns: z.number(),
  noShows: z.number(),
  matters: z.number(),
})

/** A reception day as staff manage it and deputies on duty prepare for it. */
export const occurrenceManageSchema = occurrenceDetailSchema.extend({
  counts: occurrenceCountsSchema,
  minutes: minutesSchema.nullable(),
  ended: z.boolean(),
  /** Check-in and walk-in registration are open (the day itself). */
  checkInOpen: z.boolean(),
  /** What the caller may do now: cancel, move, setDuty, checkIn, walkIn, recordVisit, saveMinutes. */
  commands: z.array(z.string()),
})
export type OccurrenceManageView = z.infer<typeof occurrenceManageSchema>

export const receptionRuleSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  pattern: receptionPatternSchema,
  label: z.string(),
  start: z.string(),
  end: z.string(),
  onDayOff: z.enum(DAY_OFF_POLICIES),
  onDayOffLabel: z.string(),
  slotMinutes: z.number(),
  slotCapacity: z.number(),
  cancelCutoffMinutes: z.number(),
  defaultDuty: z.array(dutyDeputySchema),
  active: z.boolean(),
  effectiveFrom: z.string(),
})
export type ReceptionRuleView = z.infer<typeof receptionRuleSchema>

/** A deputy's duty (我的值班). */
export const dutyViewSchema = occurrenceCardSchema.extend({
  address: z.string(),
  counts: occurrenceCountsSchema,
})
export type DutyView = z.infer<typeof dutyViewSchema>
