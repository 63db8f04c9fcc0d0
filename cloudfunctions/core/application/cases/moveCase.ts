// Runs one case command: load the case the caller may see, check the role and that the caller's
// level holds the case (分级负责), plan the move (pure domain) with the time limit of the status it
// moves into, apply it as one conditional update, then hand the notices to the outbox.
import { CASE_STATUS_LABELS, CASE_TRANSITIONS, type CaseCommand, type CaseView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { actorLabel } from '../../domain/actorLabel'
import { assertMayAct, mayIssue } from '../../domain/caseAccess'
import { assertCanMove, planMove, type MoveRequest } from '../../domain/caseLifecycle'
import { deadlineAfter } from '../../domain/deadlines'
import { DomainError } from '../../domain/errors'
import type { CaseDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { flushOutbox } from '../notifications/outbox'
import { loadVisibleCase, viewCase } from './loadCase'
import { finishMergedCases } from './mergeCases'
import { isSeconder } from '../../domain/seconds'
import type { TimeLimits } from '../../domain/timeLimits'
import { deadlineContext, limitsForStation } from './handling'

export type MoveDetails = Pick<MoveRequest, 'note' | 'set' | 'reply' | 'details' | 'deadline' | 'guard' | 'alsoNotify'>

/** The move being planned: its time, the id of its event (which also names a clock it starts), the district's limits. */
export interface MoveMoment {
  at: Date
  eventId: string
  limits: TimeLimits
}

export async function moveCase(
  deps: Deps,
  caller: Caller,
  caseId: string,
  command: CaseCommand,
  detailsFor: (c: CaseDoc, moment: MoveMoment) => MoveDetails | Promise<MoveDetails> = () => ({}),
): Promise<CaseView> {
  const cases = deps.store.collection<CaseDoc>('cases')
  // A resident moves only their own case (by rating it), never one they merely seconded (附议).
  if (caller.role === 'resident' && isSeconder(caller, (await cases.get(caseId)) ?? { seconds: {}, residentId: caller.userId })) {
    throw new DomainError('FORBIDDEN', '只有反映人本人可以评价')
  }
  let c = await loadVisibleCase(deps, caller, caseId)
  // Refusals in order: the role (FORBIDDEN), the case's state — status and the level holding it
  // (INVALID_STATE) —, then whether the caller works at that level (FORBIDDEN).
  if (!mayIssue(caller.role, command)) throw new DomainError('FORBIDDEN')
  assertCanMove(c, command)
  assertMayAct(caller, c, command)
  const limits = await limitsForStation(deps, c.stationId)
  for (let attempt = 1; ; attempt += 1) {
    // Checked again on every plan, before its details are worked out (they may refuse input).
    assertCanMove(c, command)
    const moment = { at: deps.clock.now(), eventId: deps.newId(), limits }
    const details = await detailsFor(c, moment)
    const to = CASE_TRANSITIONS[command].to
    // 分级负责: the level checked above must still hold the case when the move lands (a forward in
    // between keeps the status, so the status condition alone would not see it).
    const holder = { 'office.regionId': c.office ? c.office.regionId : { $exists: false } }
    const move = planMove(c, {
      command,
      actor: { id: caller.userId, role: caller.role, label: actorLabel(caller) },
      at: moment.at,
      eventId: moment.eventId,
      ...details,
      guard: { ...holder, ...details.guard },
      deadline:
        details.deadline !== undefined
          ? details.deadline
          : deadlineAfter(c, command, to, deadlineContext(deps, limits, moment), details.set?.transfer),
    })
    if ((await cases.update(move.filter, move.update)) === 1) break
    const now = await cases.get(caseId)
    // Same status, same holder, same clock: only something beside it changed (a resident seconded
    // meanwhile), so plan again with the case as it is now, to notify them too.
    const unchanged = now && now.status === c.status && now.office?.regionId === c.office?.regionId && now.deadline?.id === c.deadline?.id
    if (now && unchanged && attempt < 3) {
      c = now
      continue
    }
    const status = now ? CASE_STATUS_LABELS[now.status] : '未知'
    throw new DomainError('CONFLICT', `这条民意刚刚已被他人处理（当前状态：${status}），请刷新后查看`)
  }
  // The change is done and its notices are safe in the case's outbox; if delivering them fails
  // now, the scheduled job finishes the flush. The caller must not be told the change failed.
  try {
    await flushOutbox(deps, caseId)
  } catch (error) {
    deps.log('outbox flush failed; the scheduled job will deliver it', { caseId, error: String(error) })
  }
  // Cases merged into this one follow its outcome (reply, decline); the scheduled job finishes
  // whatever this does not get to.
  try {
    await finishMergedCases(deps, caseId)
  } catch (error) {
    deps.log('merged cases did not follow yet; the scheduled job will finish it', { caseId, error: String(error) })
  }
  return viewCase(deps, caller, await loadVisibleCase(deps, caller, caseId))
}
