// 一键转为民生实事项目建议: on the work page of a case, staff (and the office) turn the case into a
// proposal of a round that is collecting or shortlisting (`livelihood.proposal.fromCases`). The
// proposal is public at once; the case's resident follows it like a supporter and hears of its
// progress. Shown only to staff and admins, and only while such a round exists.
import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { CaseView } from '@minyi/types/entities'
import type { RoundView } from '@minyi/types/livelihoodViews'
import { Button, Card, ChoiceChips, ErrorText, Field, Notice, SectionTitle, TextArea, TextInput } from '../../../components'
import { callApi, errorMessage } from '../../../services/api'
import { go } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import { getMe } from '../../../services/session'
import { livelihoodApi } from '../api'
import { livelihoodUrls } from '../routes'

const OPEN: ReadonlyArray<RoundView['status']> = ['collecting', 'shortlisting']

export function CaseToProposal({ view }: { view: CaseView }) {
  const [rounds, setRounds] = useState<RoundView[]>([])
  const [open, setOpen] = useState(false)
  const [roundId, setRoundId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<{ roundId: string; title: string } | null>(null)
  const form = useRef({ title: '', description: view.content })
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
      await callApi('livelihood.proposal.fromCases', { roundId, title, description: form.current.description.trim(), caseIds: [view.id] }, { requestId: requestId.current })
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
    <View data-testid='case-to-proposal'>
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
            列为民生实事项目建议
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
              <TextInput maxlength={40} placeholder='项目名称' onInput={(v) => (form.current.title = v)} testId='case-proposal-title' />
            </Field>
            <Field label='项目内容' required hint='默认为这条民意的内容，可修改'>
              <TextArea maxlength={2000} defaultValue={view.content} onInput={(v) => (form.current.description = v)} testId='case-proposal-description' />
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
