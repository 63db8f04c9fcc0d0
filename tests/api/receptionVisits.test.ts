// On the day: a booked resident who scans the station's code is checked in; staff check in others,
// register walk-ins (also someone without WeChat or a phone); after each visit what was raised is
// recorded and every matter becomes a case (channel 接待日) in the usual triage, which the resident
// can follow; the day gets its minutes with attendance and no-show counts. Also the one-time
// subscribe consent of the `booking` template.
import type { CaseDoc, NotificationDoc } from '../../cloudfunctions/core/domain/records'
import type { ReceptionCaseDoc } from '../../cloudfunctions/core/domain/reception/records'
import { createHarness, type Harness } from '../support/apiHarness'
import { refusal } from './caseFixtures'
import { HUBIN_DEPUTY, HUBIN_STAFF, MONDAY_10AM, RESIDENT, RESIDENT_2, bookingDoc, nextDay, resident, thursdayRule } from './receptionFixtures'

let h: Harness
afterEach(() => h?.close())

/** Thursday 2026-11-26, 14:00–15:00 at 湖滨; check-in opens at 13:00. */
const at = (shanghaiTime: string) => h.clock.set(new Date(`2026-11-26T${shanghaiTime}:00+08:00`).toISOString())

async function bookedThursday() {
  h = await createHarness({ now: MONDAY_10AM })
  await thursdayRule(h, { slotCapacity: 2 })
  const day = await nextDay(h)
  const mine = await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0', topic: '加装电梯', name: '刘阿姨' })
  const other = await h.ok(resident(3), 'reception.book', { occurrenceId: day.id, slot: 's1', topic: '噪音扰民', name: '张先生' })
  const absent = await h.ok(resident(4), 'reception.book', { occurrenceId: day.id, slot: 's1', name: '王女士' })
  return { day, mine, other, absent }
}

