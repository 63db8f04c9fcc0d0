// 站点管理: the district's 街道（乡镇） and stations. The admin creates, edits and retires (撤并) them;
// names are checked against the naming rule on the server and the reason is shown next to the name.
// Station staff edit their own station's public details (address, hours, phone, photos, location).
import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { AdminRegionView, AdminStationView } from '@minyi/types/adminViews'
import { STATION_KINDS, STATION_KIND_LABELS, type StationKind } from '@minyi/types/enums'
import { Button, Card, ChoiceChips, ErrorText, ErrorView, Field, InfoRow, Loading, Page, SectionTitle, Tag, TextInput } from '../../../components'
import { createRegion, createStation, listAdminStations, listRegions, retireRegion, retireStation, updateRegion, updateStation } from '../../../features/admin/api'
import { ListRow } from '../../../features/admin/components/SectionList'
import { PhotoPicker, photoRefsOf, savedPhotoItems, type PhotoItem } from '../../../features/cases/components/PhotoPicker'
import { useForm } from '../../../features/admin/useForm'
import { useMe } from '../../../features/session/hooks/useMe'
import { useLoader } from '../../../hooks/useLoader'
import { confirm } from '../../../services/dialog'
import '../../../features/admin/components/admin.scss'

const KIND_OPTIONS = STATION_KINDS.map((value) => ({ value, label: STATION_KIND_LABELS[value] }))

function parseLocation(text: string): { latitude: number; longitude: number } | null | 'bad' {
  const t = text.trim()
  if (!t) return null
  const parts = t.split(/[,，\s]+/).map(Number)
  if (parts.length !== 2 || parts.some((n) => Number.isNaN(n))) return 'bad'
  return { latitude: parts[0], longitude: parts[1] }
}

