// The dashboards (统计分析): figures of the caller's stations over a period of months, read from the
// station-month rollups (a year of 50 stations is 600 small documents), plus the overdue and 督办
// lists read from the cases. Definitions: domain/insight/figures.ts (`DEFINITIONS`), docs/insight.md.
import {
  CATEGORY_LABELS,
  CASE_STATUS_LABELS,
  CHANNEL_LABELS,
  OPEN_STATUSES,
  addDays,
  shanghaiDate,
  type Category,
  type Channel,
  type DashboardCase,
  type DashboardView,
} from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { caseScopeFilter } from '../../domain/caseAccess'
import { overdueDays } from '../../domain/deadlines'
import { DEFINITIONS, rateOf } from '../../domain/insight/figures'
import type { CaseDoc, StationDoc, UnitDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { flatten, type RollupDoc } from './rollups'
import { insightScope } from './scope'

export interface DashboardInput {
  from?: string
  to?: string
  stationId?: string
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  while ((y < ty || (y === ty && m <= tm)) && out.length < 36) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}

/** The default period: the last 12 months up to this one. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const to = shanghaiDate(now).slice(0, 7)
  const [y, m] = to.split('-').map(Number)
  const fromMonth = m === 12 ? 1 : m + 1
  const fromYear = m === 12 ? y : y - 1
  return { from: `${fromYear}-${String(fromMonth).padStart(2, '0')}`, to }
}

export async function readStationRollups(deps: Deps, stationIds: string[], months: string[]): Promise<RollupDoc[]> {
  // One query per month on (kind, month) — indexed — then the caller's stations in memory: cheaper
  // than naming every station-month id (a 600-id `$in` is matched id by id).
  const wanted = new Set(stationIds)
  const rollups = deps.store.collection<RollupDoc>('insight_rollups')
  const out: RollupDoc[] = []
  for (const month of months) {
    for (let skip = 0; ; skip += 1000) {
      const page = await rollups.find({ month, kind: 'station' }, { skip, limit: 1000 })
      for (const doc of page) if (wanted.has(doc.key)) out.push(doc)
      if (page.length < 1000) break
    }
  }
  return out
}

const num = (counts: Record<string, number>, path: string) => counts[path] ?? 0

/** Monday of the week of a date (YYYY-MM-DD). */
function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  const back = (d.getUTCDay() + 6) % 7
  return addDays(date, -back)
}

function presentListCase(c: CaseDoc, stations: Map<string, StationDoc>, now: Date): DashboardCase {
  return {
    id: c._id,
    trackingNo: c.trackingNo,
    stationName: stations.get(c.stationId)?.name ?? '',
    category: CATEGORY_LABELS[c.category] ?? c.category,
    status: CASE_STATUS_LABELS[c.status],
    dueDate: c.deadline?.dueDate ?? null,
    overdueDays: c.deadline ? overdueDays(c.deadline, now) : 0,
    // Who must act now: the unit while it handles the case, else the office holding it, else the station.
    holder: (c.status === 'transferred' ? c.transfer?.unitName : null) ?? c.office?.name ?? stations.get(c.stationId)?.name ?? '',
    summary: c.content.length > 40 ? `${c.content.slice(0, 40)}…` : c.content,
  }
}

/** The overdue (超期) and supervised (督办) cases of the caller's scope, most overdue first. */
export async function overdueLists(deps: Deps, caller: Caller, stationIds: string[], stations: Map<string, StationDoc>) {
  const now = deps.clock.now()
  if (!caseScopeFilter(caller)) return { overdue: [], supervised: [] }
  // Station staff and admins: their stations' cases; office staff only what reached their office (caseAccess.ts).
  const officeOnly = caller.role === 'staff' && caller.office && !stationIds.every((id) => caller.stationIds.includes(id))
  // One indexed range query (the lower bound keeps the embedded store's index from scanning the cases
  // without a deadline): only cases whose clock runs have a `deadline`, and 督办 happens only
  // past due, so the supervised cases are among the overdue ones. Scope and status are checked here.
  const wanted = new Set(stationIds)
  const open = new Set<string>(OPEN_STATUSES)
  const overdue: CaseDoc[] = []
  const cases = deps.store.collection<CaseDoc>('cases')
  for (let skip = 0; overdue.length < 200; skip += 1000) {
    const page = await cases.find({ 'deadline.dueAt': { $gt: '2000', $lt: now.toISOString() } }, { sort: [['deadline.dueAt', 1]], skip, limit: 1000 })
    for (const c of page) {
      if (!wanted.has(c.stationId) || !open.has(c.status)) continue
      if (officeOnly && !c.officeIds?.includes(caller.office!.regionId)) continue
      overdue.push(c)
    }
    if (page.length < 1000) break
  }
  const supervised = overdue.filter((c) => c.deadline?.supervisedAt)
  return {
    overdue: overdue.map((c) => presentListCase(c, stations, now)),
    supervised: supervised.map((c) => presentListCase(c, stations, now)),
  }
}

