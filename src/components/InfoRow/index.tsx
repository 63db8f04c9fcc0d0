import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

/** A label and its value on one line (wrapping under it on narrow screens). */
export function InfoRow({ label, children, onClick, testId }: { label: string; children: ReactNode; onClick?: () => void; testId?: string }) {
  return (
    <View className={`mx-info-row ${onClick ? 'mx-info-row--link' : ''}`} onClick={onClick} data-testid={testId}>
      <View className='mx-info-row__label'>{label}</View>
      <View className='mx-info-row__value'>{children}</View>
    </View>
  )
}
