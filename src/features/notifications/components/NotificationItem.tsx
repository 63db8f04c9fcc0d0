import { View } from '@tarojs/components'
import type { NotificationView } from '@minyi/types/entities'
import { formatDateTime } from '../../../utils/format'
import './notifications.scss'

export function NotificationItem({ item, onClick }: { item: NotificationView; onClick: () => void }) {
  return (
    <View
      className={`notice-item ${item.read ? '' : 'notice-item--unread'}`}
      hoverClass='notice-item--hover'
      onClick={onClick}
      data-testid='notification'
    >
      <View className='notice-item__dot-col'>{item.read ? null : <View className='notice-item__dot' data-testid='unread-dot' />}</View>
      <View className='notice-item__main'>
        <View className='notice-item__head'>
          <View className='notice-item__title'>{item.title}</View>
        </View>
        <View className='notice-item__body'>{item.body}</View>
        <View className='notice-item__time'>
          {formatDateTime(item.createdAt)}
          {item.read ? '' : ' · 未读'}
        </View>
      </View>
      {item.caseId || item.link ? <View className='notice-item__arrow'>›</View> : null}
    </View>
  )
}
