// 预约民情接待日: pick a day, then a slot (a full one offers the waitlist), optionally say what it
// is about, and book. On weapp the tap asks for the subscription first, before any await.
import { useEffect, useRef, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { BookingView, OccurrenceDetail, SlotView } from '@minyi/types/receptionViews'
import { Button, Card, EmptyState, ErrorText, ErrorView, Field, Loading, Notice, Page, SectionTitle, TextArea, TextInput } from '../../../components'
import { ContactStaffRow } from '../../../features/a11y/ContactStaffRow'
import { RECEPTION_PAGES } from '../../../features/reception/routes'
import { useSignedIn } from '../../../features/session/hooks/useSignedIn'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import { decodeParam, go, goBackOr, PAGES, replace } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import { formatCalendarDay } from '../../../utils/format'
import { DayHeader } from '../../components/DayHeader'
import { book, recordSubscriptions, upcomingAt } from '../../lib/api'
import { hm, shortName, span } from '../../lib/format'
import { requestBookingSubscriptions, type BookingNoticeKind } from '../../lib/subscriptions'
import '../../lib/reception.scss'

function SlotGrid({ slots, value, onChange }: { slots: SlotView[]; value: string | null; onChange: (key: string) => void }) {
  return (
    <View className='rc-slots' data-testid='slots' {...{ role: 'radiogroup' }}>
      {slots.map((slot) => {
        const full = slot.remaining === 0
        const usable = slot.open && (!full || slot.waitlistOpen)
        const selected = slot.key === value
        const left = !slot.open ? '已截止' : !full ? `余 ${slot.remaining} 位` : slot.waitlistOpen ? `已满 · 可候补` : '已满'
        return (
          <View
            key={slot.key}
            className={`rc-slot ${selected ? 'rc-slot--selected' : ''} ${full ? 'rc-slot--full' : ''} ${usable ? '' : 'rc-slot--closed'}`}
            {...{ role: 'radio' }}
            aria-checked={selected ? 'true' : 'false'}
            aria-disabled={usable ? undefined : 'true'}
            data-testid={`slot-${slot.key}`}
            onClick={() => usable && onChange(slot.key)}
          >
            <View className='rc-slot__time'>{span(slot.start, slot.end)}</View>
            <View className='rc-slot__left'>{left}</View>
          </View>
        )
      })}
    </View>
  )
}

export default function BookPage() {
  const router = useRouter()
  const stationCode = decodeParam(router.params.station)
  const wantedDay = decodeParam(router.params.day)
  const signedIn = useSignedIn()
  const upcoming = useLoader(signedIn && stationCode ? () => upcomingAt(stationCode) : null, [signedIn, stationCode])
  const [dayId, setDayId] = useState<string | null>(null)
  const [slot, setSlot] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [booked, setBooked] = useState<BookingView | null>(null)
  const topic = useRef('')
  const name = useRef('')
  const requestId = useRef<string | null>(null)

  const days = (upcoming.data?.occurrences ?? []).filter((d) => d.status === 'scheduled')
  const day: OccurrenceDetail | undefined = days.find((d) => d.id === dayId)
  const chosenSlot = day?.slots.find((s) => s.key === slot)
  const waitlist = !!chosenSlot && chosenSlot.remaining === 0

  useEffect(() => {
    if (!upcoming.data || dayId) return
    const first = days.find((d) => d.id === wantedDay) ?? days.find((d) => d.bookable || d.mine)
    if (first) setDayId(first.id)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [upcoming.data])

  const changed = () => {
    requestId.current = null
    setError(null)
  }

  const send = async (subscribed: Promise<BookingNoticeKind[]>) => {
    if (!day || !slot) return
    setBusy(true)
    setError(null)
    try {
      const accepted = await subscribed
      const recording = accepted.length ? recordSubscriptions(accepted).catch(() => null) : null
      requestId.current ??= newRequestId()
      const result = await book(
        { occurrenceId: day.id, slot, topic: topic.current, name: name.current, waitlist },
        requestId.current,
      )
      requestId.current = null
      await recording
      setBooked(result)
    } catch (e) {
      setError(errorMessage(e))
      void upcoming.reload(true)
    } finally {
      setBusy(false)
    }
  }

  // The tap handler: synchronous up to requestBookingSubscriptions(), which WeChat allows only
  // inside a tap gesture and before any await.
  const onBook = () => {
    if (busy) return
    if (!day) return setError('请先选择接待日')
    if (!slot) return setError('请选择一个时段')
    const subscribed = requestBookingSubscriptions()
    void send(subscribed)
  }

  // Steps 2 and 3 under the chosen day: the slots, then the optional topic and name. A render
  // function, not a component: a component defined here would remount (and empty the text
  // fields) on every render.
  const dayBooking = (day: OccurrenceDetail) => (
    <View>
      {day.mine ? (
        <Notice tone='info' title={`您已${day.mine.statusLabel}这次接待日`} testId='already-booked'>
          <View>每次接待日每人只能预约一个时段。如需换时段，请先在“我的预约”里取消原来的预约。</View>
          <View className='rc-actions'>
            <Button kind='secondary' onClick={() => go(RECEPTION_PAGES.myBookings)}>
              查看我的预约
            </Button>
          </View>
        </Notice>
      ) : null}

      {!day.mine ? (
        <View>
          <SectionTitle extra={`每个时段${day.slots[0] ? `约 ${day.slots[0].capacity} 人` : ''}`}>2. 选择时段</SectionTitle>
          <Card>
            <SlotGrid
              slots={day.slots}
              value={slot}
              onChange={(key) => {
                setSlot(key)
                changed()
              }}
            />
            {waitlist ? (
              <View className='rc-warn'>这个时段已约满。加入候补后，有人取消会按顺序自动为您预约，并通知您。</View>
            ) : null}
            <View className='rc-meta'>接待开始前 {day.cancelCutoffMinutes >= 60 ? `${day.cancelCutoffMinutes / 60} 小时` : `${day.cancelCutoffMinutes} 分钟`}以前可以在线取消。</View>
          </Card>

          <SectionTitle>3. 想反映什么（选填）</SectionTitle>
          <Card>
            <Field label='想反映的事项' optional hint='简单写几个字，方便代表提前了解，如“小区加装电梯”。'>
              <TextArea
                placeholder='例如：小区加装电梯'
                maxlength={100}
                onInput={(v) => {
                  topic.current = v
                  changed()
                }}
                testId='topic-input'
              />
            </Field>
            <Field label='您的称呼' optional hint='方便工作人员接待时称呼您，如“刘阿姨”。'>
              <TextInput
                placeholder='例如：刘阿姨'
                maxlength={20}
                onInput={(v) => {
                  name.current = v
                  changed()
                }}
                testId='name-input'
              />
            </Field>
          </Card>
          {slot && chosenSlot ? (
            <View className='rc-meta' data-testid='booking-summary'>
              您选择的是 {formatCalendarDay(day.date)} {hm(chosenSlot.start)}–{hm(chosenSlot.end)}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )

  if (!stationCode) {
    return (
      <Page>
        <EmptyState title='没有指定家站点' action={<Button onClick={() => go(PAGES.home)}>回到首页</Button>} />
      </Page>
    )
  }

  if (booked) {
    return (
      <Page testId='page-book'>
        <Notice tone='success' title={booked.status === 'waiting' ? '已加入候补' : '预约成功'} testId='booked-banner'>
          <View>
            {formatCalendarDay(booked.date)} {span(booked.start, booked.end)}
          </View>
          <View>{shortName(booked.stationName)}</View>
          <View>地点：{booked.address}</View>
          {booked.status === 'waiting' ? (
            <View>您排在候补第 {booked.waitPosition} 位，有人取消时会自动为您预约并通知您。</View>
          ) : (
            <View>请按时到场，到了以后打开小程序扫描站里的民意码，就能自动签到。</View>
          )}
        </Notice>
        <View className='rc-actions'>
          <Button size='large' onClick={() => replace(RECEPTION_PAGES.myBookings)} testId='go-my-bookings'>
            查看我的预约
          </Button>
        </View>
        <View className='rc-actions'>
          <Button kind='secondary' size='large' onClick={() => goBackOr(PAGES.home)}>
            返回
          </Button>
        </View>
      </Page>
    )
  }

  return (
    <Page
      testId='page-book'
      footer={
        upcoming.data && days.length ? (
          <Button size='large' onClick={onBook} loading={busy} disabled={!day || !!day.mine} testId='confirm-booking'>
            {waitlist ? '加入候补' : '确认预约'}
          </Button>
        ) : undefined
      }
    >
      {upcoming.loading && !upcoming.data ? <Loading /> : null}
      {upcoming.error && !upcoming.data ? <ErrorView message={upcoming.error} onRetry={() => void upcoming.reload()} /> : null}
      {upcoming.data ? (
        <View>
          <View className='rc-meta'>{upcoming.data.stationName}</View>
          {upcoming.data.rules.length ? <View className='rc-meta'>固定安排：{upcoming.data.rules.join('；')}</View> : null}
          {!days.length ? <EmptyState title='近期没有可以预约的接待日' description='可以先在线反映民意，或留意站点的通知。' /> : null}

          {days.length ? <SectionTitle>1. 选择接待日</SectionTitle> : null}
          {days.map((d) => (
            <View key={d.id}>
              <View
                className={`rc-choice ${d.id === dayId ? 'rc-choice--selected' : ''} ${d.bookable || d.mine ? '' : 'rc-choice--disabled'}`}
                data-testid='day-choice'
                onClick={() => {
                  setDayId(d.id)
                  setSlot(null)
                  changed()
                }}
              >
                <DayHeader day={d} />
                <View className='rc-meta'>{d.mine ? `您已${d.mine.statusLabel}` : d.remaining > 0 ? `还可预约 ${d.remaining} 位` : d.bookable ? '已约满，可排候补' : '已停止预约'}</View>
              </View>
              {d.id === dayId ? dayBooking(d) : null}
            </View>
          ))}

          {error ? <ErrorText>{error}</ErrorText> : null}
        </View>
      ) : null}
      <ContactStaffRow stationCode={stationCode} />
    </Page>
  )
}
