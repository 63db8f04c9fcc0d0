// One booking as its owner sees it in 我的预约: when and where, its status, until when it can be
// cancelled (with a second tap to confirm), and the cases raised at the visit.
import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { BookingView } from '@minyi/types/receptionViews'
import { Button, Card, ErrorText, Tag, type Tone } from '../../components'
import { errorMessage } from '../../services/api'
import { go, urls } from '../../services/navigation'
import { newRequestId } from '../../services/requestId'
import { formatCalendarDay, formatDateTime } from '../../utils/format'
import { cancelBooking } from '../lib/api'
import { shortName, span } from '../lib/format'

const TONES: Record<BookingView['status'], Tone> = {
  booked: 'success',
  waiting: 'warning',
  checked_in: 'primary',
  cancelled: 'neutral',
  no_show: 'neutral',
  expired: 'neutral',
}

export function BookingCard({ booking, onChanged }: { booking: BookingView; onChanged?: (updated: BookingView) => void }) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const requestId = useRef<string | null>(null)

  const cancel = async () => {
    setBusy(true)
    setError(null)
    try {
      requestId.current ??= newRequestId()
      const updated = await cancelBooking(booking.id, requestId.current)
      setConfirming(false)
      onChanged?.(updated)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card testId='booking-card'>
      <View className='rc-row'>
        <View className='rc-meta'>{shortName(booking.stationName)}</View>
        <Tag tone={TONES[booking.status]} size='large' testId='booking-status'>
          {booking.statusLabel}
        </Tag>
      </View>
      <View className='rc-day'>
        <View className='rc-day__date'>{formatCalendarDay(booking.date)}</View>
        <View className='rc-day__time'>{span(booking.start, booking.end)}</View>
      </View>
      <View className='rc-meta'>地点：{booking.address}</View>
      {booking.topic ? <View className='rc-meta'>想反映：{booking.topic}</View> : null}
      {booking.waitPosition ? <View className='rc-warn'>候补第 {booking.waitPosition} 位，有人取消时自动为您预约</View> : null}
      {booking.stationNote ? <View className='rc-warn'>{booking.stationNote}</View> : null}
      {booking.cancelUntil ? <View className='rc-meta'>{formatDateTime(booking.cancelUntil)} 前可以在线取消</View> : null}
      {booking.status === 'booked' && !booking.canCancel ? <View className='rc-meta'>已过在线取消时间，如不能到场请致电站点</View> : null}
      {booking.cases.length ? (
        <View className='rc-meta'>
          接待时登记的问题：
          {booking.cases.map((c) => (
            <View key={c.id} className='rc-case' onClick={() => go(urls.case(c.id))} data-testid='booking-case'>
              {c.trackingNo}
            </View>
          ))}
        </View>
      ) : null}
      {booking.canCancel && !confirming ? (
        <View className='rc-actions'>
          <Button kind='secondary' onClick={() => setConfirming(true)} testId='cancel-booking'>
            {booking.status === 'waiting' ? '取消候补' : '取消预约'}
          </Button>
        </View>
      ) : null}
      {confirming ? (
        <View className='rc-confirm'>
          <View className='rc-confirm__text'>确定要{booking.status === 'waiting' ? '取消候补' : '取消这个预约'}吗？取消后名额会让给其他群众。</View>
          <View className='rc-actions'>
            <Button onClick={() => void cancel()} loading={busy} testId='confirm-cancel'>
              确定取消
            </Button>
            <Button kind='secondary' onClick={() => setConfirming(false)}>
              不取消
            </Button>
          </View>
        </View>
      ) : null}
      {error ? <ErrorText>{error}</ErrorText> : null}
    </Card>
  )
}
