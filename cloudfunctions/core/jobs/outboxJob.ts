// Timer work that keeps the outbox honest: finish flushes a crash interrupted, retry pushes whose
// backoff has passed, and forget old request records.
import type { Deps } from '../application/deps'
import { deliverPush, flushOutbox } from '../application/notifications/outbox'
import type { CaseDoc, NotificationDoc, RequestDoc } from '../domain/records'

export interface OutboxJobReport {
  casesFlushed: number
  pushesTried: number
  requestsForgotten: number
}

export async function runOutboxJob(deps: Deps): Promise<OutboxJobReport> {
  const now = deps.clock.now()
  const pendingCases = await deps.store.collection<CaseDoc>('cases').find({ outboxSize: { $gt: 0 } }, { limit: 200 })
  for (const c of pendingCases) await flushOutbox(deps, c._id)
  // 民生实事 projects carry an outbox too (progress notices to proposers and supporters).
  const pendingProjects = await deps.store.collection<CaseDoc>('livelihood_projects').find({ outboxSize: { $gt: 0 } }, { limit: 200 })
  for (const p of pendingProjects) await flushOutbox(deps, p._id, 'livelihood_projects')

  const due = await deps.store
    .collection<NotificationDoc>('notifications')
    .find({ 'push.status': 'pending', 'push.nextAttemptAt': { $lte: now.toISOString() } }, { sort: [['createdAt', 1]], limit: 200 })
  for (const n of due) {
    try {
      await deliverPush(deps, n._id)
    } catch (error) {
      deps.log('push retry failed', { notification: n._id, error: String(error) })
    }
  }

  const cutoff = new Date(now.getTime() - deps.config.requestRetentionDays * 86_400_000).toISOString()
  const requestsForgotten = await deps.store.collection<RequestDoc>('requests').remove({ createdAt: { $lt: cutoff } })
  return { casesFlushed: pendingCases.length, pushesTried: due.length, requestsForgotten }
}
