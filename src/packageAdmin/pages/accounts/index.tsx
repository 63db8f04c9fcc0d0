// 账号管理: accounts the caller may manage, creating one (a one-time invitation code + QR to hand
// to the person), revoking accounts and unused invitations. The server enforces the role ceiling.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import type { AccountView, IssuedInvitation } from '@minyi/types'
import { Button, Card, ChoiceChips, ErrorText, ErrorView, Field, Loading, Notice, Page, SectionTitle, Tag, TextInput } from '../../../components'
import { createAccount, listAccounts, reinvite, revokeAccount, revokeInvitation } from '../../../features/accounts/api'
import { getStation, listStations } from '../../../features/stations/api'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import { confirm } from '../../../services/dialog'
import { newRequestId } from '../../../services/requestId'
import './index.scss'

type Role = 'staff' | 'deputy' | 'admin'
const ROLE_CHOICES = [
  { value: 'staff' as const, label: '工作人员' },
  { value: 'deputy' as const, label: '人大代表' },
  { value: 'admin' as const, label: '人大机关' },
]

function InvitationCard({ invitation, name }: { invitation: IssuedInvitation; name: string }) {
  return (
    <Card testId='issued-invitation'>
      <SectionTitle>邀请码已生成：{name}</SectionTitle>
      <View className='accounts__code' data-testid='invitation-code'>{invitation.code}</View>
      <Image className='accounts__qr' src={invitation.qrDataUrl} mode='aspectFit' />
      <View className='accounts__hint'>请本人用微信扫码，或在“接受邀请”页输入邀请码。一次有效，{new Date(invitation.expiresAt).toLocaleDateString('zh-CN')} 前使用。</View>
      <Button
        kind='secondary'
        testId='copy-code'
        onClick={() => void Taro.setClipboardData({ data: invitation.code }).then(() => Taro.showToast({ title: '已复制邀请码', icon: 'none' }))}
      >
        复制邀请码
      </Button>
    </Card>
  )
}

export default function AccountsPage() {
  const accounts = useLoader(listAccounts, [])
  const stations = useLoader(listStations, [])
  const [role, setRole] = useState<Role>('staff')
  const [name, setName] = useState('')
  const [stationId, setStationId] = useState<string | null>(null)
  const [deputyId, setDeputyId] = useState<string | null>(null)
  const stationCode = stations.data?.find((s) => s.id === stationId)?.code ?? null
  const station = useLoader(role === 'deputy' && stationCode ? () => getStation(stationCode) : null, [role, stationCode])
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [issued, setIssued] = useState<{ invitation: IssuedInvitation; name: string } | null>(null)

  const create = async () => {
    setSaving(true)
    setError(null)
    try {
      const deputy = station.data?.deputies.find((d) => d.id === deputyId)
      const input =
        role === 'staff'
          ? { role, name, stationIds: stationId ? [stationId] : [] }
          : role === 'deputy'
            ? { role, name: deputy?.name ?? '', deputyId: deputyId ?? undefined }
            : { role, name }
      const result = await createAccount(input, newRequestId())
      setIssued({ invitation: result.invitation, name: result.account.name })
      await accounts.reload(true)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run()
      await accounts.reload(true)
    } catch (e) {
      void Taro.showModal({ title: '未能完成', content: errorMessage(e), showCancel: false })
    }
  }

  const row = (a: AccountView) => (
    <Card key={a.id} testId={`account-${a.id}`}>
      <View className='accounts__row'>
        <View className='accounts__main'>
          <View className='accounts__name'>
            {a.name} <Tag tone={a.status === 'active' ? 'success' : a.status === 'revoked' ? 'neutral' : 'warning'}>{a.statusLabel}</Tag>
          </View>
          <View className='accounts__desc'>{a.roleLabel} · {a.scopeLabel}</View>
          {a.invitation ? <View className='accounts__desc'>邀请码（尾号{a.invitation.hint}）：{a.invitation.statusLabel}</View> : null}
        </View>
        <View className='accounts__actions'>
          {a.canRevoke && a.status === 'invited' && a.invitation?.status !== 'pending' ? (
            <Button size='small' kind='secondary' onClick={() => void act(async () => {
              const r = await reinvite(a.id, newRequestId())
              setIssued({ invitation: r.invitation, name: a.name })
            })}>重新生成邀请码</Button>
          ) : null}
          {a.canRevoke && a.invitation?.status === 'pending' ? (
            <Button size='small' kind='plain' onClick={() => void act(() => revokeInvitation(a.invitation!.id, newRequestId()))}>作废邀请码</Button>
          ) : null}
          {a.canRevoke ? (
            <Button size='small' kind='danger' testId={`revoke-${a.id}`} onClick={() => void act(async () => {
              if (await confirm('撤销账号', `撤销后${a.name}将立即无法使用该账号，确定撤销吗？`, { confirmText: '撤销' })) await revokeAccount({ accountId: a.id }, newRequestId())
            })}>撤销账号</Button>
          ) : null}
        </View>
      </View>
    </Card>
  )

  return (
    <Page testId='page-admin-accounts'>
      <View className='accounts'>
        <View className='accounts__form'>
          <Card testId='account-form'>
            <SectionTitle>新建账号</SectionTitle>
            <Notice tone='info'>只能授予不高于本人的角色、本人范围内的家站点。账号由本人扫描邀请码绑定微信后启用。</Notice>
            <Field label='角色' required>
              <ChoiceChips options={ROLE_CHOICES} value={role} onChange={setRole} columns={3} testId='account-role' />
            </Field>
            {role !== 'deputy' ? (
              <Field label='姓名' required>
                <TextInput testId='account-name' maxlength={20} placeholder='受邀人的姓名' onInput={setName} />
              </Field>
            ) : null}
            {role !== 'admin' ? (
              <Field label={role === 'deputy' ? '代表所在家站点' : '所在家站点'} required>
                {stations.data ? (
                  <ChoiceChips
                    options={stations.data.map((s) => ({ value: s.id, label: s.name.replace(/^.*?区/, '') }))}
                    value={stationId}
                    onChange={setStationId}
                    columns={2}
                    size='small'
                    testId='account-station'
                  />
                ) : (
                  <Loading />
                )}
              </Field>
            ) : null}
            {role === 'deputy' && station.data ? (
              <Field label='代表' required hint='代表账号的姓名和家站点以代表档案为准'>
                <ChoiceChips
                  options={station.data.deputies.map((d) => ({ value: d.id, label: d.name }))}
                  value={deputyId}
                  onChange={setDeputyId}
                  columns={3}
                  size='small'
                  testId='account-deputy'
                />
              </Field>
            ) : null}
            {error ? <ErrorText>{error}</ErrorText> : null}
            <Button size='large' testId='account-create' loading={saving} onClick={() => void create()}>
              生成邀请码
            </Button>
          </Card>
          {issued ? <InvitationCard invitation={issued.invitation} name={issued.name} /> : null}
        </View>
        <View className='accounts__list' data-testid='account-list'>
          <SectionTitle>账号列表</SectionTitle>
          {accounts.loading ? <Loading /> : null}
          {accounts.error ? <ErrorView message={accounts.error} onRetry={() => void accounts.reload()} /> : null}
          {accounts.data?.accounts.map(row)}
        </View>
      </View>
    </Page>
  )
}
