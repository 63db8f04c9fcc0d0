import { View } from '@tarojs/components'
import type { StationView } from '@minyi/types/entities'
import type { OccurrenceCard } from '@minyi/types/receptionViews'
import { formatCalendarDay } from '../../../utils/format'
import { UpcomingDays } from '../../reception/UpcomingDays'
import './stations.scss'

/**
 * 民情接待日: the recurring rule, then the next days with who is on duty and a 预约 button each
 * (`onBook`); a station without generated days shows the next date from its rule.
 */
export function ReceptionInfo({ reception, onBook }: { reception: StationView['reception']; onBook?: (day: OccurrenceCard) => void }) {
  if (reception.upcoming?.length) {
    return (
      <View className='reception' data-testid='reception'>
        {reception.rule ? <View className='reception__rule'>固定安排：{reception.rule}</View> : null}
        <UpcomingDays days={reception.upcoming} onBook={onBook} />
      </View>
    )
  }
  return (
    <View className='reception' data-testid='reception'>
      {reception.next ? (
        <View className='reception__next'>
          <View className='reception__label'>下次接待</View>
          <View className='reception__date'>{formatCalendarDay(reception.next.date)}</View>
          <View className='reception__time'>
            {reception.next.start}–{reception.next.end}
          </View>
        </View>
      ) : (
        <View className='reception__none'>暂无安排</View>
      )}
      {reception.rule ? <View className='reception__rule'>固定安排：{reception.rule}</View> : null}
    </View>
  )
}
