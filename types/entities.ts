// What the api returns: views of the stored entities, never the storage documents themselves.
// The router parses every output through these schemas, so a field that is not listed here
// (an encrypted phone number, an openid) cannot leak to a client.
import { z } from 'zod'
import {
  CATEGORIES,
  CHANNELS,
  DEPUTY_LEVELS,
  RATINGS,
  ROLES,
  ROUTES,
  STATION_KINDS,
} from './enums'
import { CASE_STATUSES } from './caseStateMachine'
import { DEADLINE_KINDS, HANDLER_LEVELS } from './handling'
import { occurrenceCardSchema } from './receptionViews'
import { caseSuggestionLinkSchema, mergedCaseSchema, mergedIntoSchema, photoViewSchema } from './caseExtrasViews'
import { publicitySchema } from './adminViews'

export const roleSchema = z.enum(ROLES)
export const categorySchema = z.enum(CATEGORIES)
export const caseStatusSchema = z.enum(CASE_STATUSES)

export const receptionDaySchema = z.object({
  /** Human description of the recurring rule, e.g. "每双月20日 9:00–11:30". */
  rule: z.string(),
  /** Next occurrence, if any: date `YYYY-MM-DD` and times `HH:mm`. */
  next: z.object({ date: z.string(), start: z.string(), end: z.string() }).nullable(),
  /** The next few reception days (materialised occurrences) with the deputies on duty. */
  upcoming: z.array(occurrenceCardSchema).default([]),
})

export const deputyCardSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.enum(DEPUTY_LEVELS),
  levelLabel: z.string(),
  photoUrl: z.string(),
  commitment: z.string(),
  isHead: z.boolean(),
  /** Public contact the deputy agreed to show (公示), e.g. an office phone. */
  contact: z.string().default(''),
})
export type DeputyCard = z.infer<typeof deputyCardSchema>

export const stationSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(STATION_KINDS),
  kindLabel: z.string(),
  address: z.string(),
})
export type StationSummary = z.infer<typeof stationSummarySchema>

export const stationViewSchema = stationSummarySchema.extend({
  openHours: z.string(),
  contactPhone: z.string(),
  regionName: z.string(),
  officeName: z.string(),
  deputies: z.array(deputyCardSchema),
  reception: receptionDaySchema,
  photos: z.array(z.string()).default([]),
  /** 公示: this year's goals and completion, the deputies' records in counts. */
  publicity: publicitySchema.nullable().default(null),
})
export type StationView = z.infer<typeof stationViewSchema>

export const deputyViewSchema = deputyCardSchema.extend({
  bio: z.string(),
  stations: z.array(stationSummarySchema),
})
export type DeputyView = z.infer<typeof deputyViewSchema>

export const handlingUnitSchema = z.object({ id: z.string(), name: z.string() })
export type HandlingUnitView = z.infer<typeof handlingUnitSchema>

export const timelineEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  /** What happened, e.g. "转办承办单位". */
  label: z.string(),
  /** Who did it, in role terms, e.g. "联络站工作人员" or "人大代表 王建国". */
  actor: z.string(),
  at: z.string(),
  from: caseStatusSchema.nullable(),
  to: caseStatusSchema.nullable(),
  note: z.string().nullable(),
})
export type TimelineEntry = z.infer<typeof timelineEntrySchema>

export const replySchema = z.object({
  id: z.string(),
  text: z.string(),
  /** Who answered, in role terms, e.g. "区住建局（承办单位）". */
  from: z.string(),
  at: z.string(),
})
export type ReplyView = z.infer<typeof replySchema>

/** 分级负责: who handles the case now — its station, or the congress office it was forwarded to. */
export const caseHandlerSchema = z.object({
  level: z.enum(HANDLER_LEVELS),
  /** e.g. "临江市滨湖区湖滨街道人大代表之家", "湖滨街道人大工委", "滨湖区人大常委会". */
  name: z.string(),
})
export type CaseHandler = z.infer<typeof caseHandlerSchema>

