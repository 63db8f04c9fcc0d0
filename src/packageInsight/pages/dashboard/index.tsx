// 统计分析: station staff see their station, the congress office its level and below. Cases per
// month/week, by category, station and channel (charts), the three rates with their definitions,
// response times, units and stations ranked, overdue and 督办 lists, hot spots; every table exports.
import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import type { DashboardCase } from '@minyi/types/insight'
import { Button, Card, ChoiceChips, EmptyState, ErrorText, ErrorView, Loading, Page, SectionTitle } from '../../../components'
import { getDashboard, getHotspots } from '../../../features/insight/api'
import { Chart, barOption, lineOption, pieOption } from '../../../features/insight/components/Chart'
import { Rate } from '../../../features/insight/components/Rate'
import { useExport } from '../../../features/insight/useExport'
import { useLoader } from '../../../hooks/useLoader'
import { usePullToRefresh } from '../../../hooks/usePullToRefresh'
import { go, urls } from '../../../services/navigation'
import './index.scss'

const ALL = 'all'

function monthsBack(n: number): { from: string; to: string } {
  const now = new Date(Date.now() + 8 * 3600_000)
  const to = now.toISOString().slice(0, 7)
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (n - 1), 1))
  return { from: d.toISOString().slice(0, 7), to }
}

const PERIODS = [
  { value: '12', label: '近12个月' },
  { value: '3', label: '近3个月' },
  { value: 'year', label: '今年' },
] as const

function CaseRows({ items, testId }: { items: DashboardCase[]; testId: string }) {
  if (!items.length) return <View className='insight-muted'>暂无</View>
  return (
    <View data-testid={testId}>
      {items.slice(0, 20).map((c) => (
        <View key={c.id} className='insight-row' hoverClass='insight-row--hover' onClick={() => go(urls.workCase(c.id))}>
          <View className='insight-row__main'>
            <View className='insight-row__title'>{c.summary}</View>
            <View className='insight-row__meta'>
              {c.trackingNo} · {c.stationName} · {c.holder} · 期限 {c.dueDate ?? '—'}
            </View>
          </View>
          <View className='insight-row__badge'>超期{c.overdueDays}天</View>
        </View>
      ))}
    </View>
  )
}

