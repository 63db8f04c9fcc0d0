import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

/** Passed as a spread: Taro's View props do not declare `role`, but h5 renders it. */
export const BUTTON_ROLE = { role: 'button' } as Record<string, string>

export interface ButtonProps {
  onClick?: () => void
  kind?: 'primary' | 'secondary' | 'danger' | 'plain'
  size?: 'large' | 'normal' | 'small'
  /** Full width (default for large buttons). */
  block?: boolean
  disabled?: boolean
  loading?: boolean
  className?: string
  testId?: string
}

/**
 * A big, plain tap target. A View rather than Taro's Button: the native button's default styles
 * differ between weapp and h5, and on h5 `disabled={false}` renders as disabled. Use Taro's
 * Button only where an `open-type` is needed (privacy consent).
 */
export function Button({
  children,
  onClick,
  kind = 'primary',
  size = 'normal',
  block,
  disabled,
  loading,
  className,
  testId,
}: PropsWithChildren<ButtonProps>) {
  const inactive = !!(disabled || loading)
  const classes = [
    'mx-btn',
    `mx-btn--${kind}`,
    `mx-btn--${size}`,
    block ?? size === 'large' ? 'mx-btn--block' : '',
    inactive ? 'mx-btn--disabled' : '',
    className ?? '',
  ]
  return (
    <View
      className={classes.join(' ')}
      hoverClass={inactive ? 'none' : 'mx-btn--hover'}
      {...BUTTON_ROLE}
      aria-disabled={inactive ? 'true' : undefined}
      data-testid={testId}
      onClick={() => {
        if (!inactive) onClick?.()
      }}
    >
      {loading ? <View className='mx-btn__spinner' /> : null}
      {children}
    </View>
  )
}
