// One rate with its definition printed beside it (办结率, 按时办结率, 满意率…).
import { View } from '@tarojs/components'
import './Rate.scss'

interface RateProps {
  title: string
  value: number | null
  unit?: string
  detail?: string
  definition: string
  testId?: string
}

export function Rate({ title, value, unit = '%', detail, definition, testId }: RateProps) {
  return (
    <View className='insight-rate' data-testid={testId}>
      <View className='insight-rate__head'>
        <View className='insight-rate__title'>{title}</View>
        <View className='insight-rate__value'>{value === null ? '—' : `${value}${unit}`}</View>
      </View>
      {detail ? <View className='insight-rate__detail'>{detail}</View> : null}
      <View className='insight-rate__definition'>{definition}</View>
    </View>
  )
}
