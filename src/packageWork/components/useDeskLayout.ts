// A desk browser (≥ 1024 px wide, also WeChat on a PC): staff and office pages lay out in two columns.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

export const DESK_MIN_WIDTH = 1024

function width(): number {
  if (process.env.TARO_ENV === 'h5') return typeof window === 'undefined' ? 0 : window.innerWidth
  try {
    return Taro.getSystemInfoSync().windowWidth
  } catch {
    return 0
  }
}

export function useDeskLayout(): boolean {
  const [desk, setDesk] = useState(() => width() >= DESK_MIN_WIDTH)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    const onResize = () => setDesk(width() >= DESK_MIN_WIDTH)
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  return desk
}
