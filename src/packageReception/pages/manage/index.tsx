// 接待日管理 (staff, admin; deputies see their stations too): the station's reception rules and its
// days, upcoming or past; each opens the day (roster, cancel or move, check-in, walk-ins, minutes).
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Card, ChoiceChips, EmptyState, ErrorView, Loading, Page, SectionTitle } from '../../../components'
import { receptionUrls } from '../../../features/reception/routes'
import { useMe } from '../../../features/session/hooks/useMe'
import { useLoader } from '../../../hooks/useLoader'
import { decodeParam, go, PAGES } from '../../../services/navigation'
import { isWorker } from '../../../services/session'
import { DayListItem } from '../../components/DayListItem'
import { stationOccurrences, stationRules } from '../../lib/api'
import { shortName } from '../../lib/format'
import '../../lib/reception.scss'
import { usePullToRefresh } from '../../../hooks/usePullToRefresh'

export default function ManagePage() {
  const router = useRouter()
  const me = useMe()
  const worker = isWorker(me.data)
  const stations = me.data?.stations ?? []
  const [chosen, setChosen] = useState<string>(decodeParam(router.params.station))
  const stationId = stations.some((s) => s.id === chosen) ? chosen : (stations[0]?.id ?? '')
  const [past, setPast] = useState(false)
  const rules = useLoader(worker && stationId ? () => stationRules(stationId) : null, [worker, stationId], { refreshOnShow: true })
  const days = useLoader(worker && stationId ? () => stationOccurrences(stationId, past) : null, [worker, stationId, past], { refreshOnShow: true })

  usePullToRefresh(days)

  if (me.data && !worker) {
    return (
      <Page>
        <EmptyState icon='lock' title='接待日管理仅供工作人员和人大代表使用' action={<Button block onClick={() => go(PAGES.home)}>回到首页</Button>} />
      </Page>
    )
  }

  return (
    <Page testId='page-reception-manage'>
      {me.loading && !me.data ? <Loading /> : null}
      {me.error && !me.data ? <ErrorView message={me.error} onRetry={() => void me.reload()} /> : null}
      {me.data ? (
        <View>
          {stations.length > 1 ? (
            <Card>
              <ChoiceChips
                columns={0}
                size='small'
                options={stations.map((s) => ({ value: s.id, label: shortName(s.name) }))}
                value={stationId}
                onChange={setChosen}
                testId='manage-station'
              />
            </Card>
          ) : null}
          {!stations.length ? <EmptyState title='您还没有所属的家站点' /> : null}
          {rules.data ? (
            <Card
              title='固定安排'
              testId='rules'
              extra={me.data.role !== 'deputy' ? <View className='rc-link' onClick={() => go(receptionUrls.rules(stationId))} data-testid='edit-rules'>修改安排 ›</View> : null}
            >
              {rules.data.length ? (
                rules.data.map((r) => (
                  <View key={r.id} className='rc-meta'>
                    {r.label}（{r.onDayOffLabel}；每 {r.slotMinutes} 分钟一个时段，每个时段 {r.slotCapacity} 人{r.active ? '' : '；已停用'}）
                  </View>
                ))
              ) : (
                <View className='rc-meta'>还没有设置接待日规则</View>
              )}
            </Card>
          ) : null}
          <ChoiceChips
            columns={2}
            options={[
              { value: 'upcoming', label: '近期接待日' },
              { value: 'past', label: '已过去的' },
            ]}
            value={past ? 'past' : 'upcoming'}
            onChange={(v) => setPast(v === 'past')}
            testId='manage-period'
          />
          <SectionTitle>{past ? '已过去的接待日' : '近期接待日'}</SectionTitle>
          {days.loading && !days.data ? <Loading /> : null}
          {days.error ? <ErrorView message={days.error} onRetry={() => void days.reload()} /> : null}
          {days.data?.map((d) => <DayListItem key={d.id} day={d} onClick={() => go(receptionUrls.day(d.id))} />)}
          {days.data && !days.data.length ? <EmptyState title={past ? '还没有已过去的接待日' : '近期没有接待日'} /> : null}
        </View>
      ) : null}
    </Page>
  )
}
