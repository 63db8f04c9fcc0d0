import type { PropsWithChildren, ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useLargeText } from '../../services/largeText'
import './index.scss'

interface PageProps {
  /** A bar pinned to the bottom of the screen, e.g. the big 反映民意 button. */
  footer?: ReactNode
  className?: string
  testId?: string
}

/** The frame of every page: background, large body text, padding, optional bottom bar. */
export function Page({ children, footer, className, testId }: PropsWithChildren<PageProps>) {
  // 大字模式: every size on the page follows (styles/_large.scss).
  const large = useLargeText()
  return (
    <View
      className={`mx-page ${large ? 'mx-large' : ''} ${footer ? 'mx-page--with-footer' : ''} ${className ?? ''}`}
      data-testid={testId}
      data-large={large ? 'true' : 'false'}
    >
      {children}
      {footer ? <View className='mx-page__footer'>{footer}</View> : null}
    </View>
  )
}