export default function DashboardPage() {
  const [period, setPeriod] = useState<string>('12')
  const [stationId, setStationId] = useState<string>(ALL)
  const range = useMemo(() => (period === 'year' ? { from: `${monthsBack(1).to.slice(0, 4)}-01`, to: monthsBack(1).to } : monthsBack(Number(period))), [period])
  const query = { ...range, ...(stationId === ALL ? {} : { stationId }) }
  const view = useLoader(() => getDashboard(query), [range.from, range.to, stationId], { refreshOnShow: false })
  const spots = useLoader(() => getHotspots(stationId === ALL ? {} : { stationId }), [stationId])
  const exporter = useExport()
  usePullToRefresh(view, spots)
  const d = view.data

  const exportButton = (table: Parameters<typeof exporter.run>[0]['table'], label = '导出Excel') => (
    <Button size='small' kind='plain' loading={exporter.busy === table} onClick={() => void exporter.run({ table, ...query })} testId={`export-${table}`}>
      {label}
    </Button>
  )

  return (
    <Page testId='page-insight-dashboard'>
      {view.loading && !d ? <Loading /> : null}
      {view.error && !d ? <ErrorView message={view.error} onRetry={() => void view.reload()} /> : null}
      {d ? (
        <View>
          <Card>
            <View className='insight-scope' data-testid='insight-scope'>
              {d.scopeLabel} · {d.from} 至 {d.to}
            </View>
            <ChoiceChips options={PERIODS} value={period} onChange={setPeriod} columns={3} size='small' testId='period' />
            {d.stationOptions.length > 1 || stationId !== ALL ? (
              <ChoiceChips
                options={[{ value: ALL, label: '全部家站点' }, ...d.stationOptions.map((s) => ({ value: s.id, label: s.name.replace(/^.*街道/, '') }))]}
                value={stationId}
                onChange={setStationId}
                columns={0}
                size='small'
                testId='station-filter'
              />
            ) : null}
            <View className='insight-kpis'>
              <View className='insight-kpi' data-testid='kpi-received'>
                <View className='insight-kpi__value'>{d.received}</View>
                <View className='insight-kpi__label'>受理民意（件）</View>
              </View>
              <View className='insight-kpi'>
                <View className='insight-kpi__value'>{d.seconds}</View>
                <View className='insight-kpi__label'>群众附议（人次）</View>
              </View>
              <View className='insight-kpi'>
                <View className='insight-kpi__value'>{d.overdue.length}</View>
                <View className='insight-kpi__label'>超期未办结</View>
              </View>
            </View>
            <View className='insight-definition'>受理量：期间内提交的民意件数（按提交日计）；附议不另计件，并案件计入受理量</View>
            {exporter.error ? <ErrorText>{exporter.error}</ErrorText> : null}
            <View className='insight-actions'>{exportButton('cases', '导出期间全部民意（存档）')}</View>
          </Card>

          <SectionTitle>办理成效</SectionTitle>
          <Card testId='rates'>
            <Rate title='办结率' value={d.closureRate.value} detail={`${d.closureRate.numerator} / ${d.closureRate.denominator} 件`} definition={d.closureRate.definition} testId='rate-closure' />
            <Rate title='按时办结率' value={d.onTimeRate.value} detail={`${d.onTimeRate.numerator} / ${d.onTimeRate.denominator} 件`} definition={d.onTimeRate.definition} testId='rate-ontime' />
            <Rate title='满意率' value={d.satisfactionRate.value} detail={`${d.satisfactionRate.numerator} / ${d.satisfactionRate.denominator} 件`} definition={d.satisfactionRate.definition} testId='rate-satisfaction' />
            <Rate title='平均首次响应' value={d.avgFirstAnswerHours.value} unit='小时' definition={d.avgFirstAnswerHours.definition} />
            <Rate title='平均答复用时' value={d.avgReplyHours.value} unit='小时' definition={d.avgReplyHours.definition} />
          </Card>

          <SectionTitle>受理趋势</SectionTitle>
          <Card title='按月' testId='chart-month'>
            <Chart label='按月受理量' option={barOption(d.byMonth)} />
          </Card>
          <Card title='按周' testId='chart-week'>
            {d.byWeek.length ? <Chart label='按周受理量' option={lineOption(d.byWeek.slice(-26))} /> : <View className='insight-muted'>暂无</View>}
          </Card>
          <Card title='按类别' extra={exportButton('categories')} testId='chart-category'>
            {d.byCategory.length ? <Chart label='按类别' option={barOption(d.byCategory, { horizontal: true })} height={Math.max(160, d.byCategory.length * 28 + 40)} /> : <View className='insight-muted'>暂无</View>}
          </Card>
          <Card title='按渠道' testId='chart-channel'>
            <Chart label='按渠道' option={pieOption(d.byChannel)} height={240} />
          </Card>
          <Card title='按家站点' testId='chart-station'>
            <Chart label='按家站点' option={barOption(d.byStation.map((s) => ({ ...s, label: s.label.replace(/^.*街道/, '') })), { horizontal: true })} height={Math.max(140, d.byStation.length * 28 + 40)} />
          </Card>

          <SectionTitle extra={spots.data ? `近${spots.data.days}天` : undefined}>热点难点</SectionTitle>
          <Card testId='hotspots'>
            {spots.loading && !spots.data ? <Loading /> : null}
            {spots.data && !spots.data.hotspots.length ? <View className='insight-muted'>近90天暂无反复出现的主题</View> : null}
            {spots.data?.hotspots.map((h) => (
              <View key={h.id} className='insight-row' hoverClass='insight-row--hover' onClick={() => go(urls.insightHotspot({ id: h.id, stationId: stationId === ALL ? undefined : stationId }))} data-testid='hotspot'>
                <View className='insight-row__main'>
                  <View className='insight-row__title'>{h.theme}</View>
                  <View className='insight-row__meta'>
                    {h.category} · {h.stations.map((s) => s.name.replace(/^.*街道/, '')).join('、')}
                  </View>
                </View>
                <View className='insight-row__badge'>{h.count}件</View>
              </View>
            ))}
          </Card>

          <SectionTitle>承办单位排名</SectionTitle>
          <Card extra={exportButton('units')} testId='units'>
            {d.units.length ? (
              <View className='insight-table'>
                <View className='insight-table__row insight-table__row--head'>
                  <View className='insight-table__name'>承办单位</View>
                  <View>件数</View>
                  <View>按时率</View>
                  <View>满意率</View>
                </View>
                {d.units.map((u) => (
                  <View key={u.id} className='insight-table__row'>
                    <View className='insight-table__name'>{u.name}</View>
                    <View>{u.count}</View>
                    <View>{u.onTimeRate === null ? '—' : `${u.onTimeRate}%`}</View>
                    <View>{u.satisfactionRate === null ? '—' : `${u.satisfactionRate}%`}</View>
                  </View>
                ))}
              </View>
            ) : (
              <View className='insight-muted'>期间内暂无转办件</View>
            )}
          </Card>

          <SectionTitle>家站点排名</SectionTitle>
          <Card extra={exportButton('stations')} testId='stations'>
            <View className='insight-table'>
              <View className='insight-table__row insight-table__row--head'>
                <View className='insight-table__name'>家站点</View>
                <View>件数</View>
                <View>按时率</View>
                <View>满意率</View>
              </View>
              {d.stations.map((s) => (
                <View key={s.id} className='insight-table__row'>
                  <View className='insight-table__name'>{s.name.replace(/^.*街道/, '')}</View>
                  <View>{s.count}</View>
                  <View>{s.onTimeRate === null ? '—' : `${s.onTimeRate}%`}</View>
                  <View>{s.satisfactionRate === null ? '—' : `${s.satisfactionRate}%`}</View>
                </View>
              ))}
            </View>
          </Card>

          <SectionTitle extra={`${d.overdue.length} 件`}>超期清单</SectionTitle>
          <Card extra={exportButton('overdue')}>
            <CaseRows items={d.overdue} testId='overdue' />
          </Card>
          <SectionTitle extra={`${d.supervised.length} 件`}>督办清单</SectionTitle>
          <Card extra={exportButton('supervised')}>
            <CaseRows items={d.supervised} testId='supervised' />
          </Card>
        </View>
      ) : null}
      {d === null && !view.loading && !view.error ? <EmptyState title='暂无数据' /> : null}
    </Page>
  )
}
