import type { NotificationView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
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
  // The recipient condition makes someone else's message id a no-op rather than a leak.
  await deps.store
    .collection<NotificationDoc>('notifications')
    .update({ recipientId: caller.userId, read: false, ...(notificationId ? { _id: notificationId } : {}) }, { set: { read: true } })
  return { unread: await unreadCount(deps, caller) }
}
