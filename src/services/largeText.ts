// 大字模式 (适老化). Where the choice comes from, strongest first:
// 1. what the person chose, saved on their account (`session.me` → `largeText`, set through
//    `privacy.setPreferences`) and copied to local storage so the next start is large at once;
// 2. the phone's own text size: weapp `getSystemInfoSync().fontSizeSetting` (iOS and Android report
//    17 px by default), h5 the browser's default font size (a user who raised it gets large text).
// Every page's root carries `mx-large` while it is on (components/Page).
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

const STORAGE_KEY = 'minyi.largeText'
/** System text at or above this size (px) turns large mode on by default. */
export const LARGE_SYSTEM_FONT_PX = 20

type Listener = (on: boolean) => void
const listeners = new Set<Listener>()
let current: boolean | null = null
/** When the person last switched it here: an account answer older than the save must not undo it. */
let chosenAt = 0
const ACCOUNT_GRACE_MS = 15_000

function stored(): boolean | null {
  try {
    const value: unknown = Taro.getStorageSync(STORAGE_KEY)
    return value === '1' ? true : value === '0' ? false : null
  } catch {
    return null
  }
}

/** The phone's (or browser's) own text size, in px; null when unknown. */
export function systemFontPx(): number | null {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const size = (Taro.getSystemInfoSync() as { fontSizeSetting?: number }).fontSizeSetting
      return typeof size === 'number' ? size : null
    } catch {
      return null
    }
  }
  if (typeof document === 'undefined' || !document.body) return null
  // Taro sets the root font size for rem; a probe at `medium` measures the browser's default.
  const probe = document.createElement('div')
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
  document.body.appendChild(probe)
  const px = Number.parseFloat(getComputedStyle(probe).fontSize)
  probe.remove()
  return Number.isFinite(px) ? px : null
}

export function isLargeText(): boolean {
  if (current === null) {
    const saved = stored()
    const system = systemFontPx()
    current = saved ?? (system !== null && system >= LARGE_SYSTEM_FONT_PX)
  }
  return current
}

function apply(on: boolean): void {
  current = on
  try {
    Taro.setStorageSync(STORAGE_KEY, on ? '1' : '0')
  } catch {
    // Storage full or unavailable: the mode still holds for this session.
  }
  listeners.forEach((listener) => listener(on))
}

/** The person switched it on 我的 (the caller saves it on the account too). */
export function setLargeText(on: boolean): void {
  chosenAt = Date.now()
  apply(on)
}

/** The account's saved choice arrived with `session.me`: it wins over the local default. */
export function applyAccountLargeText(value: boolean | null | undefined): void {
  if (Date.now() - chosenAt < ACCOUNT_GRACE_MS) return
  if (typeof value === 'boolean' && value !== isLargeText()) apply(value)
}

export function useLargeText(): boolean {
  const [on, setOn] = useState(isLargeText)
  useEffect(() => {
    const listener: Listener = (value) => setOn(value)
    listeners.add(listener)
    setOn(isLargeText())
    return () => {
      listeners.delete(listener)
    }
  }, [])
  return on
}