function StationForm({ station, regions, isAdmin, onSaved, onCancel }: {
  station: AdminStationView | null
  regions: Array<{ id: string; name: string }>
  isAdmin: boolean
  onSaved: (s: AdminStationView) => void
  onCancel: () => void
}) {
  const f = useForm()
  const v = useRef({
    name: station?.name ?? '',
    code: station?.code ?? '',
    address: station?.address ?? '',
    openHours: station?.openHours ?? '',
    contactPhone: station?.contactPhone ?? '',
    location: station?.location ? `${station.location.latitude}, ${station.location.longitude}` : '',
    receptionLabel: station?.receptionLabel ?? '',
  })
  const [photos, setPhotos] = useState<PhotoItem[]>(() => savedPhotoItems(station?.photos ?? [], station?.photoUrls ?? []))
  const [kind, setKind] = useState<StationKind | null>(station?.kind ?? null)
  const [regionId, setRegionId] = useState<string | null>(station?.regionId ?? null)
  const set = (key: keyof typeof v.current) => (value: string) => {
    v.current[key] = value
    f.touched(key)
  }
  const full = isAdmin

  const save = async () => {
    const location = parseLocation(v.current.location)
    const errors: Record<string, string> = {}
    if (location === 'bad') errors.location = '位置请填写“纬度, 经度”，如 30.27, 120.15'
    if (full && !kind) errors.kind = '请选择家站点类型'
    if (full && !regionId) errors.regionId = '请选择所属街道（乡镇）'
    const uploaded = photoRefsOf(photos)
    if (!uploaded.ok) errors.photos = uploaded.message
    if (Object.keys(errors).length) {
      f.setFieldErrors(errors)
      return
    }
    const pub = {
      address: v.current.address,
      openHours: v.current.openHours,
      contactPhone: v.current.contactPhone,
      photos: uploaded.ok ? uploaded.photos : [],
      location: location === 'bad' ? null : location,
      receptionLabel: v.current.receptionLabel,
    }
    const structural = { name: v.current.name, code: v.current.code, kind: kind!, regionId: regionId! }
    const saved = await f.submit(
      (rid) =>
        station
          ? updateStation({ stationId: station.id, ...pub, ...(full ? structural : {}) }, rid)
          : createStation({ ...structural, ...pub }, rid),
      station ? '已保存' : '已新建',
    )
    if (saved) onSaved(saved)
  }

  return (
    <Card testId='station-form'>
      <View className='adm-form__title'>{station ? `修改：${station.name}` : '新建家站点'}</View>
      {full ? (
        <View>
          <Field label='家站点类型' required error={f.fieldErrors.kind} testId='st-kind'>
            <ChoiceChips columns={3} size='small' options={KIND_OPTIONS} value={kind} onChange={(k) => { setKind(k); f.touched('kind') }} />
          </Field>
          <Field label='所属街道（乡镇）' required error={f.fieldErrors.regionId} testId='st-region'>
            <ChoiceChips columns={3} size='small' options={regions.map((r) => ({ value: r.id, label: r.name }))} value={regionId} onChange={(r) => { setRegionId(r); f.touched('regionId') }} />
          </Field>
          <Field label='名称' required hint='规范名称：所在地＋“人大代表之家”/“人大代表联络站”/“人大代表小组”，不用“工作室”“联络点”“活动中心”或代表个人姓名' error={f.fieldErrors.name} testId='st-name'>
            <TextInput defaultValue={station?.name} placeholder='如：临江市滨湖区湖滨街道柳岸社区人大代表联络站' maxlength={60} onInput={set('name')} />
          </Field>
          <Field label='民意码编码' required hint='印在二维码里（scene s=编码），2–12位字母或数字' error={f.fieldErrors.code} testId='st-code'>
            <TextInput defaultValue={station?.code} placeholder='如：LASQ' maxlength={12} onInput={set('code')} />
          </Field>
        </View>
      ) : station ? (
        <View>
          <InfoRow label='名称'>{station.name}</InfoRow>
          <InfoRow label='民意码'>{station.code}</InfoRow>
        </View>
      ) : null}
      <Field label='地址' required error={f.fieldErrors.address} testId='st-address'>
        <TextInput defaultValue={station?.address} placeholder='如：滨湖区柳岸路6号柳岸社区服务中心一楼' maxlength={100} onInput={set('address')} />
      </Field>
      <Field label='开放时间' required error={f.fieldErrors.openHours} testId='st-hours'>
        <TextInput defaultValue={station?.openHours} placeholder='如：工作日 9:00–11:30，14:00–17:00' maxlength={60} onInput={set('openHours')} />
      </Field>
      <Field label='联系电话' optional error={f.fieldErrors.contactPhone} testId='st-phone'>
        <TextInput defaultValue={station?.contactPhone} placeholder='如：0571-8765 6677' maxlength={30} onInput={set('contactPhone')} />
      </Field>
      <Field label='接待日说明' optional hint='设置接待规则之前在站点页显示' error={f.fieldErrors.receptionLabel} testId='st-reception'>
        <TextInput defaultValue={station?.receptionLabel} placeholder='如：每月10日 9:00–11:30' maxlength={60} onInput={set('receptionLabel')} />
      </Field>
      <Field label='位置' optional hint='纬度, 经度（地图上取点）' error={f.fieldErrors.location} testId='st-location'>
        <TextInput defaultValue={v.current.location} placeholder='如：30.27, 120.15' maxlength={40} onInput={set('location')} />
      </Field>
      <Field label='照片' optional hint='最多9张，在站点页公开显示' error={f.fieldErrors.photos} testId='st-photos'>
        <PhotoPicker items={photos} setItems={setPhotos} max={9} onChanged={() => f.touched('photos')} testId='st-photo-picker' />
      </Field>
      {f.error ? <ErrorText>{f.error}</ErrorText> : null}
      <View className='adm-actions'>
        <Button kind='plain' onClick={onCancel}>返回</Button>
        <Button loading={f.busy} onClick={() => void save()} testId='st-save'>{station ? '保存修改' : '新建'}</Button>
      </View>
    </Card>
  )
}

