// Moving a suggestion, the pure part: who may see and act on it, and the one conditional update
// (`{ _id, status: from }`) that performs a command with the event it appends.
import {
  SUGGESTION_STATUS_LABELS,
  SUGGESTION_TRANSITIONS,
  canMoveSuggestion,
  type Role,
  type SuggestionCommand,
  type SuggestionStatus,
} from '@minyi/types'
import type { Filter, Update } from '../../ports/store'
import type { Caller } from '../caller'
import { DomainError } from '../errors'
import type { ActorRole } from '../records'
import type { SuggestionDoc, SuggestionEvent } from './records'

export interface SuggestionActor {
  id: string | null
  role: ActorRole
  label: string
}

export function isAuthor(caller: Pick<Caller, 'role' | 'deputyId'>, s: Pick<SuggestionDoc, 'deputyId'>): boolean {
  return caller.role === 'deputy' && caller.deputyId !== null && caller.deputyId === s.deputyId
}

/**
 * Staff of the congress office it was submitted to, staff of the deputy's stations and the
 * district's admins handle what was submitted; drafts are the deputy's alone.
 */
function inStaffScope(caller: Pick<Caller, 'role' | 'stationIds' | 'office'>, s: Pick<SuggestionDoc, 'status' | 'stationIds' | 'office'>): boolean {
  if (caller.role !== 'staff' && caller.role !== 'admin') return false
  if (s.status === 'draft' || s.status === 'withdrawn') return false
  if (caller.office && s.office && caller.office.regionId === s.office.regionId) return true
  return s.stationIds.some((id) => caller.stationIds.includes(id))
}

/** The office a deputy's suggestion goes to: the street's 人大工委 for street-level deputies, else the district's. */
export function suggestionOfficeRegion<R extends { level: string }>(deputyLevel: string, chain: R[]): R | null {
  const want = deputyLevel === 'township' ? 'street' : 'district'
  return chain.find((r) => r.level === want) ?? chain[chain.length - 1] ?? null
}

export function canSeeSuggestion(caller: Caller, s: SuggestionDoc): boolean {
  return isAuthor(caller, s) || inStaffScope(caller, s)
}

export function assertCanSeeSuggestion(caller: Caller, s: SuggestionDoc | null): SuggestionDoc {
  if (!s || !canSeeSuggestion(caller, s)) throw new DomainError('NOT_FOUND', '没有找到这件议案建议，或您无权查看')
  return s
}

/** May the caller issue the command on this suggestion (role and scope; not the status)? */
export function mayIssueSuggestion(caller: Caller, s: SuggestionDoc, command: SuggestionCommand | 'edit'): boolean {
  if (command === 'edit' || command === 'submit' || command === 'withdraw') return isAuthor(caller, s)
  const roles = SUGGESTION_TRANSITIONS[command].roles as readonly Role[]
  if (!roles.includes(caller.role)) return false
  return caller.role === 'deputy' ? isAuthor(caller, s) : inStaffScope(caller, s)
}

const REFUSED: Partial<Record<SuggestionCommand | 'edit', string>> = {
  edit: '修改',
  conclude: '评价',
  rehandle: '评价',
  closeUnsatisfied: '评价',
}

export function assertSuggestionIn(s: SuggestionDoc, command: SuggestionCommand | 'edit'): void {
  const ok = command === 'edit' ? s.status === 'draft' : canMoveSuggestion(command, s.status)
  if (!ok) {
    const what = REFUSED[command] ?? SUGGESTION_TRANSITIONS[command as SuggestionCommand].label
    throw new DomainError('INVALID_STATE', `这件议案建议当前为「${SUGGESTION_STATUS_LABELS[s.status]}」，不能${what}`)
  }
}

export function suggestionEvent(
  type: SuggestionEvent['type'],
  actor: SuggestionActor,
  at: Date,
  eventId: string,
  change: { from?: SuggestionStatus | null; to?: SuggestionStatus | null; note?: string | null } = {},
): SuggestionEvent {
  return {
    id: eventId,
    type,
    at: at.toISOString(),
    actorId: actor.id,
    actorRole: actor.role,
    actorLabel: actor.label,
    from: change.from ?? null,
    to: change.to ?? null,
    note: change.note ?? null,
  }
}

export interface SuggestionMoveRequest {
  command: SuggestionCommand
  actor: SuggestionActor
  at: Date
  eventId: string
  note?: string | null
  set?: Record<string, unknown>
  push?: Record<string, unknown[]>
  inc?: Record<string, number>
  /** Extra conditions (e.g. the re-handling count the command was chosen on). */
  where?: Filter
  /** Whether residents or the deputy must hear of it: marks the fan-out as pending in the same update. */
  fanOut?: boolean
}

export function planSuggestionMove(s: SuggestionDoc, request: SuggestionMoveRequest): { filter: Filter; update: Update; event: SuggestionEvent } {
  assertSuggestionIn(s, request.command)
  const to = SUGGESTION_TRANSITIONS[request.command].to
  const event = suggestionEvent(request.command, request.actor, request.at, request.eventId, { from: s.status, to, note: request.note })
  const at = request.at.toISOString()
  const inc: Record<string, number> = { ...request.inc }
  const set: Record<string, unknown> = { ...request.set, status: to, updatedAt: at }
  if (request.fanOut) {
    set.fanOutPending = true
    inc.fanOutSeq = 1
  }
  const update: Update = { set, push: { ...request.push, events: [event] } }
  if (Object.keys(inc).length) update.inc = inc
  return { filter: { ...request.where, _id: s._id, status: s.status }, update, event }
}

/** An edit of a draft (text, attached cases): conditional on the draft still being a draft. */
export function planDraftEdit(
  s: SuggestionDoc,
  event: SuggestionEvent,
  change: Pick<Update, 'set' | 'unset' | 'inc'>,
  where: Filter = {},
): { filter: Filter; update: Update } {
  assertSuggestionIn(s, 'edit')
  return {
    filter: { ...where, _id: s._id, status: 'draft' },
    update: { ...change, set: { ...change.set, updatedAt: event.at }, push: { events: [event] } },
  }
}
