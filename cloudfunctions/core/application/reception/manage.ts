// Running reception days: the station's list, one day's visitors, cancelling or moving a day,
// the duty roster, check-in, walk-ins, minutes, and a deputy's own duties.
import { addDays, shanghaiDate, type ActionOutput, type DutyView, type OccurrenceManageView, type ParsedInput, type VisitorView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import { maskPhone } from '../../domain/phone'
import type { CaseDoc, StationDoc } from '../../domain/records'
import { occurrenceCancelledNotice, occurrenceMovedNotice } from '../../domain/reception/notices'
import {
  checkInOpen,
  countsOf,
  hasEnded,
  movedOccurrence,
  peopleToTell,
  planCancelOccurrence,
  planCheckIn,
  planMoveOccurrence,
  planWalkIn,
  startsAt,
} from '../../domain/reception/occurrence'
import type { BookingDoc, OccurrenceDoc } from '../../domain/reception/records'
import { minutesOf } from '../../domain/reception/schedule'
import type { Deps } from '../deps'
import { stationsById } from '../shared/lookups'
import { ensureStationMaterialised } from './materialise'
import { commandsFor, presentCard, presentManage, presentVisitor } from './present'
import {
  assertManages,
  assertWorksAt,
  bookingsOf,
  deputiesOfStation,
  deputyUsers,
  dutyFor,
  flushOccurrence,
  hashId,
  loadWorkedOccurrence,
  occurrencesOf,
  settingsOf,
  stationById,
} from './shared'

const ATTEMPTS = 8

function presentDuty(occ: OccurrenceDoc, station: StationDoc, now: Date, deps: Deps): DutyView {
  return { ...presentCard(occ, station, now, deps), address: station.address, counts: countsOf(occ, now, settingsOf(deps)) }
}

function requireCommand(occ: OccurrenceDoc, caller: Caller, now: Date, deps: Deps, command: string, refusal: string): void {
  if (!commandsFor(occ, caller, now, settingsOf(deps)).includes(command)) throw new DomainError('INVALID_STATE', refusal)
}

export async function listOccurrences(deps: Deps, caller: Caller, input: ParsedInput<'reception.occurrences'>): Promise<{ occurrences: DutyView[] }> {
  assertWorksAt(caller, input.stationId)
  await ensureStationMaterialised(deps, input.stationId)
  const station = await stationById(deps, input.stationId)
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  const occs = input.past
    ? await occurrencesOf(deps).find(
        { stationId: station._id, date: { $lte: today }, status: { $in: ['scheduled', 'cancelled'] } },
        { sort: [['date', -1]], limit: 60 },
      )
    : await occurrencesOf(deps).find(
        { stationId: station._id, date: { $gte: addDays(today, -1) }, status: { $in: ['scheduled', 'cancelled'] } },
        { sort: [['date', 1]], limit: 200 },
      )
  const settings = settingsOf(deps)
  const shown = input.past ? occs.filter((o) => hasEnded(o, now, settings) || o.status === 'cancelled') : occs.filter((o) => !hasEnded(o, now, settings))
  return { occurrences: shown.map((o) => presentDuty(o, station, now, deps)) }
}

export async function myDuties(deps: Deps, caller: Caller): Promise<{ duties: DutyView[] }> {
  if (!caller.deputyId || !caller.stationIds.length) return { duties: [] }
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  for (const stationId of caller.stationIds) await ensureStationMaterialised(deps, stationId)
  const occs = await occurrencesOf(deps).find(
    { stationId: { $in: caller.stationIds }, date: { $gte: today }, status: { $in: ['scheduled', 'cancelled'] } },
    { sort: [['date', 1], ['start', 1]], limit: 500 },
  )
  const settings = settingsOf(deps)
  const mine = occs.filter((o) => o.duty.some((d) => d.deputyId === caller.deputyId) && !hasEnded(o, now, settings))
  const stations = await stationsById(deps.store, mine.map((o) => o.stationId))
  return {
    duties: mine.flatMap((o) => {
      const station = stations.get(o.stationId)
      return station ? [presentDuty(o, station, now, deps)] : []
    }),
  }
}

async function visitorsOf(deps: Deps, caller: Caller, occ: OccurrenceDoc): Promise<VisitorView[]> {
  const bookings = await bookingsOf(deps).find({ occurrenceId: occ._id }, { sort: [['createdAt', 1]], limit: 1000 })
  const caseIds = [...new Set(bookings.flatMap((b) => b.caseIds))]
  const cases = caseIds.length ? await deps.store.collection<CaseDoc>('cases').find({ _id: { $in: caseIds } }, { limit: 1000 }) : []
  const byId = new Map(cases.map((c) => [c._id, c]))
  const now = deps.clock.now()
  const views = bookings
    .map((b) => presentVisitor(b, occ, b.caseIds.map((id) => byId.get(id)).filter((c): c is CaseDoc => !!c), caller, now, deps))
    .filter((v): v is VisitorView => !!v && v.status !== 'cancelled')
  const order = (v: VisitorView) => `${v.slotStart ?? '99:99'} ${v.status === 'waiting' ? String(v.waitPosition ?? 0).padStart(3, '0') : '000'}`
  return views.sort((a, b) => order(a).localeCompare(order(b)))
}

export async function occurrenceVisitors(deps: Deps, caller: Caller, input: ParsedInput<'reception.visitors'>): Promise<ActionOutput<'reception.visitors'>> {
  const occ = await loadWorkedOccurrence(deps, caller, input.occurrenceId)
  const station = await stationById(deps, occ.stationId)
  const deputies = await deputiesOfStation(deps, station._id)
  return {
    occurrence: presentManage(occ, station, caller, deps.clock.now(), deps),
    visitors: await visitorsOf(deps, caller, occ),
    stationDeputies: deputies.map((d) => ({ id: d._id, name: d.name })),
  }
}

async function manageView(deps: Deps, caller: Caller, occurrenceId: string): Promise<OccurrenceManageView> {
  const occ = await loadWorkedOccurrence(deps, caller, occurrenceId)
  return presentManage(occ, await stationById(deps, occ.stationId), caller, deps.clock.now(), deps)
}

async function recipients(deps: Deps, occ: OccurrenceDoc): Promise<Array<{ key: string; slot: string | null; deputy: boolean }>> {
  const residents = peopleToTell(occ).map(([key, h]) => ({ key, slot: h.slot, deputy: false }))
  const users = await deputyUsers(deps, occ.duty.map((d) => d.deputyId))
  const deputies = occ.duty.flatMap((d) => (users.has(d.deputyId) ? [{ key: users.get(d.deputyId) as string, slot: null, deputy: true }] : []))
  return [...residents, ...deputies]
}

export async function cancelOccurrence(deps: Deps, caller: Caller, input: ParsedInput<'reception.cancelOccurrence'>): Promise<OccurrenceManageView> {
  const occurrences = occurrencesOf(deps)
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const occ = await loadWorkedOccurrence(deps, caller, input.occurrenceId)
    assertManages(caller, occ.stationId)
    if (occ.status === 'cancelled') return manageView(deps, caller, occ._id)
    const now = deps.clock.now()
    const at = now.toISOString()
    requireCommand(occ, caller, now, deps, 'cancel', '接待已经开始或已结束，不能再取消')
    const station = await stationById(deps, occ.stationId)
    const notices = (await recipients(deps, occ)).map((r) =>
      occurrenceCancelledNotice({ id: `${occ._id}-x${occ.rev}-${r.key}`, occ, recipientId: r.key, deputy: r.deputy, reason: input.reason, station, at }),
    )
    const plan = planCancelOccurrence(occ, { reason: input.reason, by: caller.userId, at, notices })
    if ((await occurrences.update(plan.filter, plan.update)) !== 1) continue
    const active = peopleToTell(occ).map(([, h]) => h.b)
    if (active.length) {
      await bookingsOf(deps).update(
        { _id: { $in: active }, status: { $in: ['pending', 'booked', 'waiting'] } },
        { set: { status: 'cancelled', cancel: { by: 'station', reason: input.reason, at }, updatedAt: at } },
      )
    }
    await flushOccurrence(deps, occ._id)
    return manageView(deps, caller, occ._id)
  }
  throw new DomainError('CONFLICT', '这次接待日刚刚有新的预约或变动，请刷新后再操作')
}

