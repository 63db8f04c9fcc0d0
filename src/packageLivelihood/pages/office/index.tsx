// The congress office's rounds of 民生实事代表票决, and opening a new one.
import { View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { LivelihoodLevel } from '@minyi/types/livelihoodStateMachine'
import { Button, Card, ChoiceChips, ErrorText, ErrorView, Field, Loading, Page, SectionTitle, Tag, TextInput } from '../../../components'
import { livelihoodApi } from '../../../features/livelihood/api'
import { livelihoodUrls } from '../../../features/livelihood/routes'
import { useSignedIn } from '../../../features/session/hooks/useSignedIn'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import { go } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import '../../lib/livelihood.scss'

export default function OfficePage() {
  const signedIn = useSignedIn()
  const rounds = useLoader(signedIn ? livelihoodApi.rounds : null, [signedIn], { refreshOnShow: true })
  const form = useRef({ year: String(new Date().getFullYear() + 1), title: '', collectFrom: '', collectUntil: '' })
  const [level, setLevel] = useState<LivelihoodLevel>('district')
  const [error, setError] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const requestId = useRef(newRequestId())

  const create = async () => {
    setCreating(true)
    setError(null)
    try {
      const round = await livelihoodApi.createRound(
        { year: Number(form.current.year), level, title: form.current.title, collectFrom: form.current.collectFrom, collectUntil: form.current.collectUntil },
        requestId.current,
      )
      requestId.current = newRequestId()
      go(livelihoodUrls.manage(round.id))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setCreating(false)
    }
  }

  return (
    <Page testId='page-livelihood-office'>
      {rounds.loading && !rounds.data ? <Loading /> : null}
      {rounds.error && !rounds.data ? <ErrorView message={rounds.error} onRetry={() => void rounds.reload()} /> : null}
      <SectionTitle>票决轮次</SectionTitle>
      <Card testId='office-rounds'>
        {rounds.data?.length ? (
          rounds.data.map((r) => (
            <View key={r.id} className='lv-item' onClick={() => go(livelihoodUrls.manage(r.id))} data-testid='office-round'>
              <View className='lv-row'>
                <View className='lv-title'>{r.title}</View>
                <Tag tone='info'>{r.statusLabel}</Tag>
              </View>
              <View className='lv-muted'>
                {r.regionName} · {r.levelLabel} · {r.proposalCount} 条建议 · {r.candidateCount} 个候选项目
              </View>
            </View>
          ))
        ) : (
          <View className='lv-muted'>还没有票决轮次。</View>
        )}
      </Card>
      <SectionTitle>开启新一轮征集</SectionTitle>
      <Card testId='round-form'>
        <Field label='层级' required>
          <ChoiceChips<LivelihoodLevel> options={[{ value: 'district', label: '区级' }, { value: 'street', label: '街道（乡镇）级' }]} value={level} onChange={setLevel} testId='round-level' />
        </Field>
        <Field label='项目实施年度' required hint='票决选出的项目在这一年实施'>
          <TextInput type='number' defaultValue={form.current.year} onInput={(v) => (form.current.year = v)} testId='round-year' />
        </Field>
        <Field label='标题' required>
          <TextInput placeholder='例如：2027年度民生实事项目征集' onInput={(v) => (form.current.title = v)} testId='round-title' />
        </Field>
        <Field label='征集开始日期' required hint='格式：2026-11-01'>
          <TextInput placeholder='年-月-日' onInput={(v) => (form.current.collectFrom = v.trim())} testId='round-from' />
        </Field>
        <Field label='征集截止日期' required>
          <TextInput placeholder='年-月-日' onInput={(v) => (form.current.collectUntil = v.trim())} testId='round-until' />
        </Field>
        {error ? <ErrorText>{error}</ErrorText> : null}
        <Button block loading={creating} onClick={() => void create()} testId='round-create'>
          开启征集
        </Button>
      </Card>
    </Page>
  )
}
