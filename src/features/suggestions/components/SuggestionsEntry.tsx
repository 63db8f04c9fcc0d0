// The way into 议案建议 from the work inbox: one card, placed with a single line.
import { View } from '@tarojs/components'
import type { Me } from '@minyi/types/entities'
import { Card } from '../../../components'
import { go, urls } from '../../../services/navigation'
import './suggestions.scss'

export function SuggestionsEntry({ me }: { me: Pick<Me, 'role'> }) {
  const text = me.role === 'deputy' ? '用群众反映的问题起草议案、建议，跟踪交办和答复' : '代表提交的议案、建议：登记交办、答复和满意度'
  return (
    <Card onClick={() => go(urls.suggestions())} testId='entry-suggestions'>
      <View className='suggestion-entry'>
        <View>
          <View className='suggestion-entry__title'>议案建议</View>
          <View className='suggestion-entry__text'>{text}</View>
        </View>
        <View className='suggestion-entry__arrow'>›</View>
      </View>
    </Card>
  )
}
