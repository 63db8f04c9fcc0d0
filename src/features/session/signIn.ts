// h5 development sign-in: pages that need a person send visitors to 选择演示身份 and come back.
import Taro from '@tarojs/taro'
import { PAGES, currentUrl, urls } from '../../services/navigation'
import { signOut } from '../../services/session'

let redirecting = 0

export function redirectToSignIn(back: string = currentUrl()): void {
  if (process.env.TARO_ENV !== 'h5') return
  if (Date.now() - redirecting < 1500) return
  redirecting = Date.now()
  const target = back.startsWith(PAGES.login) ? urls.login() : urls.login(back)
  void Taro.redirectTo({ url: target }).catch(() => Taro.navigateTo({ url: target }))
}

/** The server no longer knows the stored demo user (e.g. a fresh data folder): choose again. */
export function handleUnauthenticated(): void {
  if (process.env.TARO_ENV !== 'h5') return
  signOut()
  redirectToSignIn()
}
