import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Icon, type IconName } from '../Icon'
import './index.scss'

export function EmptyState({ title, description, action, icon = 'empty' }: { title: string; description?: ReactNode; action?: ReactNode; icon?: IconName }) {
  return (
    <View className='mx-empty' data-testid='empty-state'>
      <Icon name={icon} size='large' />
      <View className='mx-empty__title'>{title}</View>
      {description ? <View className='mx-empty__description'>{description}</View> : null}
      {action ? <View className='mx-empty__action'>{action}</View> : null}
    </View>
  )
}
