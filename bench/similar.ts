// Similar-case lookup over 100,000 stored cases (in-memory embedded store, the same store port the
// api uses), against a naive baseline that reads every case in scope and scores them all.
//   similar_p50_ms / similar_p95_ms              the real lookup (findSimilarCases)
//   similar_naive_p50_ms / similar_naive_p95_ms  page through all open/recent cases, score all
//   similar_recall_at_5                          share of the naive top 5 the fast path also returns
// Environment: BENCH_SIMILAR_CASES (default 100000), BENCH_SIMILAR_QUERIES (200),
// BENCH_SIMILAR_NAIVE_QUERIES (naive timings, default 20: each reads every case in scope).
import { OPEN_STATUSES, type CaseStatus } from '@minyi/types'
import { openNedbStore } from '../cloudfunctions/core/adapters/embedded/nedbStore'
import { findSimilarCases, rankCandidates, scopeFilter } from '../cloudfunctions/core/application/triage/similarCases'
import { TOTAL_ID, caseTerms, loadTermStats, termStatId } from '../cloudfunctions/core/application/triage/termStats'
import type { CaseDoc, TermStatDoc } from '../cloudfunctions/core/domain/records'
import { DEFAULT_TRIAGE_SETTINGS, categoryProbabilities, prepareQuery, warmUpTokenizer } from '../cloudfunctions/core/domain/triage'
import type { Store } from '../cloudfunctions/core/ports'
import { generateCase, pick, rng } from './support/caseGenerator'

const NOW = Date.parse('2026-11-23T02:00:00.000Z')
const DAY = 24 * 3600 * 1000
const STATIONS = Array.from({ length: 30 }, (_, i) => `station-${String(i + 1).padStart(2, '0')}`)

function statusFor(r: () => number, ageDays: number): CaseStatus {
  const open = ageDays < 30 ? 0.6 : ageDays < 120 ? 0.15 : 0.02
  if (r() < open) return pick(r, OPEN_STATUSES)
  return pick(r, ['closed', 'closed', 'closed', 'replied', 'proposal', 'declined'] as const)
}

async function seed(store: Store, count: number) {
  const r = rng(20261123)
  const cases = store.collection<CaseDoc>('cases')
  const df = new Map<string, number>()
  let termTotal = 0
  for (let i = 0; i < count; i += 1) {
    const g = generateCase(r)
    const ageDays = Math.floor(r() * 730)
    const at = new Date(NOW - ageDays * DAY - Math.floor(r() * DAY)).toISOString()
    const terms = caseTerms(g.text, null)
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1)
    termTotal += terms.length
    const doc = {
      _id: `bench-${i}`,
      trackingNo: `MYBENCH-${i}`,
      residentId: `u_${i % 5000}`,
      stationId: pick(r, STATIONS),
      deputyId: null,
      category: g.category,
      content: g.text,
      place: null,
      contentCheck: 'pass',
      status: statusFor(r, ageDays),
      route: null,
      reopenCount: 0,
      terms,
      createdAt: at,
      updatedAt: at,
    } as unknown as CaseDoc
    await cases.insert(doc)
  }
  // The counts submitCase keeps incrementally, written at once.
  const stats = store.collection<TermStatDoc>('term_stats')
  await stats.insert({ _id: TOTAL_ID, term: '', df: count, terms: termTotal })
  for (const [term, n] of df) await stats.insert({ _id: termStatId(term), term, df: n })
  return df.size
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, i)]
}

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6

