import { View } from '@tarojs/components'
import type { StationSummary } from '@minyi/types/entities'
import { Card, Tag } from '../../../components'
import { go, urls } from '../../../services/navigation'
import './stations.scss'

export function StationListItem({ station }: { station: StationSummary }) {
  return (
    <Card onClick={() => go(urls.station(station.code))} testId={`station-${station.code}`}>
      <View className='station-item'>
        <View className='station-item__main'>
          <View className='station-item__name'>{station.name}</View>
          <View className='station-item__meta'>
            <Tag tone='primary'>{station.kindLabel}</Tag>
          </View>
          <View className='station-item__address'>{station.address}</View>
        </View>
        <View className='station-item__arrow'>›</View>
      </View>
    </Card>
  )
}
