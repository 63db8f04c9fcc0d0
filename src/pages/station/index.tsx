import Taro, { useRouter } from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { Button, Card, EmptyState, ErrorView, InfoRow, Loading, Notice, Page, SectionTitle, Tag } from '../../components'
import { checkInByScan } from '../../features/reception/api'
import { receptionUrls } from '../../features/reception/routes'
import { useMe } from '../../features/session/hooks/useMe'
import { useSignedIn } from '../../features/session/hooks/useSignedIn'
import { getStation } from '../../features/stations/api'
import { DeputyCard } from '../../features/stations/components/DeputyCard'
import { ReceptionInfo } from '../../features/stations/components/ReceptionInfo'
import { useLoader } from '../../hooks/useLoader'
import { decodeParam, go, PAGES, urls } from '../../services/navigation'
import { LivelihoodEntry } from '../../features/livelihood/components/LivelihoodEntry'
import { livelihoodUrls } from '../../features/livelihood/routes'
import './index.scss'
import { ContactStaffRow, rememberStation } from '../../features/a11y/ContactStaffRow'
import { useLargeText } from '../../services/largeText'

export default function StationPage() {
  const router = useRouter()
  const code = decodeParam(router.params.code)
  const signedIn = useSignedIn()
  const station = useLoader(signedIn && code ? () => getStation(code) : null, [signedIn, code])
  const data = station.data
  const me = useMe()
  const isResident = me.data?.role === 'resident'
  // On a reception day, a resident who opened the station's code is checked in if they booked.
  const [checkIn, setCheckIn] = useState<{ result: string; message: string } | null>(null)
  const receptionToday = !!data?.reception.upcoming?.some((day) => day.isToday && day.status === 'scheduled')

  useEffect(() => {
    if (data) void Taro.setNavigationBarTitle({ title: data.kindLabel })
    if (data) rememberStation(data.code)
  }, [data])
  const large = useLargeText()
  const nextDay = data?.reception.upcoming?.find((day) => day.status === 'scheduled')

  useEffect(() => {
    if (!data || !isResident || !receptionToday) return
    checkInByScan(data.code).then(setCheckIn, () => undefined)
  }, [data?.code, isResident, receptionToday])

  if (!code) {
    return (
      <Page>
        <EmptyState title='没有指定家站点' action={<Button onClick={() => go(PAGES.home)}>回到首页</Button>} />
      </Page>
    )
  }

  return (
    <Page
      testId='page-station'
      footer={
        data ? (
          <View className={large ? 'station-page__big-actions' : ''}>
            <Button size='large' onClick={() => go(urls.submit({ station: data.code }))} testId='report-button'>
              反映民意
            </Button>
            {large && isResident ? (
              <Button size='large' kind='secondary' onClick={() => go(receptionUrls.book(data.code, nextDay?.id))} testId='book-button'>
                预约接待
              </Button>
            ) : null}
          </View>
        ) : undefined
      }
    >
      {station.loading ? <Loading /> : null}
      {station.error ? (
        <ErrorView message={station.error} onRetry={() => void station.reload()} action={<Button kind='plain' block onClick={() => go(PAGES.home)}>回到首页</Button>} />
      ) : null}
      {data ? (
        <View>
          <Card testId='station-header'>
            <View className='station-page__kind'>
              <Tag tone='primary' size='large'>
                {data.kindLabel}
              </Tag>
            </View>
            <View className='station-page__name'>{data.name}</View>
            <View className='station-page__office'>{data.officeName}</View>
            <View className='station-page__rows'>
              <InfoRow label='地址'>{data.address}</InfoRow>
              <InfoRow label='开放时间'>{data.openHours}</InfoRow>
              {data.contactPhone ? (
                <InfoRow
                  label='联系电话'
                  onClick={() => void Taro.makePhoneCall({ phoneNumber: data.contactPhone.replace(/\s/g, '') }).catch(() => undefined)}
                >
                  {data.contactPhone}
                </InfoRow>
              ) : null}
            </View>
            {data.photos.length ? (
              <View className='station-page__photos' data-testid='station-photos'>
                {data.photos.map((url, n) => (
                  <Image
                    key={url}
                    className='station-page__photo'
                    src={url}
                    mode='aspectFill'
                    onClick={() => void Taro.previewImage({ urls: data.photos, current: url }).catch(() => undefined)}
                    {...{ role: 'img', 'aria-label': `站点照片${n + 1}` }}
                  />
                ))}
              </View>
            ) : null}
          </Card>

          {checkIn && checkIn.result !== 'none' ? (
            <Notice tone={checkIn.result === 'checked_in' || checkIn.result === 'already' ? 'success' : 'info'} title='民情接待日签到' testId='check-in-banner'>
              {checkIn.message}
            </Notice>
          ) : null}

          <LivelihoodEntry url={livelihoodUrls.round({ station: data.code })} title='民生实事项目征集' text='提出您希望明年办的民生实事，为别人的建议附议' testId='station-livelihood' />

          <SectionTitle>民情接待日</SectionTitle>
          <Card>
            <ReceptionInfo reception={data.reception} onBook={isResident ? (day) => go(receptionUrls.book(data.code, day.id)) : undefined} />
            <View className='station-page__reception-hint'>接待日当天，人大代表会在站里当面听取您的意见。</View>
          </Card>

          <SectionTitle extra={`${data.deputies.length} 位`}>本站人大代表</SectionTitle>
          <Card>
            {data.deputies.length ? (
              data.deputies.map((deputy) => <DeputyCard key={deputy.id} deputy={deputy} record={data.publicity?.deputies.find((r) => r.deputyId === deputy.id)} />)
            ) : (
              <View className='text-muted'>暂无代表信息</View>
            )}
          </Card>

          {data.publicity ? (
            <View data-testid='station-publicity'>
              <SectionTitle extra={data.publicity.goals.length ? `完成 ${data.publicity.done}/${data.publicity.goals.length}` : undefined}>{`公示：${data.publicity.year}年度代表工作目标及完成情况`}</SectionTitle>
              <Card>
                {data.publicity.goals.length ? (
                  data.publicity.goals.map((g) => (
                    <View key={g.id} className='station-page__goal' data-testid='station-goal'>
                      <View className='station-page__goal-head'>
                        <View className='station-page__goal-title'>{g.title}</View>
                        <Tag tone={g.status === 'done' ? 'success' : g.status === 'in_progress' ? 'info' : 'neutral'}>{g.statusLabel}</Tag>
                      </View>
                      {g.progress ? <View className='text-muted'>{g.progress}</View> : null}
                    </View>
                  ))
                ) : (
                  <View className='text-muted'>本年度工作目标尚未公布</View>
                )}
              </Card>
            </View>
          ) : null}

          <View className='station-page__help'>有问题、有建议，点下方“反映民意”，写下来提交即可。我们会告诉您办理进度。</View>
        </View>
      ) : null}
      {data ? <ContactStaffRow stationCode={data.code} /> : null}
    </Page>
  )
}
