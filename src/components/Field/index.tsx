import type { PropsWithChildren, ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

interface FieldProps {
  label: ReactNode
  required?: boolean
  optional?: boolean
  hint?: ReactNode
  /** The Chinese message shown right under the field when its value is wrong. */
  error?: string | null
  /** Shown at the right of the label, e.g. a live character count. */
  extra?: ReactNode
  id?: string
  testId?: string
}

export function Field({ label, required, optional, hint, error, extra, id, testId, children }: PropsWithChildren<FieldProps>) {
  return (
    <View className={`mx-field ${error ? 'mx-field--error' : ''}`} id={id} data-testid={testId}>
      <View className='mx-field__head'>
        <View className='mx-field__label'>
          {label}
          {required ? <View className='mx-field__required'>必填</View> : null}
          {optional ? <View className='mx-field__optional'>选填</View> : null}
        </View>
        {extra ? <View className='mx-field__extra'>{extra}</View> : null}
      </View>
      {hint ? <View className='mx-field__hint'>{hint}</View> : null}
      <View className='mx-field__control'>{children}</View>
      {error ? (
        <View className='mx-field__error' data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </View>
      ) : null}
    </View>
  )
}
