// 年度代表工作目标及完成情况: staff of the station (or the admin) keep each year's goals and
// progress; the station page shows them in its 公示 together with each deputy's record in counts.
import { GOAL_STATUS_LABELS, shanghaiDate, type GoalView, type ParsedInput, type PublicityView, type StationGoalsView } from '@minyi/types'
import { createHash } from 'node:crypto'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { CaseDoc, DeputyDoc, StationDoc, StationGoal } from '../../domain/records'
import type { OccurrenceDoc } from '../../domain/reception/records'
import type { SuggestionDoc } from '../../domain/suggestions/records'
import type { Filter } from '../../ports'
import { recordAudit } from '../audit/recordAudit'
import type { Deps } from '../deps'
import { stationForEdit } from './scope'

function presentGoal(g: StationGoal): GoalView {
  return { id: g.id, title: g.title, status: g.status, statusLabel: GOAL_STATUS_LABELS[g.status], progress: g.progress }
}

function view(station: StationDoc, year: number): StationGoalsView {
  return { stationId: station._id, year, goals: (station.goals?.[String(year)] ?? []).map(presentGoal), version: station.goalsVersion ?? 0 }
}

export async function getGoals(deps: Deps, caller: Caller, input: ParsedInput<'admin.goal.get'>): Promise<StationGoalsView> {
  const { station } = await stationForEdit(deps, caller, input.stationId)
  return view(station, input.year)
}

export async function saveGoals(deps: Deps, caller: Caller, input: ParsedInput<'admin.goal.save'>, requestId: string): Promise<StationGoalsView> {
  const { station } = await stationForEdit(deps, caller, input.stationId)
  if (station.retiredAt) throw new DomainError('INVALID_STATE', '该家站点已撤并，不能再修改年度目标')
  const version = station.goalsVersion ?? 0
  if (input.version !== version) throw new DomainError('CONFLICT', '年度目标刚刚已被他人修改，请刷新后再保存')
  const key = String(input.year)
  const before = station.goals?.[key] ?? []
  const goals: StationGoal[] = input.goals.map((g, i) => ({
    id: g.id && before.some((b) => b.id === g.id) ? g.id : `g_${createHash('sha256').update(`${requestId}|${i}`).digest('hex').slice(0, 12)}`,
    title: g.title,
    status: g.status,
    progress: g.progress,
  }))
  const filter: Filter = version === 0 ? { _id: station._id, $or: [{ goalsVersion: 0 }, { goalsVersion: { $exists: false } }] } : { _id: station._id, goalsVersion: version }
  const done = await deps.store.collection<StationDoc>('stations').update(filter, { set: { [`goals.${key}`]: goals, goalsVersion: version + 1 } })
  if (!done) throw new DomainError('CONFLICT', '年度目标刚刚已被他人修改，请刷新后再保存')
  await recordAudit(deps, caller, requestId, {
    objectType: 'goal', objectId: `${station._id}:${key}`, objectLabel: `${station.name} ${key}年度目标`, action: 'update',
    summary: `修改${station.name}${key}年度代表工作目标及完成情况`, before: { goals: before }, after: { goals },
  })
  return view({ ...station, goals: { ...(station.goals ?? {}), [key]: goals }, goalsVersion: version + 1 }, input.year)
}

/** The 公示 of a station: this year's goals, and what each of its deputies has done, in counts. */
export async function stationPublicity(deps: Deps, station: StationDoc, deputies: DeputyDoc[]): Promise<PublicityView> {
  const today = shanghaiDate(deps.clock.now())
  const year = Number(today.slice(0, 4))
  const goals = (station.goals?.[String(year)] ?? []).map(presentGoal)
  const ids = deputies.map((d) => d._id)
  const stationIds = [...new Set(deputies.flatMap((d) => d.stationIds))]
  const [occurrences, suggestions] = await Promise.all([
    stationIds.length
      ? deps.store.collection<OccurrenceDoc>('reception_occurrences').find({ stationId: { $in: stationIds }, date: { $lte: today }, status: 'scheduled' }, { limit: 1000 })
      : Promise.resolve([]),
    ids.length ? deps.store.collection<SuggestionDoc>('suggestions').find({ deputyId: { $in: ids }, status: { $nin: ['draft', 'withdrawn'] } }, { limit: 1000 }) : Promise.resolve([]),
  ])
  const counted = await Promise.all(ids.map((id) => deps.store.collection<CaseDoc>('cases').count({ deputyId: id })))
  return {
    year,
    goals,
    done: goals.filter((g) => g.status === 'done').length,
    deputies: ids.map((deputyId, i) => ({
      deputyId,
      cases: counted[i],
      receptionDuties: occurrences.filter((o) => o.duty.some((d) => d.deputyId === deputyId)).length,
      suggestions: suggestions.filter((s) => s.deputyId === deputyId).length,
    })),
  }
}
