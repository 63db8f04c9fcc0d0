import { useId } from 'react'
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
  // The box is named by its label for screen readers (aria-labelledby; weapp reads the label beside it).
  const labelId = `mx-cb-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`
  return (
    <View className='mx-checkbox' data-testid={testId}>
      <View
        className={`mx-checkbox__box ${checked ? 'mx-checkbox__box--checked' : ''}`}
        {...{ role: 'checkbox' }}
        aria-checked={checked ? 'true' : 'false'}
        aria-labelledby={labelId}
        onClick={() => onChange(!checked)}
      >
        {checked ? '✓' : ''}
      </View>
      <View className='mx-checkbox__label' id={labelId} onClick={() => onChange(!checked)}>
        {children}
      </View>
    </View>
  )
}
