// 认领: a resident scanned the QR on a 回执 (scene `c=<code>`, via pages/scan) or typed its code.
// The case staff registered for them (代录) becomes theirs and appears in 我的; a code works once.
import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { parseScene } from '@minyi/types/scene'
import { Button, Card, ErrorText, Field, Loading, Notice, Page, TextInput } from '../../../components'
import { ContactStaffRow } from '../../../features/a11y/ContactStaffRow'
import { useSignedIn } from '../../../features/session/hooks/useSignedIn'
import { callApi, errorMessage } from '../../../services/api'
import { decodeParam, go, replace, urls } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'

export default function ClaimPage() {
  const router = useRouter()
  const fromScan = decodeParam(router.params.code)
  const signedIn = useSignedIn()
  const typed = useRef('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [claimed, setClaimed] = useState<{ id: string; trackingNo: string } | null>(null)
  const requestId = useRef(newRequestId())

  const claim = async (code: string) => {
    setBusy(true)
    setError(null)
    try {
      setClaimed(await callApi('assisted.claim', { code: code.trim() }, { requestId: requestId.current }))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  useEffect(() => {
    if (signedIn && fromScan) void claim(fromScan)
  }, [signedIn, fromScan])

  const scan = async () => {
    if (process.env.TARO_ENV !== 'weapp') return
    try {
      const result = await Taro.scanCode({ onlyFromCamera: false })
      const match = /[?&#]scene=([^&#]+)/.exec(result.path ?? result.result ?? '')
      const scene = parseScene(match ? match[1] : result.result)
      if (scene?.kind === 'claim') void claim(scene.code)
      else setError('这不是民意回执上的二维码')
    } catch {
      // cancelled
    }
  }

  return (
    <Page testId='page-claim'>
      {claimed ? (
        <Notice tone='success' title='认领成功' testId='claim-done'>
          编号 {claimed.trackingNo} 的民意已放进“我的”，可以随时查看进展和答复。
        </Notice>
      ) : null}
      {claimed ? (
        <Button size='large' onClick={() => replace(urls.case(claimed.id))} testId='claim-open'>
          查看这条民意
        </Button>
      ) : busy && fromScan ? (
        <Loading text='正在认领…' />
      ) : (
        <Card>
          <View>工作人员替您登记民意后，会给您一张回执。扫回执上的二维码，或输入回执上的认领码，这条民意就会出现在“我的”里。</View>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button size='large' onClick={() => void scan()}>
              扫回执上的二维码
            </Button>
          ) : null}
          <Field label='认领码' id='field-code'>
            <TextInput name='code' maxlength={12} defaultValue={fromScan || undefined} placeholder='回执上的12位认领码' testId='input-claim-code' onInput={(v) => (typed.current = v)} />
          </Field>
          <Button size='large' loading={busy} onClick={() => void claim(typed.current || fromScan)} testId='claim-button'>
            认领
          </Button>
        </Card>
      )}
      {error ? <ErrorText>{error}</ErrorText> : null}
      {claimed ? null : (
        <Button kind='plain' block onClick={() => go('/pages/mine/index')}>
          返回我的
        </Button>
      )}
      <ContactStaffRow />
    </Page>
  )
}
