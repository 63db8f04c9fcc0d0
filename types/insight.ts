// 履职档案 (performance records), 述职报告 and the office's dashboards (issue 8): the views the api
// returns and the points scheme as data. Figures are always computed from what the system already
// records (cases, reception days, suggestions) plus the activities staff add by hand; nothing is typed twice.
import { z } from 'zod'

/** Activities staff add by hand to a deputy's record. */
export const ACTIVITY_KINDS = ['inspection', 'research', 'training', 'report', 'action', 'meeting'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  inspection: '视察',
  research: '调研',
  training: '培训',
  report: '述职',
  action: '代表行动',
  meeting: '会议出席',
}

/** What a points item counts: a figure of the record (see domain/insight/points.ts). */
export const RECORD_METRICS = [
  'casesReceived',
  'answeredOnSite',
  'passedOn',
  'dutiesAttended',
  'dutiesMissed',
  'visitsRecorded',
  'suggestionsDrafted',
  'suggestionsSubmitted',
  'suggestionsAnswered',
  'satisfactionRate',
  'activity.inspection',
  'activity.research',
  'activity.training',
  'activity.report',
  'activity.action',
  'activity.meeting',
] as const
export type RecordMetric = (typeof RECORD_METRICS)[number]

export const pointsItemSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** Figures whose sum the item counts (e.g. 视察 + 调研 + 代表行动). */
  metrics: z.array(z.enum(RECORD_METRICS)),
  /** Points per unit counted; for `satisfactionRate` points per 100 % (the rate times this). Negative for deductions. */
  points: z.number(),
  /** At most this many points (a deduction at most this many off). */
  cap: z.number(),
})
export type PointsItem = z.infer<typeof pointsItemSchema>

export const pointsSchemeSchema = z.object({
  name: z.string(),
  /** Full marks (百分制: 100). */
  total: z.number(),
  items: z.array(pointsItemSchema),
})
export type PointsScheme = z.infer<typeof pointsSchemeSchema>

/** A term of office (届) of a district's congress, as data on the district's region document (`terms`). */
export const termSchema = z.object({
  id: z.string().min(1),
  /** e.g. 第十七届 */
  name: z.string().min(1),
  /** First and last day (YYYY-MM-DD, Asia/Shanghai). */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
})
export type Term = z.infer<typeof termSchema>
export const termsSchema = z.array(termSchema)

export const activityViewSchema = z.object({
  id: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  kindLabel: z.string(),
  date: z.string(),
  title: z.string(),
  evidence: z.string().nullable(),
  addedByName: z.string(),
})
export type ActivityView = z.infer<typeof activityViewSchema>

export const recordFiguresSchema = z.object({
  casesReceived: z.number(),
  answeredOnSite: z.number(),
  passedOn: z.number(),
  dutiesAttended: z.number(),
  dutiesMissed: z.number(),
  visitsRecorded: z.number(),
  suggestionsDrafted: z.number(),
  suggestionsSubmitted: z.number(),
  suggestionsAnswered: z.number(),
  /** Residents' ratings of the cases the deputy received or answered. */
  rated: z.number(),
  satisfied: z.number(),
  /** (满意 + 基本满意) / rated, null without ratings. */
  satisfactionRate: z.number().nullable(),
  /** Ratings the deputy gave the answers to their suggestions: 满意 + 基本满意 / rated. */
  suggestionRatings: z.object({ rated: z.number(), satisfied: z.number() }),
})
export type RecordFigures = z.infer<typeof recordFiguresSchema>

export const pointsLineSchema = z.object({ key: z.string(), label: z.string(), counted: z.number(), points: z.number(), cap: z.number() })

export const assessmentViewSchema = z.object({
  result: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
})

