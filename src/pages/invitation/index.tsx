// 接受邀请: where an invitation QR (scene `i=<code>`) lands, or where a code is typed. Shows who is
// invited as what, and binds this WeChat to that account. Anyone may open it: the person is still
// a resident until they accept.
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { InvitationPreview } from '@minyi/types'
import { Button, Card, ErrorText, Field, InfoRow, Loading, Notice, Page, TextInput } from '../../components'
import { acceptInvitation, previewInvitation } from '../../features/accounts/api'
import { useLoader } from '../../hooks/useLoader'
import { errorMessage } from '../../services/api'
import { decodeParam, PAGES, replace } from '../../services/navigation'
import { newRequestId } from '../../services/requestId'
import { forgetMe } from '../../services/session'

export default function InvitationPage() {
  const router = useRouter()
  const [code, setCode] = useState(decodeParam(router.params.code))
  const [typed, setTyped] = useState('')
  const [accepting, setAccepting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<{ roleLabel: string; name: string; scopeLabel: string } | null>(null)
  const preview = useLoader<InvitationPreview>(code ? () => previewInvitation(code) : null, [code])

  const accept = async () => {
    setAccepting(true)
    setError(null)
    try {
      const result = await acceptInvitation(code, newRequestId())
      forgetMe()
      setDone(result)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setAccepting(false)
    }
  }

  if (done) {
    return (
      <Page testId='page-invitation'>
        <Notice tone='success' title='已接受邀请'>
          您的微信已绑定到{done.name}的账号（{done.roleLabel}，{done.scopeLabel}）。
        </Notice>
        <Button size='large' testId='invitation-go-work' onClick={() => replace(PAGES.inbox)}>
          进入工作台
        </Button>
      </Page>
    )
  }

  return (
    <Page testId='page-invitation'>
      {!code ? (
        <Card>
          <Field label='邀请码' hint='请输入工作人员发给您的10位邀请码'>
            <TextInput testId='invitation-code-input' maxlength={16} placeholder='例如 K7QM3XPA9F' onInput={setTyped} />
          </Field>
          <Button size='large' testId='invitation-lookup' onClick={() => setCode(typed.replace(/[\s-]/g, '').toUpperCase())}>
            查看邀请
          </Button>
        </Card>
      ) : null}
      {preview.loading ? <Loading /> : null}
      {preview.error ? (
        <Notice tone='warning' title='无法使用这个邀请码'>
          <View data-testid='invitation-error'>{preview.error}</View>
        </Notice>
      ) : null}
      {preview.data ? (
        <Card testId='invitation-preview'>
          <InfoRow label='受邀人'>{preview.data.name}</InfoRow>
          <InfoRow label='身份'>{preview.data.roleLabel}</InfoRow>
          <InfoRow label='范围'>{preview.data.scopeLabel}</InfoRow>
          <InfoRow label='邀请人'>{preview.data.invitedBy}</InfoRow>
          <InfoRow label='有效期至'>{new Date(preview.data.expiresAt).toLocaleString('zh-CN', { hour12: false })}</InfoRow>
          <Notice tone='info'>接受后，本微信将以“{preview.data.roleLabel}”身份使用民意通；您以群众身份反映过的事项仍然保留。</Notice>
          {error ? <ErrorText>{error}</ErrorText> : null}
          <Button size='large' testId='invitation-accept' loading={accepting} onClick={() => void accept()}>
            接受邀请
          </Button>
        </Card>
      ) : null}
      {code && preview.error ? (
        <Button kind='secondary' onClick={() => (setCode(''), void Taro.pageScrollTo({ scrollTop: 0 }))}>重新输入邀请码</Button>
      ) : null}
    </Page>
  )
}
