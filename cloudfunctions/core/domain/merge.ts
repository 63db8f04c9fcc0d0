// 并案 (merge): staff merge duplicates into one handling. The duplicate moves to `merged` (its own
// conditional update, its own event and notice) and records which case it follows; the primary
// gets a `mergeIn` event. Nothing lists the merged cases on the primary: they are found by
// `mergedInto.caseId`, so there is no second document to keep in step.
//
// When the primary gets an outcome (a reply, or a decline), every case merged into it follows on
// its own: `mergedReply` / `mergedDecline`, each one conditional update on `{ _id, status: 'merged' }`,
// so doing it twice (after a crash, by the job) changes nothing. Each resident then rates their
// own case; 不满意 reopens only theirs.
import { CASE_STATUS_LABELS, OPEN_STATUSES } from '@minyi/types'
import type { Caller } from './caller'
import { assertMayAct, holdsCase } from './caseAccess'
import { DomainError } from './errors'
import type { CaseDoc, CaseEvent, ReplyRecord } from './records'

/** Statuses of the primary's events that the merged cases follow. */
const OUTCOME_STATUSES = new Set(['replied', 'declined'])

export interface MergeOutcome {
  command: 'mergedReply' | 'mergedDecline'
  /** The primary's event the merged case follows. */
  event: CaseEvent
  reply: ReplyRecord | null
  decline: { reason: string; guidance: string } | null
}

export function assertCanMerge(duplicate: CaseDoc, primary: CaseDoc, childrenOfDuplicate: number): void {
  if (duplicate._id === primary._id) throw new DomainError('INVALID_INPUT', '不能把一条民意并入它自己')
  if (duplicate.stationId !== primary.stationId) throw new DomainError('INVALID_INPUT', '只能合并同一家站点的民意')
  if (primary.status === 'merged') {
    throw new DomainError('INVALID_STATE', `编号 ${primary.trackingNo} 已并入其他民意，请选择它所并入的主办民意`)
  }
  if (!OPEN_STATUSES.includes(primary.status)) {
    throw new DomainError(
      'INVALID_STATE',
      `编号 ${primary.trackingNo} 当前为「${CASE_STATUS_LABELS[primary.status]}」，不能作为主办民意并案`,
    )
  }
  if (childrenOfDuplicate > 0) {
    throw new DomainError('INVALID_STATE', `已有其他民意并入编号 ${duplicate.trackingNo}，请把重复的民意并入它，而不是把它并走`)
  }
}

/**
 * 分级负责: only the level holding both cases merges them (admin holds every level). A station
 * cannot merge a case already forwarded to an office, nor hand its own case over to a case an
 * office is handling, and vice versa: that would move work across levels without a forward.
 */
export function assertMayMergeAtLevel(caller: Caller, duplicate: CaseDoc, primary: CaseDoc): void {
  assertMayAct(caller, duplicate, 'merge')
  if (holdsCase(caller, primary)) return
  const where = primary.office ? `已转报${primary.office.name}办理` : '由家站点办理'
  throw new DomainError('FORBIDDEN', `编号 ${primary.trackingNo} ${where}，只能并入由您这一级正在办理的民意`)
}

function isOutcome(event: CaseEvent): boolean {
  return event.from !== null && event.to !== null && OUTCOME_STATUSES.has(event.to)
}

/** The primary's reply that came with `event`: the last one given at or before it. */
function replyOf(primary: CaseDoc, event: CaseEvent): ReplyRecord | null {
  const before = primary.replies.filter((r) => r.at <= event.at)
  return before[before.length - 1] ?? primary.replies[primary.replies.length - 1] ?? null
}

/**
 * What a case merged into `primary` should follow now, or null while the primary is still being
 * handled: the first outcome of the primary since the merge; or, when the primary got its outcome
 * in the moment between the merge being planned and written, that latest outcome.
 */
export function mergeOutcome(primary: CaseDoc, merged: CaseDoc): MergeOutcome | null {
  if (merged.status !== 'merged' || merged.mergedInto?.caseId !== primary._id) return null
  const since = merged.mergedInto.at
  const outcomes = primary.events.filter(isOutcome)
  let event = outcomes.find((e) => e.at >= since) ?? null
  if (!event && OUTCOME_STATUSES.has(primary.status === 'closed' ? 'replied' : primary.status)) {
    event = outcomes[outcomes.length - 1] ?? null
  }
  if (!event) return null
  if (event.to === 'declined') {
    return { command: 'mergedDecline', event, reply: null, decline: primary.decline ?? { reason: event.note ?? '不予受理', guidance: '' } }
  }
  return { command: 'mergedReply', event, reply: replyOf(primary, event), decline: null }
}
