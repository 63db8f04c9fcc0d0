// Finding the cases most similar to a text through the store port alone (so it works the same on
// CloudBase and on the embedded store, with nothing to rebuild on a cold start):
//   1. read the document frequencies of the query's words (one read of `term_stats`);
//   2. read candidate cases holding one of the query's rarest words (`terms $in [...]`, indexed),
//      restricted to the stations and to open or recent cases, at most `candidateLimit`;
//   3. score them on their stored terms (BM25-like, the problem's words apart from the place's, see
//      domain/triage/similarity.ts) and sort.
import { OPEN_STATUSES } from '@minyi/types'
import type { CaseDoc } from '../../domain/records'
import { prepareQuery, retrievalTerms, scoreTerms, type PreparedQuery, type TermStatsView } from '../../domain/triage'
import type { Filter, Store } from '../../ports'
import { loadTermStats } from './termStats'

export interface SimilarLookup {
  terms: string[]
  /** The text the terms came from (content and place): its place names are scored apart from the problem. */
  text?: string
  /** Only cases of these stations. */
  stationIds: string[]
  /** Cases not to return (the case being triaged). */
  excludeIds?: string[]
  /** Open cases, plus closed ones created at or after this instant (ISO); `null`: open cases only. */
  recentSince: string | null
  /** Only cases whose content passed the check (what residents may be shown). */
  checkedOnly?: boolean
  candidateLimit: number
  retrievalBudget: number
  /** The query is a stored case already counted in the statistics: leave it out of the counts. */
  countedSelf?: boolean
  /** The query's category probabilities (categoryProbabilities): a case of a likely category scores higher. */
  categories?: ReadonlyMap<string, number>
}

export interface ScoredCase {
  doc: CaseDoc
  score: number
  shared: string[]
}

/** The filter every similar-case lookup applies besides the words (also used by the naive baseline). */
export function scopeFilter(lookup: Omit<SimilarLookup, 'terms' | 'candidateLimit' | 'retrievalBudget' | 'categories'>): Filter {
  const filter: Filter = {}
  if (lookup.excludeIds?.length) filter._id = { $nin: lookup.excludeIds }
  if (lookup.checkedOnly) filter.contentCheck = 'pass'
  if (lookup.recentSince) filter.$or = [{ status: { $in: [...OPEN_STATUSES] } }, { createdAt: { $gte: lookup.recentSince } }]
  else filter.status = { $in: [...OPEN_STATUSES] }
  filter.stationId = { $in: lookup.stationIds }
  return filter
}

export function rankCandidates(query: PreparedQuery, docs: CaseDoc[], stats: TermStatsView): ScoredCase[] {
  return docs
    .map((doc) => ({ doc, ...scoreTerms(query, doc.terms, stats, doc.category) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || (a.doc.createdAt < b.doc.createdAt ? 1 : a.doc.createdAt > b.doc.createdAt ? -1 : 0))
}

export async function findSimilarCases(store: Store, lookup: SimilarLookup): Promise<{ ranked: ScoredCase[]; stats: TermStatsView }> {
  const counted = await loadTermStats(store, lookup.terms)
  const stats = lookup.countedSelf ? withoutOne(counted, lookup.terms) : counted
  if (!lookup.terms.length || !lookup.stationIds.length) return { ranked: [], stats }
  const query = prepareQuery(lookup.terms, stats, lookup.text ?? null, lookup.categories)
  const words = retrievalTerms(query, stats, lookup.retrievalBudget)
  if (!words.length) return { ranked: [], stats }
  // `terms` goes last: the embedded store uses the last indexed `$in` field to pick candidates.
  const filter: Filter = { ...scopeFilter(lookup), terms: { $in: words } }
  const limit = Math.min(lookup.candidateLimit, 1000)
  // When the words may pull in more cases than are read, read the newest ones.
  const pulled = words.reduce((sum, w) => sum + (stats.df.get(w) ?? 0), 0)
  const docs = await store
    .collection<CaseDoc>('cases')
    .find(filter, pulled > limit ? { limit, sort: [['createdAt', -1]] } : { limit })
  return { ranked: rankCandidates(query, docs, stats), stats }
}

/** Statistics as if the case holding `terms` had not been counted (its own words are otherwise "rare"). */
export function withoutOne(stats: TermStatsView, terms: string[]): TermStatsView {
  const df = new Map(stats.df)
  for (const term of new Set(terms)) {
    const n = df.get(term)
    if (n !== undefined) df.set(term, Math.max(0, n - 1))
  }
  const total = Math.max(0, stats.total - 1)
  const termCount = stats.avgTerms * stats.total - new Set(terms).size
  return { total, avgTerms: total > 0 ? Math.max(termCount, 0) / total : 0, df }
}

/** "共同关键词：红绿灯、望湖路": the shared words, without the parts of longer shared words. */
export function sharedReason(shared: string[]): string {
  const whole = shared.filter((w) => !shared.some((other) => other !== w && other.includes(w)))
  return whole.length ? `共同关键词：${whole.slice(0, 4).join('、')}` : '没有共同关键词'
}
