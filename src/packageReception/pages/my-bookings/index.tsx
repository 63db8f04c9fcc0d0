// 我的预约: the resident's reception-day bookings, upcoming first, then past ones.
import { View } from '@tarojs/components'
import { Button, EmptyState, ErrorView, Loading, Page, SectionTitle } from '../../../components'
import { ContactStaffRow } from '../../../features/a11y/ContactStaffRow'
import { useSignedIn } from '../../../features/session/hooks/useSignedIn'
import { useLoader } from '../../../hooks/useLoader'
import { go, PAGES } from '../../../services/navigation'
import { BookingCard } from '../../components/BookingCard'
import { myBookings } from '../../lib/api'
import '../../lib/reception.scss'
import { usePullToRefresh } from '../../../hooks/usePullToRefresh'

export default function MyBookingsPage() {
  const signedIn = useSignedIn()
  const list = useLoader(signedIn ? myBookings : null, [signedIn], { refreshOnShow: true })

  usePullToRefresh(list)

  return (
    <Page testId='page-my-bookings'>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error && !list.data ? <ErrorView message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data ? (
        <View>
          <SectionTitle extra={`${list.data.upcoming.length} 个`}>即将到来</SectionTitle>
          <View data-testid='upcoming-bookings'>
            {list.data.upcoming.map((b) => (
              <BookingCard key={b.id} booking={b} onChanged={() => void list.reload(true)} />
            ))}
          </View>
          {!list.data.upcoming.length ? (
            <EmptyState
              title='您还没有预约接待日'
              description='在家站点页面的“民情接待日”里点“预约”，就可以当面向人大代表反映问题。'
              action={
                <Button block onClick={() => go(PAGES.home)}>
                  去找家站点
                </Button>
              }
            />
          ) : null}
          {list.data.past.length ? (
            <View data-testid='past-bookings'>
              <SectionTitle>过去的预约</SectionTitle>
              {list.data.past.map((b) => (
                <BookingCard key={b.id} booking={b} />
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
      <ContactStaffRow />
    </Page>
  )
}
