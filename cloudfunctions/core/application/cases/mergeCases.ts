// 并案 (merge) as staff do it, and the merged cases following their primary's outcome.
//
// Merging is two writes, each safe on its own: the duplicate's conditional move to `merged`
// (which is what counts), then a `mergeIn` event on the primary. The merged cases are found by
// `mergedInto.caseId`, so a crash between the two loses only the primary's audit line, never the
// link. When the primary gets a reply or a decline, `finishMergedCases` moves each waiting case
// with its own conditional update; moveCase calls it right after the primary's move, and the
// scheduled job (jobs/fanOutJob.ts) calls it for any case still waiting, so an interrupted fan-out
// is finished later and a repeated one changes nothing.
import { type CaseView, type ParsedInput } from '@minyi/types'
import { actorLabel } from '../../domain/actorLabel'
import type { Caller } from '../../domain/caller'
import { mayIssue } from '../../domain/caseAccess'
import { assertCanMove, planMove, planRecord } from '../../domain/caseLifecycle'
import { DomainError } from '../../domain/errors'
import { assertCanMerge, assertMayMergeAtLevel, mergeOutcome } from '../../domain/merge'
import type { CaseDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { flushOutbox } from '../notifications/outbox'
import { loadVisibleCase, viewCase } from './loadCase'

const cases = (deps: Deps) => deps.store.collection<CaseDoc>('cases')

async function flushQuietly(deps: Deps, caseId: string) {
  try {
    await flushOutbox(deps, caseId)
  } catch (error) {
    deps.log('outbox flush failed; the scheduled job will deliver it', { caseId, error: String(error) })
  }
}

export async function mergeCase(deps: Deps, caller: Caller, input: ParsedInput<'case.merge'>): Promise<CaseView> {
  if (!mayIssue(caller.role, 'merge')) throw new DomainError('FORBIDDEN')
  const duplicate = await loadVisibleCase(deps, caller, input.caseId)
  const primary = await loadVisibleCase(deps, caller, input.intoCaseId)
  const children = await cases(deps).count({ 'mergedInto.caseId': duplicate._id, status: 'merged' })
  assertCanMerge(duplicate, primary, children)
  // Refusals in moveCase's order: the state (INVALID_STATE), then the level holding each case (FORBIDDEN).
  assertCanMove(duplicate, 'merge')
  assertMayMergeAtLevel(caller, duplicate, primary)

  const at = deps.clock.now()
  const eventId = deps.newId()
  const move = planMove(duplicate, {
    command: 'merge',
    actor: { id: caller.userId, role: caller.role, label: actorLabel(caller) },
    at,
    eventId,
    note: `并入编号 ${primary.trackingNo} 一并办理${input.note ? `：${input.note}` : ''}`,
    set: { mergedInto: { caseId: primary._id, trackingNo: primary.trackingNo, at: at.toISOString(), eventId } },
    details: { primaryTrackingNo: primary.trackingNo },
    // Forwarded on meanwhile (same status, another holder): the level that decided no longer holds it.
    guard: { 'office.regionId': duplicate.office ? duplicate.office.regionId : { $exists: false } },
  })
  if ((await cases(deps).update(move.filter, move.update)) !== 1) {
    throw new DomainError('CONFLICT', `编号 ${duplicate.trackingNo} 刚刚已被他人处理，请刷新后查看`)
  }
  const record = planRecord(primary, {
    id: deps.newId(),
    type: 'mergeIn',
    at: at.toISOString(),
    actorId: caller.userId,
    actorRole: caller.role,
    actorLabel: actorLabel(caller),
    from: null,
    to: null,
    note: `编号 ${duplicate.trackingNo} 反映的是同一问题，并入本件一并办理，答复将分别告知每位群众${input.note ? `（${input.note}）` : ''}`,
  })
  await cases(deps).update(record.filter, record.update)
  await flushQuietly(deps, duplicate._id)
  // If the primary got its outcome in the meantime, the merged case follows it now.
  await finishMergedCases(deps, primary._id)
  return viewCase(deps, caller, await loadVisibleCase(deps, caller, duplicate._id))
}

/**
 * Moves every case still waiting on `primaryId` to the outcome the primary got (if it got one yet).
 * Returns how many cases moved. Idempotent; safe to run concurrently (each move is conditional).
 */
export async function finishMergedCases(deps: Deps, primaryId: string, depth = 0): Promise<number> {
  const waiting = await cases(deps).find({ 'mergedInto.caseId': primaryId, status: 'merged' }, { limit: 1000 })
  if (!waiting.length) return 0
  const primary = await cases(deps).get(primaryId)
  if (!primary) return 0
  let moved = 0
  for (const merged of waiting) {
    if (await followPrimary(deps, primary, merged)) {
      moved += 1
      await flushQuietly(deps, merged._id)
      // A case merged into this one while it was itself being merged follows along too.
      if (depth < 3) moved += await finishMergedCases(deps, merged._id, depth + 1)
    }
  }
  return moved
}

async function followPrimary(deps: Deps, primary: CaseDoc, merged: CaseDoc): Promise<boolean> {
  for (let attempt = 0, c = merged; attempt < 3; attempt += 1) {
    const outcome = mergeOutcome(primary, c)
    if (!outcome) return false
    const at = deps.clock.now()
    const actor = { id: outcome.event.actorId, role: outcome.event.actorRole, label: outcome.event.actorLabel }
    const note = `随编号 ${primary.trackingNo} 一并${outcome.command === 'mergedReply' ? '答复' : '处理'}`
    const move =
      outcome.command === 'mergedReply'
        ? planMove(c, {
            command: 'mergedReply',
            actor,
            at,
            eventId: deps.newId(),
            note,
            set: { route: primary.route },
            reply: outcome.reply
              ? { id: deps.newId(), text: outcome.reply.text, fromLabel: outcome.reply.fromLabel, at: at.toISOString() }
              : undefined,
            details: { answer: outcome.reply?.text ?? '' },
          })
        : planMove(c, {
            command: 'mergedDecline',
            actor,
            at,
            eventId: deps.newId(),
            note,
            set: { decline: outcome.decline },
            details: { reason: outcome.decline?.reason, guidance: outcome.decline?.guidance },
          })
    if ((await cases(deps).update({ ...move.filter, 'mergedInto.caseId': primary._id }, move.update)) === 1) return true
    // Someone seconded meanwhile (plan again) or another runner moved it already (done).
    const now = await cases(deps).get(c._id)
    if (!now || now.status !== 'merged') return false
    c = now
  }
  return false
}
