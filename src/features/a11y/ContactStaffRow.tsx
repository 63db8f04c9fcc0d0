// 联系工作人员: on every resident page, the station's phone (tap to call) and opening hours. The
// station is the page's own (station, submit, case…) or the one the resident last opened, else the
// first listed.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { StationView } from '@minyi/types/entities'
import { getStation, listStations } from '../stations/api'
import './a11y.scss'

const LAST_STATION_KEY = 'minyi.lastStation'

export function rememberStation(code: string): void {
  try {
    Taro.setStorageSync(LAST_STATION_KEY, code)
  } catch {
    // not essential
  }
}

const cache = new Map<string, Promise<StationView>>()
function stationFor(code: string | undefined, stationId: string | undefined): Promise<StationView> {
  const chosen = code || (stationId ? '' : (Taro.getStorageSync(LAST_STATION_KEY) as string)) || ''
  const key = chosen || (stationId ? `id:${stationId}` : '*')
  let promise = cache.get(key)
  if (!promise) {
    const load = chosen
      ? getStation(chosen)
      : listStations().then((all) => getStation((all.find((s) => s.id === stationId) ?? all[0]).code))
    promise = load.catch((error: unknown) => {
      cache.delete(key)
      throw error
    })
    cache.set(key, promise)
  }
  return promise
}

function call(phone: string) {
  void Taro.makePhoneCall({ phoneNumber: phone.replace(/[\s-]/g, '') }).catch(() => undefined)
}

export function ContactStaffRow({ stationCode, stationId }: { stationCode?: string; stationId?: string }) {
  const [station, setStation] = useState<StationView | null>(null)
  useEffect(() => {
    let live = true
    stationFor(stationCode, stationId).then(
      (s) => live && setStation(s),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [stationCode, stationId])
  if (!station?.contactPhone) return null
  const phone = station.contactPhone
  const label = `联系工作人员，拨打${phone}，开放时间${station.openHours}`
  const body = (
    <View className='mx-contact__body'>
      <View className='mx-contact__title'>联系工作人员</View>
      <View className='mx-contact__phone'>{phone}（点击拨打）</View>
      <View className='mx-contact__hours'>
        {station.name} · 开放时间 {station.openHours}
      </View>
    </View>
  )
  return (
    <View className='mx-contact' data-testid='contact-staff'>
      {process.env.TARO_ENV === 'h5' ? (
        <a className='mx-contact__link' href={`tel:${phone.replace(/[\s-]/g, '')}`} aria-label={label}>
          {body}
        </a>
      ) : (
        <View className='mx-contact__link' onClick={() => call(phone)} ariaLabel={label} ariaRole='link'>
          {body}
        </View>
      )}
    </View>
  )
}
