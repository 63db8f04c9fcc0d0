// 履职档案: one deputy's record for a year, computed every time from what the system records —
// the deputy-month and user-month rollups (cases received, answered on the spot, passed on, visits
// recorded, residents' satisfaction), the reception days they were on duty for, their suggestions —
// plus the activities staff add by hand, scored with the district's points scheme (domain/insight/points.ts).
import { createHash } from 'node:crypto'
import {
  ACTIVITY_KIND_LABELS,
  DEPUTY_LEVEL_LABELS,
  SUGGESTION_STATUS_LABELS,
  pointsSchemeSchema,
  shanghaiDate,
  type ActivityKind,
  type PerformanceRecordView,
  type PointsScheme,
  type PublicRecordView,
  type RecordFigures,
  type Term,
} from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import { deputyBucket, rateOf, userBucket } from '../../domain/insight/figures'
import { DEFAULT_POINTS_SCHEME, scorePoints } from '../../domain/insight/points'
import { monthLabel, monthsBetween, termAt, termsOf, yearWithin, yearsOf } from '../../domain/insight/terms'
import type { DeputyDoc, RegionDoc, StationDoc, UserDoc } from '../../domain/records'
import type { OccurrenceDoc } from '../../domain/reception/records'
import type { SuggestionDoc } from '../../domain/suggestions/records'
import type { Deps } from '../deps'
import { recordAudit } from '../audit/recordAudit'
import { deputyByCode, districtOf, stationsById } from '../shared/lookups'
import { flatten, type RollupDoc } from './rollups'
import { assertMayReadRecord, scopeStations } from './scope'

export interface ActivityDoc {
  _id: string
  deputyId: string
  kind: ActivityKind
  date: string
  title: string
  evidence: string | null
  addedBy: string
  addedByName: string
  createdAt: string
}

export interface AssessmentDoc {
  _id: string
  deputyId: string
  year: number
  result: string
  note: string | null
  recordedAt: string
  recordedBy: string
  recordedByName: string
}

export const RECORD_DEFINITIONS: Record<string, string> = {
  casesReceived: '收到民意：群众通过代表码或接待日向本人反映的民意件数（按提交日计）',
  answeredOnSite: '现场答复：本人现场答复的民意件数（按答复日计）',
  passedOn: '提请转办：本人提请工作人员转办的民意件数',
  duties: '接待日：排班参加并已记录纪要的接待日为出席；排班但当日已过仍无纪要的为缺席',
  visitsRecorded: '接待记录：本人在接待日登记的群众诉求件数',
  suggestions: '议案建议：本期（所选届次或年度）起草、提交人大机关、获承办单位答复的件数',
  satisfactionRate: '群众满意率 =（满意 + 基本满意）÷ 已评价件，范围为本人收到或现场答复的民意',
}

async function deputyOr404(deps: Deps, deputyId: string): Promise<DeputyDoc | null> {
  return deps.store.collection<DeputyDoc>('deputies').get(deputyId)
}

type DistrictDoc = RegionDoc & { pointsScheme?: unknown; terms?: unknown }

/** The district the deputy's (first) station belongs to: it holds the points scheme and the terms. */
async function districtFor(deps: Deps, deputy: DeputyDoc): Promise<DistrictDoc | null> {
  const [station] = deputy.stationIds.length ? await deps.store.collection<StationDoc>('stations').find({ _id: deputy.stationIds[0] }, { limit: 1 }) : []
  return station ? ((await districtOf(deps.store, station.regionId)) as DistrictDoc | null) : null
}

/** The district's terms of office (its region's `terms`), or the default rule (domain/insight/terms.ts). */
export async function termsFor(deps: Deps, deputy: DeputyDoc): Promise<Term[]> {
  return termsOf((await districtFor(deps, deputy))?.terms, shanghaiDate(deps.clock.now()))
}

export interface RecordSelection {
  termId?: string
  year?: number
}

export interface RecordPeriod {
  kind: 'term' | 'year'
  term: Term
  terms: Term[]
  from: string
  to: string
  /** The year shown, or the report year within the term. */
  year: number
}

/**
 * Which period a record covers: a year given → that calendar year within its term (the given term,
 * or the one holding the year); otherwise the given term, by default the current one.
 */
