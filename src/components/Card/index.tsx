import type { PropsWithChildren, ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

interface CardProps {
  title?: ReactNode
  extra?: ReactNode
  onClick?: () => void
  className?: string
  testId?: string
}

export function Card({ title, extra, onClick, className, testId, children }: PropsWithChildren<CardProps>) {
  return (
    <View
      className={`mx-card ${onClick ? 'mx-card--tappable' : ''} ${className ?? ''}`}
      hoverClass={onClick ? 'mx-card--hover' : 'none'}
      onClick={onClick}
      data-testid={testId}
    >
      {title || extra ? (
        <View className='mx-card__head'>
          <View className='mx-card__title'>{title}</View>
          {extra ? <View className='mx-card__extra'>{extra}</View> : null}
        </View>
      ) : null}
      {children}
    </View>
  )
}

export function SectionTitle({ children, extra }: PropsWithChildren<{ extra?: ReactNode }>) {
  return (
    <View className='mx-section-title'>
      <View className='mx-section-title__text'>{children}</View>
      {extra ? <View className='mx-section-title__extra'>{extra}</View> : null}
    </View>
  )
}