export async function dashboard(deps: Deps, caller: Caller, input: DashboardInput): Promise<DashboardView> {
  const period = defaultPeriod(deps.clock.now())
  const from = input.from ?? period.from
  const to = input.to ?? period.to
  const { stations, label } = await insightScope(deps, caller, input.stationId)
  const byId = new Map(stations.map((s) => [s._id, s]))
  const months = monthsBetween(from, to)
  const docs = await readStationRollups(deps, stations.map((s) => s._id), months)

  const total: Record<string, number> = {}
  const perStation = new Map<string, Record<string, number>>()
  const perMonth = new Map<string, number>()
  const perWeek = new Map<string, number>()
  for (const doc of docs) {
    const counts = flatten(doc.counts, '', {})
    const st = perStation.get(doc.key) ?? {}
    for (const [path, n] of Object.entries(counts)) {
      total[path] = (total[path] ?? 0) + n
      st[path] = (st[path] ?? 0) + n
      if (path.startsWith('day.')) {
        const week = weekOf(`${doc.month}-${path.slice(4)}`)
        perWeek.set(week, (perWeek.get(week) ?? 0) + n)
      }
    }
    perStation.set(doc.key, st)
    perMonth.set(doc.month, (perMonth.get(doc.month) ?? 0) + num(counts, 'n'))
  }
  const unitIds = new Set(Object.keys(total).filter((p) => p.startsWith('unit.')).map((p) => p.split('.')[1]))
  const units = unitIds.size ? await deps.store.collection<UnitDoc>('units').find({ _id: { $in: [...unitIds] } }, { limit: 1000 }) : []
  const unitName = new Map(units.map((u) => [u._id, u.name]))
  const lists = await overdueLists(deps, caller, stations.map((s) => s._id), byId)
  const weeks = [...perWeek.keys()].sort()

  return {
    scopeLabel: label,
    from,
    to,
    received: num(total, 'n'),
    seconds: num(total, 'seconds'),
    byMonth: months.map((m) => ({ key: m, label: `${Number(m.slice(5))}月`, count: perMonth.get(m) ?? 0 })),
    byWeek: weeks.map((w) => ({ key: w, label: `${w.slice(5)}周`, count: perWeek.get(w) ?? 0 })),
    byCategory: (Object.keys(CATEGORY_LABELS) as Category[])
      .map((c) => ({ key: c, label: CATEGORY_LABELS[c], count: num(total, `cat.${c}`) }))
      .filter((x) => x.count > 0)
      .sort((a, b) => b.count - a.count),
    byStation: stations.map((s) => ({ key: s._id, label: s.name, count: num(perStation.get(s._id) ?? {}, 'n') })).sort((a, b) => b.count - a.count),
    byChannel: (Object.keys(CHANNEL_LABELS) as Channel[]).map((c) => ({ key: c, label: CHANNEL_LABELS[c], count: num(total, `ch.${c}`) })),
    closureRate: { value: rateOf(num(total, 'concluded'), num(total, 'base')), numerator: num(total, 'concluded'), denominator: num(total, 'base'), definition: DEFINITIONS.closureRate },
    onTimeRate: { value: rateOf(num(total, 'onTime'), num(total, 'concluded')), numerator: num(total, 'onTime'), denominator: num(total, 'concluded'), definition: DEFINITIONS.onTimeRate },
    satisfactionRate: { value: rateOf(num(total, 'sat'), num(total, 'rated')), numerator: num(total, 'sat'), denominator: num(total, 'rated'), definition: DEFINITIONS.satisfactionRate },
    avgFirstAnswerHours: { value: num(total, 'fa.n') ? Math.round((num(total, 'fa.min') / num(total, 'fa.n') / 60) * 10) / 10 : null, definition: DEFINITIONS.avgFirstAnswerHours },
    avgReplyHours: { value: num(total, 'rp.n') ? Math.round((num(total, 'rp.min') / num(total, 'rp.n') / 60) * 10) / 10 : null, definition: DEFINITIONS.avgReplyHours },
    units: [...unitIds]
      .map((u) => ({
        id: u,
        name: unitName.get(u) ?? u,
        count: num(total, `unit.${u}.n`),
        onTimeRate: rateOf(num(total, `unit.${u}.onTime`), num(total, `unit.${u}.concluded`)),
        satisfactionRate: rateOf(num(total, `unit.${u}.sat`), num(total, `unit.${u}.rated`)),
      }))
      .sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || (b.satisfactionRate ?? -1) - (a.satisfactionRate ?? -1)),
    stations: stations
      .map((s) => {
        const c = perStation.get(s._id) ?? {}
        return { id: s._id, name: s.name, count: num(c, 'n'), onTimeRate: rateOf(num(c, 'onTime'), num(c, 'concluded')), satisfactionRate: rateOf(num(c, 'sat'), num(c, 'rated')) }
      })
      .sort((a, b) => b.count - a.count || (b.satisfactionRate ?? -1) - (a.satisfactionRate ?? -1)),
    overdue: lists.overdue,
    supervised: lists.supervised,
    stationOptions: stations.map((s) => ({ id: s._id, name: s.name })),
  }
}
