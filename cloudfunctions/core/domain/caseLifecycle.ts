// Moving a case: the pure part. Given the case as read, a command and who issues it, produce the
// one conditional update that performs the move, the event it appends and the notices it writes.
// If another actor moved the case in between, the condition `{ _id, status: from }` matches
// nothing and the use case reports a conflict instead of overwriting.
import { CASE_STATUS_LABELS, CASE_TRANSITIONS, canTransition, type CaseCommand } from '@minyi/types'
import type { Filter, Update } from '../ports/store'
import type { CaseDoc, CaseEvent, OutboxItem, ReplyRecord } from './records'
import { DomainError } from './errors'
import { residentNotice, type NoticeDetails } from './notices'

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
}

export interface CaseMove {
  filter: Filter
  update: Update
  event: CaseEvent
  notices: OutboxItem[]
}

/** What the refusal says cannot be done; a resident closes or reopens a case by rating it. */
const REFUSED_ACTION: Partial<Record<CaseCommand, string>> = { close: '评价', reopen: '评价' }

export function assertCanMove(c: CaseDoc, command: CaseCommand): void {
  if (!canTransition(command, c.status)) {
    throw new DomainError(
      'INVALID_STATE',
      `这条民意当前为「${CASE_STATUS_LABELS[c.status]}」，不能${REFUSED_ACTION[command] ?? CASE_TRANSITIONS[command].label}`,
    )
  }
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
  const notices = notice ? [notice] : []
  const push: Record<string, unknown[]> = { events: [event] }
  if (notices.length) push.outbox = notices
  if (request.reply) push.replies = [request.reply]
  const update: Update = {
    set: { ...request.set, status: transition.to, updatedAt: at },
    push,
  }
  if (notices.length) update.inc = { outboxSize: notices.length }
  return { filter: { _id: c._id, status: c.status }, update, event, notices }
}

/** An event that records a fact without moving the case (e.g. a phone number was revealed). */
export function planRecord(c: CaseDoc, event: CaseEvent): { filter: Filter; update: Update } {
  return { filter: { _id: c._id }, update: { push: { events: [event] } } }
}
