// 按住说话: voice input for the opinion's text.
// - weapp: WeChat's 同声传译 plugin (WechatSI, `requirePlugin('WechatSI').getRecordRecognitionManager()`):
//   recording and Mandarin recognition in one manager, free, no server of ours sees the audio.
//   RecorderManager + our own speech service would need an ASR contract and an upload of the voice.
//   The plugin must be declared in app.config `plugins` with its appid (wx069ba97219f66d99) after the
//   account adds it in the WeChat console; until then `available` is false and the button is hidden.
//   It cannot be run on this machine (no WeChat runtime): see docs/accessibility.md.
// - h5: the Web Speech API (`SpeechRecognition` / `webkitSpeechRecognition`) where the browser has
//   it; hidden where it has not (headless Chromium in the tests has not).
import { useEffect, useRef, useState } from 'react'

export interface VoiceInput {
  available: boolean
  listening: boolean
  start: () => void
  stop: () => void
  error: string | null
}

interface Recognizer {
  start(): void
  stop(): void
}

type SpeechCtor = new () => {
  lang: string
  interimResults: boolean
  continuous: boolean
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null
  onerror: ((event: { error: string }) => void) | null
  onend: (() => void) | null
  start(): void
  stop(): void
}

declare const requirePlugin: ((name: string) => unknown) | undefined

function webSpeech(): SpeechCtor | null {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return null
  const w = window as unknown as { SpeechRecognition?: SpeechCtor; webkitSpeechRecognition?: SpeechCtor }
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null
}

interface WechatSIManager {
  start(options: { lang: string; duration?: number }): void
  stop(): void
  onStop: ((res: { result: string }) => void) | null
  onError: ((res: { msg: string }) => void) | null
}

function wechatSI(): WechatSIManager | null {
  if (process.env.TARO_ENV !== 'weapp' || typeof requirePlugin !== 'function') return null
  try {
    const plugin = requirePlugin('WechatSI') as { getRecordRecognitionManager?: () => WechatSIManager }
    return plugin.getRecordRecognitionManager?.() ?? null
  } catch {
    return null
  }
}

/** `onText` receives each recognised sentence, to append to the field. */
export function useVoiceInput(onText: (text: string) => void): VoiceInput {
  const [listening, setListening] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const recognizer = useRef<Recognizer | null>(null)
  const callback = useRef(onText)
  callback.current = onText
  const [available] = useState(() => Boolean(webSpeech() || wechatSI()))

  useEffect(() => () => recognizer.current?.stop(), [])

  const start = () => {
    setError(null)
    const Ctor = webSpeech()
    if (Ctor) {
      const r = new Ctor()
      r.lang = 'zh-CN'
      r.interimResults = false
      r.continuous = true
      r.onresult = (event) => {
        const last = event.results[event.results.length - 1]
        if (last?.[0]?.transcript) callback.current(last[0].transcript)
      }
      r.onerror = (event) => setError(event.error === 'not-allowed' ? '没有麦克风权限，请在浏览器设置中允许' : '没有听清，请再说一次')
      r.onend = () => setListening(false)
      recognizer.current = r
      r.start()
      setListening(true)
      return
    }
    const si = wechatSI()
    if (si) {
      si.onStop = (res) => {
        setListening(false)
        if (res.result) callback.current(res.result)
      }
      si.onError = () => {
        setListening(false)
        setError('没有听清，请再说一次')
      }
      recognizer.current = { start: () => si.start({ lang: 'zh_CN', duration: 60000 }), stop: () => si.stop() }
      recognizer.current.start()
      setListening(true)
    }
  }
  const stop = () => {
    recognizer.current?.stop()
    setListening(false)
  }
  return { available, listening, start, stop, error }
}
