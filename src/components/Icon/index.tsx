import { Image } from '@tarojs/components'
import alert from '../../assets/icons/alert.png'
import bell from '../../assets/icons/bell.png'
import cases from '../../assets/icons/cases.png'
import empty from '../../assets/icons/empty.png'
import lock from '../../assets/icons/lock.png'
import scan from '../../assets/icons/scan.png'
import search from '../../assets/icons/search.png'
import './index.scss'

// Small PNG line icons (emoji are not drawn by every phone font, and never in some browsers).
const ICONS = { alert, bell, cases, empty, lock, scan, search } as const

/** Spread on an image that only decorates (Taro's Image does not declare aria props; h5 and weapp render them). */
export const DECORATIVE = { 'aria-hidden': 'true' } as Record<string, string>

export type IconName = keyof typeof ICONS

export function Icon({ name, size = 'normal' }: { name: IconName; size?: 'small' | 'normal' | 'large' }) {
  // Decorative: the text beside it says the same (hidden from screen readers).
  return <Image className={`mx-icon mx-icon--${size}`} src={ICONS[name]} mode='scaleToFill' {...DECORATIVE} />
}
