import { Image, View } from '@tarojs/components'
import './index.scss'

/** A deputy's photo; the first character of the name when there is none. */
export function Avatar({ src, name, size = 'normal' }: { src?: string | null; name: string; size?: 'normal' | 'large' }) {
  return (
    <View className={`mx-avatar mx-avatar--${size}`} {...{ role: 'img', 'aria-label': `${name}的照片` }}>
      {src ? (
        <Image className='mx-avatar__image' src={src} mode='aspectFill' lazyLoad {...{ 'aria-hidden': 'true' }} />
      ) : (
        <View className='mx-avatar__fallback'>{Array.from(name)[0] ?? '代'}</View>
      )}
    </View>
  )
}
