// 履职档案: one deputy's term (届, the default: the current term) or one year within it (term/year switch) — figures built from the casework, reception days and suggestions,
// activities staff add by hand, points by the district's scheme (chart), the 述职报告 PDF, and the
// 述职评议 result the office records.
import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, type ActivityKind } from '@minyi/types/insight'
import { Button, Card, ChoiceChips, ErrorText, ErrorView, Loading, Page, SectionTitle, TextInput } from '../../../components'
import { addActivity, getAnnualReport, getRecord, recordAssessment } from '../../../features/insight/api'
import { saveFile } from '../../../services/saveFile'
import { Chart, barOption } from '../../../features/insight/components/Chart'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import { decodeParam } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import '../dashboard/index.scss'

/** The year chip that stands for the whole term. */
const WHOLE_TERM = 'term'
const RESULTS = [
  { value: '满意', label: '满意' },
  { value: '基本满意', label: '基本满意' },
  { value: '不满意', label: '不满意' },
] as const

export default function RecordPage() {
  const router = useRouter()
  const deputyId = decodeParam(router.params.deputyId) || undefined
  const [termId, setTermId] = useState<string | undefined>(decodeParam(router.params.termId) || undefined)
  const [year, setYear] = useState(decodeParam(router.params.year) || WHOLE_TERM)
  const record = useLoader(() => getRecord({ deputyId, termId, year: year === WHOLE_TERM ? undefined : Number(year) }), [deputyId, termId, year])
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [kind, setKind] = useState<ActivityKind>('inspection')
  const [result, setResult] = useState<string>('满意')
  const form = useRef({ date: '', title: '', evidence: '', note: '' })
  const activityRequest = useRef<string | null>(null)
  const r = record.data

  const run = async (what: string, fn: () => Promise<void>) => {
    setBusy(what)
    setError(null)
    try {
      await fn()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const download = () =>
    run('report', async () => {
      if (!r) return
      // 述职 is yearly within a term: the year shown, or the term's report year.
      const file = await getAnnualReport({ deputyId, termId: r.termOfOffice.id, year: r.year })
      await saveFile({ fileName: file.fileName, base64: file.contentBase64 })
      void Taro.showToast({ title: '述职报告已生成', icon: 'success' })
    })

  const add = () =>
    run('activity', async () => {
      if (!r) return
      activityRequest.current ??= newRequestId()
      await addActivity({ deputyId: r.deputy.id, kind, date: form.current.date.trim(), title: form.current.title, evidence: form.current.evidence }, activityRequest.current)
      activityRequest.current = null
      await record.reload(true) // the term or year shown, with the new activity if it falls in it
      void Taro.showToast({ title: '已登记', icon: 'success' })
    })

  const assess = () =>
    run('assess', async () => {
      if (!r) return
      await recordAssessment({ deputyId: r.deputy.id, year: r.year, result: result as '满意', note: form.current.note }, newRequestId())
      await record.reload(true)
      void Taro.showToast({ title: '已记录', icon: 'success' })
    })

  const f = r?.figures
  return (
    <Page testId='page-insight-record'>
      {record.loading && !r ? <Loading /> : null}
      {record.error && !r ? <ErrorView message={record.error} onRetry={() => void record.reload()} /> : null}
      {r && f ? (
        <View>
          <Card title={`${r.deputy.name} · ${r.deputy.level}`} testId='record-head'>
            <View className='insight-row__meta'>联系家站点：{r.deputy.stations.join('、')}</View>
            <View className='insight-row__meta' data-testid='record-term-label'>
              {r.period.kind === 'term' ? '本届任期' : '年度'}：{r.term}
            </View>
            {r.terms.length > 1 ? (
              <ChoiceChips
                options={r.terms.map((t) => ({ value: t.id, label: t.name }))}
                value={r.termOfOffice.id}
                onChange={(id) => {
                  setTermId(id)
                  setYear(WHOLE_TERM)
                }}
                columns={3}
                size='small'
                testId='record-term'
              />
            ) : null}
            <ChoiceChips
              options={[{ value: WHOLE_TERM, label: '整届' }, ...r.years.map((y) => ({ value: String(y), label: `${y}年` }))]}
              value={r.period.kind === 'term' ? WHOLE_TERM : String(r.year)}
              onChange={(v) => {
                setTermId(r.termOfOffice.id)
                setYear(v)
              }}
              columns={3}
              size='small'
              testId='record-year'
            />
            <View className='insight-kpis'>
              <View className='insight-kpi' data-testid='record-score'>
                <View className='insight-kpi__value'>{r.points.score}</View>
                <View className='insight-kpi__label'>履职积分（满分{r.points.total}）</View>
              </View>
              <View className='insight-kpi'>
                <View className='insight-kpi__value'>{f.satisfactionRate === null ? '—' : `${f.satisfactionRate}%`}</View>
                <View className='insight-kpi__label'>群众满意率</View>
              </View>
            </View>
            {error ? <ErrorText>{error}</ErrorText> : null}
            <View className='insight-actions'>
              <Button onClick={() => void download()} loading={busy === 'report'} testId='download-report'>
                下载{r.year}年度述职报告
              </Button>
            </View>
          </Card>

          <SectionTitle>履职数据（自动生成）</SectionTitle>
          <Card testId='record-figures'>
            {[
              ['收到群众反映', f.casesReceived, r.definitions.casesReceived],
              ['现场答复', f.answeredOnSite, r.definitions.answeredOnSite],
              ['提请转办', f.passedOn, r.definitions.passedOn],
              ['接待日出席 / 缺席', `${f.dutiesAttended} / ${f.dutiesMissed}`, r.definitions.duties],
              ['接待日登记诉求', f.visitsRecorded, r.definitions.visitsRecorded],
              ['议案建议 起草 / 提交 / 获答复', `${f.suggestionsDrafted} / ${f.suggestionsSubmitted} / ${f.suggestionsAnswered}`, r.definitions.suggestions],
            ].map(([label, value, definition]) => (
              <View key={String(label)} className='insight-row'>
                <View className='insight-row__main'>
                  <View className='insight-row__title'>{label}</View>
                  <View className='insight-definition'>{definition}</View>
                </View>
                <View className='insight-row__badge'>{value}</View>
              </View>
            ))}
          </Card>

          <SectionTitle>{r.points.scheme}</SectionTitle>
          <Card testId='chart-points'>
            <Chart label='履职积分' option={barOption(r.points.lines.map((l) => ({ label: l.label.replace(/（.*）/, ''), count: l.points })), { horizontal: true })} height={r.points.lines.length * 28 + 40} />
            {r.points.lines.map((l) => (
              <View key={l.key} className='insight-table__row'>
                <View className='insight-table__name'>{l.label}</View>
                <View>{l.counted}</View>
                <View>{l.points}</View>
                <View>/{l.cap}</View>
              </View>
            ))}
          </Card>

          <SectionTitle extra={`${r.activities.length} 项`}>履职活动</SectionTitle>
          <Card testId='record-activities'>
            {r.activities.length ? null : <View className='insight-muted'>本期暂无登记的活动</View>}
            {r.activities.map((a) => (
              <View key={a.id} className='insight-row'>
                <View className='insight-row__main'>
                  <View className='insight-row__title'>{a.title}</View>
                  <View className='insight-row__meta'>
                    {a.date} · {a.kindLabel}
                    {a.evidence ? ` · 佐证：${a.evidence}` : ''} · 登记：{a.addedByName}
                  </View>
                </View>
              </View>
            ))}
            {r.mayEdit ? (
              <View data-testid='activity-form'>
                <View className='insight-label'>登记活动</View>
                <ChoiceChips options={ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }))} value={kind} onChange={setKind} columns={3} size='small' />
                <View className='insight-field'>
                  <TextInput placeholder='日期，如 2026-11-02' onInput={(v) => (form.current.date = v)} testId='activity-date' />
                </View>
                <View className='insight-field'>
                  <TextInput placeholder='活动内容' onInput={(v) => (form.current.title = v)} testId='activity-title' />
                </View>
                <View className='insight-field'>
                  <TextInput placeholder='佐证材料（选填）' onInput={(v) => (form.current.evidence = v)} testId='activity-evidence' />
                </View>
                <Button kind='secondary' onClick={() => void add()} loading={busy === 'activity'} testId='add-activity'>
                  登记
                </Button>
              </View>
            ) : null}
          </Card>

          <SectionTitle extra={`${r.suggestions.length} 件`}>议案建议及办理结果</SectionTitle>
          <Card>
            {r.suggestions.length ? null : <View className='insight-muted'>本期暂无</View>}
            {r.suggestions.map((s) => (
              <View key={s.id} className='insight-row'>
                <View className='insight-row__main'>
                  <View className='insight-row__title'>{s.title}</View>
                  <View className='insight-row__meta'>{s.no ?? '草稿'}</View>
                </View>
                <View className='insight-row__badge'>{s.statusLabel}</View>
              </View>
            ))}
          </Card>

          <SectionTitle extra={`${r.year}年度`}>述职评议</SectionTitle>
          <Card testId='record-assessment'>
            {r.assessment ? (
              <View className='insight-row__title'>
                评议结果：{r.assessment.result}
                {r.assessment.note ? `（${r.assessment.note}）` : ''}
              </View>
            ) : (
              <View className='insight-muted'>尚未记录评议结果</View>
            )}
            {r.mayAssess ? (
              <View>
                <ChoiceChips options={RESULTS} value={result} onChange={setResult} columns={3} size='small' />
                <View className='insight-field'>
                  <TextInput placeholder='评议意见（选填）' onInput={(v) => (form.current.note = v)} />
                </View>
                <Button kind='secondary' onClick={() => void assess()} loading={busy === 'assess'} testId='record-assess'>
                  记录评议结果
                </Button>
              </View>
            ) : null}
          </Card>
        </View>
      ) : null}
    </Page>
  )
}
