// Rollups (counters) of the dashboards and records, kept in the one place where cases change: the
// store itself. `withInsightRollups(store)` wraps the `cases` collection so that after every insert
// or update that lands, the case's rollup contribution is brought up to date — crash-safe and
// retry-safe, with single-document conditional updates only (CloudBase has no multi-document transactions):
//   1. read the case; compute what it contributes now (domain/insight/figures.ts) and compare with
//      what it contributed when last counted (`insight.c`, stored on the case);
//   2. claim the difference with one conditional update on the case (`insight.rev` unchanged, no
//      pending difference): it stores the new contribution *and* the difference as pending
//      (`insight.p = { rev, d, at }`) — of two concurrent syncs exactly one claims each difference;
//   3. apply the pending difference to each bucket document (`insight_rollups`, one per
//      station-month / deputy-month / user-month) with one conditional update keyed by (case, rev):
//      `inc` the counters and set the marker `m.<case> = rev` where the marker is below rev, so
//      applying the same difference twice changes nothing;
//   4. clear the case's pending mark (conditional on its rev).
// A process dying anywhere leaves `insight.p` on the case: the next change of that case finishes it
// first, and the timer job (`finishPendingRollups`, jobs/rollupJob.ts) finishes every pending
// difference older than a minute and prunes the markers of buckets untouched for an hour.
// Every command, job and future feature that changes a case is counted without knowing about it.
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
  /** Applied markers: the last revision of each case counted into this bucket (key: case id, dots as ':'). */
  m?: Record<string, number>
  /** When a marker was last written (ms): markers of buckets untouched for an hour are pruned. */
  mt?: number
}

/** A difference claimed but maybe not yet applied to every bucket (encoded like `c`). */
export interface PendingDelta {
  rev: number
  d: Contribution
  at: string
}

export interface CaseInsight {
  rev: number
  c: Contribution
  p?: PendingDelta
}

type WithInsight = CaseDoc & { insight?: CaseInsight }

const KIND: Record<string, RollupDoc['kind']> = { st: 'station', dp: 'deputy', us: 'user' }

export function parseBucket(id: string): Pick<RollupDoc, 'kind' | 'key' | 'month'> {
  const month = id.slice(-7)
  return { kind: KIND[id.slice(0, 2)], key: id.slice(3, -8), month }
}

const markerKey = (caseId: string) => caseId.replace(/\./g, ':')

/**
 * Adds one bucket's share of a case's difference, once: one conditional update keyed by (case, rev)
 * that `inc`s the counters and raises the marker. A second application finds the marker at rev and
 * changes nothing. Returns whether this call counted it.
 */
export async function applyOnce(rollups: Collection<RollupDoc>, bucket: string, counters: Record<string, number>, caseId: string, rev: number, nowMs: number): Promise<boolean> {
  const marker = `m.${markerKey(caseId)}`
  const update: Update = { inc: Object.fromEntries(Object.entries(counters).map(([path, n]) => [`counts.${path}`, n])), set: { [marker]: rev, mt: nowMs } }
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if ((await rollups.update({ _id: bucket, [marker]: { $lt: rev } }, update)) === 1) return true
    if ((await rollups.update({ _id: bucket, [marker]: { $exists: false } }, update)) === 1) return true
    const doc = await rollups.get(bucket)
    if (doc && (doc.m?.[markerKey(caseId)] ?? 0) >= rev) return false // already counted
    // First count of this bucket: create it (a concurrent creator wins; then count into theirs).
    if (!doc) await rollups.insert({ _id: bucket, ...parseBucket(bucket), counts: {} })
  }
  throw new Error(`rollup bucket ${bucket} could not be counted`)
}

/** Applies a case's pending difference to every bucket (each once), then clears the pending mark. */
export async function finishPending(cases: Collection<WithInsight>, rollups: Collection<RollupDoc>, caseId: string, pending: PendingDelta, nowMs: number): Promise<void> {
  for (const [bucket, counters] of Object.entries(decode(pending.d))) await applyOnce(rollups, bucket, counters, caseId, pending.rev, nowMs)
  await cases.update({ _id: caseId, 'insight.p.rev': pending.rev }, { unset: ['insight.p'] })
}

