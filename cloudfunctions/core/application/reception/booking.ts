// A resident books a slot of a reception day, joins its waitlist when it is full, cancels (which
// hands the place to the first waiting resident), lists their bookings, and is checked in when
// they scan the station's code on the day.
//
// Booking order: (1) the booking document is inserted as `pending` under an id derived from the
// resident and the requestId (a retry lands on the same one); (2) ONE conditional update of the
// occurrence takes the place (capacity and one-per-resident are in its filter) and writes the
// confirmation notice into the occurrence's outbox; (3) the booking document follows. A crash
// between the steps leaves nothing wrong for long: views read the occurrence, and the timer job
// finishes or removes pending bookings.
import { shanghaiDate, shanghaiTime, shortTime, type ActionOutput, type BookingView, type ParsedInput } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { CaseDoc, StationDoc, UserDoc } from '../../domain/records'
import { confirmedNotice, promotedNotice, waitlistedNotice } from '../../domain/reception/notices'
import {
  cancelDeadline,
  checkInWindow,
  planCheckIn,
  planClaim,
  planRelease,
  planWait,
  slotOpen,
  waiters,
} from '../../domain/reception/occurrence'
import type { BookingDoc, OccurrenceDoc } from '../../domain/reception/records'
import type { Deps } from '../deps'
import { stationByCode, stationsById } from '../shared/lookups'
import { presentBooking } from './present'
import { bookingsOf, flushOccurrence, hashId, loadOccurrence, occurrencesOf, settingsOf, stationById } from './shared'

const ATTEMPTS = 12

