// 代表履职档案: the deputies whose records the caller may open (staff: their stations'; the office: the district's).
import { View } from '@tarojs/components'
import { Card, EmptyState, ErrorView, Loading, Page } from '../../../components'
import { listRecordDeputies } from '../../../features/insight/api'
import { useLoader } from '../../../hooks/useLoader'
import { go, urls } from '../../../services/navigation'
import '../dashboard/index.scss'

export default function RecordsPage() {
  const list = useLoader(listRecordDeputies, [])
  return (
    <Page testId='page-insight-records'>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error && !list.data ? <ErrorView message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && !list.data.length ? <EmptyState title='暂无可查看的代表' /> : null}
      {list.data?.length ? (
        <Card>
          {list.data.map((d) => (
            <View key={d.id} className='insight-row' hoverClass='insight-row--hover' onClick={() => go(urls.insightRecord({ deputyId: d.id }))} data-testid='record-deputy'>
              <View className='insight-row__main'>
                <View className='insight-row__title'>{d.name}</View>
                <View className='insight-row__meta'>{d.stations.join('、')}</View>
              </View>
              <View className='insight-row__badge'>查看档案</View>
            </View>
          ))}
        </Card>
      ) : null}
    </Page>
  )
}
