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
}

/** Statuses in which the case is still being worked on by staff or deputies. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'accepted', 'referred', 'transferred', 'reopened']

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
}

const HANDLING: readonly CaseStatus[] = ['submitted', 'accepted', 'referred', 'reopened']

export const CASE_TRANSITIONS = {
  accept: { from: ['submitted'], to: 'accepted', roles: ['staff', 'admin'], label: '受理', notice: 'progress' },
  refer: { from: ['submitted', 'accepted', 'reopened'], to: 'referred', roles: ['deputy'], label: '代表提请转办', notice: null },
  answerOnSite: { from: HANDLING, to: 'replied', roles: ['deputy', 'staff', 'admin'], label: '现场答复', notice: 'reply' },
  transfer: { from: HANDLING, to: 'transferred', roles: ['staff', 'admin'], label: '转办承办单位', notice: 'progress' },
  recordUnitAnswer: { from: ['transferred'], to: 'replied', roles: ['staff', 'admin'], label: '承办单位答复', notice: 'reply' },
  markProposal: { from: HANDLING, to: 'proposal', roles: ['staff', 'admin'], label: '列为议案建议素材', notice: 'progress' },
  decline: { from: HANDLING, to: 'declined', roles: ['staff', 'admin'], label: '不予受理', notice: 'progress' },
  close: { from: ['replied'], to: 'closed', roles: ['resident'], label: '评价并办结', notice: null },
  reopen: { from: ['replied'], to: 'reopened', roles: ['resident'], label: '不满意，重新办理', notice: 'progress' },
} as const satisfies Record<string, CaseTransition>

export type CaseCommand = keyof typeof CASE_TRANSITIONS

export function canTransition(command: CaseCommand, status: CaseStatus): boolean {
  return (CASE_TRANSITIONS[command].from as readonly CaseStatus[]).includes(status)
}

/** Commands a role could issue on a case in the given status (for showing buttons). */
export function availableCommands(status: CaseStatus, role: Role): CaseCommand[] {
  return (Object.keys(CASE_TRANSITIONS) as CaseCommand[]).filter(
    (command) => canTransition(command, status) && (CASE_TRANSITIONS[command].roles as readonly Role[]).includes(role),
  )
}
