import { View } from '@tarojs/components'
import type { OccurrenceCard } from '@minyi/types/receptionViews'
import { formatMonthDay } from '@minyi/types/time'
import { Tag } from '../../components'
import { formatCalendarDay } from '../../utils/format'
import { hm, shortName, span } from '../lib/format'

/** Date, time, status and duty of one reception day. */
export function DayHeader({ day, showStation }: { day: OccurrenceCard & { address?: string }; showStation?: boolean }) {
  return (
    <View>
      {showStation ? <View className='rc-meta'>{shortName(day.stationName)}</View> : null}
      <View className='rc-day'>
        <View className='rc-day__date'>{formatCalendarDay(day.date)}</View>
        <View className='rc-day__time'>{span(day.start, day.end)}</View>
      </View>
      {day.isToday || day.status === 'cancelled' ? (
      <View className='rc-tags'>
        {day.isToday ? <Tag tone='primary'>今天</Tag> : null}
        {day.status === 'cancelled' ? <Tag tone='danger'>已取消</Tag> : null}
      </View>
      ) : null}
      {day.cancelReason ? <View className='rc-warn'>取消原因：{day.cancelReason}</View> : null}
      {day.moved ? <View className='rc-warn'>原定{formatMonthDay(day.moved.fromDate)} {hm(day.moved.fromStart)}，已调整：{day.moved.reason}</View> : null}
      {day.adjustedNote ? <View className='rc-warn'>{day.adjustedNote}</View> : null}
      {day.address ? <View className='rc-meta'>地点：{day.address}</View> : null}
      <View className='rc-meta'>值班代表：{day.duty.length ? day.duty.map((d) => d.name).join('、') : '待安排'}</View>
    </View>
  )
}
