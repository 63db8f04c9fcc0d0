// 代表管理: enrol deputies and edit them. "应进必进": at least one station; 站长 only of their own
// stations. Changing stations keeps the history (listed under 进站记录). Staff read their stations'.
import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { AdminDeputyView } from '@minyi/types/adminViews'
import { DEPUTY_LEVELS, DEPUTY_LEVEL_LABELS, type DeputyLevel } from '@minyi/types/enums'
import { Avatar, Button, Card, ChoiceChips, ErrorText, ErrorView, Field, InfoRow, Loading, Page, SectionTitle, TextArea, TextInput, Checkbox } from '../../../components'
import { createDeputy, listAdminDeputies, listAdminStations, updateDeputy } from '../../../features/admin/api'
import { ListRow } from '../../../features/admin/components/SectionList'
import { PhotoPicker, photoRefsOf, savedPhotoItems, type PhotoItem } from '../../../features/cases/components/PhotoPicker'
import { useForm } from '../../../features/admin/useForm'
import { useMe } from '../../../features/session/hooks/useMe'
import { useLoader } from '../../../hooks/useLoader'
import '../../../features/admin/components/admin.scss'

const LEVEL_OPTIONS = DEPUTY_LEVELS.map((value) => ({ value, label: DEPUTY_LEVEL_LABELS[value] }))
const ELECTION_OPTIONS = [
  { value: 'direct' as const, label: '直接选举（原选区）' },
  { value: 'indirect' as const, label: '间接选举（选举单位）' },
]

function DeputyForm({ deputy, stations, onSaved, onCancel }: {
  deputy: AdminDeputyView | null
  stations: Array<{ id: string; name: string }>
  onSaved: (d: AdminDeputyView) => void
  onCancel: () => void
}) {
  const f = useForm()
  const v = useRef({
    name: deputy?.name ?? '',
    constituency: deputy?.constituency ?? '',
    contact: deputy?.contact ?? '',
    commitment: deputy?.commitment ?? '',
    bio: deputy?.bio ?? '',
  })
  const [photo, setPhoto] = useState<PhotoItem[]>(() => savedPhotoItems(deputy?.photoUrl ? [deputy.photoUrl] : [], [deputy?.photoPreview ?? '']))
  const [level, setLevel] = useState<DeputyLevel | null>(deputy?.level ?? null)
  const [election, setElection] = useState<'direct' | 'indirect' | null>(deputy?.election ?? null)
  const [stationIds, setStationIds] = useState<string[]>(deputy?.stationIds ?? [])
  const [headOf, setHeadOf] = useState<string[]>(deputy?.headOf ?? [])
  const set = (key: keyof typeof v.current) => (value: string) => {
    v.current[key] = value
    f.touched(key)
  }
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...new Set([...list, id])] : list.filter((x) => x !== id))

  const save = async () => {
    const errors: Record<string, string> = {}
    if (!level) errors.level = '请选择代表层级'
    if (!election) errors.election = '请选择选举方式'
    if (!stationIds.length) errors.stationIds = '“应进必进”：每位代表至少进入一个家站点'
    const uploaded = photoRefsOf(photo)
    if (!uploaded.ok) errors.photoUrl = uploaded.message
    if (Object.keys(errors).length) {
      f.setFieldErrors(errors)
      return
    }
    const fields = { ...v.current, photoUrl: uploaded.ok ? (uploaded.photos[0] ?? '') : '', level: level!, election: election!, stationIds, headOf: headOf.filter((id) => stationIds.includes(id)) }
    const saved = await f.submit((rid) => (deputy ? updateDeputy({ deputyId: deputy.id, ...fields }, rid) : createDeputy(fields, rid)), deputy ? '已保存' : '已登记')
    if (saved) onSaved(saved)
  }

  return (
    <Card testId='deputy-form'>
      <View className='adm-form__title'>{deputy ? `修改：${deputy.name}（代表码 ${deputy.code}）` : '登记代表'}</View>
      <Field label='姓名' required error={f.fieldErrors.name} testId='dp-name'>
        <TextInput defaultValue={deputy?.name} placeholder='代表姓名' maxlength={20} onInput={set('name')} />
      </Field>
      <Field label='代表层级' required error={f.fieldErrors.level} testId='dp-level'>
        <ChoiceChips columns={3} size='small' options={LEVEL_OPTIONS} value={level} onChange={(x) => { setLevel(x); f.touched('level') }} />
      </Field>
      <Field label='选举方式' required error={f.fieldErrors.election} testId='dp-election'>
        <ChoiceChips columns={2} size='small' options={ELECTION_OPTIONS} value={election} onChange={(x) => { setElection(x); f.touched('election') }} />
      </Field>
      <Field label='原选区或选举单位' required error={f.fieldErrors.constituency} testId='dp-constituency'>
        <TextInput defaultValue={deputy?.constituency} placeholder='如：湖滨街道第九选区' maxlength={60} onInput={set('constituency')} />
      </Field>
      <Field label='进站（应进必进）' required hint='勾选代表所在的家站点；站长只能是其所在家站点的站长' error={f.fieldErrors.stationIds ?? f.fieldErrors.headOf} testId='dp-stations'>
        {stations.map((s) => (
          <View key={s.id} className='adm-row'>
            <Checkbox checked={stationIds.includes(s.id)} onChange={(on) => { setStationIds(toggle(stationIds, s.id, on)); f.touched('stationIds') }} testId={`dp-station-${s.id}`}>
              {s.name}
            </Checkbox>
            {stationIds.includes(s.id) ? (
              <Checkbox checked={headOf.includes(s.id)} onChange={(on) => { setHeadOf(toggle(headOf, s.id, on)); f.touched('headOf') }}>站长</Checkbox>
            ) : null}
          </View>
        ))}
      </Field>
      <Field label='履职承诺' required error={f.fieldErrors.commitment} testId='dp-commitment'>
        <TextArea defaultValue={deputy?.commitment} placeholder='在站点页公示，至少5个字' maxlength={200} onInput={set('commitment')} />
      </Field>
      <Field label='公开联系方式' optional hint='在站点页公示，如办公电话；不要填私人手机' error={f.fieldErrors.contact} testId='dp-contact'>
        <TextInput defaultValue={deputy?.contact} placeholder='如：翠苑社区服务中心 0571-8765 1122' maxlength={40} onInput={set('contact')} />
      </Field>
      <Field label='照片' optional hint='一张正面照，在代表页和海报上公开显示' error={f.fieldErrors.photoUrl} testId='dp-photo'>
        <PhotoPicker items={photo} setItems={setPhoto} max={1} onChanged={() => f.touched('photoUrl')} testId='dp-photo-picker' />
      </Field>
      <Field label='简介' optional error={f.fieldErrors.bio} testId='dp-bio'>
        <TextArea defaultValue={deputy?.bio} placeholder='职业、关注领域' maxlength={300} onInput={set('bio')} />
      </Field>
      {f.error ? <ErrorText>{f.error}</ErrorText> : null}
      <View className='adm-actions'>
        <Button kind='plain' onClick={onCancel}>返回</Button>
        <Button loading={f.busy} onClick={() => void save()} testId='dp-save'>{deputy ? '保存修改' : '登记'}</Button>
      </View>
      {deputy?.history.length ? (
        <View>
          <SectionTitle>进站记录</SectionTitle>
          {deputy.history.map((h) => (
            <InfoRow key={`${h.stationId}${h.to}`} label={h.stationName}>{`${h.from ? h.from.slice(0, 10) : '建档前'} 至 ${h.to.slice(0, 10)}`}</InfoRow>
          ))}
        </View>
      ) : null}
    </Card>
  )
}

