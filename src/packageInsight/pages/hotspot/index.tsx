// One hot spot: its cases (each a tap from its page), places and stations, and the two next steps:
// 起草建议 (a deputy gets a draft prefilled with the theme, a summary and the cases as evidence, through
// the existing suggestion actions; staff and the office get the prefilled draft to hand to a deputy)
// and 列入民生实事候选 (for the livelihood-projects round).
import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Card, EmptyState, ErrorText, ErrorView, Loading, Notice, Page, SectionTitle } from '../../../components'
import { getHotspots } from '../../../features/insight/api'
import { useExport } from '../../../features/insight/useExport'
import { CasesToProposal } from '../../../features/livelihood/components/CasesToProposal'
import { createSuggestion } from '../../../features/suggestions/api'
import { useMe } from '../../../features/session/hooks/useMe'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import { decodeParam, go, urls } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import '../dashboard/index.scss'

export default function HotspotPage() {
  const router = useRouter()
  const [id, setId] = useState(decodeParam(router.params.id))
  const stationId = decodeParam(router.params.stationId) || undefined
  const me = useMe()
  const list = useLoader(() => getHotspots(stationId ? { stationId } : {}), [stationId])
  const spot = list.data?.hotspots.find((h) => h.id === id) ?? null
  const [showDraft, setShowDraft] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const draftRequest = useRef<string | null>(null)
  const exporter = useExport()
  const deputy = me.data?.role === 'deputy'

  const draft = async () => {
    if (!spot) return
    if (!deputy) {
      setShowDraft(true)
      return
    }
    setBusy(true)
    setError(null)
    draftRequest.current ??= newRequestId()
    try {
      const created = await createSuggestion({ title: spot.draft.title, body: spot.draft.body, caseIds: spot.caseIds.slice(0, 50) }, draftRequest.current)
      draftRequest.current = null
      go(urls.suggestion(created.id))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page testId='page-insight-hotspot'>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error && !list.data ? <ErrorView message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && !spot && id ? <EmptyState title='这个热点已不在近90天的热点中' /> : null}
      {list.data && !id ? (
        <Card title={`近${list.data.days}天的热点难点`} testId='hotspots'>
          {list.data.hotspots.length ? null : <View className='insight-muted'>暂无反复出现的主题</View>}
          {list.data.hotspots.map((h) => (
            <View key={h.id} className='insight-row' hoverClass='insight-row--hover' onClick={() => setId(h.id)} data-testid='hotspot'>
              <View className='insight-row__main'>
                <View className='insight-row__title'>{h.theme}</View>
                <View className='insight-row__meta'>{h.category} · {h.stations.map((s) => s.name).join('、')}</View>
              </View>
              <View className='insight-row__badge'>{h.count}件</View>
            </View>
          ))}
        </Card>
      ) : null}
      {spot ? (
        <View>
          <Card title={spot.theme} extra={`${spot.count}件`} testId='hotspot-head'>
            <View className='insight-row__meta'>类别：{spot.category}</View>
            <View className='insight-row__meta'>家站点：{spot.stations.map((s) => `${s.name}（${s.count}件）`).join('、')}</View>
            {spot.places.length ? <View className='insight-row__meta'>地点：{spot.places.join('、')}</View> : null}
            {error ? <ErrorText>{error}</ErrorText> : null}
            {exporter.error ? <ErrorText>{exporter.error}</ErrorText> : null}
            <View className='insight-actions'>
              <Button onClick={() => void draft()} loading={busy} testId='draft-suggestion'>
                起草建议
              </Button>
              <Button kind='plain' size='small' loading={exporter.busy === 'hotspot'} onClick={() => void exporter.run({ table: 'hotspot', hotspotId: spot.id, stationId })} testId='export-hotspot'>
                导出Excel
              </Button>
            </View>
          </Card>
          <CasesToProposal caseIds={spot.caseIds} title={spot.theme} description={spot.draft.body} label='列入民生实事候选' testId='livelihood-candidate' />
          {showDraft ? (
            <Card title='建议草稿' testId='suggestion-draft'>
              <Notice>议案建议由代表提出：请将此草稿转交相关代表，代表在本页点「起草建议」即可生成附带以上民意的草稿。</Notice>
              <View className='insight-row__title'>{spot.draft.title}</View>
              <View className='insight-definition' data-testid='draft-body'>{spot.draft.body}</View>
              <View className='insight-actions'>
                <Button size='small' kind='secondary' onClick={() => void Taro.setClipboardData({ data: `${spot.draft.title}\n${spot.draft.body}` })} testId='copy-draft'>
                  复制草稿
                </Button>
              </View>
            </Card>
          ) : null}
          <SectionTitle extra={`共 ${spot.count} 件`}>相关民意</SectionTitle>
          <Card testId='hotspot-cases'>
            {spot.cases.map((c) => (
              <View key={c.id} className='insight-row' hoverClass='insight-row--hover' onClick={() => go(urls.workCase(c.id))}>
                <View className='insight-row__main'>
                  <View className='insight-row__title'>{c.summary}</View>
                  <View className='insight-row__meta'>
                    {c.trackingNo} · {c.stationName} · {c.createdAt.slice(0, 10)}
                  </View>
                </View>
              </View>
            ))}
          </Card>
        </View>
      ) : null}
    </Page>
  )
}
