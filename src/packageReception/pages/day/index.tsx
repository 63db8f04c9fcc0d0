// One reception day, for staff and the station's deputies: date, duty and numbers; the visitors
// by slot with check-in and the matters they raised (each becomes a case); walk-ins; minutes;
// and for staff the roster, cancelling or moving the day.
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { VisitorView } from '@minyi/types/receptionViews'
import { Card, EmptyState, ErrorView, Loading, Notice, Page, SectionTitle } from '../../../components'
import { useSignedIn } from '../../../features/session/hooks/useSignedIn'
import { useLoader } from '../../../hooks/useLoader'
import { decodeParam } from '../../../services/navigation'
import { formatDateTime } from '../../../utils/format'
import { Counts } from '../../components/Counts'
import { DayHeader } from '../../components/DayHeader'
import { CancelForm, DutyForm, Expander, MinutesForm, MoveForm, VisitorRow, WalkInForm } from '../../components/DayForms'
import { dayDetails } from '../../lib/api'
import { span } from '../../lib/format'
import '../../lib/reception.scss'
import { usePullToRefresh } from '../../../hooks/usePullToRefresh'

export default function DayPage() {
  const router = useRouter()
  const id = decodeParam(router.params.id)
  const signedIn = useSignedIn()
  const details = useLoader(signedIn && id ? () => dayDetails(id) : null, [signedIn, id], { refreshOnShow: true })
  const data = details.data
  const refresh = () => void details.reload(true)

  usePullToRefresh(details)

  if (!id) return <Page><EmptyState title='没有指定接待日' /></Page>

  const day = data?.occurrence
  const has = (command: string) => !!day?.commands.includes(command)
  const bySlot = new Map<string, VisitorView[]>()
  const walkIns: VisitorView[] = []
  for (const v of data?.visitors ?? []) {
    if (!v.slot) walkIns.push(v)
    else bySlot.set(v.slot, [...(bySlot.get(v.slot) ?? []), v])
  }

  return (
    <Page testId='page-day'>
      {details.loading && !data ? <Loading /> : null}
      {details.error && !data ? <ErrorView message={details.error} onRetry={() => void details.reload()} /> : null}
      {day && data ? (
        <View>
          <Card testId='day-header'>
            <DayHeader day={day} showStation />
            <Counts counts={day.counts} ended={day.ended} />
          </Card>

          {has('checkIn') ? (
            <Notice tone='info' title='接待进行中'>
              群众到场后打开小程序扫描站里的民意码会自动签到；也可以在下面为他们签到，或登记没有预约的来访群众。
            </Notice>
          ) : null}

          {has('setDuty') ? (
            <Card title='值班代表'>
              <Expander label='安排值班代表' testId='open-duty'>
                {(close) => <DutyForm day={day} deputies={data.stationDeputies} onDone={() => (close(), refresh())} />}
              </Expander>
            </Card>
          ) : null}

          <SectionTitle extra={`${data.visitors.length} 人`}>预约和来访群众</SectionTitle>
          {day.slots.map((slot) => {
            const people = bySlot.get(slot.key) ?? []
            if (!people.length) return null
            return (
              <Card key={slot.key} testId={`slot-card-${slot.key}`}>
                <View className='rc-slot-head'>
                  {span(slot.start, slot.end)} · 预约 {slot.booked}/{slot.capacity}
                  {slot.waiting ? ` · 候补 ${slot.waiting}` : ''}
                </View>
                {people.map((v) => (
                  <VisitorRow key={v.bookingId} day={day} visitor={v} onChanged={refresh} />
                ))}
              </Card>
            )
          })}
          {walkIns.length ? (
            <Card title='现场登记' testId='walk-ins'>
              {walkIns.map((v) => (
                <VisitorRow key={v.bookingId} day={day} visitor={v} onChanged={refresh} />
              ))}
            </Card>
          ) : null}
          {!data.visitors.length ? <View className='rc-meta'>还没有群众预约这次接待日。</View> : null}

          {has('walkIn') ? (
            <Card title='登记没有预约的来访群众'>
              <Expander label='现场登记' testId='open-walk-in'>
                {() => <WalkInForm day={day} onDone={refresh} />}
              </Expander>
            </Card>
          ) : null}

          {day.minutes || has('saveMinutes') ? <SectionTitle>接待纪要</SectionTitle> : null}
          {day.minutes ? (
            <Card testId='minutes'>
              <View className='rc-visitor__topic'>{day.minutes.summary}</View>
              <View className='rc-meta'>
                到场 {day.minutes.attendance} 人（其中现场登记 {day.minutes.walkIns} 人），预约 {day.minutes.booked} 人，未到场 {day.minutes.noShows} 人，反映事项 {day.minutes.matters} 件
              </View>
              <View className='rc-meta'>
                {day.minutes.deputies.length ? `值班代表：${day.minutes.deputies.join('、')}；` : ''}
                {day.minutes.savedBy} 记录于 {formatDateTime(day.minutes.savedAt)}
              </View>
            </Card>
          ) : null}
          {has('saveMinutes') ? (
            <Card>
              <Expander label={day.minutes ? '修改纪要' : '填写纪要'} testId='open-minutes'>
                {(close) => <MinutesForm day={day} onDone={() => (close(), refresh())} />}
              </Expander>
            </Card>
          ) : null}

          {has('move') || has('cancel') ? <SectionTitle>调整安排</SectionTitle> : null}
          {has('move') ? (
            <Card>
              <Expander label='调整日期或时间' testId='open-move'>
                {(close) => <MoveForm day={day} onClose={close} onDone={() => (close(), refresh())} />}
              </Expander>
            </Card>
          ) : null}
          {has('cancel') ? (
            <Card>
              <Expander label='取消本次接待日' kind='danger' testId='open-cancel'>
                {(close) => <CancelForm day={day} onClose={close} onDone={() => (close(), refresh())} />}
              </Expander>
            </Card>
          ) : null}
        </View>
      ) : null}
    </Page>
  )
}
