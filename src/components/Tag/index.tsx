import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

export type Tone = 'primary' | 'info' | 'success' | 'warning' | 'danger' | 'neutral'

export function Tag({ tone = 'neutral', size = 'normal', children, testId }: PropsWithChildren<{ tone?: Tone; size?: 'normal' | 'large'; testId?: string }>) {
  return (
    <View className={`mx-tag mx-tag--${tone} mx-tag--${size}`} data-testid={testId}>
      {children}
    </View>
  )
}
