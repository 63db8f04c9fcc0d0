// 我的 → 个人信息 (PIPL): everything held about the resident, phones masked (the full number after a
// second confirmation), who read the number in full; export as JSON or PDF; withdraw consent for
// the phone number; 注销并删除 with what it does explained before confirming.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { MyData } from '@minyi/types/privacyViews'
import { Button, Card, Checkbox, EmptyState, ErrorText, ErrorView, InfoRow, Loading, Notice, Page, SectionTitle } from '../../../components'
import { ContactStaffRow } from '../../../features/a11y/ContactStaffRow'
import { saveFile } from '../../../services/saveFile'
import { useSignedIn } from '../../../features/session/hooks/useSignedIn'
import { useLoader } from '../../../hooks/useLoader'
import { callApi, errorMessage } from '../../../services/api'
import { confirm } from '../../../services/dialog'
import { go, PAGES } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import { forgetMe } from '../../../services/session'
import { formatDateTime } from '../../../utils/format'
import './index.scss'

const ERASE_EXPLAINED = [
  '删除您的电话号码、姓名，以及您的微信身份与这些记录的关联，删除后不能恢复；',
  '您反映过的民意作为匿名记录保留（内容仍按规定审核，办理情况照常公开），不再出现在“我的”里，也不会再给您发消息；',
  '取消您尚未开始的民情接待日预约，名额让给候补的群众；',
  '删除您上传的照片；',
  '以后再用这个微信打开民意通，会是一个新的、空的账号。',
]

function Section({ title, count, children }: { title: string; count?: number; children: React.ReactNode }) {
  return (
    <View>
      <SectionTitle extra={count === undefined ? undefined : `${count} 条`}>{title}</SectionTitle>
      <Card>{children}</Card>
    </View>
  )
}

function Empty() {
  return <View className='my-data__empty'>没有</View>
}

