// What is stored, one interface per collection. The api never returns these directly: use cases
// present them through the view schemas in types/entities.ts.
import type {
  AuditObjectType,
  CaseCommand,
  CaseRoute,
  CaseStatus,
  Category,
  DeadlineKind,
  Channel,
  DeputyLevel,
  Rating,
  RegionLevel,
  Role,
  StationKind,
} from '@minyi/types'
import type { TimeLimitOverrides } from './timeLimits'

export interface UserDoc {
  _id: string
  /** WeChat OPENID of the person, the only identity trusted in production. */
  openid: string
  role: Role
  name: string
  /** Staff: the stations they work at. */
  stationIds: string[]
  /** Deputies: their public record in `deputies`. */
  deputyId: string | null
  /** Admin: the district they oversee; others: the district they belong to. */
  regionId: string | null
  /**
   * Staff of a congress office (街道人大工委 of a street, 区人大常委会 of a district): that region. They
   * see the cases forwarded to their office (分级负责), not every case of its stations.
   */
  officeRegionId?: string | null
  /** Remaining one-time WeChat subscribe consents per template key. */
  credits: Record<string, number>
  createdAt: string
  /**
   * Accounts made by invitation (docs/accounts-and-invitations.md): `invited` until someone accepts
   * (openid is then a placeholder), `active` once bound, `revoked` for good. Absent: active (seeded
   * users and residents who registered themselves).
   */
  status?: 'invited' | 'active' | 'revoked'
  /** Who created the account (a user id, or `bootstrap`). */
  createdBy?: string
  activatedAt?: string | null
  revokedAt?: string | null
  revokedBy?: string | null
  revokeReason?: string | null
  /** An account: the resident record the person had before accepting (their own cases stay there). */
  residentId?: string | null
  /** A resident record whose person accepted an invitation: the account that now holds the openid. */
  movedToAccountId?: string | null
  /** 大字模式 as the person chose it (absent: never chosen; the app follows the system font size). */
  preferences?: { largeText?: boolean }
  /** When the person withdrew consent for their phone number (every number they left was deleted then). */
  phoneConsentWithdrawnAt?: string
}

/** A one-time invitation to an account (scene `i=<code>`); only the code's hash is stored. */
export interface InvitationDoc {
  _id: string
  accountId: string
  /** sha256 of the code: the code is a bearer secret, shown once to whoever created it. */
  codeHash: string
  /** The code's last two characters, to tell invitations apart in a list. */
  hint: string
  status: 'pending' | 'used' | 'revoked'
  /** The district the account belongs to. */
  regionId: string | null
  createdAt: string
  createdBy: string
  createdByName: string
  expiresAt: string
  usedAt: string | null
  /** The user record (resident) that accepted it. */
  usedBy: string | null
  revokedAt: string | null
  revokedBy: string | null
}

export interface RegionDoc {
  _id: string
  name: string
  level: RegionLevel
  parentId: string | null
  /** The people's-congress organ of the region, e.g. "××区人大常委会", "××街道人大工委". */
  officeName: string
  /** A district's own time limits, overriding any of the defaults in config.ts (domain/timeLimits.ts). */
  timeLimits?: TimeLimitOverrides
  /** 撤销 (admin console): kept for history, no new stations under it. */
  retiredAt?: string | null
}

export interface ReceptionRule {
  /** Months the rule applies to: all, or only even / odd months. */
  months: 'all' | 'even' | 'odd'
  /** Day of month. */
  day: number
  start: string
  end: string
  label: string
}

export interface StationDoc {
  _id: string
  code: string
  name: string
  kind: StationKind
  regionId: string
  address: string
  openHours: string
  contactPhone: string
  reception: ReceptionRule
  // Managed in the console (application/admin); absent on older documents.
  photos?: string[]
  location?: { latitude: number; longitude: number } | null
  /** 撤并: when, and the station residents are sent to instead (its codes answer with it). */
  retiredAt?: string | null
  replacedBy?: string | null
  /** 年度代表工作目标及完成情况, by year (`'2026'`). */
  goals?: Record<string, StationGoal[]>
  /** Bumped by each save of the goals; a save is conditional on the version it read. */
  goalsVersion?: number
  /** The request that created it (a retry the router forgot finds its own station). */
  createdBy?: string
}

