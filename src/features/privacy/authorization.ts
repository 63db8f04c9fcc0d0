// WeChat's privacy authorization (weapp): when the mini-program calls an API that WeChat counts
// as collecting personal information and the person has not yet agreed, WeChat calls the
// `onNeedPrivacyAuthorization` listener and holds the call until we `resolve` it. We show our own
// prompt with a button of `open-type="agreePrivacyAuthorization"` (PrivacyPrompt).
import Taro from '@tarojs/taro'

type Resolve = (result: { event: 'agree' | 'disagree'; buttonId?: string }) => void

let pending: Resolve | null = null
const listeners = new Set<(visible: boolean) => void>()

export const AGREE_BUTTON_ID = 'agree-privacy-button'

export function installPrivacyAuthorization(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  if (typeof wx === 'undefined' || typeof wx.onNeedPrivacyAuthorization !== 'function') return
  wx.onNeedPrivacyAuthorization((resolve: Resolve) => {
    pending = resolve
    if (listeners.size) {
      listeners.forEach((listener) => listener(true))
    } else {
      // No prompt on this page: the privacy page has one.
      void Taro.navigateTo({ url: '/pages/privacy/index?prompt=1' })
    }
  })
}

export function subscribePrivacyPrompt(listener: (visible: boolean) => void): () => void {
  listeners.add(listener)
  if (pending) listener(true)
  return () => listeners.delete(listener)
}

export function hasPendingAuthorization(): boolean {
  return pending !== null
}

function settle(result: Parameters<Resolve>[0]) {
  const resolve = pending
  pending = null
  resolve?.(result)
  listeners.forEach((listener) => listener(false))
}

export const agreePrivacy = () => settle({ event: 'agree', buttonId: AGREE_BUTTON_ID })
export const disagreePrivacy = () => settle({ event: 'disagree' })

/** Whether WeChat still needs the person's agreement (weapp); false elsewhere. */
export function needsPrivacyAuthorization(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || typeof wx === 'undefined' || typeof wx.getPrivacySetting !== 'function') {
    return Promise.resolve(false)
  }
  return new Promise((resolve) => {
    wx.getPrivacySetting({
      success: (result: { needAuthorization: boolean }) => resolve(!!result.needAuthorization),
      fail: () => resolve(false),
    })
  })
}

export function openWechatPrivacyContract(): void {
  if (process.env.TARO_ENV === 'weapp' && typeof wx !== 'undefined' && typeof wx.openPrivacyContract === 'function') {
    wx.openPrivacyContract({})
  }
}
