// 承办单位与分办: the district's and each street's handling units with their contacts, and each
// level's routing map (类别 → 承办单位) that the triage suggestion follows from the next case on.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { AdminUnitView, RoutingMapView } from '@minyi/types/adminViews'
import { Button, Card, ChoiceChips, ErrorText, ErrorView, Field, Loading, Page, SectionTitle, Tag, TextInput } from '../../../components'
import { createUnit, listAdminUnits, setRouting, updateUnit } from '../../../features/admin/api'
import { useForm } from '../../../features/admin/useForm'
import { useLoader } from '../../../hooks/useLoader'
import { newRequestId } from '../../../services/requestId'
import { errorMessage } from '../../../services/api'
import '../../../features/admin/components/admin.scss'

const NONE = 'none'

function RoutingForm({ map, units, onSaved }: { map: RoutingMapView; units: AdminUnitView[]; onSaved: () => void }) {
  const f = useForm()
  const [choice, setChoice] = useState<Record<string, string>>(Object.fromEntries(map.entries.map((e) => [e.category, e.unitId ?? NONE])))
  const options = [{ value: NONE, label: '不设' }, ...units.filter((u) => u.regionId === map.regionId && !u.retired).map((u) => ({ value: u.id, label: u.name }))]
  const save = async () => {
    const entries = map.entries.map((e) => ({ category: e.category, unitId: choice[e.category] === NONE ? null : choice[e.category] }))
    if (await f.submit((rid) => setRouting({ regionId: map.regionId, entries }, rid), '已保存')) onSaved()
  }
  return (
    <Card title={`${map.regionName}分办规则`} testId={`routing-${map.regionId}`}>
      <View className='adm-table'>
        {map.entries.map((e) => (
          <View key={e.category} className='adm-table__row' data-testid={`routing-${map.regionId}-${e.category}`}>
            <View className='adm-table__key'>{e.categoryLabel}</View>
            <View className='adm-table__value'>
              <ChoiceChips columns={0} size='small' options={options} value={choice[e.category]} onChange={(x) => { setChoice({ ...choice, [e.category]: x }); f.touched(`entries`) }} />
            </View>
          </View>
        ))}
      </View>
      {f.error || f.fieldErrors.entries ? <ErrorText>{f.error ?? f.fieldErrors.entries}</ErrorText> : null}
      <View className='adm-actions'>
        <Button loading={f.busy} onClick={() => void save()} testId={`routing-save-${map.regionId}`}>保存分办规则</Button>
      </View>
    </Card>
  )
}

function UnitForm({ regions, unit, onSaved }: { regions: Array<{ id: string; name: string }>; unit?: AdminUnitView; onSaved: () => void }) {
  const f = useForm()
  const v = useRef({ name: unit?.name ?? '', contactName: unit?.contactName ?? '', contactPhone: unit?.contactPhone ?? '' })
  const [regionId, setRegionId] = useState<string | null>(unit?.regionId ?? null)
  const set = (key: keyof typeof v.current) => (value: string) => {
    v.current[key] = value
    f.touched(key)
  }
  const save = async () => {
    if (!regionId) {
      f.setFieldErrors({ regionId: '请选择区级或街道级' })
      return
    }
    const ok = await f.submit((rid) => (unit ? updateUnit({ unitId: unit.id, ...v.current }, rid) : createUnit({ regionId, ...v.current }, rid)), unit ? '已保存' : '已新建')
    if (ok) onSaved()
  }
  return (
    <View data-testid={unit ? `unit-form-${unit.id}` : 'unit-form'}>
      {!unit ? (
        <Field label='层级' required error={f.fieldErrors.regionId} testId='un-region'>
          <ChoiceChips columns={3} size='small' options={regions.map((r) => ({ value: r.id, label: r.name }))} value={regionId} onChange={(x) => { setRegionId(x); f.touched('regionId') }} />
        </Field>
      ) : null}
      <Field label='单位名称' required error={f.fieldErrors.name} testId='un-name'>
        <TextInput defaultValue={unit?.name} placeholder='如：湖滨街道城市管理中队' maxlength={40} onInput={set('name')} />
      </Field>
      <Field label='联系人' optional error={f.fieldErrors.contactName} testId='un-contact'>
        <TextInput defaultValue={unit?.contactName} placeholder='如：周队长' maxlength={20} onInput={set('contactName')} />
      </Field>
      <Field label='联系电话' optional error={f.fieldErrors.contactPhone} testId='un-phone'>
        <TextInput defaultValue={unit?.contactPhone} placeholder='如：0571-8765 9900' maxlength={30} onInput={set('contactPhone')} />
      </Field>
      {f.error ? <ErrorText>{f.error}</ErrorText> : null}
      <Button size='small' loading={f.busy} onClick={() => void save()} testId='un-save'>{unit ? '保存' : '新建承办单位'}</Button>
    </View>
  )
}

export default function UnitsPage() {
  const data = useLoader(listAdminUnits, [])
  const [editing, setEditing] = useState<string | null>(null)
  const [key, setKey] = useState(0)
  const reload = () => {
    setKey((k) => k + 1)
    setEditing(null)
    void data.reload(true)
  }
  const toggleRetired = async (u: AdminUnitView) => {
    try {
      await updateUnit({ unitId: u.id, retired: !u.retired }, newRequestId())
      reload()
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    }
  }
  return (
    <Page testId='page-admin-units' className='adm-page'>
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorView message={data.error} onRetry={() => void data.reload()} /> : null}
      {data.data ? (
        <View className='adm-split' key={key}>
          <View className='adm-split__list'>
            <SectionTitle>承办单位</SectionTitle>
            {data.data.units.map((u) => (
              <Card key={u.id} testId={`unit-${u.id}`}>
                <View className='adm-row'>
                  <View>
                    <View className='adm-row__title'>{u.name}</View>
                    <View className='adm-row__meta'>{`${u.levelLabel} · ${u.regionName} · ${u.contactName || '未填联系人'} ${u.contactPhone}`}</View>
                  </View>
                  {u.retired ? <Tag tone='neutral'>已停用</Tag> : null}
                </View>
                <View className='adm-actions'>
                  <Button size='small' kind='secondary' onClick={() => setEditing(editing === u.id ? null : u.id)}>修改</Button>
                  <Button size='small' kind='plain' onClick={() => void toggleRetired(u)}>{u.retired ? '恢复' : '停用'}</Button>
                </View>
                {editing === u.id ? <UnitForm regions={[]} unit={u} onSaved={reload} /> : null}
              </Card>
            ))}
            <Card title='新建承办单位'>
              <UnitForm regions={data.data.routing.map((r) => ({ id: r.regionId, name: r.regionName }))} onSaved={reload} />
            </Card>
          </View>
          <View className='adm-split__detail'>
            <SectionTitle>分办规则（类别 → 承办单位）</SectionTitle>
            <View className='adm-intro'>分类建议先看家站点所在街道的规则，街道“不设”的类别再看区级规则；区级也不设的，由工作人员选择承办单位。保存后，下一次打开民意的分办建议即按新规则。</View>
            {data.data.routing.map((m) => (
              <RoutingForm key={m.regionId} map={m} units={data.data!.units} onSaved={reload} />
            ))}
          </View>
        </View>
      ) : null}
    </Page>
  )
}
