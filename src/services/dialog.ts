// Confirmations and short notices in the app's colours (WeChat's default confirm colour is green).
import Taro from '@tarojs/taro'

export async function confirm(title: string, content: string, options: { confirmText?: string; cancelText?: string } = {}): Promise<boolean> {
  const result = await Taro.showModal({
    title,
    content,
    confirmText: options.confirmText ?? '确定',
    cancelText: options.cancelText ?? '取消',
    confirmColor: '#c0262d',
    cancelColor: '#555b63',
  })
  return !!result.confirm
}