export async function moveOccurrence(deps: Deps, caller: Caller, input: ParsedInput<'reception.moveOccurrence'>): Promise<OccurrenceManageView> {
  const settings = settingsOf(deps)
  const occurrences = occurrencesOf(deps)
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const occ = await loadWorkedOccurrence(deps, caller, input.occurrenceId)
    assertManages(caller, occ.stationId)
    const now = deps.clock.now()
    const at = now.toISOString()
    requireCommand(occ, caller, now, deps, 'move', '这次接待日已取消或已经开始，不能再调整')
    const start = input.start ?? occ.start
    const earliest = addDays(shanghaiDate(now), settings.announceDays)
    if (input.date < earliest) {
      throw new DomainError('INVALID_INPUT', `接待日至少提前${settings.announceDays}天公告，新的日期最早为${earliest}`)
    }
    if (input.date === occ.date && start === occ.start) throw new DomainError('INVALID_INPUT', '新的日期和时间与原来相同')
    const after = movedOccurrence(occ, input.date, start)
    if (minutesOf(after.end) > minutesOf('22:00') || minutesOf(after.end) <= minutesOf(after.start)) {
      throw new DomainError('INVALID_INPUT', '调整后的接待时间应在当天22:00之前结束')
    }
    const sameDay = await occurrences.find({ stationId: occ.stationId, date: input.date, status: 'scheduled' }, { limit: 10 })
    const clash = sameDay.find((o) => o._id !== occ._id && minutesOf(o.start) < minutesOf(after.end) && minutesOf(after.start) < minutesOf(o.end))
    if (clash) throw new DomainError('INVALID_INPUT', '那天同一时间已有接待日，请换一个日期或时间')
    const station = await stationById(deps, occ.stationId)
    const notices = (await recipients(deps, occ)).map((r) =>
      occurrenceMovedNotice({
        id: `${occ._id}-m${occ.rev}-${r.key}`,
        before: occ,
        after,
        slot: r.slot,
        recipientId: r.key,
        deputy: r.deputy,
        reason: input.reason,
        station,
        at,
      }),
    )
    const plan = planMoveOccurrence(occ, after, { reason: input.reason, by: caller.userId, at, notices })
    if ((await occurrences.update(plan.filter, plan.update)) !== 1) continue
    await flushOccurrence(deps, occ._id)
    return manageView(deps, caller, occ._id)
  }
  throw new DomainError('CONFLICT', '这次接待日刚刚有新的预约或变动，请刷新后再操作')
}