export const performanceRecordSchema = z.object({
  deputy: z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.string(), stations: z.array(z.string()) }),
  /** The year shown (a year record), or the report year within the term (a term record: the current year, or the term's last). */
  year: z.number(),
  /** Label of the period shown, e.g. 第十七届（2022年1月—2026年12月） or 2026年度（第十七届）. */
  term: z.string(),
  /** What the figures cover: the whole term, or one calendar year within it. */
  period: z.object({ kind: z.enum(['term', 'year']), from: z.string(), to: z.string() }),
  /** The term the period belongs to, and the district's terms to switch between. */
  termOfOffice: termSchema,
  terms: z.array(termSchema),
  /** The calendar years of the term (the year switch; 述职 is yearly within a term). */
  years: z.array(z.number()),
  figures: recordFiguresSchema,
  activities: z.array(activityViewSchema),
  suggestions: z.array(z.object({ id: z.string(), no: z.string().nullable(), title: z.string(), status: z.string(), statusLabel: z.string(), answered: z.boolean() })),
  points: z.object({ scheme: z.string(), total: z.number(), score: z.number(), lines: z.array(pointsLineSchema) }),
  assessment: assessmentViewSchema.nullable(),
  /** What the viewer may do: add activities and record the 述职评议 result (staff/admin). */
  mayEdit: z.boolean(),
  mayAssess: z.boolean(),
  definitions: z.record(z.string(), z.string()),
})
export type PerformanceRecordView = z.infer<typeof performanceRecordSchema>

/** The public part residents see on the deputy's page: counts only. */
export const publicRecordSchema = z.object({
  year: z.number(),
  casesReceived: z.number(),
  answeredOnSite: z.number(),
  dutiesAttended: z.number(),
  suggestionsSubmitted: z.number(),
  activities: z.number(),
})
export type PublicRecordView = z.infer<typeof publicRecordSchema>

const rate = z.object({ value: z.number().nullable(), numerator: z.number(), denominator: z.number(), definition: z.string() })
export type RateView = z.infer<typeof rate>
const labelled = z.object({ key: z.string(), label: z.string(), count: z.number() })
const ranked = z.object({
  id: z.string(),
  name: z.string(),
  count: z.number(),
  onTimeRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
})
export const dashboardCaseSchema = z.object({
  id: z.string(),
  trackingNo: z.string(),
  stationName: z.string(),
  category: z.string(),
  status: z.string(),
  dueDate: z.string().nullable(),
  overdueDays: z.number(),
  holder: z.string(),
  summary: z.string(),
})
export type DashboardCase = z.infer<typeof dashboardCaseSchema>

export const dashboardSchema = z.object({
  scopeLabel: z.string(),
  from: z.string(),
  to: z.string(),
  received: z.number(),
  seconds: z.number(),
  byMonth: z.array(labelled),
  byWeek: z.array(labelled),
  byCategory: z.array(labelled),
  byStation: z.array(labelled),
  byChannel: z.array(labelled),
  closureRate: rate,
  onTimeRate: rate,
  satisfactionRate: rate,
  avgFirstAnswerHours: z.object({ value: z.number().nullable(), definition: z.string() }),
  avgReplyHours: z.object({ value: z.number().nullable(), definition: z.string() }),
  units: z.array(ranked),
  stations: z.array(ranked),
  overdue: z.array(dashboardCaseSchema),
  supervised: z.array(dashboardCaseSchema),
  stationOptions: z.array(z.object({ id: z.string(), name: z.string() })),
})
export type DashboardView = z.infer<typeof dashboardSchema>

export const hotspotSchema = z.object({
  id: z.string(),
  theme: z.string(),
  terms: z.array(z.string()),
  count: z.number(),
  category: z.string(),
  places: z.array(z.string()),
  stations: z.array(z.object({ id: z.string(), name: z.string(), count: z.number() })),
  caseIds: z.array(z.string()),
  cases: z.array(z.object({ id: z.string(), trackingNo: z.string(), summary: z.string(), stationName: z.string(), createdAt: z.string() })),
  /** A prefilled suggestion draft (起草建议). */
  draft: z.object({ title: z.string(), body: z.string() }),
})
export type HotspotView = z.infer<typeof hotspotSchema>

export const EXPORT_TABLES = ['cases', 'overdue', 'supervised', 'categories', 'stations', 'units', 'hotspot'] as const
export type ExportTable = (typeof EXPORT_TABLES)[number]
export const EXPORT_TABLE_LABELS: Record<ExportTable, string> = {
  cases: '民意件明细',
  overdue: '超期件',
  supervised: '督办件',
  categories: '分类统计',
  stations: '家站点排名',
  units: '承办单位排名',
  hotspot: '热点问题',
}
/** At most this many rows in one file (a bigger period is exported month by month). */
export const EXPORT_MAX_ROWS = 5000