function RetireForm({ station, others, onDone }: { station: AdminStationView; others: AdminStationView[]; onDone: (s: AdminStationView) => void }) {
  const f = useForm()
  const [to, setTo] = useState<string | null>(null)
  const retire = async () => {
    if (!to) {
      f.setFieldErrors({ replacedById: '请选择接替的家站点' })
      return
    }
    if (!(await confirm('撤并家站点', `确定撤并“${station.name}”吗？历史记录保留，扫它的码会引导群众前往接替的家站点，其代表转入接替的家站点。`, { confirmText: '撤并' }))) return
    const done = await f.submit((rid) => retireStation({ stationId: station.id, replacedById: to }, rid), '已撤并')
    if (done) onDone(done)
  }
  return (
    <Card title='撤并' testId='station-retire'>
      <Field label='由哪个家站点接替' required error={f.fieldErrors.replacedById} testId='st-replaced-by'>
        <ChoiceChips columns={0} size='small' options={others.map((s) => ({ value: s.id, label: s.name }))} value={to} onChange={(x) => { setTo(x); f.touched('replacedById') }} />
      </Field>
      {f.error ? <ErrorText>{f.error}</ErrorText> : null}
      <Button kind='danger' loading={f.busy} onClick={() => void retire()} testId='st-retire'>撤并</Button>
    </Card>
  )
}

function RegionForm({ onSaved }: { onSaved: () => void }) {
  const f = useForm()
  const name = useRef('')
  const [key, setKey] = useState(0)
  const save = async () => {
    const r = await f.submit((rid) => createRegion({ name: name.current }, rid), '已新建')
    if (r) {
      name.current = ''
      setKey((k) => k + 1)
      onSaved()
    }
  }
  return (
    <View key={key}>
      <Field label='新建街道（乡镇）' hint='名称以“街道”“镇”或“乡”结尾' error={f.fieldErrors.name ?? f.error} testId='rg-name'>
        <TextInput placeholder='如：湖东街道' maxlength={20} onInput={(x) => { name.current = x; f.touched('name') }} />
      </Field>
      <Button size='small' kind='secondary' loading={f.busy} onClick={() => void save()} testId='rg-save'>新建</Button>
    </View>
  )
}

/**
 * One 街道（乡镇） in the list: the admin renames it or its 人大机构 (修改), or retires it (撤销; the
 * server refuses while it still has stations, and says which). Errors next to the fields.
 */
function RegionRow({ region, onChanged }: { region: AdminRegionView; onChanged: () => void }) {
  const f = useForm()
  const [editing, setEditing] = useState(false)
  const v = useRef({ name: region.name, officeName: region.officeName })
  const editable = region.level === 'street' && !region.retired
  const open = () => {
    v.current = { name: region.name, officeName: region.officeName }
    f.setFieldErrors({})
    setEditing(true)
  }
  const save = async () => {
    const changed = {
      ...(v.current.name !== region.name && { name: v.current.name }),
      ...(v.current.officeName !== region.officeName && { officeName: v.current.officeName }),
    }
    const done = await f.submit((rid) => updateRegion({ regionId: region.id, ...changed }, rid), '已保存')
    if (done) {
      setEditing(false)
      onChanged()
    }
  }
  const retire = async () => {
    if (!(await confirm('撤销街道（乡镇）', `确定撤销“${region.name}”吗？撤销前须先撤并其下的家站点；历史记录保留。`, { confirmText: '撤销' }))) return
    const done = await f.submit((rid) => retireRegion({ regionId: region.id }, rid), '已撤销')
    if (done) onChanged()
  }
  return (
    <View className='adm-region' data-testid={`region-${region.id}`}>
      <InfoRow label={region.name}>{`${region.officeName} · 家站点 ${region.stationCount} 个${region.retired ? ' · 已撤销' : ''}`}</InfoRow>
      {editable && !editing ? (
        <View className='adm-actions'>
          <Button size='small' kind='plain' onClick={open} testId='rg-edit'>修改</Button>
          <Button size='small' kind='plain' loading={f.busy} onClick={() => void retire()} testId='rg-retire'>撤销</Button>
        </View>
      ) : null}
      {editing ? (
        <View data-testid='rg-edit-form'>
          <Field label='街道（乡镇）名称' required hint='名称以“街道”“镇”或“乡”结尾' error={f.fieldErrors.name} testId='rg-edit-name'>
            {/* What was typed, so that a re-render after a refusal keeps it (see TextInput). */}
            <TextInput defaultValue={v.current.name} maxlength={20} onInput={(x) => { v.current.name = x; f.touched('name') }} />
          </Field>
          <Field label='人大机构名称' optional hint='如：滨湖区人大常委会湖东街道工作委员会' error={f.fieldErrors.officeName} testId='rg-edit-office'>
            <TextInput defaultValue={v.current.officeName} maxlength={60} onInput={(x) => { v.current.officeName = x; f.touched('officeName') }} />
          </Field>
          <View className='adm-actions'>
            <Button size='small' kind='plain' onClick={() => setEditing(false)}>返回</Button>
            <Button size='small' loading={f.busy} onClick={() => void save()} testId='rg-edit-save'>保存修改</Button>
          </View>
        </View>
      ) : null}
      {f.error ? <View data-testid='rg-error'><ErrorText>{f.error}</ErrorText></View> : null}
    </View>
  )
}