export default function MyDataPage() {
  const signedIn = useSignedIn()
  const data = useLoader<MyData>(signedIn ? () => callApi('privacy.myData', {}) : null, [signedIn])
  const [revealed, setRevealed] = useState<Record<string, string> | null>(null)
  const [understood, setUnderstood] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [erased, setErased] = useState(false)

  const run = async (what: string, work: () => Promise<void>) => {
    if (busy) return
    setBusy(what)
    setError(null)
    try {
      await work()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const reveal = () =>
    void run('reveal', async () => {
      if (!(await confirm('查看完整号码', '完整号码会显示在屏幕上，请确认身边没有其他人。', { confirmText: '显示' }))) return
      const answer = await callApi('privacy.revealMyPhone', {})
      setRevealed(Object.fromEntries(answer.phones.map((p) => [p.ref, p.phone])))
    })

  const exportAs = (format: 'json' | 'pdf') =>
    void run(`export-${format}`, async () => {
      await saveFile(await callApi('privacy.export', { format }))
    })

  const withdraw = () =>
    void run('withdraw', async () => {
      if (!(await confirm('撤回电话号码的同意', '将删除您留下的全部电话号码，工作人员以后无法打电话联系您。您的民意和其他信息不受影响。', { confirmText: '删除电话' }))) return
      await callApi('privacy.withdrawPhone', {}, { requestId: newRequestId() })
      setRevealed(null)
      await data.reload(true)
      void Taro.showToast({ title: '电话已删除', icon: 'success' })
    })

  const erase = () =>
    void run('erase', async () => {
      if (!(await confirm('注销并删除', '确定注销吗？注销后不能恢复。', { confirmText: '确定注销' }))) return
      await callApi('privacy.erase', { confirm: true }, { requestId: newRequestId() })
      forgetMe()
      setErased(true)
    })

  if (erased) {
    return (
      <Page testId='page-my-data'>
        <EmptyState
          title='已注销并删除'
          description='您的电话、姓名和微信身份的关联已删除，反映过的民意作为匿名记录保留。感谢您使用民意通。'
          action={
            <Button size='large' onClick={() => go(PAGES.home)} testId='erased-home'>
              回到首页
            </Button>
          }
        />
      </Page>
    )
  }

  const d = data.data
  return (
    <Page testId='page-my-data'>
      {data.loading && !d ? <Loading /> : null}
      {data.error && !d ? <ErrorView message={data.error} onRetry={() => void data.reload()} /> : null}
      {d ? (
        <View>
          <Notice tone='info' title='平台保存的关于您的全部信息'>
            依照《个人信息保护法》，您可以查看、复制（导出）和删除这些信息。电话号码在民意办结 {d.retentionMonths} 个月后自动删除。
          </Notice>

          <Section title='基本信息'>
            <InfoRow label='称呼'>{d.profile.name}</InfoRow>
            <InfoRow label='身份'>{d.profile.roleLabel}</InfoRow>
            <InfoRow label='首次使用'>{d.profile.registeredAt ? formatDateTime(d.profile.registeredAt) : '—'}</InfoRow>
            <InfoRow label='大字模式'>{d.profile.largeText === null ? '跟随手机字号' : d.profile.largeText ? '已开启' : '已关闭'}</InfoRow>
          </Section>

          <Section title='电话号码' count={d.phones.length}>
            <View data-testid='my-phones'>
              {d.phones.length ? (
                d.phones.map((p) => (
                  <InfoRow key={p.ref} label={p.where}>
                    {revealed?.[p.ref] ?? p.masked}
                  </InfoRow>
                ))
              ) : (
                <Empty />
              )}
            </View>
            {d.phones.length ? (
              <View className='my-data__actions'>
                {!revealed ? (
                  <Button kind='secondary' block loading={busy === 'reveal'} onClick={reveal} testId='reveal-my-phone'>
                    显示完整号码
                  </Button>
                ) : null}
                <Button kind='danger' block loading={busy === 'withdraw'} onClick={withdraw} testId='withdraw-phone'>
                  撤回同意，删除我的电话
                </Button>
              </View>
            ) : null}
          </Section>

          <Section title='工作人员查看我电话的记录' count={d.phoneViews.length}>
            <View data-testid='phone-views'>
              {d.phoneViews.length ? (
                d.phoneViews.map((v, i) => (
                  <View key={i} className='my-data__row'>
                    <View>{v.by} 查看了民意 {v.trackingNo} 留下的电话</View>
                    <View className='my-data__meta'>{formatDateTime(v.at)}</View>
                  </View>
                ))
              ) : (
                <Empty />
              )}
            </View>
          </Section>

          <Section title='我反映的民意' count={d.cases.length}>
            {d.cases.length ? (
              d.cases.map((c) => (
                <View key={c.id} className='my-data__row'>
                  <View>
                    {c.trackingNo} · {c.excerpt}
                  </View>
                  <View className='my-data__meta'>{formatDateTime(c.createdAt)}</View>
                </View>
              ))
            ) : (
              <Empty />
            )}
          </Section>

          <Section title='我附议的' count={d.seconds.length}>
            {d.seconds.length ? d.seconds.map((s) => <View key={s.trackingNo} className='my-data__row'>{s.trackingNo} · {s.excerpt}</View>) : <Empty />}
          </Section>

          <Section title='接待日预约' count={d.bookings.length}>
            {d.bookings.length ? (
              d.bookings.map((b) => (
                <View key={b.id} className='my-data__row'>
                  {b.stationName} · {b.date} · {b.status}
                </View>
              ))
            ) : (
              <Empty />
            )}
          </Section>

          <Section title='消息' count={d.messages.length}>
            {d.messages.length ? (
              d.messages.slice(0, 20).map((m, i) => (
                <View key={i} className='my-data__row'>
                  <View>{m.title}</View>
                  <View className='my-data__meta'>
                    {formatDateTime(m.at)} · {m.read ? '已读' : '未读'}
                  </View>
                </View>
              ))
            ) : (
              <Empty />
            )}
          </Section>

          <Section title='同意记录' count={d.consents.length}>
            {d.consents.length ? (
              d.consents.map((c, i) => (
                <View key={i} className='my-data__row'>
                  <View>{c.label}</View>
                  <View className='my-data__meta'>
                    {c.at ? formatDateTime(c.at) : ''} · {c.state}
                  </View>
                </View>
              ))
            ) : (
              <Empty />
            )}
          </Section>

          <SectionTitle>导出我的数据</SectionTitle>
          <Card>
            <View className='my-data__actions'>
              <Button block loading={busy === 'export-pdf'} onClick={() => exportAs('pdf')} testId='export-pdf'>
                导出为 PDF（便于阅读、打印）
              </Button>
              <Button kind='secondary' block loading={busy === 'export-json'} onClick={() => exportAs('json')} testId='export-json'>
                导出为 JSON（完整数据）
              </Button>
            </View>
          </Card>

          <SectionTitle>注销并删除</SectionTitle>
          <Card testId='erase-card'>
            <View className='my-data__explain'>注销后：</View>
            {ERASE_EXPLAINED.map((line, i) => (
              <View key={i} className='my-data__explain-line'>
                {i + 1}. {line}
              </View>
            ))}
            <Checkbox checked={understood} onChange={setUnderstood} testId='erase-understood'>
              我已了解以上说明
            </Checkbox>
            <Button kind='danger' size='large' disabled={!understood} loading={busy === 'erase'} onClick={erase} testId='erase-account'>
              注销并删除
            </Button>
          </Card>
          {error ? <ErrorText>{error}</ErrorText> : null}
        </View>
      ) : null}
      <ContactStaffRow />
    </Page>
  )
}
