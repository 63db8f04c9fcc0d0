// 民生实事代表票决 (livelihood projects chosen by the deputies' vote) as data: the states of a yearly
// round and every command that moves it, who may issue each, and the labels the pages show. The
// server refuses a command whose `from` does not hold the round's current status and performs each
// move as one conditional update on `{ _id, status: from, rev }`. No zod here (front end imports it).
import type { Rating, Role } from './enums'

export const LIVELIHOOD_LEVELS = ['district', 'street'] as const
export type LivelihoodLevel = (typeof LIVELIHOOD_LEVELS)[number]
export const LIVELIHOOD_LEVEL_LABELS: Record<LivelihoodLevel, string> = {
  district: '区级',
  street: '街道（乡镇）级',
}

export const ROUND_STATUSES = ['collecting', 'shortlisting', 'voting', 'carrying_out', 'assessing', 'closed'] as const
export type RoundStatus = (typeof ROUND_STATUSES)[number]
export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  collecting: '征集中',
  shortlisting: '遴选候选项目',
  voting: '代表票决中',
  carrying_out: '实施监督中',
  assessing: '满意度测评中',
  closed: '已办结',
}

export interface RoundTransition {
  from: readonly RoundStatus[]
  to: RoundStatus
  /** Roles that may issue it; staff only as the congress office of the round's region. */
  roles: readonly Role[]
  label: string
}

export const ROUND_TRANSITIONS = {
  /** 征集 ends: the office merges proposals into candidate projects. */
  startShortlist: { from: ['collecting'], to: 'shortlisting', roles: ['staff', 'admin'], label: '结束征集，进入遴选' },
  reopenCollecting: { from: ['shortlisting'], to: 'collecting', roles: ['staff', 'admin'], label: '重新开放征集' },
  /** Publishes the candidate list and fixes the electorate (a snapshot of the deputies of the level). */
  openVote: { from: ['shortlisting'], to: 'voting', roles: ['staff', 'admin'], label: '公布候选项目，开始票决' },
  /** After the close time (or when every deputy has voted): tallies and publishes the result. */
  publishResults: { from: ['voting'], to: 'carrying_out', roles: ['staff', 'admin'], label: '结束票决，公布结果' },
  startAssessment: { from: ['carrying_out'], to: 'assessing', roles: ['staff', 'admin'], label: '开始满意度测评' },
  close: { from: ['assessing'], to: 'closed', roles: ['staff', 'admin'], label: '本轮办结' },
} as const satisfies Record<string, RoundTransition>

export type RoundCommand = keyof typeof ROUND_TRANSITIONS
export const ROUND_COMMANDS = ['startShortlist', 'reopenCollecting', 'openVote', 'publishResults', 'startAssessment', 'close'] as const satisfies readonly RoundCommand[]

export function canMoveRound(command: RoundCommand, status: RoundStatus): boolean {
  return (ROUND_TRANSITIONS[command].from as readonly RoundStatus[]).includes(status)
}

export const PROPOSAL_STATUSES = ['pending', 'approved', 'rejected'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  pending: '待审核',
  approved: '已公开',
  rejected: '未采纳',
}

export const PROJECT_STATUSES = ['candidate', 'chosen', 'not_chosen'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  candidate: '候选项目',
  chosen: '票决当选',
  not_chosen: '未当选',
}

/** How many votes a candidate needs (besides being in the top N). */
export const MAJORITY_RULES = ['over_half_electorate', 'over_half_ballots', 'plurality'] as const
export type MajorityRule = (typeof MAJORITY_RULES)[number]
export const MAJORITY_RULE_LABELS: Record<MajorityRule, string> = {
  over_half_electorate: '得票超过全体应投票代表的半数',
  over_half_ballots: '得票超过实际投票数的半数',
  plurality: '不设过半数要求，按得票多少',
}

/** Who may rate a project in the assessment: deputies of the electorate, residents who proposed or supported. */
export type AssessmentRating = Rating
