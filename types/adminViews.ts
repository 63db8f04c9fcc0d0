// What the administration console (管理台) reads: regions, stations, deputies, units, the routing
// map and a station's annual goals, with everything an editor needs.
import { z } from 'zod'
import { CATEGORIES, DEPUTY_LEVELS, STATION_KINDS } from './enums'

export const ELECTIONS = ['direct', 'indirect'] as const
export type Election = (typeof ELECTIONS)[number]
export const ELECTION_LABELS: Record<Election, string> = { direct: '直接选举（原选区）', indirect: '间接选举（选举单位）' }

export const GOAL_STATUSES = ['planned', 'in_progress', 'done'] as const
export type GoalStatus = (typeof GOAL_STATUSES)[number]
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = { planned: '未开始', in_progress: '推进中', done: '已完成' }

export const locationSchema = z.object({ latitude: z.number(), longitude: z.number() })

export const adminRegionSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['district', 'street']),
  parentId: z.string().nullable(),
  officeName: z.string(),
  retired: z.boolean(),
  stationCount: z.number(),
})
export type AdminRegionView = z.infer<typeof adminRegionSchema>

export const adminStationSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(STATION_KINDS),
  kindLabel: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  address: z.string(),
  openHours: z.string(),
  contactPhone: z.string(),
  /** Uploaded photos' file ids (or typed addresses), as `admin.station.update` takes them. */
  photos: z.array(z.string()),
  /** Addresses to show them (same order; '' for one that cannot be shown just now). */
  photoUrls: z.array(z.string()).default([]),
  location: locationSchema.nullable(),
  receptionLabel: z.string(),
  retired: z.boolean(),
  retiredAt: z.string().nullable(),
  replacedBy: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  deputyCount: z.number(),
  /** What the caller may change here: everything (admin) or the public details (the station's staff). */
  editable: z.enum(['all', 'public']),
})
export type AdminStationView = z.infer<typeof adminStationSchema>

export const adminDeputySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.enum(DEPUTY_LEVELS),
  levelLabel: z.string(),
  constituency: z.string(),
  election: z.enum(ELECTIONS),
  electionLabel: z.string(),
  stationIds: z.array(z.string()),
  stationNames: z.array(z.string()),
  headOf: z.array(z.string()),
  /** The uploaded photo's file id (or a typed address), as `admin.deputy.update` takes it. */
  photoUrl: z.string(),
  /** An address to show it ('' without a photo). */
  photoPreview: z.string().default(''),
  contact: z.string(),
  commitment: z.string(),
  bio: z.string(),
  /** Where they were before: each station they left, and when. */
  history: z.array(z.object({ stationId: z.string(), stationName: z.string(), from: z.string().nullable(), to: z.string() })),
})
export type AdminDeputyView = z.infer<typeof adminDeputySchema>

export const adminUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  level: z.enum(['district', 'street']),
  levelLabel: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  retired: z.boolean(),
})
export type AdminUnitView = z.infer<typeof adminUnitSchema>

/** One level's category → unit map (分办规则): what triage suggests for each category. */
export const routingMapSchema = z.object({
  regionId: z.string(),
  regionName: z.string(),
  level: z.enum(['district', 'street']),
  entries: z.array(z.object({ category: z.enum(CATEGORIES), categoryLabel: z.string(), unitId: z.string().nullable(), unitName: z.string().nullable() })),
})
export type RoutingMapView = z.infer<typeof routingMapSchema>

export const goalSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(GOAL_STATUSES),
  statusLabel: z.string(),
  /** 完成情况: what has been done so far. */
  progress: z.string(),
})
export type GoalView = z.infer<typeof goalSchema>

export const stationGoalsSchema = z.object({ stationId: z.string(), year: z.number(), goals: z.array(goalSchema), version: z.number() })
export type StationGoalsView = z.infer<typeof stationGoalsSchema>

/** 公示 on a station's page: this year's goals and completion, and each deputy's record in counts. */
export const publicitySchema = z.object({
  year: z.number(),
  goals: z.array(goalSchema),
  done: z.number(),
  deputies: z.array(
    z.object({
      deputyId: z.string(),
      /** Cases raised with the deputy, reception days on duty, 议案建议 submitted: counts, never residents' names. */
      cases: z.number(),
      receptionDuties: z.number(),
      suggestions: z.number(),
    }),
  ),
})
export type PublicityView = z.infer<typeof publicitySchema>