export default function DeputiesPage() {
  const me = useMe()
  const isAdmin = me.data?.role === 'admin'
  const deputies = useLoader(me.data ? listAdminDeputies : null, [me.data?.id])
  const stations = useLoader(me.data ? listAdminStations : null, [me.data?.id])
  const [editing, setEditing] = useState<AdminDeputyView | 'new' | null>(null)
  const [formKey, setFormKey] = useState(0)
  const pick = (d: AdminDeputyView | 'new' | null) => {
    setEditing(d)
    setFormKey((k) => k + 1)
  }
  const selected = editing && editing !== 'new' ? deputies.data?.find((d) => d.id === editing.id) ?? editing : null
  const active = (stations.data ?? []).filter((s) => !s.retired).map((s) => ({ id: s.id, name: s.name }))

  return (
    <Page testId='page-admin-deputies' className='adm-page'>
      <View className='adm-split'>
        <View className='adm-split__list'>
          <SectionTitle extra={isAdmin ? <Button size='small' onClick={() => pick('new')} testId='deputy-new'>登记代表</Button> : undefined}>代表</SectionTitle>
          {deputies.loading && !deputies.data ? <Loading /> : null}
          {deputies.error ? <ErrorView message={deputies.error} onRetry={() => void deputies.reload()} /> : null}
          {deputies.data?.map((d) => (
            <ListRow
              key={d.id}
              testId={`deputy-row-${d.code}`}
              selected={selected?.id === d.id}
              onClick={() => pick(d)}
              title={<View className='adm-row'><Avatar name={d.name} src={d.photoPreview} />{d.name}</View>}
              meta={`${d.levelLabel} · ${d.constituency || '未填选区'} · ${d.stationNames.join('、')}${d.headOf.length ? ' · 站长' : ''}`}
            />
          ))}
        </View>
        <View className='adm-split__detail'>
          {editing && isAdmin ? (
            <DeputyForm
              key={formKey}
              deputy={selected}
              stations={active}
              onCancel={() => pick(null)}
              onSaved={(d) => {
                void deputies.reload(true)
                pick(d)
              }}
            />
          ) : null}
          {selected && !isAdmin ? (
            <Card testId='deputy-detail'>
              <InfoRow label='姓名'>{selected.name}</InfoRow>
              <InfoRow label='层级'>{selected.levelLabel}</InfoRow>
              <InfoRow label='选区'>{`${selected.constituency}（${selected.electionLabel}）`}</InfoRow>
              <InfoRow label='履职承诺'>{selected.commitment}</InfoRow>
              <InfoRow label='联系方式'>{selected.contact || '—'}</InfoRow>
              <View className='adm-intro'>代表信息由人大机关维护。</View>
            </Card>
          ) : null}
          {!editing ? <View className='adm-intro'>选择一位代表查看或修改{isAdmin ? '，或登记新代表' : ''}。</View> : null}
        </View>
      </View>
    </Page>
  )
}