export async function resolvePeriod(deps: Deps, deputy: DeputyDoc, sel: RecordSelection): Promise<RecordPeriod> {
  const terms = await termsFor(deps, deputy)
  const today = shanghaiDate(deps.clock.now())
  let term: Term
  if (sel.termId) {
    const found = terms.find((t) => t.id === sel.termId)
    if (!found) throw new DomainError('INVALID_INPUT', '没有这一届次')
    term = found
  } else if (sel.year !== undefined) {
    term = termAt(terms, `${sel.year}-12-31` < today ? `${sel.year}-12-31` : `${sel.year}-01-01` > today ? `${sel.year}-01-01` : today)
  } else term = termAt(terms, today)
  if (sel.year !== undefined) {
    const within = yearWithin(term, sel.year)
    if (!within) throw new DomainError('INVALID_INPUT', `${sel.year}年不在${term.name}任期内`)
    return { kind: 'year', term, terms, ...within, year: sel.year }
  }
  const thisYear = Number(today.slice(0, 4))
  const years = yearsOf(term)
  const year = years.includes(thisYear) ? thisYear : thisYear > years[years.length - 1] ? years[years.length - 1] : years[0]
  return { kind: 'term', term, terms, from: term.from, to: term.to, year }
}

/** The district's points scheme (its region's `pointsScheme`), or the default 百分制. */
export async function pointsSchemeFor(deps: Deps, deputy: DeputyDoc): Promise<PointsScheme> {
  const override = (await districtFor(deps, deputy))?.pointsScheme
  const parsed = override ? pointsSchemeSchema.safeParse(override) : null
  return parsed?.success ? parsed.data : DEFAULT_POINTS_SCHEME
}


interface Computed {
  figures: RecordFigures
  activities: ActivityDoc[]
  suggestions: SuggestionDoc[]
}

/** The record's figures over a period (a term or a year within it), from the same monthly rollups. */
async function computeRecord(deps: Deps, deputy: DeputyDoc, period: { from: string; to: string }): Promise<Computed> {
  const months = monthsBetween(period.from, period.to)
  const users = await deps.store.collection<UserDoc>('users').find({ deputyId: deputy._id }, { limit: 10 })
  const ids = [...months.map((m) => deputyBucket(deputy._id, m)), ...users.flatMap((u) => months.map((m) => userBucket(u._id, m)))]
  const rollups = await deps.store.collection<RollupDoc>('insight_rollups').find({ _id: { $in: ids } }, { limit: 1000 })
  const t: Record<string, number> = {}
  for (const r of rollups) for (const [k, n] of Object.entries(flatten(r.counts, '', {}))) t[k] = (t[k] ?? 0) + n
  const first = period.from
  const last = period.to
  const today = shanghaiDate(deps.clock.now())
  const days = await deps.store
    .collection<OccurrenceDoc>('reception_occurrences')
    .find({ 'duty.deputyId': deputy._id, date: { $gte: first, $lte: last } }, { limit: 1000 })
  const held = days.filter((d) => d.status === 'scheduled')
  const attended = held.filter((d) => d.minutes).length
  const missed = held.filter((d) => !d.minutes && d.date < today).length
  const all = await deps.store.collection<SuggestionDoc>('suggestions').find({ deputyId: deputy._id }, { sort: [['createdAt', 1]], limit: 1000 })
  const inYear = (at: string | null) => {
    const day = at ? shanghaiDate(at) : null
    return Boolean(day && day >= first && day <= last)
  }
  const suggestions = all.filter((s) => s.status !== 'withdrawn' && (inYear(s.createdAt) || inYear(s.submittedAt) || inYear(s.answeredAt)))
  const ratings = suggestions.flatMap((s) => s.ratings ?? []).filter((r) => inYear((r as { at?: string }).at ?? null))
  const activities = await deps.store
    .collection<ActivityDoc>('deputy_activities')
    .find({ deputyId: deputy._id, date: { $gte: first, $lte: last } }, { sort: [['date', 1]], limit: 1000 })
  const rated = t.rated ?? 0
  const satisfied = t.sat ?? 0
  return {
    figures: {
      casesReceived: t.received ?? 0,
      answeredOnSite: t.onsite ?? 0,
      passedOn: t.passedOn ?? 0,
      dutiesAttended: attended,
      dutiesMissed: missed,
      visitsRecorded: t.visits ?? 0,
      suggestionsDrafted: suggestions.filter((s) => inYear(s.createdAt)).length,
      suggestionsSubmitted: suggestions.filter((s) => inYear(s.submittedAt)).length,
      suggestionsAnswered: suggestions.filter((s) => inYear(s.answeredAt)).length,
      rated,
      satisfied,
      satisfactionRate: rateOf(satisfied, rated),
      suggestionRatings: {
        rated: ratings.length,
        satisfied: ratings.filter((r) => ['satisfied', 'basically'].includes((r as { value?: string; rating?: string }).value ?? (r as { rating?: string }).rating ?? '')).length,
      },
    },
    activities,
    suggestions,
  }
}

