// Dashboards and 履职档案 at scale: 100,000 cases over 2 years across 50 stations (in-memory embedded
// store, the same store port the api uses), with realistic histories (受理, 现场答复 by deputies,
// 转报/转办 with unit answers, ratings, reopen, decline, merge, 附议, 督办).
//   dashboard_p95_ms / dashboard_p50_ms  the office's dashboard for a year, from the station-month rollups
//                                        (600 documents) plus the overdue and 督办 lists
//   record_p95_ms / record_p50_ms        one deputy's record for a year (deputy/user-month rollups,
//                                        reception days, suggestions, activities)
//   record_term_p95_ms                   one deputy's record over the whole term (default rule: 60 months)
//   dashboard_markers_p95_ms,            the same with 100 applied markers (m.<case>) on every bucket: the
//   record_markers_p95_ms                worst case within the hour before the timer job prunes them
//   dashboard_naive_ms                   the same year's figures recomputed from every case's events
//   rollup_docs, seed_s                  size of the rollups and time to build them (rebuildRollups)
// Environment: BENCH_INSIGHT_CASES (default 100000), BENCH_INSIGHT_RUNS (default 40).
import { OPEN_STATUSES, type CaseStatus, type Category, type Channel, type Rating } from '@minyi/types'
import { openNedbStore } from '../cloudfunctions/core/adapters/embedded/nedbStore'
import { createPdfkitRenderer } from '../cloudfunctions/core/adapters/pdf/pdfkitRenderer'
import type { Deps } from '../cloudfunctions/core/application/deps'
import { dashboard } from '../cloudfunctions/core/application/insight/dashboard'
import { getRecord } from '../cloudfunctions/core/application/insight/record'
import { encode, recountFromCases, writeBuckets, type RollupDoc } from '../cloudfunctions/core/application/insight/rollups'
import { contributionOf, sumContributions, type Contribution } from '../cloudfunctions/core/domain/insight/figures'
import { DEFAULT_CONFIG } from '../cloudfunctions/core/config'
import type { Caller } from '../cloudfunctions/core/domain/caller'
import type { CaseDoc, CaseEvent, DeputyDoc, RegionDoc, StationDoc, UnitDoc, UserDoc } from '../cloudfunctions/core/domain/records'
import type { Collection, Store } from '../cloudfunctions/core/ports'
import { generateCase, pick, rng } from './support/caseGenerator'

const NOW = Date.parse('2026-11-23T02:00:00.000Z')
const DAY = 24 * 3600 * 1000
const STATIONS = Array.from({ length: 50 }, (_, i) => `station-${String(i + 1).padStart(2, '0')}`)
const DEPUTIES = Array.from({ length: 150 }, (_, i) => `deputy-${i + 1}`)
const UNITS = Array.from({ length: 20 }, (_, i) => `unit-${i + 1}`)
const CHANNELS: Channel[] = ['station_code', 'deputy_code', 'app', 'reception']

function ev(type: string, at: number, actorId: string | null, actorRole: CaseEvent['actorRole'], from: CaseStatus | null, to: CaseStatus | null): CaseEvent {
  return { id: `${type}-${at}`, type, at: new Date(at).toISOString(), actorId, actorRole, actorLabel: '', from, to, note: null }
}

