// The next reception days of a station on its page: date and time, who is on duty, why a day was
// moved, a cancelled day marked as such, and a big 预约 button for each day that takes bookings.
import { View } from '@tarojs/components'
import type { OccurrenceCard } from '@minyi/types/receptionViews'
import { Button, Tag } from '../../components'
import { formatCalendarDay } from '../../utils/format'
import './upcoming.scss'

const hm = (time: string) => time.replace(/^0(\d)/, '$1')

export function UpcomingDays({ days, onBook }: { days: readonly OccurrenceCard[]; onBook?: (day: OccurrenceCard) => void }) {
  if (!days.length) return null
  return (
    <View className='upcoming-days' data-testid='upcoming-days'>
      {days.map((day) => (
        <View key={day.id} className={`upcoming-day ${day.status === 'cancelled' ? 'upcoming-day--cancelled' : ''}`} data-testid='upcoming-day'>
          <View className='upcoming-day__when'>
            <View className='upcoming-day__date'>{formatCalendarDay(day.date)}</View>
            <View className='upcoming-day__time'>
              {hm(day.start)}–{hm(day.end)}
            </View>
            {day.isToday ? <Tag tone='primary'>今天</Tag> : null}
            {day.status === 'cancelled' ? <Tag tone='danger'>已取消</Tag> : null}
          </View>
          {day.cancelReason ? <View className='upcoming-day__note'>取消原因：{day.cancelReason}</View> : null}
          {day.moved ? <View className='upcoming-day__note'>已调整：{day.moved.reason}</View> : null}
          {day.adjustedNote && day.status !== 'cancelled' ? <View className='upcoming-day__note'>{day.adjustedNote}</View> : null}
          {day.status === 'scheduled' ? (
            <View className='upcoming-day__duty'>值班代表：{day.duty.length ? day.duty.map((d) => d.name).join('、') : '待安排'}</View>
          ) : null}
          {day.status === 'scheduled' && onBook ? (
            <View className='upcoming-day__book'>
              <View className='upcoming-day__left'>{day.remaining > 0 ? `还可预约 ${day.remaining} 人` : day.bookable ? '已约满，可排候补' : '已停止预约'}</View>
              {day.bookable ? (
                <Button size='normal' onClick={() => onBook(day)} testId='book-day'>
                  预约
                </Button>
              ) : null}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
