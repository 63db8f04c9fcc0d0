// The outbox. A case change writes its notices into the case document itself (same atomic update);
// flushing copies each into `notifications` under the notice's own id (so doing it twice changes
// nothing) and then removes it from the case. Delivery of the WeChat push comes after and never
// blocks or undoes the change. Reception days (`reception_occurrences`) carry an outbox the same way.
import type { NotificationDoc, OutboxItem, UserDoc } from '../../domain/records'
import { checkTemplateData } from '../../domain/subscribeMessages'
import type { CollectionName, PushResult } from '../../ports'
import type { Deps } from '../deps'

/** Collections whose documents carry `outbox` + `outboxSize`. */
export type OutboxCollection = Extract<CollectionName, 'cases' | 'reception_occurrences' | 'livelihood_projects'>

interface OutboxHolder {
  _id: string
  outbox: OutboxItem[]
  outboxSize: number
}

function toNotification(item: OutboxItem, caseId: string | null): NotificationDoc {
  return {
    _id: item.id,
    recipientId: item.recipientId,
    caseId,
    title: item.title,
    body: item.body,
    link: item.link,
    createdAt: item.createdAt,
    read: false,
    push: {
      status: item.template ? 'pending' : 'not_applicable',
      template: item.template,
      data: item.data,
      attempts: 0,
      lastError: null,
      nextAttemptAt: item.template ? item.createdAt : null,
    },
  }
}

/** Moves a document's pending notices (a case's by default) into the message list, then tries to push each. */
export async function flushOutbox(deps: Deps, docId: string, collection: OutboxCollection = 'cases'): Promise<void> {
  const holders = deps.store.collection<OutboxHolder>(collection)
  const notifications = deps.store.collection<NotificationDoc>('notifications')
  const c = await holders.get(docId)
  if (!c || !c.outbox.length) return
  const items = c.outbox
  for (const item of items) await notifications.insert(toNotification(item, collection === 'cases' ? docId : null))
  // One conditional pull per notice: when two flushes of a busy document overlap, each notice is
  // removed (and counted off `outboxSize`) exactly once.
  for (const item of items) {
    await holders.update({ _id: docId, 'outbox.id': item.id }, { pull: { outbox: { field: 'id', in: [item.id] } }, inc: { outboxSize: -1 } })
  }
  for (const item of items) {
    try {
      await deliverPush(deps, item.id)
    } catch (error) {
      deps.log('push delivery failed; the retry job will try again', { notification: item.id, error: String(error) })
    }
  }
}

function backoff(attempts: number, now: Date): string {
  const minutes = Math.min(2 ** attempts, 60)
  return new Date(now.getTime() + minutes * 60_000).toISOString()
}

/**
 * Sends the WeChat push of one notification, at most once per claim: the conditional update on
 * `push.attempts` makes two concurrent senders agree on who sends.
 */
export async function deliverPush(deps: Deps, notificationId: string): Promise<NotificationDoc['push']['status']> {
  const notifications = deps.store.collection<NotificationDoc>('notifications')
  const n = await notifications.get(notificationId)
  if (!n || n.push.status !== 'pending' || !n.push.template) return n?.push.status ?? 'not_applicable'
  const now = deps.clock.now()
  // Another sender claimed it after our caller saw it due (a claim moves nextAttemptAt into the
  // future): read after that claim, the attempts check below would pass, so stop here.
  if (n.push.nextAttemptAt && n.push.nextAttemptAt > now.toISOString()) return 'pending'
  const record = (status: NotificationDoc['push']['status'], lastError: string | null) =>
    notifications.update(
      { _id: n._id, 'push.attempts': n.push.attempts + 1 },
      { set: { 'push.status': status, 'push.lastError': lastError, 'push.nextAttemptAt': null } },
    )

  const claimed = await notifications.update(
    { _id: n._id, 'push.status': 'pending', 'push.attempts': n.push.attempts },
    { inc: { 'push.attempts': 1 }, set: { 'push.nextAttemptAt': backoff(n.push.attempts + 1, now) } },
  )
  if (claimed !== 1) return 'pending'

  const problems = checkTemplateData(n.push.template, n.push.data)
  if (problems.length) {
    await record('failed', `模板内容不符合微信要求：${problems.join('；')}`)
    return 'failed'
  }
  const users = deps.store.collection<UserDoc>('users')
  const user = await users.get(n.recipientId)
  if (!user?.openid) {
    await record('not_applicable', '收件人没有微信身份')
    return 'not_applicable'
  }
  const creditPath = `credits.${n.push.template}`
  if (deps.pushNeedsConsent && (await users.update({ _id: user._id, [creditPath]: { $gt: 0 } }, { inc: { [creditPath]: -1 } })) !== 1) {
    await record('no_consent', '用户没有剩余的订阅次数')
    return 'no_consent'
  }
  const result = await deps.notifier
    .send({ openid: user.openid, template: n.push.template, data: n.push.data, page: n.link ?? 'pages/messages/index' })
    .catch((error: unknown): PushResult => ({ ok: false, code: 'THROWN', message: String(error), retryable: true }))
  // A send WeChat did not deliver (other than "no consent") did not use up the consent: give the
  // credit back, so a retry or the next change can still reach the resident.
  if (!result.ok && deps.pushNeedsConsent && String(result.code) !== '43101') {
    await users.update({ _id: user._id }, { inc: { [creditPath]: 1 } })
  }
  if (result.ok) {
    await record('sent', null)
    return 'sent'
  }
  if (String(result.code) === '43101') {
    // WeChat says there is no consent left: our count was off; trust WeChat.
    await users.update({ _id: user._id }, { set: { [creditPath]: 0 } })
    await record('no_consent', `${result.code} ${result.message}`)
    return 'no_consent'
  }
  if (result.retryable && n.push.attempts + 1 < deps.config.pushMaxAttempts) {
    await notifications.update({ _id: n._id }, { set: { 'push.lastError': `${result.code} ${result.message}` } })
    return 'pending'
  }
  await record('failed', `${result.code} ${result.message}`)
  return 'failed'
}
