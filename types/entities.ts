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

export const roleSchema = z.enum(ROLES)
export const categorySchema = z.enum(CATEGORIES)
export const caseStatusSchema = z.enum(CASE_STATUSES)

export const receptionDaySchema = z.object({
  /** Human description of the recurring rule, e.g. "每双月20日 9:00–11:30". */
  rule: z.string(),
  /** Next occurrence, if any: date `YYYY-MM-DD` and times `HH:mm`. */
  next: z.object({ date: z.string(), start: z.string(), end: z.string() }).nullable(),
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
})
export type Me = z.infer<typeof meSchema>