/** Brings one case's contribution up to date (idempotent; safe to run concurrently and to re-run after a crash). */
export async function syncCaseRollup(cases: Collection<WithInsight>, rollups: Collection<RollupDoc>, caseId: string, now: () => Date = () => new Date()): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const c = await cases.get(caseId)
    if (!c) return
    if (c.insight?.p) {
      // A difference claimed earlier (maybe by a process that died): finish it first.
      await finishPending(cases, rollups, caseId, c.insight.p, now().getTime())
      continue
    }
    const prev = decode(c.insight?.c ?? {})
    const next = contributionOf(c)
    const delta = contributionDelta(prev, next)
    if (isEmptyContribution(delta)) return
    const rev = (c.insight?.rev ?? 0) + 1
    const pending: PendingDelta = { rev, d: encode(delta), at: now().toISOString() }
    const claimed = await cases.update(
      { _id: caseId, 'insight.rev': rev === 1 ? { $exists: false } : rev - 1, 'insight.p': { $exists: false } },
      { set: { insight: { rev, c: encode(next), p: pending } } },
    )
    if (claimed !== 1) continue
    await finishPending(cases, rollups, caseId, pending, now().getTime())
    return
  }
}

// Document field names may not contain dots: counter paths are stored on the case with ':' instead.
export const encode = (c: Contribution): Contribution =>
  Object.fromEntries(Object.entries(c).map(([b, counters]) => [b, Object.fromEntries(Object.entries(counters).map(([p, n]) => [p.replace(/\./g, ':'), n]))]))
export const decode = (c: Contribution): Contribution =>
  Object.fromEntries(Object.entries(c).map(([b, counters]) => [b, Object.fromEntries(Object.entries(counters).map(([p, n]) => [p.replace(/:/g, '.'), n]))]))

function idsOf(filter: Filter): string[] | null {
  const id = filter._id
  if (typeof id === 'string') return [id]
  if (id && typeof id === 'object' && !Array.isArray(id) && Array.isArray((id as { $in?: unknown[] }).$in)) return (id as { $in: string[] }).$in
  return null
}

function wrapCases(raw: Collection<WithInsight>, rollups: Collection<RollupDoc>, log: (m: string, d?: unknown) => void, now: () => Date): Collection<WithInsight> {
  const sync = async (ids: string[]) => {
    for (const id of ids) {
      try {
        await syncCaseRollup(raw, rollups, id, now)
      } catch (error) {
        // The change itself landed; its difference stays pending on the case (the timer job finishes it).
        log('insight rollup sync failed; the pending difference is finished later', { caseId: id, error: String(error) })
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
export function withInsightRollups(store: Store, log: (m: string, d?: unknown) => void = () => {}, now: () => Date = () => new Date()): Store {
  if ((store as { insightRollups?: boolean }).insightRollups) return store
  const rollups = store.collection<RollupDoc>('insight_rollups')
  const cases = wrapCases(store.collection<WithInsight>('cases'), rollups, log, now)
  return {
    insightRollups: true,
    /** The unwrapped store (the timer job finishes pending differences on it). */
    inner: store,
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

/** The store under `withInsightRollups` (or the store itself). */
const innerOf = (store: Store): Store => (store as { inner?: Store }).inner ?? store

export const PENDING_AFTER_MS = 60_000
export const MARKERS_KEPT_MS = 3_600_000

/**
 * The timer's half of the rollups: finishes every pending difference older than a minute (a process
 * died between the claim and the end of its fan-out), then — only when none is left over — prunes
 * the markers of buckets untouched for an hour. Markers are needed only while some process may
 * still apply a difference it read before the pending mark was cleared; no function runs for an
 * hour, and a pending mark older than a minute is finished before any pruning.
 */
export async function finishPendingRollups(store: Store, now: Date): Promise<{ finished: number; left: number; pruned: number }> {
  const raw = innerOf(store)
  const cases = raw.collection<WithInsight>('cases')
  const rollups = raw.collection<RollupDoc>('insight_rollups')
  const cutoff = new Date(now.getTime() - PENDING_AFTER_MS).toISOString()
  let finished = 0
  for (let round = 0; round < 10; round += 1) {
    const page = await cases.find({ 'insight.p.at': { $lt: cutoff } }, { sort: [['insight.p.at', 1]], limit: 200 })
    for (const c of page) {
      if (!c.insight?.p) continue
      await finishPending(cases, rollups, c._id, c.insight.p, now.getTime())
      // Bring it up to date too (the change after the claim, if any).
      await syncCaseRollup(cases, rollups, c._id, () => now)
      finished += 1
    }
    if (page.length < 200) break
  }
  const left = await cases.count({ 'insight.p.at': { $lt: cutoff } })
  let pruned = 0
  if (left === 0) {
    const old = now.getTime() - MARKERS_KEPT_MS
    const stale = await rollups.find({ mt: { $lt: old } }, { limit: 1000 })
    for (const b of stale) pruned += await rollups.update({ _id: b._id, mt: b.mt ?? 0 }, { unset: ['m', 'mt'] })
  }
  return { finished, left, pruned }
}
