// What is stored, one interface per collection. The api never returns these directly: use cases
// present them through the view schemas in types/entities.ts.
import type {
  CaseCommand,
  CaseRoute,
  CaseStatus,
  Category,
  Channel,
  DeputyLevel,
  Rating,
  RegionLevel,
  Role,
  StationKind,
} from '@minyi/types'

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
  /** Remaining one-time WeChat subscribe consents per template key. */
  credits: Record<string, number>
  createdAt: string
}

export interface RegionDoc {
  _id: string
  name: string
  level: RegionLevel
  parentId: string | null
  /** The people's-congress organ of the region, e.g. "××区人大常委会", "××街道人大工委". */
  officeName: string
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
}

export interface UnitDoc {
  _id: string
  name: string
  regionId: string
  categories: Category[]
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
  transfer: { unitId: string; unitName: string; dueDate: string; note: string | null } | null
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
  createdAt: string
  updatedAt: string
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
  /** Significant words of title and keywords, for searching. */
  terms: string[]
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
