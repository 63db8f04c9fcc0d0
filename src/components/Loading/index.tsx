import { View } from '@tarojs/components'
import './index.scss'

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='mx-loading' data-testid='loading'>
      <View className='mx-loading__spinner' />
      <View className='mx-loading__text'>{text}</View>
    </View>
  )
}
