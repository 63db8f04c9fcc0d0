// The life of a deputy's suggestion or motion (议案/建议) as data, like the case state machine:
// every status and every command that moves a suggestion between them. The server refuses any
// command whose `from` does not hold the suggestion's current status and performs each move as
// one conditional update on `{ _id, status: from }`.
import type { Rating, Role } from './enums'

export const SUGGESTION_KINDS = ['suggestion', 'motion'] as const
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number]
export const SUGGESTION_KIND_LABELS: Record<SuggestionKind, string> = {
  suggestion: '建议',
  motion: '议案',
}

export const SUGGESTION_STATUSES = ['draft', 'submitted', 'assigned', 'answered', 'rehandling', 'closed', 'withdrawn'] as const
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number]

export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  draft: '草稿',
  submitted: '已提交人大机关',
  assigned: '已交办承办单位',
  answered: '承办单位已答复',
  rehandling: '重新办理',
  closed: '已办结',
  withdrawn: '已撤回',
}

export interface SuggestionTransition {
  from: readonly SuggestionStatus[]
  to: SuggestionStatus
  /** Roles that may issue it; a deputy only on their own suggestion, staff only in their scope. */
  roles: readonly Role[]
  /** What the suggestion's timeline says happened. */
  label: string
}

/** How many times an answer the deputy is not satisfied with is handled again. */
export const SUGGESTION_REHANDLE_LIMIT = 1

export const SUGGESTION_TRANSITIONS = {
  submit: { from: ['draft'], to: 'submitted', roles: ['deputy'], label: '提交人大机关' },
  withdraw: { from: ['draft'], to: 'withdrawn', roles: ['deputy'], label: '撤回草稿' },
  assign: { from: ['submitted'], to: 'assigned', roles: ['staff', 'admin'], label: '交办承办单位' },
  recordAnswer: { from: ['assigned', 'rehandling'], to: 'answered', roles: ['staff', 'admin'], label: '登记承办单位答复' },
  /** 满意 / 基本满意. */
  conclude: { from: ['answered'], to: 'closed', roles: ['deputy', 'staff', 'admin'], label: '代表满意，办结' },
  /** 不满意, the first time: handled once more. */
  rehandle: { from: ['answered'], to: 'rehandling', roles: ['deputy', 'staff', 'admin'], label: '代表不满意，重新办理' },
  /** 不满意 after the re-handling: closed with the dissatisfaction on record. */
  closeUnsatisfied: { from: ['answered'], to: 'closed', roles: ['deputy', 'staff', 'admin'], label: '代表仍不满意，办结并存档' },
} as const satisfies Record<string, SuggestionTransition>

export type SuggestionCommand = keyof typeof SUGGESTION_TRANSITIONS

/** Edits of a draft that do not change its status. */
export const SUGGESTION_DRAFT_EDITS = ['update', 'attachCase', 'detachCase'] as const

export function canMoveSuggestion(command: SuggestionCommand, status: SuggestionStatus): boolean {
  return (SUGGESTION_TRANSITIONS[command].from as readonly SuggestionStatus[]).includes(status)
}

/** Which command a rating of the answer is: 满意/基本满意 close it, 不满意 sends it back once. */
export function ratingCommand(rating: Rating, rehandleCount: number): SuggestionCommand {
  if (rating !== 'unsatisfied') return 'conclude'
  return rehandleCount < SUGGESTION_REHANDLE_LIMIT ? 'rehandle' : 'closeUnsatisfied'
}

/** Statuses in which the congress office or a unit still owes something. */
export const SUGGESTION_OPEN_STATUSES: readonly SuggestionStatus[] = ['submitted', 'assigned', 'answered', 'rehandling']
