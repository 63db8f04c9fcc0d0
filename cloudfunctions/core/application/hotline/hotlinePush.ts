// 12345: pushing a case that the office transferred to the hotline (a unit of kind `hotline`).
// The transfer writes a pending-push marker on the case (`hotline.state: 'pending'`) with the move
// itself; this pushes it right after, and the timer retries what did not go through (backoff, at
// most HOTLINE_MAX_ATTEMPTS tries), the same pattern as the notification outbox.
import { CATEGORY_LABELS } from '@minyi/types'
import { factEvent } from '../../domain/caseLifecycle'
import type { HotlineLinkState, PartnerCaseDoc, PartnerUnitDoc } from '../../domain/partners/records'
import type { StationDoc } from '../../domain/records'
import { maskPlace, maskText } from '../../domain/partners/publicCase'
import type { HotlinePushResult } from '../../ports/hotline'
import type { Deps } from '../deps'
import { peopleNames } from '../partners/peopleNames'

export const HOTLINE_MAX_ATTEMPTS = 8
export const HOTLINE_LABEL = '12345热线'

export function isHotlineUnit(unit: PartnerUnitDoc | null): unit is PartnerUnitDoc & { kind: 'hotline'; partner: string } {
  return Boolean(unit && unit.kind === 'hotline' && unit.partner)
}

/** The marker a transfer to the hotline writes with the move (the callbacks applied so far are kept). */
export function pendingHotline(partner: string, at: string, previous?: HotlineLinkState): HotlineLinkState {
  return {
    partner,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    lastError: null,
    pushedAt: null,
    partnerRef: previous?.partnerRef ?? null,
    applied: previous?.applied ?? {},
  }
}

function backoff(attempts: number, now: Date): string {
  return new Date(now.getTime() + Math.min(2 ** attempts, 60) * 60_000).toISOString()
}

const systemActor = { id: null, role: 'system' as const, label: HOTLINE_LABEL }

/** Pushes one case if it is waiting for it; at most one sender per attempt (conditional claim). */
export async function pushToHotline(deps: Deps, caseId: string): Promise<HotlineLinkState['state'] | 'skipped'> {
  const cases = deps.store.collection<PartnerCaseDoc>('cases')
  const c = await cases.get(caseId)
  const link = c?.hotline
  if (!c || !link || link.state !== 'pending' || !c.transfer) return 'skipped'
  const now = deps.clock.now()
  const claimed = await cases.update(
    { _id: c._id, 'hotline.state': 'pending', 'hotline.attempts': link.attempts },
    { inc: { 'hotline.attempts': 1 }, set: { 'hotline.nextAttemptAt': backoff(link.attempts + 1, now) } },
  )
  if (claimed !== 1) return 'skipped'
  const adapter = deps.hotline?.adapter(link.partner) ?? null
  let result: HotlinePushResult
  if (!adapter) {
    result = { ok: false, retryable: true, message: `没有配置合作方 ${link.partner} 的接口` }
  } else {
    const station = await deps.store.collection<StationDoc>('stations').get(c.stationId)
    const names = (await peopleNames(deps, [c])).get(c._id)
    result = await adapter
      .push({
        caseRef: c.trackingNo,
        category: c.category,
        categoryLabel: CATEGORY_LABELS[c.category],
        // Moderated text only, as published: no phone numbers or house numbers go out.
        content: maskText(c.content, names),
        place: c.place ? maskPlace(c.place, names) : null,
        stationName: station?.name ?? '',
        officeName: c.office?.name ?? '',
        dueDate: c.transfer.dueDate,
        note: c.transfer.note,
        raisedAt: c.createdAt,
      })
      .catch((error: unknown): HotlinePushResult => ({ ok: false, retryable: true, message: String(error) }))
  }
  const at = deps.clock.now()
  const mine = { _id: c._id, 'hotline.attempts': link.attempts + 1, 'hotline.state': 'pending' }
  if (result.ok) {
    const event = factEvent('hotlinePushed', systemActor, at, deps.newId(), `已推送至${HOTLINE_LABEL}${result.partnerRef ? `，热线工单号 ${result.partnerRef}` : ''}`)
    await cases.update(mine, {
      set: { 'hotline.state': 'pushed', 'hotline.pushedAt': at.toISOString(), 'hotline.partnerRef': result.partnerRef, 'hotline.lastError': null, 'hotline.nextAttemptAt': null },
      push: { events: [event] },
    })
    return 'pushed'
  }
  if (result.retryable && link.attempts + 1 < HOTLINE_MAX_ATTEMPTS) {
    await cases.update(mine, { set: { 'hotline.lastError': result.message } })
    return 'pending'
  }
  const event = factEvent('hotlinePushFailed', systemActor, at, deps.newId(), `推送至${HOTLINE_LABEL}失败（${result.message}），请改由其他承办单位办理`)
  await cases.update(mine, { set: { 'hotline.state': 'failed', 'hotline.lastError': result.message, 'hotline.nextAttemptAt': null }, push: { events: [event] } })
  return 'failed'
}

/** After a transfer: try now; the timer job retries whatever this does not get done. */
export async function pushToHotlineQuietly(deps: Deps, caseId: string): Promise<void> {
  try {
    await pushToHotline(deps, caseId)
  } catch (error) {
    deps.log('hotline push failed; the timer retries', { caseId, error: String(error) })
  }
}