describe('check-in', () => {
  it('a booked resident who opens the station’s code on the day is checked in; others are told what to do', async () => {
    const { day, mine } = await bookedThursday()
    at('12:30')
    expect(await h.ok(RESIDENT, 'reception.checkInByScan', { stationCode: 'HBJD' })).toMatchObject({
      result: 'too_early',
      message: '您预约了今天的接待日，签到将于13:00开始，请到时再扫码。',
    })
    at('13:40')
    const scan = await h.ok(RESIDENT, 'reception.checkInByScan', { stationCode: 'HBJD' })
    expect(scan).toMatchObject({
      result: 'checked_in',
      message: '签到成功！您预约的时段是14:00–14:30，请在接待区稍候。',
      booking: { id: mine.id, status: 'checked_in', statusLabel: '已签到', canCancel: false },
    })
    expect((await bookingDoc(h, mine.id)).checkedInBy).toBe('scan')
    expect((await h.ok(RESIDENT, 'reception.checkInByScan', { stationCode: 'HBJD' })).result).toBe('already')
    expect((await h.ok(RESIDENT_2, 'reception.checkInByScan', { stationCode: 'HBJD' })).result).toBe('none')
    expect((await h.ok(RESIDENT, 'reception.checkInByScan', { stationCode: 'CYSQ' })).result).toBe('none')
    const staffView = await h.ok(HUBIN_STAFF, 'reception.visitors', { occurrenceId: day.id })
    expect(staffView.occurrence.counts).toMatchObject({ booked: 3, checkedIn: 1, walkIns: 0 })
    expect(staffView.occurrence.commands).toEqual(expect.arrayContaining(['checkIn', 'walkIn', 'recordVisit']))
    expect(staffView.visitors.map((v) => [v.name, v.slotStart, v.status])).toEqual([
      ['刘阿姨', '14:00', 'checked_in'],
      ['张先生', '14:30', 'booked'],
      ['王女士', '14:30', 'booked'],
    ])
    at('16:01')
    expect((await h.ok(resident(3), 'reception.checkInByScan', { stationCode: 'HBJD' })).result).toBe('ended')
  })

  it('staff (or a deputy of the station) check a resident in, only on the day', async () => {
    const { day, other } = await bookedThursday()
    const early = refusal(await h.call(HUBIN_STAFF, 'reception.checkIn', { occurrenceId: day.id, bookingId: other.id }))
    expect(early).toMatchObject({ code: 'INVALID_STATE', message: '只能在接待日当天接待时间内签到' })
    at('14:25')
    const { visitor } = await h.ok(HUBIN_DEPUTY, 'reception.checkIn', { occurrenceId: day.id, bookingId: other.id })
    expect(visitor).toMatchObject({ name: '张先生', status: 'checked_in', topic: '噪音扰民', hasAccount: true })
    expect((await h.ok(resident(3), 'reception.myBookings')).upcoming[0].status).toBe('checked_in')
  })

  it('someone still on the waitlist who comes anyway is checked in without taking a booked place', async () => {
    const { day } = await bookedThursday()
    const waiting = await h.ok(resident(5), 'reception.book', { occurrenceId: day.id, slot: 's1', waitlist: true, name: '孙先生' })
    expect(waiting.status).toBe('waiting')
    at('14:35')
    const { visitor } = await h.ok(HUBIN_STAFF, 'reception.checkIn', { occurrenceId: day.id, bookingId: waiting.id })
    expect(visitor).toMatchObject({ name: '孙先生', status: 'checked_in', slot: null })
    const view = await h.ok(HUBIN_STAFF, 'reception.visitors', { occurrenceId: day.id })
    expect(view.occurrence.slots[1]).toMatchObject({ booked: 2, waiting: 0 })
    expect(view.occurrence.counts).toMatchObject({ checkedIn: 1, walkIns: 1, booked: 3 })
  })

  it('a walk-in without WeChat or phone is registered by name; a phone given is sealed and shown masked', async () => {
    const { day } = await bookedThursday()
    at('14:10')
    const noPhone = await h.ok(HUBIN_STAFF, 'reception.registerWalkIn', { occurrenceId: day.id, name: '赵大爷', topic: '低保申请' })
    expect(noPhone.visitor).toMatchObject({ kind: 'walk_in', name: '赵大爷', status: 'checked_in', phoneMasked: null, hasAccount: false, slot: null })
    const withPhone = await h.ok(HUBIN_STAFF, 'reception.registerWalkIn', { occurrenceId: day.id, name: '钱阿姨', phone: '138 1234 5678' })
    expect(withPhone.visitor.phoneMasked).toBe('138****5678')
    const stored = await bookingDoc(h, withPhone.visitor.bookingId)
    expect(stored.phoneSealed).not.toContain('13812345678')
    expect(JSON.stringify(stored)).not.toContain('13812345678')
    // Deputies see walk-ins but not their phone numbers.
    const deputyView = await h.ok(HUBIN_DEPUTY, 'reception.visitors', { occurrenceId: day.id })
    expect(deputyView.visitors.find((v) => v.name === '钱阿姨')?.phoneMasked).toBeNull()
    expect(deputyView.occurrence.counts).toMatchObject({ walkIns: 2, checkedIn: 2 })
    // Walk-ins do not take booked places.
    expect((await nextDay(h)).slots.map((s) => s.booked)).toEqual([1, 2])
    expect(refusal(await h.call(HUBIN_STAFF, 'reception.registerWalkIn', { occurrenceId: day.id, name: '' })).field).toBe('name')
  })
})