export default function StationsPage() {
  const me = useMe()
  const isAdmin = me.data?.role === 'admin'
  const stations = useLoader(me.data ? listAdminStations : null, [me.data?.id])
  const regions = useLoader(me.data ? listRegions : null, [me.data?.id])
  const [editing, setEditing] = useState<AdminStationView | 'new' | null>(null)
  const [formKey, setFormKey] = useState(0)
  const streets = (regions.data ?? []).filter((r) => !r.retired)
  const pick = (s: AdminStationView | 'new' | null) => {
    setEditing(s)
    setFormKey((k) => k + 1)
  }
  const selected = editing && editing !== 'new' ? stations.data?.find((s) => s.id === editing.id) ?? editing : null

  return (
    <Page testId='page-admin-stations' className='adm-page'>
      <View className='adm-split'>
        <View className='adm-split__list'>
          <SectionTitle extra={isAdmin ? <Button size='small' onClick={() => pick('new')} testId='station-new'>新建家站点</Button> : undefined}>家站点</SectionTitle>
          {stations.loading && !stations.data ? <Loading /> : null}
          {stations.error ? <ErrorView message={stations.error} onRetry={() => void stations.reload()} /> : null}
          {stations.data?.map((s) => (
            <ListRow
              key={s.id}
              testId={`station-row-${s.code}`}
              selected={selected?.id === s.id}
              onClick={() => pick(s)}
              title={s.name}
              meta={`${s.kindLabel} · ${s.regionName} · 民意码 ${s.code} · 代表 ${s.deputyCount} 位${s.retired ? ` · 已撤并，由${s.replacedBy?.name ?? ''}接替` : ''}`}
              extra={s.retired ? <Tag tone='neutral'>已撤并</Tag> : undefined}
            />
          ))}
          {isAdmin ? (
            <View>
              <SectionTitle>街道（乡镇）</SectionTitle>
              <Card testId='regions'>
                {(regions.data ?? []).map((r) => (
                  <RegionRow key={`${r.id}-${r.name}-${r.officeName}-${r.retired}`} region={r} onChanged={() => { void regions.reload(true); void stations.reload(true) }} />
                ))}
                <RegionForm onSaved={() => void regions.reload(true)} />
              </Card>
            </View>
          ) : null}
        </View>
        <View className='adm-split__detail'>
          {editing && !(selected?.retired) ? (
            <StationForm
              key={formKey}
              station={selected}
              isAdmin={isAdmin}
              regions={streets.filter((r) => r.level === 'street').map((r) => ({ id: r.id, name: r.name }))}
              onCancel={() => pick(null)}
              onSaved={(s) => {
                void stations.reload(true)
                pick(s)
              }}
            />
          ) : null}
          {selected?.retired ? (
            <Card testId='station-retired'>
              <View className='adm-row__title'>{selected.name}</View>
              <View className='adm-row__meta'>已于 {selected.retiredAt?.slice(0, 10)} 撤并，由 {selected.replacedBy?.name} 接替；历史民意保留。</View>
            </Card>
          ) : null}
          {isAdmin && selected && !selected.retired ? (
            <RetireForm
              key={`r${formKey}`}
              station={selected}
              others={(stations.data ?? []).filter((s) => s.id !== selected.id && !s.retired)}
              onDone={(s) => {
                void stations.reload(true)
                pick(s)
              }}
            />
          ) : null}
          {!editing ? <View className='adm-intro'>{isAdmin ? '选择一个家站点修改或撤并，或新建家站点。' : '选择本站修改公开信息。'}</View> : null}
        </View>
      </View>
    </Page>
  )
}
