// The life of a case as data: every status, and every command that moves a case between them.
// The server refuses any command whose `from` does not contain the case's current status, and
// performs each move as one conditional update on `{ _id, status: from }`.
import type { Role } from './enums'

export const CASE_STATUSES = [
  'submitted',
  'accepted',
  'referred',
  'transferred',
  'replied',
  'proposal',
  'declined',
  'reopened',
  'closed',
  'merged',
  'forwarded',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  referred: '待转办',
  transferred: '办理中',
  replied: '已答复',
  proposal: '已转为议案建议素材',
  declined: '不予受理',
  reopened: '重新办理',
  closed: '已办结',
  merged: '已并案办理',
  forwarded: '已转报人大机关',
}

/** Statuses in which the case is still being worked on by staff or deputies. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'accepted', 'referred', 'transferred', 'reopened', 'forwarded']

/** Which kind of WeChat subscribe message a resident gets for a change, if any. */
export type ResidentNotice = 'progress' | 'reply' | null

export interface CaseTransition {
  from: readonly CaseStatus[]
  to: CaseStatus
  /** Roles that may issue the command (object scope is checked separately). */
  roles: readonly Role[]
  /** What the timeline says happened. */
  label: string
  notice: ResidentNotice
  /**
   * 分级负责: where the case must be held for the command — at its station, or with a congress office
   * it was forwarded to (see domain/caseAccess.ts). Omitted: wherever it is.
   */
  levels?: readonly HandlingLevel[]
}

/** Where a case is held: its station, or a congress office (街道人大工委 / 区人大常委会). */
export type HandlingLevel = 'station' | 'office'

const HANDLING: readonly CaseStatus[] = ['submitted', 'accepted', 'referred', 'reopened']

export const CASE_TRANSITIONS = {
  accept: { from: ['submitted'], to: 'accepted', roles: ['staff', 'admin'], label: '受理', notice: 'progress' },
  refer: { from: ['submitted', 'accepted', 'reopened'], to: 'referred', roles: ['deputy'], label: '代表提请转办', notice: null, levels: ['station'] },
  answerOnSite: { from: HANDLING, to: 'replied', roles: ['deputy', 'staff', 'admin'], label: '现场答复', notice: 'reply', levels: ['station'] },
  // 分级负责 (graded transfer): a station forwards what needs handling to its same-level congress
  // office (街道人大工委); an office forwards to the upper level (区人大常委会) when needed. Only an office
  // assigns a handling unit. Each hop is its own `forward` event. See domain/offices.ts.
  forward: { from: [...HANDLING, 'forwarded'], to: 'forwarded', roles: ['staff', 'admin'], label: '转报人大机关', notice: 'progress' },
  transfer: { from: ['forwarded', 'reopened'], to: 'transferred', roles: ['staff', 'admin'], label: '转办承办单位', notice: 'progress', levels: ['office'] },
  // The unit's time limit, extended once with a reason (domain/deadlines.ts).
  extend: { from: ['transferred'], to: 'transferred', roles: ['staff', 'admin'], label: '延长办理期限', notice: 'progress', levels: ['office'] },
  recordUnitAnswer: { from: ['transferred'], to: 'replied', roles: ['staff', 'admin'], label: '承办单位答复', notice: 'reply' },
  markProposal: { from: [...HANDLING, 'forwarded'], to: 'proposal', roles: ['staff', 'admin'], label: '列为议案建议素材', notice: 'progress' },
  decline: { from: [...HANDLING, 'forwarded'], to: 'declined', roles: ['staff', 'admin'], label: '不予受理', notice: 'progress' },
  close: { from: ['replied'], to: 'closed', roles: ['resident'], label: '评价并办结', notice: null },
  // 不满意: re-handling with a new time limit, at most `maxReopens` times; after that the rating
  // escalates the case one level up instead (domain/reopenRules.ts).
  reopen: { from: ['replied'], to: 'reopened', roles: ['resident'], label: '不满意，重新办理', notice: 'progress' },
  escalate: { from: ['replied'], to: 'forwarded', roles: ['resident'], label: '不满意，提交上级人大机关办理', notice: 'progress' },
  // A replied case nobody rated closes itself after `autoCloseDays` (the scheduled job, actor 系统).
  autoClose: { from: ['replied'], to: 'closed', roles: [], label: '逾期未评价，自动办结', notice: 'progress' },
  // 并案: a duplicate follows another case's handling; when that case gets its outcome, each merged
  // case gets it too, on its own (system moves, actor = whoever gave the outcome). See domain/merge.ts.
  merge: { from: [...HANDLING, 'forwarded', 'transferred'], to: 'merged', roles: ['staff', 'admin'], label: '并案办理', notice: 'progress' },
  mergedReply: { from: ['merged'], to: 'replied', roles: [], label: '并案答复', notice: 'reply' },
  mergedDecline: { from: ['merged'], to: 'declined', roles: [], label: '并案不予受理', notice: 'progress' },
  // 议案/建议: a deputy's submitted suggestion takes in the cases it rests on, and its answer is their
  // reply (system moves driven by the suggestion's commands). See domain/suggestions/.
  includeInSuggestion: { from: [...HANDLING, 'forwarded'], to: 'proposal', roles: [], label: '纳入代表建议', notice: 'progress' },
  suggestionAnswered: { from: ['proposal'], to: 'replied', roles: [], label: '代表建议已答复', notice: 'reply' },
} as const satisfies Record<string, CaseTransition>

export type CaseCommand = keyof typeof CASE_TRANSITIONS

export function canTransition(command: CaseCommand, status: CaseStatus): boolean {
  return (CASE_TRANSITIONS[command].from as readonly CaseStatus[]).includes(status)
}

/** Whether the command may be issued on a case held at this level (分级负责). */
export function levelAllows(command: CaseCommand, level: HandlingLevel): boolean {
  const levels = (CASE_TRANSITIONS[command] as CaseTransition).levels
  return !levels || levels.includes(level)
}

/** Commands a role could issue on a case in the given status (for showing buttons). */
export function availableCommands(status: CaseStatus, role: Role): CaseCommand[] {
  return (Object.keys(CASE_TRANSITIONS) as CaseCommand[]).filter(
    (command) => canTransition(command, status) && (CASE_TRANSITIONS[command].roles as readonly Role[]).includes(role),
  )
}
