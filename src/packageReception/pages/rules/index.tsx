// 接待日安排: the station's recurring reception rules. Staff (and the district admin) change them or
// add one; deputies see them. After a change the page says what happened to the coming days and
// lists the days kept because residents hold places in them (to move or cancel on the day's page).
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ReceptionRuleView } from '@minyi/types/receptionViews'
import { Button, Card, ChoiceChips, EmptyState, ErrorView, Loading, Notice, Page, Tag } from '../../../components'
import { receptionUrls } from '../../../features/reception/routes'
import { useMe } from '../../../features/session/hooks/useMe'
import { useLoader } from '../../../hooks/useLoader'
import { decodeParam, go, PAGES } from '../../../services/navigation'
import { isWorker } from '../../../services/session'
import { formatCalendarDay } from '../../../utils/format'
import { RuleForm, type SaveRuleResult } from '../../components/RuleForm'
import { stationRules } from '../../lib/api'
import { shortName, span } from '../../lib/format'
import '../../lib/reception.scss'

function RuleCard({ rule, canEdit, onEdit }: { rule: ReceptionRuleView; canEdit: boolean; onEdit: () => void }) {
  return (
    <Card testId='rule-card'>
      <View className='rc-row'>
        <View className='rc-rule__label' data-testid='rule-label'>
          {rule.label}
        </View>
        {rule.active ? null : <Tag tone='neutral'>已停用</Tag>}
      </View>
      <View className='rc-meta'>{rule.onDayOffLabel}</View>
      <View className='rc-meta'>
        每 {rule.slotMinutes} 分钟一个预约时段，每个时段接待 {rule.slotCapacity} 人；接待开始前 {rule.cancelCutoffMinutes >= 60 && rule.cancelCutoffMinutes % 60 === 0 ? `${rule.cancelCutoffMinutes / 60} 小时` : `${rule.cancelCutoffMinutes} 分钟`}停止网上取消
      </View>
      <View className='rc-meta'>默认值班代表：{rule.defaultDuty.length ? rule.defaultDuty.map((d) => d.name).join('、') : '未安排'}</View>
      <View className='rc-meta'>自{formatCalendarDay(rule.effectiveFrom)}起按此安排</View>
      {canEdit ? (
        <View className='rc-actions'>
          <Button kind='secondary' onClick={onEdit} testId='edit-rule'>
            修改安排
          </Button>
        </View>
      ) : null}
    </Card>
  )
}

function SavedNotice({ result }: { result: SaveRuleResult }) {
  const changes = [
    result.created ? `新增 ${result.created} 个接待日` : '',
    result.updated ? `调整 ${result.updated} 个` : '',
    result.retired ? `取消 ${result.retired} 个不再适用的` : '',
  ].filter(Boolean)
  return (
    <Notice tone='success' title={`已保存：${result.rule.label}`} testId='rule-saved'>
      <View>{changes.length ? `${changes.join('，')}。` : '近期接待日没有变化。'}新安排自{formatCalendarDay(result.rule.effectiveFrom)}起生效，群众在家站点页面和预约页看到的是新安排。</View>
      {result.keptWithBookings.length ? (
        <View data-testid='kept-with-bookings'>
          <View className='rc-warn'>以下接待日已有群众预约，保持原样，请在接待日页面调整或取消（会通知已预约的群众）：</View>
          {result.keptWithBookings.map((d) => (
            <View key={d.id} className='rc-link' onClick={() => go(receptionUrls.day(d.id))} data-testid='kept-day'>
              {formatCalendarDay(d.date)} {span(d.start, d.end)} ›
            </View>
          ))}
        </View>
      ) : null}
    </Notice>
  )
}

export default function RulesPage() {
  const router = useRouter()
  const me = useMe()
  const worker = isWorker(me.data)
  const canEdit = me.data?.role === 'staff' || me.data?.role === 'admin'
  const stations = me.data?.stations ?? []
  const [chosen, setChosen] = useState<string>(decodeParam(router.params.station))
  const stationId = stations.some((s) => s.id === chosen) ? chosen : (stations[0]?.id ?? '')
  const [editing, setEditing] = useState<ReceptionRuleView | 'new' | null>(null)
  const [saved, setSaved] = useState<SaveRuleResult | null>(null)
  const rules = useLoader(worker && stationId ? () => stationRules(stationId) : null, [worker, stationId])

  if (me.data && !worker) {
    return (
      <Page>
        <EmptyState icon='lock' title='接待日安排仅供工作人员和人大代表查看' action={<Button block onClick={() => go(PAGES.home)}>回到首页</Button>} />
      </Page>
    )
  }

  return (
    <Page testId='page-reception-rules'>
      {me.loading && !me.data ? <Loading /> : null}
      {me.error && !me.data ? <ErrorView message={me.error} onRetry={() => void me.reload()} /> : null}
      {me.data && !stations.length ? <EmptyState title='您还没有所属的家站点' /> : null}
      {me.data && stations.length > 1 && !editing ? (
        <Card>
          <ChoiceChips
            columns={0}
            size='small'
            options={stations.map((s) => ({ value: s.id, label: shortName(s.name) }))}
            value={stationId}
            onChange={(v) => {
              setChosen(v)
              setSaved(null)
            }}
            testId='rules-station'
          />
        </Card>
      ) : null}
      {editing && stationId ? (
        <Card title={editing === 'new' ? '新增接待日安排' : '修改接待日安排'}>
          <RuleForm
            key={editing === 'new' ? 'new' : editing.id}
            stationId={stationId}
            rule={editing === 'new' ? undefined : editing}
            onCancel={() => setEditing(null)}
            onSaved={(result) => {
              setEditing(null)
              setSaved(result)
              void rules.reload(true)
            }}
          />
        </Card>
      ) : null}
      {!editing && stationId ? (
        <View>
          {saved ? <SavedNotice result={saved} /> : null}
          <View className='rc-meta rc-rule__intro'>
            {shortName(stations.find((s) => s.id === stationId)?.name ?? '')}的民情接待日固定安排。修改后，3天以后的接待日按新安排生成；已有群众预约的接待日不会自动改动。
          </View>
          {rules.loading && !rules.data ? <Loading /> : null}
          {rules.error ? <ErrorView message={rules.error} onRetry={() => void rules.reload()} /> : null}
          {rules.data?.map((rule) => <RuleCard key={rule.id} rule={rule} canEdit={canEdit} onEdit={() => { setSaved(null); setEditing(rule) }} />)}
          {rules.data && !rules.data.length ? <EmptyState title='还没有设置接待日安排' /> : null}
          {canEdit && rules.data ? (
            <Button kind={rules.data.length ? 'plain' : 'primary'} block onClick={() => { setSaved(null); setEditing('new') }} testId='new-rule'>
              新增一条接待日安排
            </Button>
          ) : null}
        </View>
      ) : null}
    </Page>
  )
}
