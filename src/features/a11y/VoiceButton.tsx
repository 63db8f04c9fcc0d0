// 按住说话 under the opinion's text: hold to speak, let go to stop; hidden where voice input is
// not available (h5 without the Web Speech API, weapp without the 同声传译 plugin).
import { View } from '@tarojs/components'
import { Button } from '../../components'
import { useVoiceInput } from './useVoiceInput'
import './a11y.scss'

export function VoiceButton({ onText }: { onText: (text: string) => void }) {
  const voice = useVoiceInput(onText)
  if (!voice.available) return null
  return (
    <View className='mx-voice' onTouchStart={voice.start} onTouchEnd={voice.stop} onTouchCancel={voice.stop} data-testid='voice-input'>
      <Button kind='secondary' block onClick={() => (voice.listening ? voice.stop() : voice.start())}>
        {voice.listening ? '正在听，松开结束' : '按住说话'}
      </Button>
      {voice.error ? <View className='text-muted'>{voice.error}</View> : null}
    </View>
  )
}
