// What the 民生实事 collections store. Ballot secrecy lives in the shape of two of them:
// `ballot_tokens` (one per deputy of the electorate: voted or not, and a commitment to the receipt)
// and `ballots` (anonymous: the round and the choices, keyed by a hash of the receipt) share no
// field, id, timestamp or order that links one to the other (docs/livelihood-projects.md).
import type { LivelihoodLevel, MajorityRule, ProjectStatus, ProposalStatus, Rating, RoundCommand, RoundStatus } from '@minyi/types'
import type { OutboxItem, PhotoRecord } from '../records'

export interface RoundEvent {
  id: string
  command: RoundCommand | 'create' | 'configureVote' | 'resolveTie'
  from: RoundStatus | null
  to: RoundStatus | null
  at: string
  actorId: string
  actorLabel: string
  note: string | null
}

export interface VoteSettings {
  seats: number
  opensAt: string
  closesAt: string
  majority: MajorityRule
}

export interface StoredResults {
  electorateSize: number
  turnout: number
  ballots: number
  threshold: number
  counts: Record<string, number>
  chosenIds: string[]
  tie: { candidateIds: string[]; votes: number; seatsLeft: number } | null
}

export interface RoundDoc {
  _id: string
  requestId: string
  year: number
  level: LivelihoodLevel
  regionId: string
  regionName: string
  /** The district the round belongs to (its own region for a district round). */
  districtId: string
  title: string
  description: string
  collectFrom: string
  collectUntil: string
  status: RoundStatus
  /** Bumped by every change: each write is conditional on the revision it read. */
  rev: number
  vote: VoteSettings | null
  /** The electorate fixed when the vote opened: deputy ids (who may vote is public; how they voted is not). */
  electorate: string[] | null
  results: StoredResults | null
  tieResolution: { candidateIds: string[]; note: string } | null
  events: RoundEvent[]
  createdAt: string
  updatedAt: string
}

export interface ProposalDoc {
  _id: string
  roundId: string
  districtId: string
  title: string
  description: string
  place: string
  beneficiaries: string
  stationId: string | null
  /** The resident who proposed it (null when staff made it from cases). */
  authorId: string | null
  createdBy: string
  source: 'resident' | 'cases'
  caseIds: string[]
  /** Residents whose cases it was made from: told of the project's progress like supporters. */
  caseResidentIds: string[]
  status: ProposalStatus
  contentCheck: 'pass' | 'review'
  moderation: { by: string; at: string; note: string | null } | null
  /** 附议: one key per resident (an object field, so "once per resident" is one conditional update). */
  supporters: Record<string, string>
  supportCount: number
  candidateId: string | null
  createdAt: string
}

export interface MilestoneRecord {
  id: string
  title: string
  order: number
  dueDate: string
  dueAt: string
  doneAt: string | null
  /** Set once by the deadline job when the milestone runs out undone. */
  flaggedAt: string | null
}

export interface ProjectDoc {
  _id: string
  roundId: string
  districtId: string
  no: number
  title: string
  description: string
  budgetWan: number
  unitName: string
  timeFrame: string
  proposalIds: string[]
  caseIds: string[]
  status: ProjectStatus
  removed: boolean
  votes: number | null
  milestones: Record<string, MilestoneRecord>
  /** The earliest due time of an undone, unflagged milestone: what the deadline job queries. */
  nextDueAt: string | null
  reports: Array<{ id: string; at: string; milestoneId: string | null; note: string; by: string }>
  inspections: Array<{ id: string; at: string; deputyId: string; deputyName: string; note: string; photos: PhotoRecord[] }>
  supervisors: string[]
  ratings: Record<string, { rating: Rating; role: 'deputy' | 'resident'; at: string }>
  outbox: OutboxItem[]
  outboxSize: number
  rev: number
  createdAt: string
  updatedAt: string
}

export interface BallotTokenDoc {
  _id: string
  roundId: string
  deputyId: string
  voted: boolean
  /** sha256('token|round|receipt'): lets a retry with the same receipt finish its cast; does not lead to the ballot. */
  commit: string | null
}

/** Anonymous: no deputy, no time, an id that only the receipt leads to. */
export interface BallotDoc {
  _id: string
  roundId: string
  choices: string[]
}