export interface StationGoal {
  id: string
  title: string
  status: 'planned' | 'in_progress' | 'done'
  progress: string
}

export interface DeputyDoc {
  _id: string
  code: string
  name: string
  level: DeputyLevel
  photoUrl: string
  commitment: string
  bio: string
  stationIds: string[]
  /** Stations this deputy heads (站长). */
  headOf: string[]
  // Managed in the console (application/admin); absent on older documents.
  /** 原选区 (direct election) or 选举单位 (indirect). */
  constituency?: string
  election?: 'direct' | 'indirect'
  /** Public contact shown in 公示. */
  contact?: string
  /** Stations left, and when (moving keeps what they did: cases keep their stationId and deputyId). */
  stationHistory?: Array<{ stationId: string; from: string | null; to: string }>
  /** When they joined each current station (for the history once they leave it). */
  joinedAt?: Record<string, string>
  createdBy?: string
}

export interface UnitDoc {
  _id: string
  name: string
  regionId: string
  /** Legacy routing: the categories this unit takes when the region has no routing map yet. */
  categories: Category[]
  contactName?: string
  contactPhone?: string
  retiredAt?: string | null
  createdBy?: string
}

/** 分办规则 of one level (a district or a street): category → unit. Its _id is the region's id. */
export interface RoutingDoc {
  _id: string
  regionId: string
  map: Partial<Record<Category, string>>
  updatedAt: string
}

export type ActorRole = Role | 'system'

export interface CaseEvent {
  id: string
  /** `submit`, a case command, or another recorded fact such as `phoneRevealed`. */
  type: CaseCommand | 'submit' | 'phoneRevealed' | string
  at: string
  actorId: string | null
  actorRole: ActorRole
  /** How the actor is shown to residents, e.g. "联络站工作人员", "人大代表 王建国". */
  actorLabel: string
  from: CaseStatus | null
  to: CaseStatus | null
  note: string | null
}

export interface OutboxItem {
  id: string
  recipientId: string
  title: string
  body: string
  link: string | null
  /** Subscribe-message template key, or null for an in-app message only. */
  template: string | null
  data: Record<string, string>
  createdAt: string
}

export interface ReplyRecord {
  id: string
  text: string
  fromLabel: string
  at: string
}

export interface CaseDoc {
  _id: string
  trackingNo: string
  requestId: string
  residentId: string
  stationId: string
  deputyId: string | null
  channel: Channel
  category: Category
  content: string
  place: string | null
  phoneSealed: string | null
  phoneMasked: string | null
  phoneVisibleToDeputy: boolean
  contentCheck: 'pass' | 'review'
  status: CaseStatus
  route: CaseRoute | null
  transfer: { unitId: string; unitName: string; dueDate: string; note: string | null; complex?: boolean } | null
  decline: { reason: string; guidance: string } | null
  replies: ReplyRecord[]
  rating: { value: Rating; comment: string | null; at: string } | null
  reopenCount: number
  events: CaseEvent[]
  /** Notifications written with the change that caused them, delivered by the outbox flush. */
  outbox: OutboxItem[]
  outboxSize: number
  /** Distinct significant words of content and place, for finding similar cases (triage). */
  terms?: string[]
  // --- 附议, 并案, photos, suggestions (issue 3; see domain/seconds.ts, merge.ts, photos.ts, suggestions/) ---
  /** Residents who seconded (附议) the case, keyed by user id: the marker that makes seconding idempotent. */
  seconds?: Record<string, { at: string }>
  /** The same residents as a list, to find the cases a resident seconded. */
  seconderIds?: string[]
  /** How many residents seconded; missing until the first. Every move is conditional on it (domain/seconds.ts). */
  secondCount?: number
  /** 并案: the case whose handling this one follows; kept as history after the merged case got its reply. */
  mergedInto?: MergedInto
  /** Photos attached when the opinion was submitted. */
  photos?: PhotoRecord[]
  /** Photos staff hid, keyed by photo id (the photo record itself is kept). */
  hiddenPhotos?: Record<string, HiddenPhoto>
  /** Suggestions (议案/建议) this case is evidence for, keyed by suggestion id; written when one is submitted. */
  suggestions?: Record<string, CaseSuggestionLink>
  // --- 分级负责 and time limits (issue 3; see domain/caseAccess.ts, offices.ts, deadlines.ts) ---
  /** The congress office handling the case now; absent while its station holds it. */
  office?: CaseOffice
  /** Every office the case reached (region ids): each keeps read access. */
  officeIds?: string[]
  /** The time limit running now; absent when none runs. */
  deadline?: CaseDeadline
  // --- 代录 and retention (issue 10; see application/privacy/) ---
  /** Registered by staff for a resident who came in person or phoned; claimed once with the receipt's code. */
  assisted?: AssistedEntry
  /** When the retention job deleted the phone number (N months after the case closed). */
  phoneErasedAt?: string
  createdAt: string
  updatedAt: string
}

