import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { CaseView } from '@minyi/types/entities'
import { Button, InfoRow } from '../../../../components'
import { errorMessage } from '../../../../services/api'
import { revealPhone } from '../../api'
import './work.scss'

/** The masked phone with 查看完整电话 (each reveal is logged by the server). */
export function PhoneReveal({ view }: { view: CaseView }) {
  const [phone, setPhone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!view.phoneMasked) return null

  const reveal = async () => {
    setBusy(true)
    setError(null)
    try {
      setPhone(await revealPhone(view.id))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <InfoRow label='联系电话' testId='phone-row'>
      <View className='phone-reveal'>
        {phone ? (
          <View className='phone-reveal__full' data-testid='phone-full' onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
            {phone}（点击拨打）
          </View>
        ) : (
          <View className='phone-reveal__masked'>{view.phoneMasked}</View>
        )}
        {!phone ? (
          <Button kind='secondary' size='small' loading={busy} onClick={() => void reveal()} testId='reveal-phone'>
            查看完整电话
          </Button>
        ) : null}
      </View>
      {error ? <View className='phone-reveal__error'>{error}</View> : null}
      {!phone ? <View className='phone-reveal__hint'>查看记录会被留存，请仅为办理本件使用。</View> : null}
    </InfoRow>
  )
}
