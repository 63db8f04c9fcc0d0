// WeChat one-time subscriptions: each "allow" lets the server push one message of that template.
// WeChat shows the dialog only from a tap gesture, so `requestSubscriptions` must be called
// synchronously inside the tap handler, before any await. (Taro's wrapper calls
// wx.requestSubscribeMessage synchronously, inside its promise executor.)
import Taro from '@tarojs/taro'

export type NoticeKind = 'progress' | 'reply'

const TEMPLATES: ReadonlyArray<{ kind: NoticeKind; id: string }> = [
  { kind: 'progress' as const, id: process.env.TARO_APP_TMPL_PROGRESS || '' },
  { kind: 'reply' as const, id: process.env.TARO_APP_TMPL_REPLY || '' },
].filter((template) => template.id)

/**
 * Asks for the subscriptions (weapp only) and resolves with the kinds the person accepted. `kinds`
 * narrows the request (民生实事 pages ask for `progress` only: milestone and result notices).
 */
export function requestSubscriptions(kinds?: readonly NoticeKind[]): Promise<NoticeKind[]> {
  const wanted = kinds ? TEMPLATES.filter((template) => kinds.includes(template.kind)) : TEMPLATES
  if (process.env.TARO_ENV !== 'weapp' || wanted.length === 0) return Promise.resolve([])
  try {
    // Taro's Option type wrongly demands Alipay's `entityIds` as well: WeChat takes `tmplIds` only.
    const option = { tmplIds: wanted.map((template) => template.id) } as unknown as Taro.requestSubscribeMessage.Option
    return Taro.requestSubscribeMessage(option).then(
      (result) => {
        const answers = result as unknown as Record<string, string>
        return wanted.filter((template) => answers[template.id] === 'accept').map((template) => template.kind)
      },
      () => [],
    )
  } catch {
    return Promise.resolve([])
  }
}
