// 一键转为民生实事项目建议: staff (and the office) turn a case — on its work page — or a dashboard hot
// spot's cases into a proposal of a round that is collecting or shortlisting
// (`livelihood.proposal.fromCases`). The proposal is public at once; the cases' residents follow it
// like supporters and hear of its progress. Shown only to staff and admins, and only while such a
// round exists.
import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { LIVELIHOOD_MAX_CASES, LIVELIHOOD_TITLE_MAX } from '@minyi/types/actions/livelihood'
import type { RoundView } from '@minyi/types/livelihoodViews'
import { Button, Card, ChoiceChips, ErrorText, Field, Notice, SectionTitle, TextArea, TextInput } from '../../../components'
import { callApi, errorMessage } from '../../../services/api'
import { go } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import { getMe } from '../../../services/session'
import { livelihoodApi } from '../api'
import { livelihoodUrls } from '../routes'

const OPEN: ReadonlyArray<RoundView['status']> = ['collecting', 'shortlisting']

interface CasesToProposalProps {
  caseIds: string[]
  /** Prefilled text of the proposal: the case's content, or the hot spot's summary. */
  description: string
  title?: string
  /** What the button says, e.g. 列为民生实事项目建议 or 列入民生实事候选. */
  label?: string
  testId?: string
}

export function CasesToProposal({ caseIds, description, title: initialTitle = '', label = '列为民生实事项目建议', testId = 'case-to-proposal' }: CasesToProposalProps) {
  const [rounds, setRounds] = useState<RoundView[]>([])
  const [open, setOpen] = useState(false)
  const [roundId, setRoundId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<{ roundId: string; title: string } | null>(null)
  const form = useRef({ title: initialTitle.slice(0, LIVELIHOOD_TITLE_MAX), description })
  const requestId = useRef(newRequestId())

  useEffect(() => {
    let live = true
    getMe()
      .then((me) => (me.role === 'staff' || me.role === 'admin' ? livelihoodApi.rounds() : []))
      .then(
        (list) => {
          if (!live) return
          const usable = list.filter((r) => OPEN.includes(r.status))
          setRounds(usable)
          setRoundId(usable.length === 1 ? usable[0].id : null)
        },
        () => undefined,
      )
    return () => {
      live = false
    }
  }, [])

  if (!rounds.length) return null

  const submit = async () => {
    if (busy) return
    if (!roundId) {
      setError('请选择征集中的一轮民生实事')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const title = form.current.title.trim()
      await callApi('livelihood.proposal.fromCases', { roundId, title, description: form.current.description.trim(), caseIds: caseIds.slice(0, LIVELIHOOD_MAX_CASES) }, { requestId: requestId.current })
      requestId.current = newRequestId()
      setDone({ roundId, title })
      setOpen(false)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View data-testid={testId}>
      <SectionTitle>民生实事</SectionTitle>
      <Card>
        {done ? (
          <View>
            <Notice tone='success'>已列为项目建议「{done.title}」，反映人会收到项目的进展。</Notice>
            <Button kind='plain' block onClick={() => go(livelihoodUrls.round({ id: done.roundId }))} testId='case-proposal-open'>
              查看本轮项目建议
            </Button>
          </View>
        ) : !open ? (
          <Button kind='secondary' block onClick={() => setOpen(true)} testId='case-to-proposal-start'>
            {label}
          </Button>
        ) : (
          <View>
            {rounds.length > 1 ? (
              <Field label='征集轮次' required>
                <ChoiceChips<string> options={rounds.map((r) => ({ value: r.id, label: r.title }))} value={roundId} onChange={setRoundId} testId='case-proposal-round' />
              </Field>
            ) : (
              <Notice tone='info'>列入：{rounds[0].title}</Notice>
            )}
            <Field label='项目名称' required hint='4-40个字，例如：湖滨路口信号灯优化'>
              <TextInput maxlength={LIVELIHOOD_TITLE_MAX} placeholder='项目名称' defaultValue={form.current.title || undefined} onInput={(v) => (form.current.title = v)} testId='case-proposal-title' />
            </Field>
            <Field label='项目内容' required hint={caseIds.length > 1 ? `默认为这${caseIds.length}件民意的归纳，可修改` : '默认为这条民意的内容，可修改'}>
              <TextArea maxlength={2000} defaultValue={description} onInput={(v) => (form.current.description = v)} testId='case-proposal-description' />
            </Field>
            {error ? <ErrorText>{error}</ErrorText> : null}
            <Button loading={busy} block onClick={() => void submit()} testId='case-to-proposal-submit'>
              列为项目建议（直接公开）
            </Button>
          </View>
        )}
      </Card>
    </View>
  )
}
