import { View } from '@tarojs/components'
import type { DutyView } from '@minyi/types/receptionViews'
import { Card } from '../../components'
import { DayHeader } from './DayHeader'

/** A reception day in a list (我的值班, 接待日管理), with its booking numbers; tap for the day's page. */
export function DayListItem({ day, onClick, showStation }: { day: DutyView; onClick: () => void; showStation?: boolean }) {
  return (
    <Card onClick={onClick} testId='day-item'>
      <DayHeader day={day} showStation={showStation} />
      <View className='rc-meta'>
        预约 {day.counts.booked} 人{day.counts.waiting ? ` · 候补 ${day.counts.waiting} 人` : ''}
        {day.counts.checkedIn ? ` · 已到场 ${day.counts.checkedIn} 人` : ''}
        {day.counts.noShows ? ` · 未到场 ${day.counts.noShows} 人` : ''}
        {day.counts.matters ? ` · 反映事项 ${day.counts.matters} 件` : ''}
      </View>
    </Card>
  )
}
