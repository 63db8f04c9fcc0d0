import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { CaseView } from '@minyi/types/entities'
import { Card, ErrorView, Loading, Page, SectionTitle } from '../../components'
import { ContactStaffRow } from '../../features/a11y/ContactStaffRow'
import { SubmitForm, type SubmitResult } from '../../features/cases/components/SubmitForm'
import { PrivacyPrompt } from '../../features/privacy/components/PrivacyPrompt'
import { useSignedIn } from '../../features/session/hooks/useSignedIn'
import { getDeputy, getStation, listStations } from '../../features/stations/api'
import { useLoader } from '../../hooks/useLoader'
import { decodeParam, replace, urls } from '../../services/navigation'
import './index.scss'

export default function SubmitPage() {
  const router = useRouter()
  const [stationCode, setStationCode] = useState(() => decodeParam(router.params.station))
  const deputyCode = decodeParam(router.params.deputy) || undefined
  const signedIn = useSignedIn()

  const target = useLoader(
    signedIn && stationCode
      ? async () => {
          const [station, deputy] = await Promise.all([getStation(stationCode), deputyCode ? getDeputy(deputyCode) : Promise.resolve(null)])
          return { station, deputy }
        }
      : null,
    [signedIn, stationCode, deputyCode],
  )
  // Opened without a station (e.g. from a shared link): let the resident pick one first.
  const stations = useLoader(signedIn && !stationCode ? listStations : null, [signedIn, stationCode])

  const onSubmitted = (result: SubmitResult) => {
    void Taro.showToast({ title: '提交成功', icon: 'success' })
    replace(urls.case(result.id, { submitted: result.trackingNo, review: result.needsReview }))
  }

  // 附议 instead of a new case: on to that case, which now shows 您已附议 and how many raised it.
  const onSeconded = (view: CaseView) => replace(urls.case(view.id))

  if (!stationCode) {
    return (
      <Page testId='page-submit'>
        <SectionTitle>请先选择向哪个家站点反映</SectionTitle>
        {stations.loading ? <Loading /> : null}
        {stations.error ? <ErrorView message={stations.error} onRetry={() => void stations.reload()} /> : null}
        {stations.data?.map((station) => (
          <Card key={station.id} onClick={() => setStationCode(station.code)}>
            <View className='submit-page__station-name'>{station.name}</View>
            <View className='submit-page__station-address'>{station.address}</View>
          </Card>
        ))}
      </Page>
    )
  }

  return (
    <Page testId='page-submit'>
      {target.loading ? <Loading /> : null}
      {target.error ? <ErrorView message={target.error} onRetry={() => void target.reload()} /> : null}
      {target.data ? (
        <View>
          <View className='submit-page__target' data-testid='submit-target'>
            <View className='submit-page__target-label'>反映到</View>
            <View className='submit-page__target-name'>{target.data.station.name}</View>
            {target.data.deputy ? (
              <View className='submit-page__target-deputy'>
                向 {target.data.deputy.name}（{target.data.deputy.levelLabel}）反映
              </View>
            ) : null}
          </View>
          <SubmitForm
            stationCode={target.data.station.code}
            deputyCode={target.data.deputy?.code}
            onSubmitted={onSubmitted}
            onSeconded={onSeconded}
          />
        </View>
      ) : null}
      <PrivacyPrompt />
      <ContactStaffRow stationCode={stationCode || undefined} />
    </Page>
  )
}