function buildCase(r: () => number, i: number): CaseDoc {
  const g = generateCase(r)
  const created = NOW - Math.floor(r() * 730 * DAY)
  const stationIdx = Math.floor(r() * STATIONS.length)
  const stationId = STATIONS[stationIdx]
  const deputyIdx = stationIdx * 3 + Math.floor(r() * 3)
  const deputyUser = `user-${DEPUTIES[deputyIdx]}`
  const channel = pick(r, CHANNELS)
  const events: CaseEvent[] = [ev('submit', created, channel === 'reception' ? deputyUser : 'resident', channel === 'reception' ? 'deputy' : 'resident', null, 'submitted')]
  let status: CaseStatus = 'submitted'
  let t = created + Math.floor(r() * 2 * DAY)
  let transfer: CaseDoc['transfer'] = null
  let rating: CaseDoc['rating'] = null
  let reopenCount = 0
  let deadline: CaseDoc['deadline'] | undefined
  const age = (NOW - created) / DAY
  const roll = r()
  if (age < 5 && roll < 0.5) {
    // still waiting
  } else if (roll < 0.05) {
    events.push(ev('decline', t, 'staff-1', 'staff', status, 'declined'))
    status = 'declined'
  } else if (roll < 0.08) {
    status = 'merged'
    events.push(ev('merge', t, 'staff-1', 'staff', 'submitted', 'merged'))
  } else if (roll < 0.45) {
    events.push(ev('answerOnSite', t, deputyUser, 'deputy', status, 'replied'))
    status = 'replied'
  } else {
    events.push(ev('accept', t, 'staff-1', 'staff', status, 'accepted'))
    t += DAY
    events.push(ev('forward', t, 'staff-1', 'staff', 'accepted', 'forwarded'))
    t += DAY
    const unit = pick(r, UNITS)
    const due = new Date(t + 15 * DAY).toISOString().slice(0, 10)
    transfer = { unitId: unit, unitName: `承办单位${unit}`, dueDate: due, note: null }
    events.push(ev('transfer', t, 'office-1', 'staff', 'forwarded', 'transferred'))
    status = 'transferred'
    const answerAt = t + Math.floor(r() * 25 * DAY)
    if (answerAt > NOW) {
      deadline = { id: 'd', kind: 'unit', startedAt: new Date(t).toISOString(), dueAt: new Date(t + 15 * DAY).toISOString(), dueDate: due }
      if (t + 15 * DAY < NOW) {
        deadline.supervisedAt = new Date(t + 16 * DAY).toISOString()
        events.push(ev('supervise', t + 16 * DAY, null, 'system', null, null))
      }
    } else {
      if (answerAt > t + 15 * DAY) events.push(ev('supervise', t + 16 * DAY, null, 'system', null, null))
      events.push(ev('recordUnitAnswer', answerAt, 'office-1', 'staff', 'transferred', 'replied'))
      status = 'replied'
      t = answerAt
    }
  }
  if (status === 'replied' && t + 3 * DAY < NOW) {
    const value: Rating = r() < 0.7 ? 'satisfied' : r() < 0.6 ? 'basically' : 'unsatisfied'
    if (value === 'unsatisfied' && r() < 0.5) {
      events.push(ev('reopen', t + DAY, 'resident', 'resident', 'replied', 'reopened'))
      reopenCount = 1
      events.push(ev('answerOnSite', t + 3 * DAY, deputyUser, 'deputy', 'reopened', 'replied'))
    }
    rating = { value, comment: null, at: new Date(t + 4 * DAY).toISOString() }
    if (t + 4 * DAY < NOW) {
      events.push(ev('close', t + 4 * DAY, 'resident', 'resident', 'replied', 'closed'))
      status = 'closed'
    }
  }
  const createdAt = new Date(created).toISOString()
  return {
    _id: `bench-${i}`,
    trackingNo: `MY${i}`,
    requestId: `r${i}`,
    residentId: `resident-${i % 5000}`,
    stationId,
    deputyId: channel === 'deputy_code' || channel === 'reception' ? DEPUTIES[deputyIdx] : null,
    channel,
    category: g.category as Category,
    content: g.text,
    place: null,
    phoneSealed: null,
    phoneMasked: null,
    phoneVisibleToDeputy: false,
    contentCheck: 'pass',
    status,
    route: transfer ? 'transfer' : status === 'replied' || status === 'closed' ? 'onsite' : null,
    transfer,
    decline: status === 'declined' ? { reason: '涉及诉讼', guidance: '请向法院咨询' } : null,
    replies: [],
    rating,
    reopenCount,
    events,
    outbox: [],
    outboxSize: 0,
    secondCount: r() < 0.1 ? 1 + Math.floor(r() * 5) : undefined,
    ...(deadline && (OPEN_STATUSES as readonly string[]).includes(status) ? { deadline } : {}),
    createdAt,
    updatedAt: createdAt,
  }
}

