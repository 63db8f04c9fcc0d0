import { useEffect, useState } from 'react'
import { Button as TaroButton, View } from '@tarojs/components'
import { Card } from '../../../components'
import {
  AGREE_BUTTON_ID,
  agreePrivacy,
  hasPendingAuthorization,
  needsPrivacyAuthorization,
  openWechatPrivacyContract,
  subscribePrivacyPrompt,
} from '../authorization'
import './privacy.scss'

/** weapp: WeChat's privacy authorization state, with the agree button. Renders nothing on h5. */
export function WechatPrivacyCard() {
  const [needed, setNeeded] = useState<boolean | null>(null)
  const [pending, setPending] = useState(false)

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return undefined
    void needsPrivacyAuthorization().then(setNeeded)
    setPending(hasPendingAuthorization())
    return subscribePrivacyPrompt(setPending)
  }, [])

  if (process.env.TARO_ENV !== 'weapp') return null
  return (
    <Card title='微信隐私授权' testId='wechat-privacy'>
      <View className='privacy-card__text'>
        {needed === false ? '您已同意《民意通小程序隐私保护指引》。' : '使用民意通前，需要您阅读并同意《民意通小程序隐私保护指引》。'}
        {pending ? '刚才的操作正在等待您的同意。' : ''}
      </View>
      <View className='privacy-card__link' onClick={openWechatPrivacyContract}>
        查看《民意通小程序隐私保护指引》
      </View>
      {needed !== false || pending ? (
        <TaroButton
          id={AGREE_BUTTON_ID}
          className='privacy-card__agree'
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={() => {
            agreePrivacy()
            setNeeded(false)
          }}
        >
          同意
        </TaroButton>
      ) : null}
    </Card>
  )
}
