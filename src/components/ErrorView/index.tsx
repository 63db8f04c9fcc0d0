import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button } from '../Button'
import { Icon } from '../Icon'
import './index.scss'

/** A failed load: the server's Chinese message and a way to try again. */
export function ErrorView({ message, onRetry, action }: { message: string; onRetry?: () => void; action?: ReactNode }) {
  return (
    <View className='mx-error' data-testid='error-view'>
      <Icon name='alert' size='large' />
      <View className='mx-error__message'>{message}</View>
      {onRetry ? (
        <Button kind='secondary' block onClick={onRetry}>
          重新加载
        </Button>
      ) : null}
      {action ? <View className='mx-error__action'>{action}</View> : null}
    </View>
  )
}

/** An inline error under a form or an action. */
export function ErrorText({ children }: { children: ReactNode }) {
  return (
    <View className='mx-error-text' data-testid='form-error'>
      {children}
    </View>
  )
}
