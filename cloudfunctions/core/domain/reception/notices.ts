// What residents and deputies are told about reception days: the in-app message and the values of
// the `booking` subscribe message. Written into the occurrence's outbox by the same conditional
// update that makes the change, with ids derived from the change so a repeat writes nothing new.
import { formatChineseDateTime, formatMonthDay, shortTime } from '@minyi/types'
import type { OutboxItem, StationDoc } from '../records'
import { fitTemplateData } from '../subscribeMessages'
import type { OccurrenceDoc } from './records'
import { shanghaiInstant, weekdayLabel } from './schedule'

export const MY_BOOKINGS_PAGE = '/packageReception/pages/my-bookings/index'
export const MY_DUTIES_PAGE = '/packageReception/pages/duties/index'

/** Station name without the city and district, for short texts: 湖滨街道人大代表之家. */
export function shortStationName(name: string): string {
  const short = name.replace(/^[^市]*市/u, '').replace(/^[^区县]*[区县](?=.)/u, '')
  return short || name
}

/** e.g. 12月21日（周一）9:15–9:30 */
export function dayAndTime(date: string, start: string, end: string): string {
  return `${formatMonthDay(date)}（${weekdayLabel(date)}）${shortTime(start)}–${shortTime(end)}`
}

interface NoticeInput {
  id: string
  recipientId: string
  title: string
  body: string
  link: string
  status: string
  remark: string
  /** Wall-clock date and time the message is about. */
  date: string
  time: string
  station: Pick<StationDoc, 'name' | 'address'>
  at: string
  /** Push through the subscribe message, or in-app only. */
  push?: boolean
}

export function bookingNotice(input: NoticeInput): OutboxItem {
  const push = input.push ?? true
  return {
    id: input.id,
    recipientId: input.recipientId,
    title: input.title,
    body: input.body,
    link: input.link,
    template: push ? 'booking' : null,
    data: push
      ? fitTemplateData('booking', {
          subject: `${shortStationName(input.station.name)}接待日`,
          time: formatChineseDateTime(shanghaiInstant(input.date, input.time)),
          place: input.station.address,
          status: input.status,
          remark: input.remark,
        })
      : {},
    createdAt: input.at,
  }
}

type Station = Pick<StationDoc, 'name' | 'address'>

export function confirmedNotice(o: { id: string; occ: OccurrenceDoc; slot: string; recipientId: string; station: Station; at: string }): OutboxItem {
  const s = o.occ.slots[o.slot]
  return bookingNotice({
    id: o.id,
    recipientId: o.recipientId,
    title: '民情接待日预约成功',
    body: `您已预约${shortStationName(o.station.name)} ${dayAndTime(o.occ.date, s.start, s.end)}的民情接待日，地点：${o.station.address}。到场后扫描站点民意码即可签到。`,
    link: MY_BOOKINGS_PAGE,
    status: '预约成功',
    remark: '到场后扫码签到，不能来请提前取消',
    date: o.occ.date,
    time: s.start,
    station: o.station,
    at: o.at,
  })
}

export function waitlistedNotice(o: { id: string; occ: OccurrenceDoc; slot: string; position: number; recipientId: string; station: Station; at: string }): OutboxItem {
  const s = o.occ.slots[o.slot]
  // In-app only: the resident's one subscribe consent is kept for the message that matters, the promotion.
  return bookingNotice({
    id: o.id,
    recipientId: o.recipientId,
    title: '已加入候补',
    body: `${shortStationName(o.station.name)} ${dayAndTime(o.occ.date, s.start, s.end)}已约满，您排在候补第${o.position}位。有人取消时会自动为您预约并通知您。`,
    link: MY_BOOKINGS_PAGE,
    status: '候补中',
    remark: '有人取消时自动为您预约',
    date: o.occ.date,
    time: s.start,
    station: o.station,
    at: o.at,
    push: false,
  })
}

