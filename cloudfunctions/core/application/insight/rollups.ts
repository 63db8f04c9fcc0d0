// Rollups (counters) of the dashboards and records, kept in the one place where cases change: the
// store itself. `withInsightRollups(store)` wraps the `cases` collection so that after every insert
// or update that lands, the case's rollup contribution is brought up to date:
//   1. read the case; compute what it contributes now (domain/insight/figures.ts) and compare with
//      what it contributed when last counted (`insight.c`, stored on the case);
//   2. claim the difference with one conditional update on the case (`insight.rev` unchanged) —
//      of two concurrent syncs of the same case exactly one claims each difference;
//   3. `inc` the bucket documents (`insight_rollups`, one per station-month / deputy-month /
//      user-month) by the difference. `inc` is atomic per document, so concurrent cases never lose counts.
// Every command, job and future feature that changes a case is counted without knowing about it.
// A crash between 2 and 3 loses that difference: `recountRollups` (the office's 重新统计, or a
// nightly job) rebuilds the buckets from the cases' stored contributions.
import type { CaseDoc } from '../../domain/records'
import type { Collection, Filter, Store, StoredDoc, Update } from '../../ports/store'
import { contributionDelta, contributionOf, isEmptyContribution, sumContributions, type Contribution } from '../../domain/insight/figures'

export interface RollupDoc {
  _id: string
  kind: 'station' | 'deputy' | 'user'
  /** Station id, deputy id or user id. */
  key: string
  month: string
  counts: Record<string, unknown>
}

export interface CaseInsight {
  rev: number
  c: Contribution
}

type WithInsight = CaseDoc & { insight?: CaseInsight }

const KIND: Record<string, RollupDoc['kind']> = { st: 'station', dp: 'deputy', us: 'user' }

export function parseBucket(id: string): Pick<RollupDoc, 'kind' | 'key' | 'month'> {
  const month = id.slice(-7)
  return { kind: KIND[id.slice(0, 2)], key: id.slice(3, -8), month }
}

async function applyDelta(rollups: Collection<RollupDoc>, delta: Contribution): Promise<void> {
  for (const [bucket, counters] of Object.entries(delta)) {
    const inc = Object.fromEntries(Object.entries(counters).map(([path, n]) => [`counts.${path}`, n]))
    if ((await rollups.update({ _id: bucket }, { inc })) === 1) continue
    // First count of this bucket: create it (a concurrent creator wins; then count into theirs).
    await rollups.insert({ _id: bucket, ...parseBucket(bucket), counts: {} })
    await rollups.update({ _id: bucket }, { inc })
  }
}

/** Brings one case's contribution up to date (idempotent; safe to run concurrently). */
export async function syncCaseRollup(cases: Collection<WithInsight>, rollups: Collection<RollupDoc>, caseId: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const c = await cases.get(caseId)
    if (!c) return
    const prev = decode(c.insight?.c ?? {})
    const next = contributionOf(c)
    const delta = contributionDelta(prev, next)
    if (isEmptyContribution(delta)) return
    const rev = c.insight?.rev ?? 0
    const claimed = await cases.update(
      { _id: caseId, 'insight.rev': rev === 0 ? { $exists: false } : rev },
      { set: { insight: { rev: rev + 1, c: encode(next) } } },
    )
    if (claimed !== 1) continue
    await applyDelta(rollups, delta)
    return
  }
}

// Document field names may not contain dots: counter paths are stored on the case with ':' instead.
export const encode = (c: Contribution): Contribution =>
  Object.fromEntries(Object.entries(c).map(([b, counters]) => [b, Object.fromEntries(Object.entries(counters).map(([p, n]) => [p.replace(/\./g, ':'), n]))]))
const decode = (c: Contribution): Contribution =>
  Object.fromEntries(Object.entries(c).map(([b, counters]) => [b, Object.fromEntries(Object.entries(counters).map(([p, n]) => [p.replace(/:/g, '.'), n]))]))

function idsOf(filter: Filter): string[] | null {
  const id = filter._id
  if (typeof id === 'string') return [id]
  if (id && typeof id === 'object' && !Array.isArray(id) && Array.isArray((id as { $in?: unknown[] }).$in)) return (id as { $in: string[] }).$in
  return null
}

