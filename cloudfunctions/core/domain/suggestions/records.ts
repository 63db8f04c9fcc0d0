// What is stored for a deputy's suggestion or motion (collection `suggestions`). The attached
// cases are an object keyed by case id (the marker that makes attaching idempotent); the cases
// themselves carry `suggestions.<id>` once it is submitted (domain/records.ts, CaseSuggestionLink).
import type { Rating, SuggestionCommand, SuggestionKind, SuggestionStatus } from '@minyi/types'
import type { ActorRole, CaseOffice } from '../records'

export interface SuggestionEvent {
  id: string
  /** `create`, `update`, `attachCase`, `detachCase`, or a command of the suggestion state machine. */
  type: SuggestionCommand | 'create' | 'update' | 'attachCase' | 'detachCase'
  at: string
  actorId: string | null
  actorRole: ActorRole
  actorLabel: string
  from: SuggestionStatus | null
  to: SuggestionStatus | null
  note: string | null
}

export interface SuggestionCaseRef {
  trackingNo: string
  stationId: string
  attachedAt: string
}

export interface SuggestionAnswer {
  id: string
  text: string
  unitId: string | null
  unitName: string | null
  at: string
  /** 1 for the first answer, 2 after a re-handling. */
  round: number
  eventId: string
}

export interface SuggestionRating {
  value: Rating
  comment: string | null
  at: string
  byId: string
  byLabel: string
  round: number
}

export interface SuggestionDoc {
  _id: string
  requestId: string
  /** e.g. JY2026-0003, given when submitted. */
  no: string | null
  kind: SuggestionKind
  deputyId: string
  deputyName: string
  /** User id of the deputy who drafted it. */
  authorId: string
  /** The deputy's stations when drafted: whose staff (and admins) handle it. */
  stationIds: string[]
  /** The district. */
  regionId: string | null
  /**
   * The congress office it is submitted to: the district's 人大常委会 for deputies at district level
   * and above, the street's 人大工委 for street-level deputies. Its staff handle it (besides the
   * staff of the deputy's stations and the district's admins).
   */
  office: CaseOffice | null
  title: string
  body: string
  cases: Record<string, SuggestionCaseRef>
  caseCount: number
  status: SuggestionStatus
  assignment: { units: Array<{ unitId: string; unitName: string }>; note: string | null; at: string } | null
  answers: SuggestionAnswer[]
  ratings: SuggestionRating[]
  rehandleCount: number
  deadlines: { assignBy: string | null; answerBy: string | null }
  submittedAt: string | null
  assignedAt: string | null
  answeredAt: string | null
  closedAt: string | null
  /**
   * Set by every change the attached cases or the deputy must hear of (submit, assign, answer) in the
   * same update; cleared by the fan-out once every case is up to date, conditional on `fanOutSeq`
   * not having moved meanwhile. The scheduled job finishes what a crash interrupted.
   */
  fanOutPending: boolean
  fanOutSeq: number
  events: SuggestionEvent[]
  createdAt: string
  updatedAt: string
}
