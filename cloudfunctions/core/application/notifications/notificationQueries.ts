import type { NotificationView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { NotificationDoc } from '../../domain/records'
import type { Deps } from '../deps'

function present(n: NotificationDoc): NotificationView {
  return {
    id: n._id,
    caseId: n.caseId,
    title: n.title,
    body: n.body,
    createdAt: n.createdAt,
    read: n.read,
    push: n.push.status,
    link: n.link,
  }
}

async function unreadCount(deps: Deps, caller: Caller): Promise<number> {
  return deps.store.collection<NotificationDoc>('notifications').count({ recipientId: caller.userId, read: false })
}

export async function listNotifications(deps: Deps, caller: Caller): Promise<{ notifications: NotificationView[]; unread: number }> {
  const list = await deps.store
    .collection<NotificationDoc>('notifications')
    .find({ recipientId: caller.userId }, { sort: [['createdAt', -1], ['_id', -1]], limit: 200 })
  return { notifications: list.map(present), unread: await unreadCount(deps, caller) }
}

export async function markNotificationsRead(deps: Deps, caller: Caller, notificationId?: string): Promise<{ unread: number }> {
  const notifications = deps.store.collection<NotificationDoc>('notifications')
  // The recipient condition: only the caller's own messages are ever changed.
  const changed = await notifications.update(
    { recipientId: caller.userId, read: false, ...(notificationId ? { _id: notificationId } : {}) },
    { set: { read: true } },
  )
  if (notificationId && changed === 0) {
    // Already read is fine; someone else's message, or none, is "not found" (the same answer, so ids cannot be probed).
    const [own] = await notifications.find({ _id: notificationId, recipientId: caller.userId }, { limit: 1 })
    if (!own) throw new DomainError('NOT_FOUND', '没有找到这条消息')
  }
  return { unread: await unreadCount(deps, caller) }
}