describe('visit records become cases the resident can follow', () => {
  it('each matter becomes a 接待日 case of the resident, in the staff inbox, with a message to the resident', async () => {
    const { day, mine } = await bookedThursday()
    at('13:50')
    await h.ok(RESIDENT, 'reception.checkInByScan', { stationCode: 'HBJD' })
    at('14:20')
    const recorded = await h.ok(HUBIN_DEPUTY, 'reception.recordVisit', {
      occurrenceId: day.id,
      bookingId: mine.id,
      matters: [
        { category: 'housing', content: '翠苑小区3号楼想加装电梯，部分低层住户不同意，希望协调。', place: '翠苑小区3号楼' },
        { category: 'traffic', content: '小区门口早高峰车辆乱停，孩子上学不安全。' },
      ],
    })
    expect(recorded.cases).toHaveLength(2)
    expect(recorded.visitor.cases.map((c) => c.trackingNo)).toEqual(recorded.cases.map((c) => c.trackingNo))

    const my = (await h.ok(RESIDENT, 'case.listMine')).cases
    expect(my.map((c) => c.id).sort()).toEqual(recorded.cases.map((c) => c.id).sort())
    const c = await h.ok(RESIDENT, 'case.get', { caseId: recorded.cases[0].id })
    expect(c).toMatchObject({ channel: 'reception', status: 'submitted', isMine: true, deputy: { id: 'deputy-1', name: '王建国' } })
    expect(c.timeline[0]).toMatchObject({ label: '提交民意', actor: '人大代表 王建国', note: '11月26日民情接待日现场登记（来访群众：刘阿姨）' })
    const stored = (await h.store.collection<ReceptionCaseDoc>('cases').get(recorded.cases[0].id)) as ReceptionCaseDoc
    expect(stored.reception).toMatchObject({ occurrenceId: day.id, bookingId: mine.id, date: '2026-11-26' })
    expect(stored.terms?.length).toBeGreaterThan(0)

    const inbox = await h.ok(HUBIN_STAFF, 'case.inbox', { status: 'submitted' })
    expect(inbox.cases.map((x) => x.id)).toEqual(expect.arrayContaining(recorded.cases.map((x) => x.id)))
    // The usual triage goes on from there.
    await h.ok(HUBIN_STAFF, 'case.accept', { caseId: recorded.cases[0].id })

    const messages = (await h.ok(RESIDENT, 'notification.list')).notifications.filter((n) => n.title === '您在接待日反映的问题已登记')
    expect(messages).toHaveLength(2)
    expect(messages[0].body).toMatch(/^您在11月26日民情接待日反映的问题已登记，编号 MY20261126-\d{4}。/)
    // The booking shows its cases; the day counts its matters.
    expect((await h.ok(RESIDENT, 'reception.myBookings')).upcoming[0].cases).toHaveLength(2)
    expect((await h.ok(HUBIN_STAFF, 'reception.visitors', { occurrenceId: day.id })).occurrence.counts.matters).toBe(2)
  })

  it('a visitor without WeChat: the case belongs to no account, staff follow it and can reach the visitor by phone', async () => {
    const { day } = await bookedThursday()
    at('14:10')
    const { visitor } = await h.ok(HUBIN_STAFF, 'reception.registerWalkIn', { occurrenceId: day.id, name: '孙奶奶', phone: '13900001111' })
    const { cases } = await h.ok(HUBIN_STAFF, 'reception.recordVisit', {
      occurrenceId: day.id,
      bookingId: visitor.bookingId,
      matters: [{ category: 'elderly', content: '独居老人希望社区提供助餐服务，每天送餐上门。' }],
    })
    const stored = (await h.store.collection<CaseDoc>('cases').get(cases[0].id)) as CaseDoc
    expect(stored.residentId).toBe(`visitor-${visitor.bookingId}`)
    expect(stored.phoneMasked).toBe('139****1111')
    const asStaff = await h.ok(HUBIN_STAFF, 'case.get', { caseId: cases[0].id })
    expect(asStaff).toMatchObject({ channel: 'reception', phoneMasked: '139****1111', isMine: false })
    expect((await h.ok(HUBIN_STAFF, 'case.revealPhone', { caseId: cases[0].id })).phone).toBe('13900001111')
    // No resident can see it; nobody is sent a message for it.
    for (const r of [RESIDENT, RESIDENT_2]) expect(refusal(await h.call(r, 'case.get', { caseId: cases[0].id })).code).toBe('NOT_FOUND')
    const notices = await h.store.collection<NotificationDoc>('notifications').find({ caseId: cases[0].id }, { limit: 10 })
    expect(notices).toEqual([])
  })

  it('a visit can only be recorded for someone checked in, by staff or deputies of the station, and a refused text stores nothing', async () => {
    const { day, other } = await bookedThursday()
    at('14:10')
    const notYet = refusal(
      await h.call(HUBIN_STAFF, 'reception.recordVisit', { occurrenceId: day.id, bookingId: other.id, matters: [{ category: 'other', content: '还没签到的人反映的事' }] }),
    )
    expect(notYet).toMatchObject({ code: 'INVALID_STATE', message: '请先为这位群众签到，再记录反映的事项' })
    await h.ok(HUBIN_STAFF, 'reception.checkIn', { occurrenceId: day.id, bookingId: other.id })
    expect(
      refusal(await h.call('dev-deputy-3', 'reception.recordVisit', { occurrenceId: day.id, bookingId: other.id, matters: [{ category: 'other', content: '别的站的代表记录的事项' }] })).code,
    ).toBe('NOT_FOUND')
    expect(refusal(await h.call(HUBIN_STAFF, 'reception.recordVisit', { occurrenceId: day.id, bookingId: other.id, matters: [] })).message).toBe('请至少填写一项反映的事项')
    const before = await h.store.collection<CaseDoc>('cases').count({})
    const rejected = refusal(
      await h.call(HUBIN_STAFF, 'reception.recordVisit', {
        occurrenceId: day.id,
        bookingId: other.id,
        matters: [
          { category: 'environment', content: '楼下夜间施工噪音很大，影响休息。' },
          { category: 'other', content: '加微信代开发票，低价出售' },
        ],
      }),
    )
    expect(rejected.code).toBe('CONTENT_REJECTED')
    expect(await h.store.collection<CaseDoc>('cases').count({})).toBe(before)
  })
})

