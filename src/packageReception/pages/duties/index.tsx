// 我的值班: the deputy's upcoming reception days on duty; each opens the day's visitors.
import { View } from '@tarojs/components'
import { EmptyState, ErrorView, Loading, Page, SectionTitle } from '../../../components'
import { receptionUrls } from '../../../features/reception/routes'
import { useSignedIn } from '../../../features/session/hooks/useSignedIn'
import { useLoader } from '../../../hooks/useLoader'
import { go } from '../../../services/navigation'
import { DayListItem } from '../../components/DayListItem'
import { myDuties } from '../../lib/api'
import '../../lib/reception.scss'
import { usePullToRefresh } from '../../../hooks/usePullToRefresh'

export default function DutiesPage() {
  const signedIn = useSignedIn()
  const duties = useLoader(signedIn ? myDuties : null, [signedIn], { refreshOnShow: true })

  usePullToRefresh(duties)

  return (
    <Page testId='page-duties'>
      {duties.loading && !duties.data ? <Loading /> : null}
      {duties.error && !duties.data ? <ErrorView message={duties.error} onRetry={() => void duties.reload()} /> : null}
      {duties.data ? (
        <View>
          <SectionTitle extra={`${duties.data.length} 次`}>即将到来的值班</SectionTitle>
          {duties.data.map((d) => (
            <DayListItem key={d.id} day={d} showStation onClick={() => go(receptionUrls.day(d.id))} />
          ))}
          {!duties.data.length ? <EmptyState title='近期没有值班安排' description='工作人员安排您值班后，会显示在这里，前一天傍晚也会提醒您。' /> : null}
        </View>
      ) : null}
    </Page>
  )
}
