import { View } from '@tarojs/components'
import type { DeputyCard as DeputyCardView } from '@minyi/types/entities'
import { Avatar, Tag } from '../../../components'
import { go, urls } from '../../../services/navigation'
import './stations.scss'

/** A deputy as a station publishes them: photo, name, level, commitment, 站长 badge. */
export function DeputyCard({ deputy, record }: { deputy: DeputyCardView; record?: { cases: number; receptionDuties: number; suggestions: number } }) {
  return (
    <View
      className='deputy-card'
      hoverClass='deputy-card--hover'
      onClick={() => go(urls.deputy(deputy.code))}
      data-testid={`deputy-${deputy.code}`}
    >
      <Avatar src={deputy.photoUrl} name={deputy.name} />
      <View className='deputy-card__body'>
        <View className='deputy-card__name-row'>
          <View className='deputy-card__name'>{deputy.name}</View>
          {deputy.isHead ? <Tag tone='primary'>站长</Tag> : null}
        </View>
        <View className='deputy-card__level'>{deputy.levelLabel}</View>
        {deputy.commitment ? (
          <View className='deputy-card__commitment'>
            <View className='deputy-card__commitment-label'>履职承诺</View>
            {deputy.commitment}
          </View>
        ) : null}
        {deputy.contact ? <View className='deputy-card__level' data-testid='deputy-contact'>联系方式：{deputy.contact}</View> : null}
        {record ? (
          <View className='deputy-card__level' data-testid='deputy-record'>
            履职：收到民意 {record.cases} 件 · 接待日值班 {record.receptionDuties} 次 · 提出建议 {record.suggestions} 件
          </View>
        ) : null}
      </View>
    </View>
  )
}