export interface AssistedEntry {
  residentName: string
  claimCode: string
  registeredBy: string
  /** Null until a resident scanned the receipt; the claim is conditional on it. */
  claimedAt: string | null
  claimedBy: string | null
}

/** A congress office a case was forwarded to: the 街道人大工委 of a street, the 区人大常委会 of a district. */
export interface CaseOffice {
  regionId: string
  level: RegionLevel
  /** Short name, e.g. "湖滨街道人大工委". */
  name: string
}

export interface CaseDeadline {
  /** The event that started this clock; a new clock gets a new id (and may be supervised anew). */
  id: string
  kind: DeadlineKind
  startedAt: string
  /** The instant it runs out (the end of `dueDate` for limits counted in days). */
  dueAt: string
  /** The Shanghai calendar day it runs out. */
  dueDate: string
  complex?: boolean
  /** The one extension of a unit's limit. */
  extension?: { at: string; reason: string; fromDate: string; byLabel: string }
  /** When the deadline job wrote the 督办 event for this clock (at most once). */
  supervisedAt?: string
}

export interface MergedInto {
  caseId: string
  trackingNo: string
  at: string
  /** The `merge` event on this case. */
  eventId: string
}

export interface PhotoRecord {
  /** `p1`…`p3`. */
  id: string
  /** Cloud file id (`cloud://…`) or local reference (`local:<userId>/<name>`). */
  fileId: string
  contentType: string | null
  size: number | null
  addedAt: string
}

export interface HiddenPhoto {
  at: string
  byId: string
  byLabel: string
  reason: string
  eventId: string
}

export interface CaseSuggestionLink {
  no: string
  title: string
  kind: 'suggestion' | 'motion'
  includedAt: string
  /** Answers of the suggestion already delivered to this case, by answer id → when. */
  answered?: Record<string, string>
}

export type PushStatus = 'pending' | 'sent' | 'no_consent' | 'failed' | 'not_applicable'

export interface NotificationDoc {
  _id: string
  recipientId: string
  caseId: string | null
  title: string
  body: string
  link: string | null
  createdAt: string
  read: boolean
  push: {
    status: PushStatus
    template: string | null
    data: Record<string, string>
    attempts: number
    lastError: string | null
    nextAttemptAt: string | null
  }
}

export interface RequestDoc {
  _id: string
  status: 'pending' | 'done'
  response: unknown
  createdAt: string
}

export interface CounterDoc {
  _id: string
  value: number
}

export interface PushLogDoc {
  _id: string
  openid: string
  template: string
  data: Record<string, string>
  page: string
  at: string
}

/** An answer staff keep for questions residents often ask (政策、办事程序), per district. */
export interface KnowledgeDoc {
  _id: string
  /** The district (区) whose staff maintain it. */
  regionId: string
  title: string
  /** Words or phrases a question about this entry contains, e.g. 加装电梯, 补贴. */
  keywords: string[]
  answer: string
  category: Category
  status: 'active' | 'retired'
  createdAt: string
  createdBy: string
  updatedAt: string
  /** User id and name of whoever last changed it. */
  updatedBy: string
  updatedByName: string
  retiredReason?: string | null
}

/** How many cases hold a term (document frequency), for weighting words in similarity; `_id: 'total'` counts the cases. */
export interface TermStatDoc {
  _id: string
  term: string
  df: number
  /** On the `total` document only: the number of terms of all counted cases. */
  terms?: number
}

/** One change by an admin or staff member (操作日志): written once, never updated or removed. */
export interface AuditDoc {
  _id: string
  at: string
  /** The district the change belongs to: who may read it. */
  regionId: string | null
  actorId: string
  actorRole: Role
  actorName: string
  objectType: AuditObjectType
  objectId: string
  objectLabel: string
  action: string
  summary: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}
