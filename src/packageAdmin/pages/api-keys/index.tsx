// 接口密钥与归档导出 (issue 12): the district's 人大机关 creates API keys for partner systems (e.g. a
// 12345 platform) that file cases through Open311, sees each key shown once, revokes keys, and
// downloads the nightly archive exports (前一天公开、脱敏的民意, JSON Lines / CSV).
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ApiKeyView } from '@minyi/types/actions/partners'
import { Button, Card, ChoiceChips, EmptyState, ErrorText, ErrorView, Field, Loading, Page, SectionTitle, Tag, TextInput } from '../../../components'
import { createApiKey, listApiKeys, listExports, revokeApiKey } from '../../../features/partners/api'
import { listStations } from '../../../features/stations/api'
import { useMe } from '../../../features/session/hooks/useMe'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import { confirm } from '../../../services/dialog'
import { go, PAGES } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import { formatDate } from '../../../utils/format'
import '../../../features/partners/partners.scss'

function CreateForm({ onCreated, onCancel }: { onCreated: (key: ApiKeyView, secret: string | null) => void; onCancel: () => void }) {
  const stations = useLoader(() => listStations(), [])
  const name = useRef('')
  const [stationId, setStationId] = useState<string>('')
  const requestId = useRef<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const save = async () => {
    requestId.current ??= newRequestId()
    setBusy(true)
    setError(null)
    try {
      const created = await createApiKey({ name: name.current, stationId }, requestId.current)
      onCreated(created.key, created.shownOnce?.apiKey ?? null)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card testId='ak-create-form'>
      <Field label='合作平台名称' required hint='例如：市12345政务服务便民热线' testId='ak-name'>
        <TextInput placeholder='请填写合作平台名称' maxlength={40} onInput={(v) => { name.current = v; requestId.current = null }} />
      </Field>
      <Field label='默认接收的家站点' required hint='合作平台未指定 station_code 时，民意进入该家站点的待办' testId='ak-station'>
        {stations.loading && !stations.data ? <Loading /> : null}
        {stations.data ? (
          <ChoiceChips
            columns={0}
            size='small'
            options={stations.data.map((s) => ({ value: s.id, label: s.name }))}
            value={stationId}
            onChange={(v) => { setStationId(v); requestId.current = null }}
            testId='ak-station-choice'
          />
        ) : null}
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <View className='ak-form__actions'>
        <Button kind='plain' onClick={onCancel}>返回</Button>
        <Button loading={busy} onClick={() => void save()} testId='ak-create-save'>生成密钥</Button>
      </View>
    </Card>
  )
}

function KeyCard({ k, onChanged }: { k: ApiKeyView; onChanged: () => void }) {
  const reason = useRef('')
  const requestId = useRef<string | null>(null)
  const [revoking, setRevoking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const revoke = async () => {
    if (!(await confirm('吊销密钥', `确定吊销「${k.name}」的密钥吗？吊销后该平台的请求将全部被拒绝。`, { confirmText: '吊销' }))) return
    requestId.current ??= newRequestId()
    setBusy(true)
    setError(null)
    try {
      await revokeApiKey({ keyId: k.id, reason: reason.current }, requestId.current)
      void Taro.showToast({ title: '已吊销', icon: 'success' })
      setRevoking(false)
      onChanged()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const active = k.status === 'active'
  return (
    <Card testId='ak-key'>
      <View className='ak-key__head'>
        <View className='ak-key__name' data-testid='ak-key-name'>{k.name}</View>
        <Tag tone={active ? 'success' : 'neutral'} testId='ak-key-status'>{k.statusLabel}</Tag>
      </View>
      <View className='ak-key__meta'>
        <View>密钥开头：{k.prefix}</View>
        <View>默认家站点：{k.stationName}</View>
        <View>已接收民意 {k.casesFiled} 条{k.lastUsedAt ? `，最近使用 ${formatDate(k.lastUsedAt)}` : ''}</View>
        <View>{formatDate(k.createdAt)} 由 {k.createdByName} 创建{k.revokedAt ? `，${formatDate(k.revokedAt)} 吊销` : ''}</View>
      </View>
      {active && !revoking ? (
        <View className='ak-key__actions'>
          <Button kind='plain' size='small' onClick={() => setRevoking(true)} testId='ak-revoke'>吊销</Button>
        </View>
      ) : null}
      {revoking ? (
        <View>
          <Field label='吊销原因' required testId='ak-revoke-reason'>
            <TextInput placeholder='例如：合作协议到期' maxlength={100} onInput={(v) => { reason.current = v; requestId.current = null }} />
          </Field>
          {error ? <ErrorText>{error}</ErrorText> : null}
          <View className='ak-key__actions'>
            <Button kind='plain' size='small' onClick={() => setRevoking(false)}>返回</Button>
            <Button kind='danger' size='small' loading={busy} onClick={() => void revoke()} testId='ak-revoke-confirm'>确认吊销</Button>
          </View>
        </View>
      ) : null}
    </Card>
  )
}

function download(url: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank')
    return
  }
  // In the mini-program: copy the short-lived address to open it on a desk computer.
  void Taro.setClipboardData({ data: url })
}

export default function ApiKeysPage() {
  const me = useMe()
  const admin = me.data?.role === 'admin'
  const keys = useLoader(admin ? () => listApiKeys() : null, [admin], { refreshOnShow: true })
  const exports = useLoader(admin ? () => listExports() : null, [admin], { refreshOnShow: true })
  const [creating, setCreating] = useState(false)
  const [shown, setShown] = useState<{ name: string; secret: string | null } | null>(null)

  if (me.data && !admin) {
    return (
      <Page>
        <EmptyState icon='lock' title='接口密钥仅供人大机关管理员使用' action={<Button block onClick={() => go(PAGES.home)}>回到首页</Button>} />
      </Page>
    )
  }

  return (
    <Page testId='page-api-keys'>
      {me.loading && !me.data ? <Loading /> : null}
      {me.error && !me.data ? <ErrorView message={me.error} onRetry={() => void me.reload()} /> : null}
      {admin ? (
        <View>
          <View className='ak-intro'>
            合作平台（如12345热线）凭接口密钥通过 Open311 接口向本区家站点转来民意。密钥只在生成时显示一次，系统只保存其摘要；不再合作时请及时吊销。
          </View>
          {shown ? (
            <Card testId='ak-shown'>
              <SectionTitle>「{shown.name}」的接口密钥</SectionTitle>
              {shown.secret ? (
                <View>
                  <View className='ak-secret' data-testid='ak-secret'>{shown.secret}</View>
                  <View className='ak-intro'>请立即复制并通过安全渠道交给合作平台。离开本页后将无法再次查看。</View>
                  <View className='ak-form__actions'>
                    <Button kind='secondary' onClick={() => void Taro.setClipboardData({ data: shown.secret ?? '' })} testId='ak-copy'>复制密钥</Button>
                    <Button kind='plain' onClick={() => setShown(null)} testId='ak-shown-done'>我已保存</Button>
                  </View>
                </View>
              ) : (
                <View className='ak-intro'>该密钥已生成，密钥只显示一次，无法再次查看；如已遗失，请吊销后重新生成。</View>
              )}
            </Card>
          ) : null}
          {creating ? (
            <CreateForm
              onCancel={() => setCreating(false)}
              onCreated={(key, secret) => {
                setCreating(false)
                setShown({ name: key.name, secret })
                void keys.reload(true)
              }}
            />
          ) : (
            <Button block onClick={() => { setShown(null); setCreating(true) }} testId='ak-new'>生成新密钥</Button>
          )}
          <SectionTitle>本区接口密钥</SectionTitle>
          {keys.loading && !keys.data ? <Loading /> : null}
          {keys.error && !keys.data ? <ErrorView message={keys.error} onRetry={() => void keys.reload()} /> : null}
          {keys.data && !keys.data.length ? <EmptyState icon='empty' title='还没有接口密钥' /> : null}
          {keys.data?.map((k) => <KeyCard key={k.id} k={k} onChanged={() => void keys.reload(true)} />)}

          <SectionTitle>归档导出</SectionTitle>
          <Card testId='ak-exports'>
            <View className='ak-intro'>每天凌晨自动导出前一天公开、脱敏的民意（JSON Lines 和 CSV），供档案部门归档。下载地址10分钟内有效。</View>
            {exports.loading && !exports.data ? <Loading /> : null}
            {exports.error && !exports.data ? <ErrorView message={exports.error} onRetry={() => void exports.reload()} /> : null}
            {exports.data && !exports.data.length ? <View className='ak-intro'>还没有导出记录。</View> : null}
            {exports.data?.map((e) => (
              <View key={e.date} className='ak-export' data-testid='ak-export'>
                <View>{e.date}（{e.status === 'done' ? `${e.count} 条` : '导出中'}）</View>
                <View className='ak-export__links'>
                  {e.files.map((f) =>
                    f.downloadUrl ? (
                      <View key={f.format} className='ak-export__link' onClick={() => download(f.downloadUrl as string)} data-testid={`ak-export-${f.format}`}>
                        {f.format === 'csv' ? 'CSV' : 'JSON Lines'}
                      </View>
                    ) : null,
                  )}
                </View>
              </View>
            ))}
          </Card>
        </View>
      ) : null}
    </Page>
  )
}