describe('minutes', () => {
  it('record attendance, walk-ins and no-shows; refuse before the start', async () => {
    const { day, mine, other } = await bookedThursday()
    at('13:30')
    expect(refusal(await h.call(HUBIN_STAFF, 'reception.saveMinutes', { occurrenceId: day.id, summary: '还没开始的纪要内容' })).message).toBe('接待开始后才能填写纪要')
    await h.ok(RESIDENT, 'reception.checkInByScan', { stationCode: 'HBJD' })
    at('14:40')
    await h.ok(HUBIN_STAFF, 'reception.checkIn', { occurrenceId: day.id, bookingId: other.id })
    await h.ok(HUBIN_STAFF, 'reception.registerWalkIn', { occurrenceId: day.id, name: '赵大爷' })
    await h.ok(HUBIN_STAFF, 'reception.recordVisit', {
      occurrenceId: day.id,
      bookingId: mine.id,
      matters: [{ category: 'housing', content: '翠苑小区3号楼想加装电梯，希望协调。' }],
    })
    at('15:05')
    const view = await h.ok(HUBIN_STAFF, 'reception.saveMinutes', {
      occurrenceId: day.id,
      summary: '王建国、赵敏代表接待群众3人次，收集问题1件，已登记转交。',
    })
    expect(view.minutes).toMatchObject({
      summary: '王建国、赵敏代表接待群众3人次，收集问题1件，已登记转交。',
      attendance: 3,
      walkIns: 1,
      booked: 3,
      noShows: 1,
      matters: 1,
      deputies: ['王建国'],
      savedBy: '孙晓燕',
    })
    // After the day, the absent resident's booking reads 未到场.
    at('17:00')
    expect((await h.ok(resident(4), 'reception.myBookings')).past[0]).toMatchObject({ status: 'no_show', statusLabel: '未到场' })
    const past = (await h.ok(HUBIN_STAFF, 'reception.occurrences', { stationId: 'station-hubin', past: true })).occurrences
    expect(past[0]).toMatchObject({ id: day.id, counts: { checkedIn: 3, noShows: 1, walkIns: 1, matters: 1 } })
  })
})

describe('one WeChat consent, one push', () => {
  it('the booking tap’s consent is spent on the confirmation; later notices stay in-app', async () => {
    h = await createHarness({ now: MONDAY_10AM, pushNeedsConsent: true })
    await thursdayRule(h, { slotCapacity: 1 })
    const day = await nextDay(h)
    expect(await h.ok(RESIDENT_2, 'subscription.record', { accepted: ['booking', 'progress'] })).toEqual({ credits: { booking: 1, progress: 1 } })
    const holder = await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0' })
    await h.ok(RESIDENT_2, 'reception.book', { occurrenceId: day.id, slot: 's0', waitlist: true })
    h.clock.advance(60_000)
    await h.ok(RESIDENT, 'reception.cancelBooking', { bookingId: holder.id })
    const list = await h.store.collection<NotificationDoc>('notifications').find({ recipientId: 'dev-resident-2' }, { limit: 10 })
    expect(list.map((n) => [n.title, n.push.status]).sort()).toEqual([
      ['候补成功，已为您预约', 'sent'],
      ['已加入候补', 'not_applicable'],
    ])
    // Resident 1 gave no consent: the confirmation is in the message list without a push.
    const r1 = await h.store.collection<NotificationDoc>('notifications').find({ recipientId: 'dev-resident-1' }, { limit: 10 })
    expect(r1.map((n) => [n.title, n.push.status])).toEqual([['民情接待日预约成功', 'no_consent']])
  })
})
