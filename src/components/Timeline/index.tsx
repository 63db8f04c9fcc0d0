import { View } from '@tarojs/components'
import type { TimelineEntry } from '@minyi/types/entities'
import { formatDateTime } from '../../utils/format'
import './index.scss'

/** The case's history, oldest first, newest highlighted: what happened, by whom, when. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const last = entries.length - 1
  return (
    <View className='mx-timeline' data-testid='timeline'>
      {entries.map((entry, index) => (
        <View key={entry.id} className={`mx-timeline__item ${index === last ? 'mx-timeline__item--latest' : ''}`}>
          <View className='mx-timeline__rail'>
            <View className='mx-timeline__dot' />
            {index < last ? <View className='mx-timeline__line' /> : null}
          </View>
          <View className='mx-timeline__body'>
            <View className='mx-timeline__label'>{entry.label}</View>
            <View className='mx-timeline__meta'>
              {entry.actor} · {formatDateTime(entry.at)}
            </View>
            {entry.note ? <View className='mx-timeline__note'>{entry.note}</View> : null}
          </View>
        </View>
      ))}
    </View>
  )
}
