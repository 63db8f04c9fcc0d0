import Taro from '@tarojs/taro'

const MESSAGES_TAB_INDEX = 1

/** Shows the unread count on the 消息 tab. Call only from a tab page (WeChat refuses otherwise). */
export function showUnreadBadge(unread: number): void {
  if (unread > 0) {
    void Taro.setTabBarBadge({ index: MESSAGES_TAB_INDEX, text: unread > 99 ? '99+' : String(unread) }).catch(() => undefined)
  } else {
    void Taro.removeTabBarBadge({ index: MESSAGES_TAB_INDEX }).catch(() => undefined)
  }
}
