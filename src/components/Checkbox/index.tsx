import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

interface CheckboxProps {
  checked: boolean
  onChange: (checked: boolean) => void
  children: ReactNode
  testId?: string
}

/** A large check box with its label; tapping the box or the label text toggles it. */
export function Checkbox({ checked, onChange, children, testId }: CheckboxProps) {
  return (
    <View className='mx-checkbox' data-testid={testId}>
      <View
        className={`mx-checkbox__box ${checked ? 'mx-checkbox__box--checked' : ''}`}
        {...{ role: 'checkbox' }}
        aria-checked={checked ? 'true' : 'false'}
        onClick={() => onChange(!checked)}
      >
        {checked ? '✓' : ''}
      </View>
      <View className='mx-checkbox__label' onClick={() => onChange(!checked)}>
        {children}
      </View>
    </View>
  )
}
