// The reception part of a station's page: its rules in words, the next day and the next few days
// with the deputies on duty. A station without rule documents falls back to its legacy
// `StationDoc.reception` description.
import { describeRule, shanghaiDate, type ActionOutput, type StationView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { nextReceptionDay } from '../../domain/reception'
import { hasEnded } from '../../domain/reception/occurrence'
import type { BookingDoc } from '../../domain/reception/records'
import type { StationDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { stationByCode } from '../shared/lookups'
import { ensureStationMaterialised } from './materialise'
import { presentCard, presentDetail } from './present'
import { bookingsOf, occurrencesOf, rulesOf, settingsOf } from './shared'

const SHOWN_ON_STATION_PAGE = 3
const SHOWN_FOR_BOOKING = 12

async function upcomingOf(deps: Deps, station: StationDoc, limit: number) {
  await ensureStationMaterialised(deps, station._id)
  const now = deps.clock.now()
  const settings = settingsOf(deps)
  const occs = await occurrencesOf(deps).find(
    { stationId: station._id, date: { $gte: shanghaiDate(now) }, status: { $in: ['scheduled', 'cancelled'] } },
    { sort: [['date', 1], ['start', 1]], limit: limit + 10 },
  )
  return occs.filter((o) => !hasEnded(o, now, settings)).slice(0, limit)
}

async function ruleLabels(deps: Deps, station: StationDoc): Promise<string[] | null> {
  const rules = await rulesOf(deps).find({ stationId: station._id }, { sort: [['createdAt', 1]], limit: 20 })
  if (!rules.length) return null
  return rules.filter((r) => r.active).map((r) => describeRule(r))
}

export async function stationReception(deps: Deps, station: StationDoc): Promise<StationView['reception']> {
  const labels = await ruleLabels(deps, station)
  const now = deps.clock.now()
  // A station made in the console has only a label (day 0) until staff set reception rules: no date to compute.
  if (!labels) return { rule: station.reception.label, next: station.reception.day >= 1 ? nextReceptionDay(station.reception, now) : null, upcoming: [] }
  const occs = await upcomingOf(deps, station, SHOWN_ON_STATION_PAGE)
  const next = occs.find((o) => o.status === 'scheduled')
  return {
    rule: labels.join('；'),
    next: next ? { date: next.date, start: next.start, end: next.end } : null,
    upcoming: occs.map((o) => presentCard(o, station, now, deps)),
  }
}

/** The booking page: the station's next days with their slots, and the caller's own place on each. */
export async function upcomingForBooking(deps: Deps, caller: Caller, stationCode: string): Promise<ActionOutput<'reception.upcoming'>> {
  const station = await stationByCode(deps.store, stationCode)
  const occs = await upcomingOf(deps, station, SHOWN_FOR_BOOKING)
  const mine = new Map<string, BookingDoc>()
  if (caller.role === 'resident' && occs.length) {
    const bookings = await bookingsOf(deps).find(
      { residentId: caller.userId, occurrenceId: { $in: occs.map((o) => o._id) } },
      { limit: 100 },
    )
    for (const b of bookings) mine.set(b._id, b)
  }
  const now = deps.clock.now()
  return {
    stationName: station.name,
    rules: (await ruleLabels(deps, station)) ?? [station.reception.label],
    occurrences: occs.map((o) => {
      const held = caller.role === 'resident' ? o.holders[caller.userId] : undefined
      return presentDetail(o, station, now, deps, caller, held ? (mine.get(held.b) ?? null) : null)
    }),
  }
}