/** The clock the case runs against now, for "预计 11月29日 前答复" / "已超期 2 天". */
export const caseDeadlineSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  /** e.g. "承办单位答复期限". */
  label: z.string(),
  /** The instant it runs out. */
  dueAt: z.string(),
  /** The Shanghai calendar day it runs out (the day to show), `YYYY-MM-DD`. */
  dueDate: z.string(),
  overdue: z.boolean(),
  /** Calendar days past the due date (at least 1 once overdue), 0 otherwise. */
  overdueDays: z.number(),
  /** Marked complex (复杂事项): the unit has the longer limit. */
  complex: z.boolean(),
  /** The unit's limit was extended (at most once), with this reason. */
  extension: z.object({ reason: z.string(), fromDate: z.string(), at: z.string() }).nullable(),
  /** Ready to show, e.g. "预计 11月29日 前答复", "已超期 2 天", "请于 12月1日 前评价，逾期将自动办结". */
  text: z.string(),
})
export type CaseDeadlineView = z.infer<typeof caseDeadlineSchema>

export const caseSummarySchema = z.object({
  id: z.string(),
  trackingNo: z.string(),
  category: categorySchema,
  excerpt: z.string(),
  status: caseStatusSchema,
  stationId: z.string(),
  stationName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  needsReview: z.boolean(),
  dueDate: z.string().nullable(),
  /** How many residents raised it: the author plus those who seconded (附议). */
  raisedBy: z.number().default(1),
  handler: caseHandlerSchema,
  /** Past its time limit and supervised (督办 written by the deadline job). */
  overdue: z.boolean().default(false),
})
export type CaseSummary = z.infer<typeof caseSummarySchema>

export const caseViewSchema = caseSummarySchema.extend({
  content: z.string(),
  place: z.string().nullable(),
  channel: z.enum(CHANNELS),
  deputy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Masked, e.g. 138****1234; null when not given or not visible to the caller. */
  phoneMasked: z.string().nullable(),
  phoneVisibleToDeputy: z.boolean(),
  route: z.enum(ROUTES).nullable(),
  transfer: z
    .object({ unitId: z.string(), unitName: z.string(), dueDate: z.string(), note: z.string().nullable() })
    .nullable(),
  decline: z.object({ reason: z.string(), guidance: z.string() }).nullable(),
  replies: z.array(replySchema),
  rating: z
    .object({ value: z.enum(RATINGS), comment: z.string().nullable(), at: z.string() })
    .nullable(),
  timeline: z.array(timelineEntrySchema),
  /** Commands the caller may issue now (drives which buttons a page shows). */
  commands: z.array(z.string()),
  isMine: z.boolean(),
  canRate: z.boolean(),
  /** The caller is a resident who seconded (附议) this case: they follow its progress (masked content, no photos). */
  seconded: z.boolean().default(false),
  /** 并案: the case this one follows, if merged. */
  mergedInto: mergedIntoSchema.nullable().default(null),
  /** 并案: cases merged into this one (deputies and staff; empty for residents). */
  mergedCases: z.array(mergedCaseSchema).default([]),
  /** How many cases were merged into this one (everyone). */
  mergedCount: z.number().default(0),
  photos: z.array(photoViewSchema).default([]),
  /** Submitted 议案/建议 this case is evidence for. */
  suggestions: z.array(caseSuggestionLinkSchema).default([]),
  /** The time limit running now, or null when none runs (closed, declined…). */
  deadline: caseDeadlineSchema.nullable().default(null),
  /** How many more times 不满意 reopens the case here; at 0 it goes one level up instead. */
  reopensLeft: z.number().default(0),
  /** For whoever may transfer it now: the district's working days for a unit (normal, complex). */
  transferDays: z.object({ normal: z.number(), complex: z.number() }).nullable().default(null),
})
export type CaseView = z.infer<typeof caseViewSchema>

export const notificationSchema = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
  /** Where the WeChat push stands: sent, no consent, failed… (the in-app message exists regardless). */
  push: z.enum(['pending', 'sent', 'no_consent', 'failed', 'not_applicable']),
  link: z.string().nullable(),
})
export type NotificationView = z.infer<typeof notificationSchema>

export const meSchema = z.object({
  id: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  name: z.string(),
  stations: z.array(stationSummarySchema),
  deputyId: z.string().nullable(),
  unreadNotifications: z.number(),
  /** Staff of a congress office: the office (街道人大工委 / 区人大常委会) they work for. */
  office: z.object({ regionId: z.string(), level: z.enum(HANDLER_LEVELS), name: z.string() }).nullable().default(null),
  /** 大字模式 as the person chose it; null: never chosen (the app follows the system font size). */
  largeText: z.boolean().nullable().default(null),
})
export type Me = z.infer<typeof meSchema>
