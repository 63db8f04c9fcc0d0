import { useEffect, useState } from 'react'
import { Button as TaroButton, View } from '@tarojs/components'
import { go, PAGES } from '../../../services/navigation'
import { AGREE_BUTTON_ID, agreePrivacy, disagreePrivacy, openWechatPrivacyContract, subscribePrivacyPrompt } from '../authorization'
import './privacy.scss'

/**
 * WeChat's privacy consent prompt (weapp only; renders nothing on h5). Mount it on pages that
 * may call a privacy-relevant WeChat API.
 */
export function PrivacyPrompt() {
  const [visible, setVisible] = useState(false)
  useEffect(() => (process.env.TARO_ENV === 'weapp' ? subscribePrivacyPrompt(setVisible) : undefined), [])
  if (process.env.TARO_ENV !== 'weapp' || !visible) return null
  return (
    <View className='privacy-mask'>
      <View className='privacy-sheet'>
        <View className='privacy-sheet__title'>个人信息保护提示</View>
        <View className='privacy-sheet__text'>
          为了受理和答复您反映的问题，民意通需要处理您的部分个人信息。请您在使用前阅读
          <View className='privacy-sheet__link' onClick={openWechatPrivacyContract}>
            《民意通小程序隐私保护指引》
          </View>
          和
          <View className='privacy-sheet__link' onClick={() => go(PAGES.privacy)}>
            《个人信息保护说明》
          </View>
          。
        </View>
        <View className='privacy-sheet__actions'>
          <View className='privacy-sheet__refuse' onClick={disagreePrivacy}>
            不同意
          </View>
          <TaroButton
            id={AGREE_BUTTON_ID}
            className='privacy-sheet__agree'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={agreePrivacy}
          >
            同意并继续
          </TaroButton>
        </View>
      </View>
    </View>
  )
}
