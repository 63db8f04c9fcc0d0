import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

interface ToggleProps {
  label: ReactNode
  description?: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  testId?: string
  /** The state in words (never by colour alone). */
  onText?: string
  offText?: string
}

/** A labelled on/off switch; the whole row is the tap target. */
export function Toggle({ label, description, checked, onChange, testId, onText = '允许', offText = '不允许' }: ToggleProps) {
  return (
    <View
      className='mx-toggle'
      {...{ role: 'switch' }}
      aria-checked={checked ? 'true' : 'false'}
      data-testid={testId}
      onClick={() => onChange(!checked)}
    >
      <View className='mx-toggle__text'>
        <View className='mx-toggle__label'>{label}</View>
        {description ? <View className='mx-toggle__description'>{description}</View> : null}
      </View>
      <View className={`mx-toggle__track ${checked ? 'mx-toggle__track--on' : ''}`}>
        <View className='mx-toggle__thumb' />
      </View>
      <View className={`mx-toggle__state ${checked ? 'mx-toggle__state--on' : ''}`}>{checked ? onText : offText}</View>
    </View>
  )
}