function activityCounts(activities: ActivityDoc[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const a of activities) out[a.kind] = (out[a.kind] ?? 0) + 1
  return out
}

export async function buildRecord(deps: Deps, caller: Caller | null, deputy: DeputyDoc, sel: RecordSelection): Promise<PerformanceRecordView> {
  const period = await resolvePeriod(deps, deputy, sel)
  const year = period.year
  const { figures, activities, suggestions } = await computeRecord(deps, deputy, period)
  const scheme = await pointsSchemeFor(deps, deputy)
  const { score, lines } = scorePoints(scheme, figures, activityCounts(activities))
  const stations = await stationsById(deps.store, deputy.stationIds)
  const assessment = await deps.store.collection<AssessmentDoc>('record_assessments').get(assessmentId(deputy._id, year))
  const staff = caller ? caller.role === 'staff' || caller.role === 'admin' : false
  return {
    deputy: { id: deputy._id, code: deputy.code, name: deputy.name, level: DEPUTY_LEVEL_LABELS[deputy.level] ?? deputy.level, stations: deputy.stationIds.map((id) => stations.get(id)?.name ?? id) },
    year,
    term:
      period.kind === 'term'
        ? `${period.term.name}（${monthLabel(period.term.from)}—${monthLabel(period.term.to)}）`
        : `${year}年度（${period.term.name}）`,
    period: { kind: period.kind, from: period.from, to: period.to },
    termOfOffice: period.term,
    terms: period.terms,
    years: yearsOf(period.term),
    figures,
    activities: activities.map((a) => ({ id: a._id, kind: a.kind, kindLabel: ACTIVITY_KIND_LABELS[a.kind], date: a.date, title: a.title, evidence: a.evidence, addedByName: a.addedByName })),
    suggestions: suggestions.map((s) => ({ id: s._id, no: s.no, title: s.title, status: s.status, statusLabel: SUGGESTION_STATUS_LABELS[s.status], answered: (s.answers ?? []).length > 0 })),
    points: { scheme: scheme.name, total: scheme.total, score, lines },
    assessment: assessment ? { result: assessment.result, note: assessment.note, recordedAt: assessment.recordedAt, recordedByName: assessment.recordedByName } : null,
    mayEdit: staff,
    mayAssess: caller?.role === 'admin' || (caller?.role === 'staff' && Boolean(caller.office)),
    definitions: RECORD_DEFINITIONS,
  }
}

function thisYear(deps: Deps): number {
  return Number(shanghaiDate(deps.clock.now()).slice(0, 4))
}

export async function getRecord(deps: Deps, caller: Caller, input: { deputyId?: string; termId?: string; year?: number }): Promise<PerformanceRecordView> {
  const deputyId = input.deputyId ?? caller.deputyId
  if (!deputyId) throw new DomainError('INVALID_INPUT', '请选择代表')
  const deputy = await assertMayReadRecord(deps, caller, await deputyOr404(deps, deputyId))
  return buildRecord(deps, caller, deputy, { termId: input.termId, year: input.year })
}

/** The deputies whose records the caller may open (staff: their stations'; admin: the district's). */
export async function listRecordDeputies(deps: Deps, caller: Caller): Promise<Array<{ id: string; name: string; stations: string[] }>> {
  const stations = await scopeStations(deps, caller)
  if (caller.role === 'deputy') {
    const own = caller.deputyId ? await deputyOr404(deps, caller.deputyId) : null
    return own ? [{ id: own._id, name: own.name, stations: [] }] : []
  }
  const names = new Map(stations.map((s) => [s._id, s.name]))
  const deputies = stations.length
    ? await deps.store.collection<DeputyDoc>('deputies').find({ stationIds: { $in: stations.map((s) => s._id) } }, { sort: [['name', 1]], limit: 1000 })
    : []
  return deputies.map((d) => ({ id: d._id, name: d.name, stations: d.stationIds.filter((id) => names.has(id)).map((id) => names.get(id)!) }))
}

