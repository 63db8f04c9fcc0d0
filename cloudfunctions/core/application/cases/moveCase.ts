// Runs one case command: load the case the caller may see, check the role, plan the move (pure
// domain), apply it as one conditional update, then hand the notices to the outbox.
import { CASE_STATUS_LABELS, type CaseCommand, type CaseView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { actorLabel } from '../../domain/actorLabel'
import { mayIssue } from '../../domain/caseAccess'
import { planMove, type MoveRequest } from '../../domain/caseLifecycle'
import { DomainError } from '../../domain/errors'
import type { CaseDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { flushOutbox } from '../notifications/outbox'
import { loadVisibleCase, viewCase } from './loadCase'

export type MoveDetails = Pick<MoveRequest, 'note' | 'set' | 'reply' | 'details'>

export async function moveCase(
  deps: Deps,
  caller: Caller,
  caseId: string,
  command: CaseCommand,
  detailsFor: (c: CaseDoc) => MoveDetails | Promise<MoveDetails> = () => ({}),
): Promise<CaseView> {
  const c = await loadVisibleCase(deps, caller, caseId)
  if (!mayIssue(caller.role, command)) throw new DomainError('FORBIDDEN')
  const move = planMove(c, {
    command,
    actor: { id: caller.userId, role: caller.role, label: actorLabel(caller) },
    at: deps.clock.now(),
    eventId: deps.newId(),
    ...(await detailsFor(c)),
  })
  const cases = deps.store.collection<CaseDoc>('cases')
  if ((await cases.update(move.filter, move.update)) !== 1) {
    const now = await cases.get(caseId)
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
  return viewCase(deps, caller, await loadVisibleCase(deps, caller, caseId))
}
