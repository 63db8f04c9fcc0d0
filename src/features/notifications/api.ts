import { callApi } from '../../services/api'

export const listNotifications = () => callApi('notification.list', {})
export const markNotificationRead = (notificationId?: string) =>
  callApi('notification.markRead', notificationId ? { notificationId } : {})
