// 年度代表工作目标及完成情况: staff of a station (or the admin, or the street's office) keep each
// year's goals and how far they got; the station page shows them in its 公示.
import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { GoalView } from '@minyi/types/adminViews'
import { Button, Card, ChoiceChips, ErrorText, ErrorView, Field, Loading, Page, SectionTitle, TextArea, TextInput } from '../../../components'
import { getGoals, listAdminStations, saveGoals } from '../../../features/admin/api'
import { useForm } from '../../../features/admin/useForm'
import { useMe } from '../../../features/session/hooks/useMe'
import { useLoader } from '../../../hooks/useLoader'
import '../../../features/admin/components/admin.scss'

const STATUS_OPTIONS = [
  { value: 'planned' as const, label: '未开始' },
  { value: 'in_progress' as const, label: '推进中' },
  { value: 'done' as const, label: '已完成' },
]
type Draft = { key: string; id?: string; title: string; status: GoalView['status']; progress: string }

function GoalsForm({ stationId, year, goals, version, onSaved }: { stationId: string; year: number; goals: GoalView[]; version: number; onSaved: () => void }) {
  const f = useForm()
  const seq = useRef(0)
  const [items, setItems] = useState<Draft[]>(goals.map((g) => ({ key: g.id, id: g.id, title: g.title, status: g.status, progress: g.progress })))
  const texts = useRef<Record<string, { title: string; progress: string }>>(Object.fromEntries(items.map((i) => [i.key, { title: i.title, progress: i.progress }])))
  const add = () => {
    const key = `new${++seq.current}`
    texts.current[key] = { title: '', progress: '' }
    setItems([...items, { key, title: '', status: 'planned', progress: '' }])
  }
  const save = async () => {
    const goalsInput = items.map((i) => ({ ...(i.id ? { id: i.id } : {}), title: texts.current[i.key].title, status: i.status, progress: texts.current[i.key].progress }))
    if (await f.submit((rid) => saveGoals({ stationId, year, version, goals: goalsInput }, rid), '已保存')) onSaved()
  }
  // A message about goals.N.title names the row: shown under it.
  const rowError = (i: number) => f.fieldErrors[`goals.${i}`] ?? null
  return (
    <View data-testid='goals-form'>
      {items.map((item, i) => (
        <Card key={item.key} testId='goal-item'>
          <Field label={`目标 ${i + 1}`} required error={rowError(i)} testId='goal-title'>
            <TextInput defaultValue={item.title} placeholder='如：推动老旧小区加装电梯10台' maxlength={100} onInput={(v) => { texts.current[item.key].title = v; f.touched(`goals.${i}`) }} />
          </Field>
          <Field label='完成状态' required testId='goal-status'>
            <ChoiceChips columns={3} size='small' options={STATUS_OPTIONS} value={item.status} onChange={(s) => { setItems(items.map((x) => (x.key === item.key ? { ...x, status: s } : x))); f.touched('status') }} />
          </Field>
          <Field label='完成情况' optional testId='goal-progress'>
            <TextArea defaultValue={item.progress} placeholder='如：已完成7台，3台在施工' maxlength={300} onInput={(v) => { texts.current[item.key].progress = v; f.touched('progress') }} />
          </Field>
          <Button size='small' kind='plain' onClick={() => { setItems(items.filter((x) => x.key !== item.key)); f.touched('goals') }}>删除这项</Button>
        </Card>
      ))}
      {f.error ? <ErrorText>{f.error}</ErrorText> : null}
      <View className='adm-actions'>
        <Button kind='secondary' onClick={add} testId='goal-add'>添加目标</Button>
        <Button loading={f.busy} onClick={() => void save()} testId='goals-save'>保存</Button>
      </View>
    </View>
  )
}

export default function GoalsPage() {
  const me = useMe()
  const stations = useLoader(me.data ? listAdminStations : null, [me.data?.id])
  const [stationId, setStationId] = useState<string | null>(null)
  const [year, setYear] = useState(new Date().getFullYear())
  const chosen = stationId ?? stations.data?.find((s) => !s.retired)?.id ?? null
  const goals = useLoader(chosen ? () => getGoals(chosen, year) : null, [chosen, year])
  const [key, setKey] = useState(0)
  const thisYear = new Date().getFullYear()
  const years = [thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: `${y}年` }))

  return (
    <Page testId='page-admin-goals' className='adm-page'>
      <Card>
        <Field label='家站点' testId='goals-station'>
          <ChoiceChips columns={0} size='small' options={(stations.data ?? []).filter((s) => !s.retired).map((s) => ({ value: s.id, label: s.name }))} value={chosen} onChange={(x) => { setStationId(x); setKey((k) => k + 1) }} />
        </Field>
        <Field label='年度' testId='goals-year'>
          <ChoiceChips columns={3} size='small' options={years} value={String(year)} onChange={(y) => { setYear(Number(y)); setKey((k) => k + 1) }} />
        </Field>
      </Card>
      <SectionTitle>年度代表工作目标及完成情况</SectionTitle>
      {goals.loading && !goals.data ? <Loading /> : null}
      {goals.error ? <ErrorView message={goals.error} onRetry={() => void goals.reload()} /> : null}
      {goals.data && chosen ? (
        <GoalsForm
          key={`${key}-${goals.data.version}`}
          stationId={chosen}
          year={year}
          goals={goals.data.goals}
          version={goals.data.version}
          onSaved={() => void goals.reload(true)}
        />
      ) : null}
    </Page>
  )
}
