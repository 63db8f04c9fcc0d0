// The 民生实事 entry card on the home page, a station page and 我的.
import { View } from '@tarojs/components'
import { Card } from '../../../components'
import { go } from '../../../services/navigation'
import './livelihood-entry.scss'

export function LivelihoodEntry({ url, title, text, testId }: { url: string; title: string; text: string; testId: string }) {
  return (
    <Card onClick={() => go(url)} testId={testId}>
      <View className='lv-entry'>
        <View>
          <View className='lv-entry__title'>{title}</View>
          <View className='lv-entry__text'>{text}</View>
        </View>
        <View className='lv-entry__arrow'>›</View>
      </View>
    </Card>
  )
}