async function seed(store: Store, count: number): Promise<Contribution> {
  const r = rng(20261203)
  await store.collection<RegionDoc>('regions').insert({ _id: 'region-1', name: '滨湖区', level: 'district', parentId: null, officeName: '滨湖区人大常委会' })
  for (const [i, id] of STATIONS.entries())
    await store.collection<StationDoc>('stations').insert({ _id: id, code: `S${i}`, name: `第${i + 1}联络站`, kind: 'station', regionId: 'region-1', address: '', openHours: '', contactPhone: '', reception: { months: 'all', day: 20, start: '09:00', end: '11:00', label: '' } })
  for (const [i, id] of DEPUTIES.entries()) {
    await store.collection<DeputyDoc>('deputies').insert({ _id: id, code: `D${i}`, name: `代表${i + 1}`, level: 'county', photoUrl: '', commitment: '', bio: '', stationIds: [STATIONS[Math.floor(i / 3)]], headOf: [] })
    await store.collection<UserDoc>('users').insert({ _id: `user-${id}`, openid: `o-${id}`, role: 'deputy', name: `代表${i + 1}`, stationIds: [], deputyId: id, regionId: 'region-1', credits: {}, createdAt: '2024-01-01T00:00:00.000Z' })
  }
  for (const id of UNITS) await store.collection<UnitDoc>('units').insert({ _id: id, name: `承办单位${id}`, regionId: 'region-1', categories: [] })
  // The cases as the api would have left them: each with its counted contribution, the buckets their
  // sum (what the rollup hook writes one change at a time; see tests/api/insight.test.ts for that path).
  const cases = store.collection<CaseDoc>('cases')
  const parts: Contribution[] = []
  for (let i = 0; i < count; i += 1) {
    const c = buildCase(r, i)
    const contribution = contributionOf(c)
    parts.push(contribution)
    await cases.insert({ ...c, insight: { rev: 1, c: encode(contribution) } } as CaseDoc)
  }
  return sumContributions(parts)
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

export async function run(): Promise<Record<string, number | string>> {
  const count = Number(process.env.BENCH_INSIGHT_CASES ?? 100_000)
  const runs = Number(process.env.BENCH_INSIGHT_RUNS ?? 40)
  const store = await openNedbStore()
  const started = Date.now()
  const total = await seed(store, count)
  const seeded = Date.now()
  const built = { buckets: await writeBuckets(store, total) }
  const rolled = Date.now()
  const deps = {
    store,
    clock: { now: () => new Date(NOW) },
    pdf: createPdfkitRenderer(),
    newId: () => 'x',
    config: DEFAULT_CONFIG,
    log: () => undefined,
  } as unknown as Deps
  const admin: Caller = { userId: 'admin-1', openid: 'o-admin', role: 'admin', name: '人大机关', deputyId: null, stationIds: STATIONS, regionId: 'region-1' }
  const year = { from: '2025-12', to: '2026-11' }
  const dash: number[] = []
  for (let i = 0; i < runs; i += 1) dash.push(await time(() => dashboard(deps, admin, year)))
  const rec: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const deputyId = DEPUTIES[(i * 7) % DEPUTIES.length]
    const caller: Caller = { userId: `user-${deputyId}`, openid: 'o', role: 'deputy', name: '', deputyId, stationIds: [], regionId: 'region-1' }
    rec.push(await time(() => getRecord(deps, caller, { year: 2026 })))
  }
  // A deputy's record over the whole term (default rule: 2022—2026, 60 months of rollups).
  const recTerm: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const deputyId = DEPUTIES[(i * 7) % DEPUTIES.length]
    const caller: Caller = { userId: `user-${deputyId}`, openid: 'o', role: 'deputy', name: '', deputyId, stationIds: [], regionId: 'region-1' }
    recTerm.push(await time(() => getRecord(deps, caller, {})))
  }
  // Worst case for the applied markers (m.<case> = rev on each bucket, pruned after an hour): every
  // bucket carries 100 markers, as if all its cases had changed within the last hour.
  const rollupCol = store.collection<RollupDoc>('insight_rollups')
  for (const b of await allBuckets(rollupCol)) {
    await rollupCol.update({ _id: b }, { set: { m: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`case-${b}-${i}`, 1])), mt: Date.now() } })
  }
  const dashMarked: number[] = []
  for (let i = 0; i < runs; i += 1) dashMarked.push(await time(() => dashboard(deps, admin, year)))
  const recMarked: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const deputyId = DEPUTIES[(i * 7) % DEPUTIES.length]
    const caller: Caller = { userId: `user-${deputyId}`, openid: 'o', role: 'deputy', name: '', deputyId, stationIds: [], regionId: 'region-1' }
    recMarked.push(await time(() => getRecord(deps, caller, { year: 2026 })))
  }
  const from = new Date('2025-11-30T16:00:00.000Z').toISOString()
  const naive = await time(() => recountFromCases(store, { createdAt: { $gte: from } }))
  const view = await dashboard(deps, admin, year)
  await store.close()
  return {
    insight_cases: count,
    seed_s: Math.round((seeded - started) / 100) / 10,
    rollup_build_s: Math.round((rolled - seeded) / 100) / 10,
    rollup_docs: built.buckets,
    dashboard_p50_ms: percentile(dash, 50),
    dashboard_p95_ms: percentile(dash, 95),
    record_p50_ms: percentile(rec, 50),
    record_p95_ms: percentile(rec, 95),
    record_term_p95_ms: percentile(recTerm, 95),
    dashboard_markers_p95_ms: percentile(dashMarked, 95),
    record_markers_p95_ms: percentile(recMarked, 95),
    dashboard_naive_ms: Math.round(naive),
    dashboard_year_received: view.received,
    dashboard_overdue_listed: view.overdue.length,
  }
}

async function allBuckets(col: Collection<RollupDoc>): Promise<string[]> {
  const ids: string[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = await col.find({}, { sort: [['_id', 1]], skip, limit: 1000 })
    ids.push(...page.map((b) => b._id))
    if (page.length < 1000) return ids
  }
}