/** What residents see on the deputy's page: counts only. */
export async function publicRecord(deps: Deps, code: string): Promise<PublicRecordView> {
  const deputy = await deputyByCode(deps.store, code)
  const year = thisYear(deps)
  const { figures, activities } = await computeRecord(deps, deputy, { from: `${year}-01-01`, to: `${year}-12-31` })
  return {
    year,
    casesReceived: figures.casesReceived,
    answeredOnSite: figures.answeredOnSite,
    dutiesAttended: figures.dutiesAttended,
    suggestionsSubmitted: figures.suggestionsSubmitted,
    activities: activities.length,
  }
}

const assessmentId = (deputyId: string, year: number) => `as_${deputyId}_${year}`

async function staffMayEdit(deps: Deps, caller: Caller, deputyId: string): Promise<DeputyDoc> {
  return assertMayReadRecord(deps, caller, await deputyOr404(deps, deputyId))
}

export async function addActivity(
  deps: Deps,
  caller: Caller,
  input: { deputyId: string; kind: ActivityKind; date: string; title: string; evidence?: string },
  requestId: string,
): Promise<PerformanceRecordView> {
  const deputy = await staffMayEdit(deps, caller, input.deputyId)
  if (input.date > shanghaiDate(deps.clock.now())) throw new DomainError('INVALID_INPUT', '活动日期不能晚于今天')
  const _id = `act_${createHash('sha256').update(`${caller.userId}:${requestId}`).digest('hex').slice(0, 24)}`
  const doc: ActivityDoc = {
    _id,
    deputyId: deputy._id,
    kind: input.kind,
    date: input.date,
    title: input.title,
    evidence: input.evidence ?? null,
    addedBy: caller.userId,
    addedByName: caller.name,
    createdAt: deps.clock.now().toISOString(),
  }
  if (await deps.store.collection<ActivityDoc>('deputy_activities').insert(doc)) {
    await recordAudit(deps, caller, requestId, {
      objectType: 'performance_record',
      objectId: deputy._id,
      objectLabel: deputy.name,
      action: 'addActivity',
      summary: `为${deputy.name}添加履职活动：${ACTIVITY_KIND_LABELS[input.kind]}「${input.title}」`,
      after: { kind: doc.kind, date: doc.date, title: doc.title, evidence: doc.evidence },
    })
  }
  // The term the activity falls in (the page reloads its own selection).
  const terms = await termsFor(deps, deputy)
  return buildRecord(deps, caller, deputy, { termId: termAt(terms, input.date).id })
}

export async function recordAssessment(
  deps: Deps,
  caller: Caller,
  input: { deputyId: string; year: number; result: string; note?: string },
  requestId: string,
): Promise<PerformanceRecordView> {
  const deputy = await staffMayEdit(deps, caller, input.deputyId)
  const col = deps.store.collection<AssessmentDoc>('record_assessments')
  const id = assessmentId(deputy._id, input.year)
  const before = await col.get(id)
  const doc: AssessmentDoc = {
    _id: id,
    deputyId: deputy._id,
    year: input.year,
    result: input.result,
    note: input.note ?? null,
    recordedAt: deps.clock.now().toISOString(),
    recordedBy: caller.userId,
    recordedByName: caller.name,
  }
  if (before) await col.update({ _id: id }, { set: { result: doc.result, note: doc.note, recordedAt: doc.recordedAt, recordedBy: doc.recordedBy, recordedByName: doc.recordedByName } })
  else await col.insert(doc)
  await recordAudit(deps, caller, requestId, {
    objectType: 'performance_record',
    objectId: deputy._id,
    objectLabel: deputy.name,
    action: 'recordAssessment',
    summary: `记录${deputy.name}${input.year}年度述职评议结果：${input.result}`,
    before: before ? { result: before.result, note: before.note } : null,
    after: { result: doc.result, note: doc.note },
  })
  return buildRecord(deps, caller, deputy, { year: input.year })
}
