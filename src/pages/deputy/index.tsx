import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Avatar, Button, Card, EmptyState, ErrorView, Loading, Page, SectionTitle, Tag } from '../../components'
import { ContactStaffRow } from '../../features/a11y/ContactStaffRow'
import { useSignedIn } from '../../features/session/hooks/useSignedIn'
import { getDeputy } from '../../features/stations/api'
import { useLoader } from '../../hooks/useLoader'
import { publicRecord } from '../../features/insight/api'
import { decodeParam, go, PAGES, urls } from '../../services/navigation'
import './index.scss'

export default function DeputyPage() {
  const router = useRouter()
  const code = decodeParam(router.params.code)
  const signedIn = useSignedIn()
  const deputy = useLoader(signedIn && code ? () => getDeputy(code) : null, [signedIn, code])
  // 履职档案, the public part: counts only.
  const record = useLoader(signedIn && code ? () => publicRecord(code) : null, [signedIn, code])
  const data = deputy.data
  const firstStation = data?.stations[0]

  if (!code) {
    return (
      <Page>
        <EmptyState title='没有指定代表' action={<Button onClick={() => go(PAGES.home)}>回到首页</Button>} />
      </Page>
    )
  }

  return (
    <Page
      testId='page-deputy'
      footer={
        data && firstStation ? (
          <Button size='large' onClick={() => go(urls.submit({ station: firstStation.code, deputy: data.code }))} testId='report-to-deputy'>
            向TA反映
          </Button>
        ) : undefined
      }
    >
      {deputy.loading ? <Loading /> : null}
      {deputy.error ? (
        <ErrorView message={deputy.error} onRetry={() => void deputy.reload()} action={<Button kind='plain' block onClick={() => go(PAGES.home)}>回到首页</Button>} />
      ) : null}
      {data ? (
        <View>
          <Card testId='deputy-header'>
            <View className='deputy-page__head'>
              <Avatar src={data.photoUrl} name={data.name} size='large' />
              <View className='deputy-page__who'>
                <View className='deputy-page__name'>{data.name}</View>
                <View className='deputy-page__level'>{data.levelLabel}</View>
                {data.isHead ? (
                  <View className='deputy-page__badge'>
                    <Tag tone='primary'>站长</Tag>
                  </View>
                ) : null}
              </View>
            </View>
          </Card>

          {data.commitment ? (
            <View>
              <SectionTitle>履职承诺</SectionTitle>
              <Card>
                <View className='deputy-page__commitment'>“{data.commitment}”</View>
              </Card>
            </View>
          ) : null}

          {record.data ? (
            <View data-testid='deputy-public-record'>
              <SectionTitle>{record.data.year}年履职情况</SectionTitle>
              <Card>
                <View className='deputy-page__bio'>
                  收到群众反映 {record.data.casesReceived} 件 · 现场答复 {record.data.answeredOnSite} 件 · 参加接待日 {record.data.dutiesAttended} 次 · 提出议案建议 {record.data.suggestionsSubmitted} 件 · 履职活动 {record.data.activities} 项
                </View>
              </Card>
            </View>
          ) : null}

          {data.bio ? (
            <View>
              <SectionTitle>个人简介</SectionTitle>
              <Card>
                <View className='deputy-page__bio'>{data.bio}</View>
              </Card>
            </View>
          ) : null}

          <SectionTitle>所在家站点</SectionTitle>
          {data.stations.map((station) => (
            <Card key={station.id} onClick={() => go(urls.station(station.code))}>
              <View className='deputy-page__station'>
                <View>
                  <View className='deputy-page__station-name'>{station.name}</View>
                  <View className='deputy-page__station-address'>{station.address}</View>
                </View>
                <View className='deputy-page__arrow'>›</View>
              </View>
            </Card>
          ))}
          {!data.stations.length ? <View className='text-muted'>暂无</View> : null}
        </View>
      ) : null}
      <ContactStaffRow stationCode={data?.stations[0]?.code} />
    </Page>
  )
}
