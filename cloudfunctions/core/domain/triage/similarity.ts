// Similarity between opinions on their stored terms (distinct significant words): a BM25 weight per
// shared word (rarer words count more, long texts count each word less), divided by what the query
// would score against itself, so 1 means "says the same" and 0 "shares nothing".
export interface TermStatsView {
  /** Cases counted. */
  total: number
  /** Average number of terms per case. */
  avgTerms: number
  /** Cases holding each term (missing = 0). */
  df: Map<string, number>
}

const K1 = 1.2
const B = 0.75

/**
 * As if this many more cases, holding none of the words, had been counted: while few cases are
 * stored, a word two of three cases share would otherwise weigh almost nothing. Negligible once
 * thousands are stored.
 */
const BACKGROUND_CASES = 100

export function idf(stats: TermStatsView, term: string): number {
  const n = Math.max(stats.total, 0)
  const df = Math.min(stats.df.get(term) ?? 0, n)
  return Math.log(1 + (n + BACKGROUND_CASES - df + 0.5) / (df + 0.5))
}

function lengthFactor(stats: TermStatsView, length: number): number {
  const avg = stats.avgTerms > 0 ? stats.avgTerms : Math.max(length, 1)
  return (K1 + 1) / (1 + K1 * (1 - B + (B * length) / avg))
}

export interface PreparedQuery {
  terms: string[]
  weights: Map<string, number>
  /** What the query scores against itself. */
  self: number
}

export function prepareQuery(terms: string[], stats: TermStatsView): PreparedQuery {
  const distinct = [...new Set(terms)]
  const weights = new Map(distinct.map((t) => [t, idf(stats, t)]))
  const factor = lengthFactor(stats, distinct.length)
  let self = 0
  for (const w of weights.values()) self += w * factor
  return { terms: distinct, weights, self }
}

export interface Scored {
  score: number
  shared: string[]
}

export function scoreTerms(query: PreparedQuery, docTerms: readonly string[] | undefined, stats: TermStatsView): Scored {
  if (!docTerms?.length || query.self <= 0) return { score: 0, shared: [] }
  const factor = lengthFactor(stats, docTerms.length)
  let sum = 0
  const shared: string[] = []
  for (const term of docTerms) {
    const w = query.weights.get(term)
    if (w === undefined) continue
    sum += w * factor
    shared.push(term)
  }
  const score = Math.min(1, sum / query.self)
  shared.sort((a, b) => (query.weights.get(b) ?? 0) - (query.weights.get(a) ?? 0))
  return { score: Math.round(score * 1000) / 1000, shared }
}

/**
 * The query words to look candidates up by: the rarest ones first, as many as fit in `budget`
 * (the number of stored cases they may pull in), at most `maxTerms`, and always at least the
 * rarest one that occurs at all. Words no case holds are skipped (they can match nothing).
 */
export function retrievalTerms(query: PreparedQuery, stats: TermStatsView, budget = 4000, maxTerms = 8): string[] {
  const known = query.terms
    .map((t) => ({ t, df: stats.df.get(t) ?? 0 }))
    .filter((x) => x.df > 0)
    .sort((a, b) => a.df - b.df || (query.weights.get(b.t) ?? 0) - (query.weights.get(a.t) ?? 0))
  const picked: string[] = []
  let pulled = 0
  for (const { t, df } of known) {
    if (picked.length >= maxTerms) break
    if (picked.length > 0 && pulled + df > budget) break
    picked.push(t)
    pulled += df
  }
  return picked
}
