import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { NotificationView } from '@minyi/types/entities'
import { Button, EmptyState, ErrorView, Loading, Page } from '../../components'
import { ContactStaffRow } from '../../features/a11y/ContactStaffRow'
import { showUnreadBadge } from '../../features/notifications/badge'
import { listNotifications, markNotificationRead } from '../../features/notifications/api'
import { NotificationItem } from '../../features/notifications/components/NotificationItem'
import { useSignedIn } from '../../features/session/hooks/useSignedIn'
import { useLoader } from '../../hooks/useLoader'
import { errorMessage } from '../../services/api'
import { go, PAGES, urls } from '../../services/navigation'
import { isWorker, peekMe } from '../../services/session'
import './index.scss'
import { usePullToRefresh } from '../../hooks/usePullToRefresh'

export default function MessagesPage() {
  const signedIn = useSignedIn()
  const list = useLoader(signedIn ? listNotifications : null, [signedIn], { refreshOnShow: true })
  const data = list.data

  useEffect(() => {
    if (data) showUnreadBadge(data.unread)
  }, [data])

  usePullToRefresh(list)

  const open = (item: NotificationView) => {
    if (!item.read && data) {
      // Shown as read at once; the server is told in the background.
      list.setData({
        unread: Math.max(0, data.unread - 1),
        notifications: data.notifications.map((n) => (n.id === item.id ? { ...n, read: true } : n)),
      })
      void markNotificationRead(item.id).catch(() => undefined)
    }
    if (item.caseId) go(isWorker(peekMe()) ? urls.workCase(item.caseId) : urls.case(item.caseId))
    else if (item.link) go(item.link)
  }

  const markAll = async () => {
    try {
      await markNotificationRead()
      await list.reload(true)
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    }
  }

  return (
    <Page testId='page-messages'>
      {list.loading && !data ? <Loading /> : null}
      {list.error && !data ? <ErrorView message={list.error} onRetry={() => void list.reload()} /> : null}
      {data ? (
        <View>
          {data.unread > 0 ? (
            <View className='messages-page__bar'>
              <View className='messages-page__count'>{data.unread} 条未读</View>
              <Button kind='plain' size='small' onClick={() => void markAll()}>
                全部标为已读
              </Button>
            </View>
          ) : null}
          {data.notifications.map((item) => (
            <NotificationItem key={item.id} item={item} onClick={() => open(item)} />
          ))}
          {!data.notifications.length ? (
            <EmptyState
              title='还没有消息'
              description='您反映的民意有了进展（受理、转办、答复等），会在这里通知您。'
              action={
                <Button kind='secondary' block onClick={() => go(PAGES.home)}>
                  去反映民意
                </Button>
              }
            />
          ) : null}
        </View>
      ) : null}
      <ContactStaffRow />
    </Page>
  )
}