export async function setDuty(deps: Deps, caller: Caller, input: ParsedInput<'reception.setDuty'>): Promise<OccurrenceManageView> {
  const occ = await loadWorkedOccurrence(deps, caller, input.occurrenceId)
  assertManages(caller, occ.stationId)
  const now = deps.clock.now()
  requireCommand(occ, caller, now, deps, 'setDuty', '这次接待日已取消或已结束，不能再安排值班')
  const duty = await dutyFor(deps, occ.stationId, input.deputyIds)
  await occurrencesOf(deps).update({ _id: occ._id, status: 'scheduled' }, { set: { duty, dutyManual: true, updatedAt: now.toISOString() } })
  return manageView(deps, caller, occ._id)
}

async function visitorView(deps: Deps, caller: Caller, occurrenceId: string, bookingId: string): Promise<VisitorView> {
  const occ = await loadWorkedOccurrence(deps, caller, occurrenceId)
  const visitor = (await visitorsOf(deps, caller, occ)).find((v) => v.bookingId === bookingId)
  if (!visitor) throw new DomainError('NOT_FOUND', '没有找到这位来访群众')
  return visitor
}

/** Staff (or a deputy of the station) check in a booked or waiting resident on the day. */
export async function checkIn(deps: Deps, caller: Caller, input: ParsedInput<'reception.checkIn'>): Promise<{ visitor: VisitorView }> {
  const occurrences = occurrencesOf(deps)
  const booking = await bookingsOf(deps).get(input.bookingId)
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const occ = await loadWorkedOccurrence(deps, caller, input.occurrenceId)
    if (!booking || booking.occurrenceId !== occ._id) throw new DomainError('NOT_FOUND', '没有找到这条预约')
    const now = deps.clock.now()
    const at = now.toISOString()
    if (!checkInOpen(occ, now, settingsOf(deps))) throw new DomainError('INVALID_STATE', '只能在接待日当天接待时间内签到')
    const h = occ.holders[booking.holderKey]
    if (!h || h.b !== booking._id) throw new DomainError('INVALID_STATE', '这条预约已取消，可按现场来访登记')
    if (h.state === 'checked_in') return { visitor: await visitorView(deps, caller, occ._id, booking._id) }
    const plan = planCheckIn(occ, booking.holderKey, at)
    if ((await occurrences.update(plan.filter, plan.update)) !== 1) continue
    await bookingsOf(deps).update(
      { _id: booking._id, status: { $in: ['pending', 'booked', 'waiting'] } },
      { set: { status: 'checked_in', checkedInAt: at, checkedInBy: caller.userId, updatedAt: at } },
    )
    return { visitor: await visitorView(deps, caller, occ._id, booking._id) }
  }
  throw new DomainError('CONFLICT', '签到没有成功，请刷新后再试')
}

