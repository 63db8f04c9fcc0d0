import { View } from '@tarojs/components'
import type { SuggestionSummary } from '@minyi/types/suggestionViews'
import { Card, Tag } from '../../../components'
import { formatDate } from '../../../utils/format'
import { DeadlineText } from './DeadlineText'
import { SuggestionStatusTag } from './SuggestionStatusTag'
import './suggestions.scss'

export function SuggestionListItem({ item, onClick, showDeputy }: { item: SuggestionSummary; onClick: () => void; showDeputy?: boolean }) {
  return (
    <Card onClick={onClick} testId='suggestion-item'>
      <View className='suggestion-item__head'>
        <View className='suggestion-item__kind'>
          <Tag tone='primary'>{item.kindLabel}</Tag>
          {item.no ? <View className='suggestion-item__no'>{item.no}</View> : null}
        </View>
        <SuggestionStatusTag status={item.status} />
      </View>
      <View className={`suggestion-item__title ${item.title ? '' : 'suggestion-item__title--empty'}`} data-testid='suggestion-title'>
        {item.title || '（还没有填写标题）'}
      </View>
      <View className='suggestion-item__meta'>
        {showDeputy ? `${item.deputy.name} 代表 · ` : ''}附 {item.caseCount} 条民意
        {item.office ? ` · ${item.submittedAt ? '' : '将'}提交${item.office.name}` : ''}
      </View>
      <View className='suggestion-item__foot'>
        <View>{item.submittedAt ? `提交于 ${formatDate(item.submittedAt)}` : `更新于 ${formatDate(item.updatedAt)}`}</View>
        {item.deadline ? <DeadlineText deadline={item.deadline} /> : null}
      </View>
    </Card>
  )
}
