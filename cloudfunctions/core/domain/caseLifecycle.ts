// Moving a case: the pure part. Given the case as read, a command and who issues it, produce the
// one conditional update that performs the move, the event it appends and the notices it writes.
// If another actor moved the case in between, the condition `{ _id, status: from }` matches
// nothing and the use case reports a conflict instead of overwriting.
import { CASE_STATUS_LABELS, CASE_TRANSITIONS, canTransition, levelAllows, type CaseCommand } from '@minyi/types'
import type { Filter, Update } from '../ports/store'
import type { CaseDeadline, CaseDoc, CaseEvent, OutboxItem, ReplyRecord } from './records'
import { runsClock } from './deadlines'
import { holdingLevel } from './offices'
import { DomainError } from './errors'
import { residentNotice, type NoticeDetails } from './notices'
import { secondsGuard, withSeconders } from './seconds'

export interface Actor {
  id: string | null
  role: CaseEvent['actorRole']
  label: string
}

export interface MoveRequest {
  command: CaseCommand
  actor: Actor
  at: Date
  eventId: string
  note?: string | null
  /** Fields the command sets besides the status (route, transfer, decline, rating…). */
  set?: Partial<Omit<CaseDoc, '_id' | 'status' | 'events' | 'outbox' | 'outboxSize' | 'replies'>>
  reply?: ReplyRecord
  details?: NoticeDetails
  /**
   * The clock the case runs against after the move (domain/deadlines.ts `deadlineAfter`); null stops
   * it. Omitted: a status without a clock stops it, any other keeps the current one.
   */
  deadline?: CaseDeadline | null
  /** Further conditions of the update, for moves that stay in the same status (forward, extend). */
  guard?: Filter
  /** Notices to others than the residents (e.g. the office a case is forwarded to), in the same update. */
  alsoNotify?: OutboxItem[]
}

export interface CaseMove {
  filter: Filter
  update: Update
  event: CaseEvent
  notices: OutboxItem[]
}

/** What the refusal says cannot be done; a resident closes or reopens a case by rating it. */
const REFUSED_ACTION: Partial<Record<CaseCommand, string>> = { close: '评价', reopen: '评价', escalate: '评价' }

/** Why the case's state does not allow the command (status, the level holding it, a one-time step), or null. */
export function moveRefusal(c: CaseDoc, command: CaseCommand): string | null {
  const now = `这条民意当前为「${CASE_STATUS_LABELS[c.status]}」`
  if (!canTransition(command, c.status)) return `${now}，不能${REFUSED_ACTION[command] ?? CASE_TRANSITIONS[command].label}`
  // 分级负责: only an office assigns a handling unit; on-the-spot answers belong to the station.
  if (!levelAllows(command, holdingLevel(c))) {
    return c.office
      ? `${now}，已转报${c.office.name}办理，不能${CASE_TRANSITIONS[command].label}`
      : `${now}，由家站点办理，需先转报人大机关才能${CASE_TRANSITIONS[command].label}`
  }
  if (command === 'extend' && c.deadline?.extension) return `${now}，办理期限已延长过一次，不能再次延长`
  // The district's 人大常委会 is the top of the hierarchy here: nothing to forward to.
  if (command === 'forward' && c.office?.level === 'district') return `${now}，已由${c.office.name}办理，不能再向上转报`
  return null
}

export function assertCanMove(c: CaseDoc, command: CaseCommand): void {
  const refusal = moveRefusal(c, command)
  if (refusal) throw new DomainError('INVALID_STATE', refusal)
}

export function planMove(c: CaseDoc, request: MoveRequest): CaseMove {
  assertCanMove(c, request.command)
  const transition = CASE_TRANSITIONS[request.command]
  const at = request.at.toISOString()
  const event: CaseEvent = {
    id: request.eventId,
    type: request.command,
    at,
    actorId: request.actor.id,
    actorRole: request.actor.role,
    actorLabel: request.actor.label,
    from: c.status,
    to: transition.to,
    note: request.note ?? null,
  }
  const notice = residentNotice(c, request.command, event, request.details ?? {})
  // The author's notice, and the same notice to every resident who seconded (附议) the case.
  const notices = [...(notice ? withSeconders(c, [notice]) : []), ...(request.alsoNotify ?? [])]
  const push: Record<string, unknown[]> = { events: [event] }
  if (notices.length) push.outbox = notices
  if (request.reply) push.replies = [request.reply]
  const update: Update = {
    set: { ...request.set, status: transition.to, updatedAt: at },
    push,
  }
  if (notices.length) update.inc = { outboxSize: notices.length }
  // The time limit of the new status, written with the move (domain/deadlines.ts).
  if (request.deadline) update.set = { ...update.set, deadline: request.deadline }
  else if (request.deadline === null || (c.deadline && !runsClock(transition.to))) update.unset = ['deadline']
  // Also conditional on nobody having seconded since the case was read, or they would miss the notice.
  return { filter: { _id: c._id, status: c.status, ...secondsGuard(c), ...request.guard }, update, event, notices }
}

/** The timeline entry of a fact that does not move the case (a photo hidden, a suggestion answered…). */
export function factEvent(type: string, actor: Actor, at: Date, eventId: string, note: string | null): CaseEvent {
  return { id: eventId, type, at: at.toISOString(), actorId: actor.id, actorRole: actor.role, actorLabel: actor.label, from: null, to: null, note }
}

/** An event that records a fact without moving the case (e.g. a phone number was revealed). */
export function planRecord(c: CaseDoc, event: CaseEvent): { filter: Filter; update: Update } {
  return { filter: { _id: c._id }, update: { push: { events: [event] } } }
}
