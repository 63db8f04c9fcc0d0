// One round, as the congress office runs it: the state machine's commands, moderating proposals,
// the shortlist editor (merge proposals into candidate projects), the vote settings, the results
// (with a boundary tie to resolve), the chosen projects' progress and the exportable report.
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { ROUND_TRANSITIONS, type RoundCommand, MAJORITY_RULE_LABELS, MAJORITY_RULES, type MajorityRule } from '@minyi/types/livelihoodStateMachine'
import { Button, Card, Checkbox, ChoiceChips, ErrorText, ErrorView, Field, Loading, Notice, Page, SectionTitle, Tag, TextArea, TextInput } from '../../../components'
import { livelihoodApi } from '../../../features/livelihood/api'
import { useSignedIn } from '../../../features/session/hooks/useSignedIn'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import { saveFile } from '../../../services/saveFile'
import { confirm } from '../../../services/dialog'
import { decodeParam } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import { ProjectRow, ResultsTable, toast } from '../../lib/shared'
import '../../lib/livelihood.scss'

async function load(roundId: string) {
  const round = await livelihoodApi.round(roundId)
  const [proposals, candidates, results, report] = await Promise.all([
    livelihoodApi.proposals(roundId),
    livelihoodApi.candidates(roundId),
    livelihoodApi.results(roundId),
    round.status === 'carrying_out' || round.status === 'assessing' || round.status === 'closed' ? livelihoodApi.roundReport(roundId) : Promise.resolve(null),
  ])
  return { round, proposals, candidates, results, report }
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`)

/** Defaults for the vote: opens now, closes in 3 days, written in the device's local time (read back the same way). */
function inDays(days: number) {
  const at = new Date(Date.now() + days * 86_400_000)
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

export default function ManagePage() {
  const router = useRouter()
  const roundId = decodeParam(router.params.id)
  const signedIn = useSignedIn()
  const data = useLoader(signedIn && roundId ? () => load(roundId) : null, [signedIn, roundId], { refreshOnShow: true })
  const d = data.data
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const requestId = useRef(newRequestId())
  const candidate = useRef({ title: '', description: '', budgetWan: '', unitName: '', timeFrame: '' })
  const [picked, setPicked] = useState<string[]>([])
  const [formKey, setFormKey] = useState(0)
  const vote = useRef({ seats: '', opensAt: inDays(0), closesAt: inDays(3) })
  const [majority, setMajority] = useState<MajorityRule>('over_half_electorate')
  const tieNote = useRef('')
  const [tiePick, setTiePick] = useState<string[]>([])

  const run = async (fn: (rid: string) => Promise<unknown>, done: string) => {
    setBusy(true)
    setError(null)
    try {
      await fn(requestId.current)
      requestId.current = newRequestId()
      toast(done)
      await data.reload(true)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const move = async (command: RoundCommand) => {
    if (!(await confirm(ROUND_TRANSITIONS[command].label, '确定进行这一步吗？'))) return
    await run((rid) => livelihoodApi.move({ roundId, command }, rid), '已完成')
  }

  const saveCandidate = () =>
    run(async (rid) => {
      const c = candidate.current
      await livelihoodApi.saveCandidate({ roundId, title: c.title, description: c.description, budgetWan: Number(c.budgetWan || 0), unitName: c.unitName, timeFrame: c.timeFrame, proposalIds: picked }, rid)
      candidate.current = { title: '', description: '', budgetWan: '', unitName: '', timeFrame: '' }
      setPicked([])
      setFormKey((k) => k + 1)
    }, '已保存候选项目')

  const saveVote = () =>
    run(
      (rid) =>
        livelihoodApi.configureVote(
          { roundId, seats: Number(vote.current.seats), opensAt: new Date(vote.current.opensAt).toISOString(), closesAt: new Date(vote.current.closesAt).toISOString(), majority },
          rid,
        ),
      '已保存票决规则',
    )

  const exportReport = async (format: 'xlsx' | 'pdf') => {
    try {
      const file = await livelihoodApi.exportReport({ roundId, format }, newRequestId())
      await saveFile({ fileName: file.fileName, base64: file.base64, contentType: file.mimeType })
    } catch (e) {
      toast(errorMessage(e))
    }
  }

  const status = d?.round.status

  return (
    <Page testId='page-livelihood-manage'>
      {data.loading && !d ? <Loading /> : null}
      {data.error && !d ? <ErrorView message={data.error} onRetry={() => void data.reload()} /> : null}
      {d ? (
        <View>
          <Card testId='manage-header'>
            <View className='lv-row'>
              <View className='lv-title'>{d.round.title}</View>
              <Tag tone='info'>{d.round.statusLabel}</Tag>
            </View>
            <View className='lv-muted'>
              {d.round.regionName} · {d.round.levelLabel} · 征集 {d.round.collectFrom} 至 {d.round.collectUntil}
              {d.round.electorateSize !== null ? ` · 应投票代表 ${d.round.electorateSize} 人` : ''}
            </View>
            <View className='lv-actions'>
              {d.round.commands.map((c) => (
                <Button key={c} size='small' kind={c === 'reopenCollecting' ? 'secondary' : 'primary'} loading={busy} onClick={() => void move(c)} testId={`move-${c}`}>
                  {ROUND_TRANSITIONS[c].label}
                </Button>
              ))}
            </View>
            {error ? <ErrorText>{error}</ErrorText> : null}
          </Card>

          <SectionTitle extra={`${d.proposals.length} 条`}>群众建议</SectionTitle>
          <Card testId='manage-proposals'>
            {d.proposals.map((p) => (
              <View key={p.id} className='lv-item' data-testid='manage-proposal'>
                <View className='lv-row'>
                  <View className='lv-title'>{p.title}</View>
                  <Tag tone={p.status === 'pending' ? 'warning' : p.status === 'approved' ? 'success' : 'neutral'}>{p.statusLabel}</Tag>
                </View>
                <View className='lv-text'>{p.description}</View>
                <View className='lv-muted'>
                  {p.place ? `${p.place} · ` : ''}
                  {p.supportCount} 人附议{p.caseCount ? ` · 来自 ${p.caseCount} 条民意` : ''}
                  {p.candidateId ? ' · 已列入候选项目' : ''}
                </View>
                {p.status === 'pending' ? (
                  <View className='lv-actions'>
                    <Button size='small' onClick={() => void run((rid) => livelihoodApi.moderate({ proposalId: p.id, decision: 'approve' }, rid), '已公开')} testId='approve-proposal'>
                      审核通过
                    </Button>
                    <Button size='small' kind='secondary' onClick={() => void run((rid) => livelihoodApi.moderate({ proposalId: p.id, decision: 'reject', note: '与民生实事项目的范围不符' }, rid), '已处理')}>
                      不予采纳
                    </Button>
                  </View>
                ) : null}
                {status === 'shortlisting' && p.status === 'approved' && !p.candidateId ? (
                  <Checkbox checked={picked.includes(p.id)} onChange={(on) => setPicked(on ? [...picked, p.id] : picked.filter((x) => x !== p.id))} testId='pick-proposal'>
                    合并到下面的新候选项目
                  </Checkbox>
                ) : null}
              </View>
            ))}
            {!d.proposals.length ? <View className='lv-muted'>还没有建议。</View> : null}
          </Card>

          {status === 'shortlisting' || d.candidates.length ? (
            <View>
              <SectionTitle extra={`${d.candidates.length} 个`}>候选项目</SectionTitle>
              <Card testId='manage-candidates'>
                {d.candidates.map((c) => (
                  <View key={c.id}>
                    <ProjectRow project={c} />
                    {status === 'shortlisting' ? (
                      <Button size='small' kind='plain' onClick={() => void run((rid) => livelihoodApi.removeCandidate({ roundId, candidateId: c.id }, rid), '已删除')}>
                        删除
                      </Button>
                    ) : null}
                  </View>
                ))}
              </Card>
            </View>
          ) : null}

          {status === 'shortlisting' ? (
            <View key={formKey}>
              <SectionTitle>新建候选项目{picked.length ? `（合并 ${picked.length} 条建议）` : ''}</SectionTitle>
              <Card testId='candidate-form'>
                <Field label='项目名称' required>
                  <TextInput onInput={(v) => (candidate.current.title = v)} testId='candidate-title' />
                </Field>
                <Field label='项目内容' required>
                  <TextArea onInput={(v) => (candidate.current.description = v)} testId='candidate-description' />
                </Field>
                <Field label='预算估算（万元）' required>
                  <TextInput type='digit' onInput={(v) => (candidate.current.budgetWan = v)} testId='candidate-budget' />
                </Field>
                <Field label='责任单位' required>
                  <TextInput onInput={(v) => (candidate.current.unitName = v)} testId='candidate-unit' />
                </Field>
                <Field label='实施期限' required>
                  <TextInput placeholder='例如：2027年1月至12月' onInput={(v) => (candidate.current.timeFrame = v)} testId='candidate-timeframe' />
                </Field>
                <Button block loading={busy} onClick={() => void saveCandidate()} testId='candidate-save'>
                  保存候选项目
                </Button>
              </Card>
              <SectionTitle>票决规则</SectionTitle>
              <Card testId='vote-form'>
                {d.round.vote ? (
                  <Notice tone='success'>
                    已设置：选 {d.round.vote.seats} 项，{d.round.vote.majorityLabel}
                  </Notice>
                ) : null}
                <Field label='当选项目数（N）' required>
                  <TextInput type='number' onInput={(v) => (vote.current.seats = v)} testId='vote-seats' />
                </Field>
                <Field label='开始时间' hint='格式：2026-11-23T10:00'>
                  <TextInput defaultValue={vote.current.opensAt} onInput={(v) => (vote.current.opensAt = v.trim())} testId='vote-opens' />
                </Field>
                <Field label='截止时间'>
                  <TextInput defaultValue={vote.current.closesAt} onInput={(v) => (vote.current.closesAt = v.trim())} testId='vote-closes' />
                </Field>
                <Field label='过半数规则'>
                  <ChoiceChips<MajorityRule> options={MAJORITY_RULES.map((m) => ({ value: m, label: MAJORITY_RULE_LABELS[m] }))} value={majority} onChange={setMajority} testId='vote-majority' />
                </Field>
                <Button block kind='secondary' loading={busy} onClick={() => void saveVote()} testId='vote-save'>
                  保存票决规则
                </Button>
              </Card>
            </View>
          ) : null}

          {status === 'voting' || d.results.published ? (
            <View>
              <SectionTitle>票决{d.results.published ? '结果' : '进度'}</SectionTitle>
              <Card testId='manage-results'>
                <View className='lv-muted' data-testid='turnout'>
                  已投票 {d.results.turnout}/{d.results.electorateSize} 人
                </View>
                {d.results.counted ? <ResultsTable results={d.results} /> : <View className='lv-muted'>票决截止（或全部代表投票）后显示计票结果。</View>}
                {d.results.tie && !d.results.tieResolution && status === 'voting' ? (
                  <View data-testid='tie-form'>
                    {d.results.rows
                      .filter((r) => r.tied)
                      .map((r) => (
                        <Checkbox key={r.candidateId} checked={tiePick.includes(r.candidateId)} onChange={(on) => setTiePick(on ? [...tiePick, r.candidateId] : tiePick.filter((x) => x !== r.candidateId))}>
                          {r.title}
                        </Checkbox>
                      ))}
                    <Field label='处理依据' required>
                      <TextInput placeholder='例如：经主任会议研究决定' onInput={(v) => (tieNote.current = v)} />
                    </Field>
                    <Button kind='secondary' onClick={() => void run((rid) => livelihoodApi.resolveTie({ roundId, candidateIds: tiePick, note: tieNote.current }, rid), '已登记')}>
                      登记同票处理结果
                    </Button>
                  </View>
                ) : null}
              </Card>
            </View>
          ) : null}

          {d.report ? (
            <View>
              <SectionTitle>实施和满意度</SectionTitle>
              <Card testId='manage-report'>
                <View className='lv-muted'>
                  总体完成率 {pct(d.report.completion)} · 满意率 {pct(d.report.satisfactionRate)}
                </View>
                {d.candidates
                  .filter((c) => c.status === 'chosen')
                  .map((c) => (
                    <ProjectRow key={c.id} project={c} />
                  ))}
                <View className='lv-actions'>
                  <Button size='small' kind='secondary' onClick={() => void exportReport('xlsx')} testId='export-xlsx'>
                    导出 Excel
                  </Button>
                  <Button size='small' kind='secondary' onClick={() => void exportReport('pdf')} testId='export-pdf'>
                    导出 PDF
                  </Button>
                </View>
              </Card>
            </View>
          ) : null}
        </View>
      ) : null}
    </Page>
  )
}