export function promotedNotice(o: { id: string; occ: OccurrenceDoc; slot: string; recipientId: string; station: Station; at: string }): OutboxItem {
  const s = o.occ.slots[o.slot]
  return bookingNotice({
    id: o.id,
    recipientId: o.recipientId,
    title: '候补成功，已为您预约',
    body: `有人取消了预约，已为您预约${shortStationName(o.station.name)} ${dayAndTime(o.occ.date, s.start, s.end)}的民情接待日，地点：${o.station.address}。不能来请提前取消。`,
    link: MY_BOOKINGS_PAGE,
    status: '候补成功',
    remark: '请按时到场，不能来请提前取消',
    date: o.occ.date,
    time: s.start,
    station: o.station,
    at: o.at,
  })
}

export function occurrenceCancelledNotice(o: { id: string; occ: OccurrenceDoc; recipientId: string; deputy: boolean; reason: string; station: Station; at: string }): OutboxItem {
  return bookingNotice({
    id: o.id,
    recipientId: o.recipientId,
    title: '民情接待日已取消',
    body: `${shortStationName(o.station.name)} ${dayAndTime(o.occ.date, o.occ.start, o.occ.end)}的民情接待日已取消。原因：${o.reason}。${o.deputy ? '您的值班安排随之取消。' : '您的预约随之取消，给您带来不便，敬请谅解。'}`,
    link: o.deputy ? MY_DUTIES_PAGE : MY_BOOKINGS_PAGE,
    status: '已取消',
    remark: o.reason,
    date: o.occ.date,
    time: o.occ.start,
    station: o.station,
    at: o.at,
  })
}

export function occurrenceMovedNotice(o: {
  id: string
  before: Pick<OccurrenceDoc, 'date' | 'start' | 'end'>
  after: OccurrenceDoc
  slot: string | null
  recipientId: string
  deputy: boolean
  reason: string
  station: Station
  at: string
}): OutboxItem {
  const s = o.slot ? o.after.slots[o.slot] : null
  const now = s ? dayAndTime(o.after.date, s.start, s.end) : dayAndTime(o.after.date, o.after.start, o.after.end)
  return bookingNotice({
    id: o.id,
    recipientId: o.recipientId,
    title: '民情接待日已改期',
    body: `${shortStationName(o.station.name)}原定${dayAndTime(o.before.date, o.before.start, o.before.end)}的民情接待日改为${formatMonthDay(o.after.date)}（${weekdayLabel(o.after.date)}）。原因：${o.reason}。${o.deputy ? `请您${now}到站值班。` : `您的预约保留，时间为${now}；如不能到场请在小程序中取消。`}`,
    link: o.deputy ? MY_DUTIES_PAGE : MY_BOOKINGS_PAGE,
    status: '已改期',
    remark: o.reason,
    date: o.after.date,
    time: s?.start ?? o.after.start,
    station: o.station,
    at: o.at,
  })
}

export function reminderNotice(o: { id: string; occ: OccurrenceDoc; slot: string | null; recipientId: string; deputy: boolean; station: Station; at: string }): OutboxItem {
  const s = o.slot ? o.occ.slots[o.slot] : null
  const when = s ? dayAndTime(o.occ.date, s.start, s.end) : dayAndTime(o.occ.date, o.occ.start, o.occ.end)
  return bookingNotice({
    id: o.id,
    recipientId: o.recipientId,
    title: o.deputy ? '接待日值班提醒' : '民情接待日提醒',
    body: o.deputy
      ? `您将于${when}在${shortStationName(o.station.name)}值班接待群众，地点：${o.station.address}。`
      : `您预约了${when}的民情接待日，地点：${o.station.address}。到场后扫描站点民意码即可签到；不能来请在截止时间前取消。`,
    link: o.deputy ? MY_DUTIES_PAGE : MY_BOOKINGS_PAGE,
    status: '接待提醒',
    remark: o.deputy ? '请按时到站值班' : '请按时到场，扫码签到',
    date: o.occ.date,
    time: s?.start ?? o.occ.start,
    station: o.station,
    at: o.at,
  })
}