function wrapCases(raw: Collection<WithInsight>, rollups: Collection<RollupDoc>, log: (m: string, d?: unknown) => void): Collection<WithInsight> {
  const sync = async (ids: string[]) => {
    for (const id of ids) {
      try {
        await syncCaseRollup(raw, rollups, id)
      } catch (error) {
        // The change itself landed; the recount repairs the buckets.
        log('insight rollup sync failed; a recount repairs it', { caseId: id, error: String(error) })
        if (process.env.MINYI_DEBUG_ROLLUPS) console.error(error)
      }
    }
  }
  return {
    get: (id) => raw.get(id),
    find: (filter, options) => raw.find(filter, options),
    count: (filter) => raw.count(filter),
    remove: (filter) => raw.remove(filter),
    async insert(doc) {
      const inserted = await raw.insert(doc)
      if (inserted) await sync([doc._id])
      return inserted
    },
    async update(filter: Filter, update: Update) {
      // Ids first: an update may change the very fields its filter names.
      let ids = idsOf(filter)
      if (!ids) ids = (await raw.find(filter, { limit: 1000 })).map((c) => c._id)
      const n = await raw.update(filter, update)
      if (n > 0) await sync(ids)
      return n
    },
  }
}

/** The store with the `cases` collection counted into the rollups (compose once, where Deps are built). */
export function withInsightRollups(store: Store, log: (m: string, d?: unknown) => void = () => {}): Store {
  if ((store as { insightRollups?: boolean }).insightRollups) return store
  const rollups = store.collection<RollupDoc>('insight_rollups')
  const cases = wrapCases(store.collection<WithInsight>('cases'), rollups, log)
  return {
    insightRollups: true,
    collection<T extends StoredDoc>(name: Parameters<Store['collection']>[0]): Collection<T> {
      return (name === 'cases' ? cases : store.collection<T>(name)) as unknown as Collection<T>
    },
    close: () => store.close(),
  } as Store
}

/** Every case's contribution, recomputed from the case documents (the naive figure and the check). */
export async function recountFromCases(store: Store, filter: Filter = {}): Promise<Contribution> {
  const cases = store.collection<WithInsight>('cases')
  const parts: Contribution[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = await cases.find(filter, { sort: [['_id', 1]], skip, limit: 1000 })
    for (const c of page) parts.push(contributionOf(c))
    if (page.length < 1000) break
  }
  return sumContributions(parts)
}

/** The buckets as stored, as a contribution (to compare with a recount). */
export async function storedRollups(store: Store): Promise<Contribution> {
  const out: Contribution = {}
  const rollups = store.collection<RollupDoc>('insight_rollups')
  for (let skip = 0; ; skip += 1000) {
    const page = await rollups.find({}, { sort: [['_id', 1]], skip, limit: 1000 })
    for (const r of page) {
      const flat: Record<string, number> = {}
      flatten(r.counts, '', flat)
      const nonZero = Object.fromEntries(Object.entries(flat).filter(([, n]) => n !== 0))
      if (Object.keys(nonZero).length) out[r._id] = nonZero
    }
    if (page.length < 1000) break
  }
  return out
}

export function flatten(value: Record<string, unknown>, prefix: string, out: Record<string, number>): Record<string, number> {
  for (const [k, v] of Object.entries(value ?? {})) {
    const path = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'number') out[path] = v
    else if (v && typeof v === 'object') flatten(v as Record<string, unknown>, path, out)
  }
  return out
}

/**
 * The recount (重新统计): rebuilds every bucket from the cases and stores each case's contribution
 * on it. For repairs after a crash between a claim and its `inc`, for a first deployment over
 * existing cases, and for the bench's seed. Run it while no case changes (the nightly window): a
 * change landing meanwhile would be counted on top of the rebuilt figures.
 */
export async function rebuildRollups(store: Store): Promise<{ cases: number; buckets: number }> {
  const raw = store.collection<WithInsight>('cases')

  const parts: Contribution[] = []
  let n = 0
  for (let skip = 0; ; skip += 1000) {
    const page = await raw.find({}, { sort: [['_id', 1]], skip, limit: 1000 })
    for (const c of page) {
      const next = contributionOf(c)
      parts.push(next)
      await raw.update({ _id: c._id }, { set: { insight: { rev: (c.insight?.rev ?? 0) + 1, c: encode(next) } } })
      n += 1
    }
    if (page.length < 1000) break
  }
  return { cases: n, buckets: await writeBuckets(store, sumContributions(parts)) }
}

/** Replaces every bucket with these totals. */
export async function writeBuckets(store: Store, total: Contribution): Promise<number> {
  const rollups = store.collection<RollupDoc>('insight_rollups')
  await rollups.remove({})
  for (const [bucket, counters] of Object.entries(total)) {
    await rollups.insert({ _id: bucket, ...parseBucket(bucket), counts: {} })
    await rollups.update({ _id: bucket }, { inc: Object.fromEntries(Object.entries(counters).map(([p, v]) => [`counts.${p}`, v])) })
  }
  return Object.keys(total).length
}
