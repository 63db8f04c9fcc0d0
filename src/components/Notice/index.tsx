import type { PropsWithChildren, ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

/** A coloured box that tells the person something important (success, a warning, guidance). */
export function Notice({
  tone = 'info',
  title,
  children,
  testId,
}: PropsWithChildren<{ tone?: 'info' | 'success' | 'warning' | 'danger'; title?: ReactNode; testId?: string }>) {
  return (
    <View className={`mx-notice mx-notice--${tone}`} data-testid={testId}>
      {title ? <View className='mx-notice__title'>{title}</View> : null}
      {children ? <View className='mx-notice__body'>{children}</View> : null}
    </View>
  )
}
