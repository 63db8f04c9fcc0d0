// 民生实事 for residents (and everyone): the current round, its proposals with 附议, the candidate
// projects, the results with counts, and the progress of the chosen projects.
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRef } from 'react'
import type { ProposalView } from '@minyi/types/livelihoodViews'
import { Button, Card, EmptyState, ErrorView, Loading, Notice, Page, SectionTitle, Tag } from '../../../components'
import { askForProjectNotices, livelihoodApi } from '../../../features/livelihood/api'
import { livelihoodUrls } from '../../../features/livelihood/routes'
import { useMe } from '../../../features/session/hooks/useMe'
import { useSignedIn } from '../../../features/session/hooks/useSignedIn'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import { decodeParam, go } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import { ProjectRow, ResultsTable, toast } from '../../lib/shared'
import '../../lib/livelihood.scss'

async function loadRound(id: string) {
  const roundId = id || (await livelihoodApi.rounds()).find((r) => r.status !== 'closed')?.id
  if (!roundId) return null
  const round = await livelihoodApi.round(roundId)
  const [proposals, candidates, results] = await Promise.all([
    livelihoodApi.proposals(roundId),
    livelihoodApi.candidates(roundId),
    livelihoodApi.results(roundId),
  ])
  return { round, proposals, candidates, results }
}

function ProposalItem({ p, canSupport, onSupported }: { p: ProposalView; canSupport: boolean; onSupported: () => void }) {
  const requestId = useRef(newRequestId())
  const support = async () => {
    // Before any await: WeChat asks for the subscription only from the tap itself.
    void askForProjectNotices()
    try {
      await livelihoodApi.support(p.id, requestId.current)
      toast('已附议')
      onSupported()
    } catch (e) {
      toast(errorMessage(e))
    }
  }
  return (
    <View className='lv-item' data-testid='proposal-item'>
      <View className='lv-row'>
        <View className='lv-title'>{p.title}</View>
        {p.status !== 'approved' ? <Tag tone='warning'>{p.statusLabel}</Tag> : null}
      </View>
      <View className='lv-text'>{p.description}</View>
      {p.place ? <View className='lv-muted'>地点：{p.place} · 受益：{p.beneficiaries}</View> : null}
      <View className='lv-row'>
        <View className='lv-muted' data-testid='support-count'>
          {p.supportCount} 人附议{p.isMine ? ' · 我提出的' : ''}
        </View>
        {canSupport && p.status === 'approved' && !p.isMine ? (
          p.supportedByMe ? (
            <Tag tone='success'>已附议</Tag>
          ) : (
            <Button size='small' onClick={() => void support()} testId='support-button'>
              附议 +1
            </Button>
          )
        ) : null}
      </View>
    </View>
  )
}

export default function RoundPage() {
  const router = useRouter()
  const id = decodeParam(router.params.id)
  const station = decodeParam(router.params.station)
  const signedIn = useSignedIn()
  const me = useMe()
  const data = useLoader(signedIn ? () => loadRound(id) : null, [signedIn, id], { refreshOnShow: true })
  const d = data.data
  const role = me.data?.role
  const status = d?.round.status

  return (
    <Page testId='page-livelihood-round'>
      {data.loading && !d ? <Loading /> : null}
      {data.error && !d ? <ErrorView message={data.error} onRetry={() => void data.reload()} /> : null}
      {!data.loading && !data.error && !d ? <EmptyState title='暂时没有进行中的民生实事项目征集' description='每年人大机关会向群众征集下一年的民生实事项目，敬请关注。' /> : null}
      {d ? (
        <View>
          <Card testId='round-header'>
            <View className='lv-row'>
              <View className='lv-title'>{d.round.title}</View>
              <Tag tone='info'>{d.round.statusLabel}</Tag>
            </View>
            <View className='lv-muted'>
              {d.round.regionName} · {d.round.levelLabel} · 征集时间 {d.round.collectFrom} 至 {d.round.collectUntil}
            </View>
            {d.round.description ? <View className='lv-text'>{d.round.description}</View> : null}
            <View className='lv-text'>
              民生实事项目由群众提出、人大代表票决、政府实施、代表监督、群众评价。您可以提出建议，也可以为别人的建议附议。
            </View>
          </Card>

          {role === 'resident' && status === 'collecting' ? (
            <Button block size='large' onClick={() => go(livelihoodUrls.propose(d.round.id, station || undefined))} testId='propose-button'>
              我要提建议
            </Button>
          ) : null}
          {d.round.inElectorate && status === 'voting' ? (
            <Button block size='large' onClick={() => go(livelihoodUrls.vote(d.round.id))} testId='go-vote'>
              去投票
            </Button>
          ) : null}
          {d.round.canManage ? (
            <Button block kind='secondary' onClick={() => go(livelihoodUrls.manage(d.round.id))} testId='go-manage'>
              管理本轮票决
            </Button>
          ) : null}

          {d.results.published ? (
            <View>
              <SectionTitle>票决结果</SectionTitle>
              <Card testId='round-results'>
                <ResultsTable results={d.results} />
              </Card>
              <SectionTitle>当选项目实施进度</SectionTitle>
              <Card testId='chosen-projects'>
                {d.candidates
                  .filter((c) => c.status === 'chosen')
                  .map((c) => (
                    <ProjectRow key={c.id} project={c} />
                  ))}
              </Card>
            </View>
          ) : null}

          {status === 'voting' ? (
            <View>
              <SectionTitle extra={`${d.candidates.length} 个`}>候选项目（代表票决中）</SectionTitle>
              <Notice tone='info'>
                人大代表正在无记名投票，已有 {d.results.turnout}/{d.results.electorateSize} 位代表投票，结果公布后在这里显示。
              </Notice>
              <Card testId='candidate-list'>
                {d.candidates.map((c) => (
                  <ProjectRow key={c.id} project={c} />
                ))}
              </Card>
            </View>
          ) : null}

          <SectionTitle extra={`${d.proposals.length} 条`}>群众的建议</SectionTitle>
          <Card testId='proposal-list'>
            {d.proposals.length ? (
              d.proposals.map((p) => (
                <ProposalItem key={p.id} p={p} canSupport={role === 'resident' && (status === 'collecting' || status === 'shortlisting')} onSupported={() => void data.reload(true)} />
              ))
            ) : (
              <View className='lv-muted'>还没有公开的建议。</View>
            )}
          </Card>
        </View>
      ) : null}
    </Page>
  )
}