function cutoffText(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60}小时`
  return `${minutes}分钟`
}

async function casesOf(deps: Deps, bookings: BookingDoc[]): Promise<Map<string, CaseDoc>> {
  const ids = [...new Set(bookings.flatMap((b) => b.caseIds))]
  if (!ids.length) return new Map()
  const cases = await deps.store.collection<CaseDoc>('cases').find({ _id: { $in: ids } }, { limit: 1000 })
  return new Map(cases.map((c) => [c._id, c]))
}

async function viewOf(deps: Deps, bookingId: string): Promise<BookingView> {
  const booking = await bookingsOf(deps).get(bookingId)
  const occ = booking ? await occurrencesOf(deps).get(booking.occurrenceId) : null
  if (!booking || !occ) throw new DomainError('NOT_FOUND', '没有找到这条预约')
  const station = await stationById(deps, occ.stationId)
  const cases = await casesOf(deps, [booking])
  const view = presentBooking(booking, occ, station, booking.caseIds.map((id) => cases.get(id)).filter((c): c is CaseDoc => !!c), deps.clock.now(), deps)
  if (!view) throw new DomainError('CONFLICT', '预约没有成功，请刷新后重试')
  return view
}

/** The booking document follows the occurrence: set its status if it is still in one of `from`. */
async function follow(deps: Deps, bookingId: string, from: BookingDoc['status'][], set: Partial<BookingDoc>): Promise<void> {
  await bookingsOf(deps).update({ _id: bookingId, status: { $in: from } }, { set: { ...set, updatedAt: deps.clock.now().toISOString() } })
}

export async function book(deps: Deps, caller: Caller, input: ParsedInput<'reception.book'>, requestId: string): Promise<BookingView> {
  const settings = settingsOf(deps)
  const now = deps.clock.now()
  const at = now.toISOString()
  let occ = await loadOccurrence(deps, input.occurrenceId)
  const station = await stationById(deps, occ.stationId)
  if (occ.status !== 'scheduled') throw new DomainError('INVALID_STATE', '这次接待日已取消，请选择其他日期')
  if (!occ.slots[input.slot]) throw new DomainError('INVALID_INPUT', '请选择正确的时段')
  const bookingId = hashId('bk-', occ._id, caller.userId, requestId)
  const key = caller.userId

  const held = occ.holders[key]
  if (held && held.b === bookingId) return viewOf(deps, bookingId)
  if (held) throw alreadyHolds(occ, key)
  if (!slotOpen(occ, input.slot, now)) throw new DomainError('INVALID_STATE', '这个时段已经开始，不能再预约，请选择其他时段')

  const user = await deps.store.collection<UserDoc>('users').get(caller.userId)
  const fallbackName = user && user.name !== '微信用户' ? user.name : '群众'
  const bookings = bookingsOf(deps)
  await bookings.insert({
    _id: bookingId,
    occurrenceId: occ._id,
    stationId: occ.stationId,
    holderKey: key,
    residentId: caller.userId,
    kind: 'booking',
    name: input.name ?? fallbackName,
    phoneSealed: null,
    phoneMasked: null,
    topic: input.topic ?? null,
    slot: input.slot,
    status: 'pending',
    cancel: null,
    promotedAt: null,
    checkedInAt: null,
    checkedInBy: null,
    caseIds: [],
    requestId,
    createdAt: at,
    updatedAt: at,
  })
  const giveUp = async (error: DomainError) => {
    await bookings.remove({ _id: bookingId, status: 'pending' })
    return error
  }

  const occurrences = occurrencesOf(deps)
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const slot = occ.slots[input.slot]
    if (occ.status !== 'scheduled') throw await giveUp(new DomainError('INVALID_STATE', '这次接待日刚刚被取消，请选择其他日期'))
    if (!slot) throw await giveUp(new DomainError('CONFLICT', '接待安排刚刚有变动，请刷新后重新选择时段'))
    const mine = occ.holders[key]
    if (mine?.b === bookingId) break
    if (mine) throw await giveUp(alreadyHolds(occ, key))
    if (!slotOpen(occ, input.slot, now)) throw await giveUp(new DomainError('CONFLICT', '接待安排刚刚有变动，这个时段已不能预约，请刷新后重新选择'))

    let applied = 0
    let state: 'booked' | 'waiting'
    if (slot.booked < slot.capacity) {
      state = 'booked'
      const notice = confirmedNotice({ id: `${bookingId}-ok`, occ, slot: input.slot, recipientId: caller.userId, station, at })
      const plan = planClaim(occ, { key, slot: input.slot, bookingId, notice, at })
      applied = await occurrences.update(plan.filter, plan.update)
    } else if (input.waitlist) {
      if (slot.waiting >= settings.waitlistPerSlot) {
        throw await giveUp(new DomainError('CONFLICT', '这个时段的候补人数已满，请选择其他时段或其他日期'))
      }
      state = 'waiting'
      const notice = waitlistedNotice({ id: `${bookingId}-wait`, occ, slot: input.slot, position: slot.waiting + 1, recipientId: caller.userId, station, at })
      const plan = planWait(occ, { key, slot: input.slot, bookingId, limit: settings.waitlistPerSlot, notice, at })
      applied = await occurrences.update(plan.filter, plan.update)
    } else {
      throw await giveUp(new DomainError('CONFLICT', '这个时段已约满，可以加入候补，或选择其他时段'))
    }
    if (applied === 1) {
      await follow(deps, bookingId, ['pending'], { status: state })
      await flushOccurrence(deps, occ._id)
      return viewOf(deps, bookingId)
    }
    // Someone changed the day in between (another booking, a move): read it again and retry.
    const fresh = await occurrences.get(occ._id)
    if (!fresh) throw await giveUp(new DomainError('NOT_FOUND', '没有找到这次接待日'))
    occ = fresh
  }
  const final = await occurrences.get(occ._id)
  if (final?.holders[key]?.b === bookingId) {
    await follow(deps, bookingId, ['pending'], { status: final.holders[key].state === 'waiting' ? 'waiting' : 'booked' })
    return viewOf(deps, bookingId)
  }
  throw await giveUp(new DomainError('CONFLICT', '预约的人较多，请稍后再试'))
}

function alreadyHolds(occ: OccurrenceDoc, key: string): DomainError {
  const h = occ.holders[key]
  const slot = h.slot ? occ.slots[h.slot] : null
  const what = h.state === 'waiting' ? '候补' : '预约'
  const when = slot ? `（${shortTime(slot.start)}–${shortTime(slot.end)}）` : ''
  return new DomainError('INVALID_STATE', `您已${what}本次接待日${when}，每次接待日每人只能预约一个时段。如需换时段，请先取消原来的${what}`)
}

export async function cancelBooking(deps: Deps, caller: Caller, input: ParsedInput<'reception.cancelBooking'>): Promise<BookingView> {
  const bookings = bookingsOf(deps)
  const booking = await bookings.get(input.bookingId)
  if (!booking || booking.residentId !== caller.userId) throw new DomainError('NOT_FOUND', '没有找到这条预约')
  const occurrences = occurrencesOf(deps)
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const now = deps.clock.now()
    const at = now.toISOString()
    const occ = await occurrences.get(booking.occurrenceId)
    if (!occ) throw new DomainError('NOT_FOUND', '没有找到这条预约')
    const h = occ.holders[booking.holderKey]
    if (!h || h.b !== booking._id) {
      // Already let go (an earlier tap): make sure the booking says so and show it.
      await follow(deps, booking._id, ['pending', 'booked', 'waiting'], { status: 'cancelled', cancel: { by: 'resident', reason: null, at } })
      return viewOf(deps, booking._id)
    }
    if (occ.status !== 'scheduled') throw new DomainError('INVALID_STATE', '这次接待日已取消，您的预约已随之取消，无需再操作')
    if (h.state === 'checked_in') throw new DomainError('INVALID_STATE', '您已签到，不能再取消预约')
    const station = await stationById(deps, occ.stationId)
    if (h.state === 'booked' && now >= cancelDeadline(occ, h.slot)) {
      throw new DomainError(
        'INVALID_STATE',
        `距接待开始已不足${cutoffText(occ.cancelCutoffMinutes)}，不能在线取消。如不能到场，请致电${station.contactPhone}告知工作人员`,
      )
    }
    if (h.state === 'waiting' && (!h.slot || !slotOpen(occ, h.slot, now))) {
      throw new DomainError('INVALID_STATE', '这个时段已经开始，候补已自动结束')
    }
    const first = h.state === 'booked' && h.slot ? waiters(occ, h.slot)[0] : undefined
    const promote = first
      ? { key: first[0], notice: promotedNotice({ id: `${first[1].b}-up`, occ, slot: h.slot as string, recipientId: first[0], station, at }) }
      : null
    const plan = planRelease(occ, { key: booking.holderKey, promote, at })
    if ((await occurrences.update(plan.filter, plan.update)) !== 1) continue
    await follow(deps, booking._id, ['pending', 'booked', 'waiting'], { status: 'cancelled', cancel: { by: 'resident', reason: null, at } })
    if (first) await follow(deps, first[1].b, ['pending', 'waiting'], { status: 'booked', promotedAt: at })
    await flushOccurrence(deps, occ._id)
    return viewOf(deps, booking._id)
  }
  throw new DomainError('CONFLICT', '操作的人较多，请稍后再试')
}

export async function myBookings(deps: Deps, caller: Caller): Promise<ActionOutput<'reception.myBookings'>> {
  const bookings = await bookingsOf(deps).find({ residentId: caller.userId }, { sort: [['createdAt', -1]], limit: 200 })
  if (!bookings.length) return { upcoming: [], past: [] }
  const occs = await occurrencesOf(deps).find({ _id: { $in: [...new Set(bookings.map((b) => b.occurrenceId))] } }, { limit: 1000 })
  const occById = new Map(occs.map((o) => [o._id, o]))
  const stations = await stationsById(deps.store, occs.map((o) => o.stationId))
  const cases = await casesOf(deps, bookings)
  const now = deps.clock.now()
  const views: BookingView[] = []
  for (const b of bookings) {
    const occ = occById.get(b.occurrenceId)
    const station = occ ? stations.get(occ.stationId) : undefined
    if (!occ || !station) continue
    const view = presentBooking(b, occ, station, b.caseIds.map((id) => cases.get(id)).filter((c): c is CaseDoc => !!c), now, deps)
    if (view) views.push(view)
  }
  const key = (v: BookingView) => `${v.date} ${v.start}`
  return {
    upcoming: views.filter((v) => v.upcoming).sort((a, b) => key(a).localeCompare(key(b))),
    past: views.filter((v) => !v.upcoming).sort((a, b) => key(b).localeCompare(key(a))),
  }
}

export async function checkInByScan(deps: Deps, caller: Caller, input: ParsedInput<'reception.checkInByScan'>): Promise<ActionOutput<'reception.checkInByScan'>> {
  const settings = settingsOf(deps)
  const station: StationDoc = await stationByCode(deps.store, input.stationCode)
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  const occs = await occurrencesOf(deps).find({ stationId: station._id, date: today, status: 'scheduled' }, { sort: [['start', 1]], limit: 20 })
  const occ = occs.find((o) => o.holders[caller.userId])
  if (!occ) {
    return { result: 'none', message: '您今天在本站没有接待日预约。如需反映问题，可到现场找工作人员登记，或点“反映民意”在线提交。', booking: null }
  }
  const h = occ.holders[caller.userId]
  const view = () => viewOf(deps, h.b)
  if (h.state === 'checked_in') return { result: 'already', message: '您已签到，请在接待区稍候，工作人员会按预约时段请您入内。', booking: await view() }
  if (h.state === 'waiting') {
    return { result: 'none', message: '您今天的预约还在候补中，请到服务台找工作人员登记，我们会尽量安排接待。', booking: await view() }
  }
  const { opens, closes } = checkInWindow(occ, settings)
  if (now < opens) {
    return { result: 'too_early', message: `您预约了今天的接待日，签到将于${shortTime(shanghaiTime(opens))}开始，请到时再扫码。`, booking: await view() }
  }
  if (now >= closes) return { result: 'ended', message: '今天的接待已经结束。如有问题，可以点“反映民意”在线提交。', booking: await view() }
  const at = now.toISOString()
  const plan = planCheckIn(occ, caller.userId, at)
  if ((await occurrencesOf(deps).update(plan.filter, plan.update)) !== 1) {
    const fresh = await occurrencesOf(deps).get(occ._id)
    if (fresh?.holders[caller.userId]?.state !== 'checked_in') throw new DomainError('CONFLICT', '签到没有成功，请再扫一次或找工作人员签到')
  }
  await follow(deps, h.b, ['pending', 'booked'], { status: 'checked_in', checkedInAt: at, checkedInBy: 'scan' })
  const booking = await view()
  return { result: 'checked_in', message: `签到成功！您预约的时段是${shortTime(booking.start)}–${shortTime(booking.end)}，请在接待区稍候。`, booking }
}