/**
 * A visitor who came without booking: checked in on arrival. Someone without WeChat (or without
 * a phone) is registered by name; a phone number, if given, is sealed and shown masked.
 */
export async function registerWalkIn(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'reception.registerWalkIn'>,
  requestId: string,
): Promise<{ visitor: VisitorView }> {
  const occ = await loadWorkedOccurrence(deps, caller, input.occurrenceId)
  assertManages(caller, occ.stationId)
  const now = deps.clock.now()
  const at = now.toISOString()
  if (!checkInOpen(occ, now, settingsOf(deps))) throw new DomainError('INVALID_STATE', '只能在接待日当天接待时间内登记来访群众')
  const bookingId = hashId('bk-', occ._id, 'walk-in', caller.userId, requestId)
  const key = `v-${bookingId.slice(3, 19)}`
  const bookings = bookingsOf(deps)
  const doc: BookingDoc = {
    _id: bookingId,
    occurrenceId: occ._id,
    stationId: occ.stationId,
    holderKey: key,
    residentId: null,
    kind: 'walk_in',
    name: input.name,
    phoneSealed: input.phone ? deps.phoneVault.seal(input.phone) : null,
    phoneMasked: input.phone ? maskPhone(input.phone) : null,
    topic: input.topic ?? null,
    slot: null,
    status: 'pending',
    cancel: null,
    promotedAt: null,
    checkedInAt: at,
    checkedInBy: caller.userId,
    caseIds: [],
    requestId,
    createdAt: at,
    updatedAt: at,
  }
  await bookings.insert(doc)
  const plan = planWalkIn(occ, { key, bookingId, at })
  if ((await occurrencesOf(deps).update(plan.filter, plan.update)) !== 1) {
    const fresh = await occurrencesOf(deps).get(occ._id)
    if (fresh?.holders[key]?.b !== bookingId) {
      await bookings.remove({ _id: bookingId, status: 'pending' })
      throw new DomainError('INVALID_STATE', '这次接待日已取消，不能登记')
    }
  }
  await bookings.update({ _id: bookingId, status: 'pending' }, { set: { status: 'checked_in', updatedAt: at } })
  return { visitor: await visitorView(deps, caller, occ._id, bookingId) }
}

export async function saveMinutes(deps: Deps, caller: Caller, input: ParsedInput<'reception.saveMinutes'>): Promise<OccurrenceManageView> {
  const occ = await loadWorkedOccurrence(deps, caller, input.occurrenceId)
  const now = deps.clock.now()
  if (occ.status !== 'scheduled') throw new DomainError('INVALID_STATE', '这次接待日已取消，没有纪要')
  if (now < startsAt(occ)) throw new DomainError('INVALID_STATE', '接待开始后才能填写纪要')
  const counts = countsOf(occ, now, settingsOf(deps))
  const minutes = {
    summary: input.summary,
    attendance: counts.checkedIn,
    walkIns: counts.walkIns,
    booked: counts.booked,
    // Minutes are written at the end of the session: whoever booked and has not come is a no-show.
    noShows: Object.values(occ.holders).filter((h) => h.state === 'booked').length,
    matters: occ.matters,
    deputies: occ.duty.map((d) => d.name),
    savedAt: now.toISOString(),
    savedBy: caller.name,
  }
  await occurrencesOf(deps).update({ _id: occ._id }, { set: { minutes, updatedAt: now.toISOString() } })
  return manageView(deps, caller, occ._id)
}
