import { View } from '@tarojs/components'
import type { CaseSummary } from '@minyi/types/entities'
import { CATEGORY_LABELS } from '@minyi/types/enums'
import { Card, StatusTag, Tag } from '../../../components'
import { formatDate, formatDueDate } from '../../../utils/format'
import './cases.scss'

/** "临江市滨湖区湖滨街道人大代表之家" → "湖滨街道人大代表之家": the district is the same for everyone. */
export function shortStationName(name: string): string {
  return name.replace(/^.*?[市].*?[区县]/, '') || name
}

interface CaseListItemProps {
  item: CaseSummary
  onClick: () => void
  /** Work inbox: show the station and the ⚠ mark of content awaiting review. */
  showStation?: boolean
  showReview?: boolean
  /** Work inbox: who holds it now (分级负责) and the 已超期 badge (督办). */
  showHandling?: boolean
}

export function CaseListItem({ item, onClick, showStation, showReview, showHandling }: CaseListItemProps) {
  return (
    <Card onClick={onClick} testId={`case-${item.trackingNo}`}>
      <View className='case-item__head'>
        <View className='case-item__no'>
          {showReview && item.needsReview ? (
            <View className='case-item__review' data-testid='needs-review'>
              ⚠
            </View>
          ) : null}
          {item.trackingNo}
        </View>
        <StatusTag status={item.status} />
      </View>
      <View className='case-item__meta'>
        <Tag tone='neutral'>{CATEGORY_LABELS[item.category]}</Tag>
        {item.raisedBy > 1 ? (
          <View className='case-item__raised' data-testid='case-raised-by'>
            {item.raisedBy} 位群众反映
          </View>
        ) : null}
        {showHandling && item.overdue ? (
          <View className='case-item__badge'>
            <Tag tone='danger' testId='overdue-badge'>
              已超期
            </Tag>
          </View>
        ) : null}
      </View>
      {showStation ? <View className='case-item__station'>{shortStationName(item.stationName)}</View> : null}
      {showHandling && item.handler.level !== 'station' ? (
        <View className='case-item__handler' data-testid='case-handler'>
          现由 {item.handler.name} 办理
        </View>
      ) : null}
      <View className='case-item__excerpt'>{item.excerpt}</View>
      <View className='case-item__foot'>
        <View>提交于 {formatDate(item.createdAt)}</View>
        {item.dueDate ? <View className='case-item__due'>限 {formatDueDate(item.dueDate)} 前答复</View> : null}
      </View>
      {showReview && item.needsReview ? <View className='case-item__review-text'>⚠ 内容需人工审核</View> : null}
    </Card>
  )
}