export async function run(): Promise<Record<string, number | string>> {
  const total = Number(process.env.BENCH_SIMILAR_CASES ?? 100_000)
  const queryCount = Number(process.env.BENCH_SIMILAR_QUERIES ?? 200)
  const naiveCount = Math.min(queryCount, Number(process.env.BENCH_SIMILAR_NAIVE_QUERIES ?? 20))
  const settings = DEFAULT_TRIAGE_SETTINGS
  warmUpTokenizer()
  const store = await openNedbStore()
  const seedStart = process.hrtime.bigint()
  const vocabulary = await seed(store, total)
  const seedMs = ms(seedStart)

  const since = new Date(NOW - settings.windowDays * DAY).toISOString()
  const qr = rng(7)
  const queries = Array.from({ length: queryCount }, () => generateCase(qr).text)
  const scope = { stationIds: STATIONS, recentSince: since }

  // Warm-up (first calls compile code paths).
  for (const text of queries.slice(0, 5)) {
    await findSimilarCases(store, { ...scope, terms: caseTerms(text, null), text, categories: categoryProbabilities(text), candidateLimit: settings.candidateLimit, retrievalBudget: settings.retrievalBudget })
  }

  const fastTimes: number[] = []
  const fastTop: string[][] = []
  let candidates = 0
  for (const text of queries) {
    const started = process.hrtime.bigint()
    const { ranked } = await findSimilarCases(store, {
      ...scope,
      terms: caseTerms(text, null),
      text,
      // Inside the timing: the request computes the category probabilities too.
      categories: categoryProbabilities(text),
      candidateLimit: settings.candidateLimit,
      retrievalBudget: settings.retrievalBudget,
    })
    fastTimes.push(ms(started))
    candidates += ranked.length
    fastTop.push(ranked.slice(0, 5).map((s) => s.doc._id))
  }

  // Naive: read every case in scope through the store port (1000 at a time, as CloudBase allows), score all.
  const cases = store.collection<CaseDoc>('cases')
  const loadAll = async () => {
    const all: CaseDoc[] = []
    for (let skip = 0; ; skip += 1000) {
      const page = await cases.find(scopeFilter(scope), { skip, limit: 1000 })
      all.push(...page)
      if (page.length < 1000) return all
    }
  }
  const naiveTimes: number[] = []
  for (const text of queries.slice(0, naiveCount)) {
    const started = process.hrtime.bigint()
    const terms = caseTerms(text, null)
    const stats = await loadTermStats(store, terms)
    const all = await loadAll()
    rankCandidates(prepareQuery(terms, stats, text, categoryProbabilities(text)), all, stats).slice(0, 5)
    naiveTimes.push(ms(started))
  }

  // Recall of the fast path against the naive ranking, for every query (the naive ranking is
  // computed on the same cases, read once, with the same statistics and scoring).
  const everything = await loadAll()
  let strictHits = 0
  let tieAwareHits = 0
  let expected = 0
  for (let q = 0; q < queries.length; q += 1) {
    const terms = caseTerms(queries[q], null)
    const stats = await loadTermStats(store, terms)
    const naive = rankCandidates(prepareQuery(terms, stats, queries[q], categoryProbabilities(queries[q])), everything, stats)
    const top = naive.slice(0, 5)
    if (!top.length) continue
    const fifth = top[top.length - 1].score
    const acceptable = new Set(naive.filter((s) => s.score >= fifth).map((s) => s.doc._id))
    const strict = new Set(top.map((s) => s.doc._id))
    expected += top.length
    strictHits += fastTop[q].filter((id) => strict.has(id)).length
    tieAwareHits += Math.min(top.length, fastTop[q].filter((id) => acceptable.has(id)).length)
  }
  await store.close()

  fastTimes.sort((a, b) => a - b)
  naiveTimes.sort((a, b) => a - b)
  return {
    similar_cases: total,
    similar_cases_in_scope: everything.length,
    similar_vocabulary: vocabulary,
    similar_queries: queryCount,
    similar_seed_s: (seedMs / 1000).toFixed(1),
    similar_p50_ms: percentile(fastTimes, 50).toFixed(2),
    similar_p95_ms: percentile(fastTimes, 95).toFixed(2),
    similar_max_ms: fastTimes[fastTimes.length - 1].toFixed(2),
    similar_avg_candidates: (candidates / queryCount).toFixed(0),
    similar_naive_queries: naiveCount,
    similar_naive_p50_ms: percentile(naiveTimes, 50).toFixed(1),
    similar_naive_p95_ms: percentile(naiveTimes, 95).toFixed(1),
    similar_recall_at_5: (tieAwareHits / expected).toFixed(3),
    similar_recall_at_5_strict: (strictHits / expected).toFixed(3),
  }
}

if (require.main === module) {
  run().then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k}=${v}`)
  })
}
