// 我的票决 for a deputy: the rounds in which they vote, and the chosen projects they supervise.
import { View } from '@tarojs/components'
import { Button, Card, ErrorView, Loading, Page, SectionTitle, Tag } from '../../../components'
import { livelihoodApi } from '../../../features/livelihood/api'
import { livelihoodUrls } from '../../../features/livelihood/routes'
import { useSignedIn } from '../../../features/session/hooks/useSignedIn'
import { useLoader } from '../../../hooks/useLoader'
import { go } from '../../../services/navigation'
import { ProjectRow } from '../../lib/shared'
import '../../lib/livelihood.scss'

async function load() {
  const [rounds, projects] = await Promise.all([livelihoodApi.rounds(), livelihoodApi.myProjects()])
  return { rounds, projects }
}

export default function DeputyPage() {
  const signedIn = useSignedIn()
  const data = useLoader(signedIn ? load : null, [signedIn], { refreshOnShow: true })
  const d = data.data
  return (
    <Page testId='page-livelihood-deputy'>
      {data.loading && !d ? <Loading /> : null}
      {data.error && !d ? <ErrorView message={data.error} onRetry={() => void data.reload()} /> : null}
      {d ? (
        <View>
          <SectionTitle>民生实事票决</SectionTitle>
          <Card testId='deputy-rounds'>
            {d.rounds.length ? (
              d.rounds.map((r) => (
                <View key={r.id} className='lv-item' data-testid='deputy-round'>
                  <View className='lv-row'>
                    <View className='lv-title'>{r.title}</View>
                    <Tag tone='info'>{r.statusLabel}</Tag>
                  </View>
                  <View className='lv-muted'>{r.inElectorate ? '您是本轮应投票代表' : '您不参加本轮票决'}</View>
                  <View className='lv-actions'>
                    {r.inElectorate && r.status === 'voting' ? (
                      <Button size='small' onClick={() => go(livelihoodUrls.vote(r.id))} testId='open-ballot'>
                        去投票
                      </Button>
                    ) : null}
                    <Button size='small' kind='secondary' onClick={() => go(livelihoodUrls.round({ id: r.id }))}>
                      查看
                    </Button>
                  </View>
                </View>
              ))
            ) : (
              <View className='lv-muted'>暂时没有票决。</View>
            )}
          </Card>
          <SectionTitle extra={`${d.projects.length} 个`}>我监督的项目</SectionTitle>
          <Card testId='supervised-projects'>
            {d.projects.length ? d.projects.map((p) => <ProjectRow key={p.id} project={p} />) : <View className='lv-muted'>还没有安排您监督的项目。</View>}
          </Card>
        </View>
      ) : null}
    </Page>
  )
}
