import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { Button, Card, EmptyState, ErrorView, Icon, Loading, Page, SectionTitle } from '../../components'
import { ContactStaffRow } from '../../features/a11y/ContactStaffRow'
import { showUnreadBadge } from '../../features/notifications/badge'
import { PrivacyPrompt } from '../../features/privacy/components/PrivacyPrompt'
import { useMe } from '../../features/session/hooks/useMe'
import { listStations } from '../../features/stations/api'
import { StationListItem } from '../../features/stations/components/StationListItem'
import { scanAndOpen } from '../../features/stations/scanCode'
import { useLoader } from '../../hooks/useLoader'
import { go, PAGES } from '../../services/navigation'
import { isWorker } from '../../services/session'
import { LivelihoodEntry } from '../../features/livelihood/components/LivelihoodEntry'
import { LIVELIHOOD_PAGES } from '../../features/livelihood/routes'
import './index.scss'
import { usePullToRefresh } from '../../hooks/usePullToRefresh'

export default function HomePage() {
  const me = useMe()
  const stations = useLoader(me.signedIn ? listStations : null, [me.signedIn])

  useEffect(() => {
    if (me.data) showUnreadBadge(me.data.unreadNotifications)
  }, [me.data])

  usePullToRefresh(stations, me)

  return (
    <Page testId='page-home'>
      <View className='home-hero'>
        <View className='home-hero__title'>民意通</View>
        <View className='home-hero__slogan'>有事找代表，民意有回音</View>
        <View className='home-hero__text'>
          向人大代表反映您身边的问题和建议，随时查看办理进度。
        </View>
      </View>

      {process.env.TARO_ENV === 'weapp' ? (
        <View className='home-scan'>
          <Button size='large' onClick={() => void scanAndOpen()} testId='scan-button'>
            <View className='home-scan__label'>
              <Icon name='scan' size='small' />
              <View className='home-scan__text'>扫一扫 民意码</View>
            </View>
          </Button>
          <View className='home-scan__hint'>扫描联络站公示栏上的二维码，直接向该站的代表反映。</View>
        </View>
      ) : null}

      <View className='home-entries'>
        <View className='home-entry' hoverClass='home-entry--hover' onClick={() => go(PAGES.mine)} data-testid='entry-my-cases'>
          <Icon name='cases' />
          <View className='home-entry__title'>我的民意</View>
          <View className='home-entry__text'>查看办理进度</View>
        </View>
        <View className='home-entry' hoverClass='home-entry--hover' onClick={() => go(PAGES.messages)} data-testid='entry-messages'>
          <Icon name='bell' />
          <View className='home-entry__title'>我的消息</View>
          <View className='home-entry__text'>
            {me.data?.unreadNotifications ? `${me.data.unreadNotifications} 条未读` : '办理通知'}
          </View>
        </View>
      </View>

      {isWorker(me.data) ? (
        <Card onClick={() => go(PAGES.inbox)} testId='entry-workbench'>
          <View className='home-work'>
            <View>
              <View className='home-work__title'>工作台</View>
              <View className='home-work__text'>
                {me.data?.roleLabel} {me.data?.name}：处理家站点收到的民意
              </View>
            </View>
            <View className='home-work__arrow'>›</View>
          </View>
        </Card>
      ) : null}

      <LivelihoodEntry url={LIVELIHOOD_PAGES.round} title='民生实事' text='征集明年的民生实事项目，提建议、附议、看票决结果和实施进度' testId='entry-livelihood' />

      <SectionTitle extra={stations.data ? `共 ${stations.data.length} 个` : undefined}>选择家站点反映民意</SectionTitle>
      {stations.loading ? <Loading /> : null}
      {stations.error ? <ErrorView message={stations.error} onRetry={() => void stations.reload()} /> : null}
      {stations.data && !stations.data.length ? <EmptyState title='暂时没有家站点' description='请稍后再来看看。' /> : null}
      {stations.data?.map((station) => <StationListItem key={station.id} station={station} />)}

      <View className='home-privacy' onClick={() => go(PAGES.privacy)}>
        个人信息保护说明
      </View>
      <PrivacyPrompt />
      <ContactStaffRow />
    </Page>
  )
}
