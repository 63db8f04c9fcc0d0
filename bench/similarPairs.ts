// Pair AUC of the similarity score on hand-labelled pairs (bench/data/pairs.tsv): does the score
// rank two reports of the same problem above two different problems at the same place? The word
// statistics are those of the labelled corpus (bench/data/opinions) and the pairs' texts.
//   similar_pair_auc               same problem (same_issue, same_problem) above not (same_place, unrelated)
//   similar_pair_auc_same_place    same_issue above same_place: the trap the issue reported (was ≈ 0.2)
//   similar_pair_auc_same_issue    same_issue above everything else
//   *_words_only                   the same figures for the previous scoring (one BM25 over all words)
import { loadOpinions, loadPairs, type Pair, type PairKind } from './data/corpus'
import { prepareQuery, scoreTerms, termsOf, warmUpTokenizer, type TermStatsView } from '../cloudfunctions/core/domain/triage'

function statsOf(texts: string[]): TermStatsView {
  const df = new Map<string, number>()
  let total = 0
  for (const text of texts) {
    const terms = termsOf(text)
    total += terms.length
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1)
  }
  return { total: texts.length, avgTerms: total / texts.length, df }
}

/** Probability that a random positive scores above a random negative (ties count half). */
export function auc(positives: number[], negatives: number[]): number {
  if (!positives.length || !negatives.length) return NaN
  let wins = 0
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0
  return wins / (positives.length * negatives.length)
}

export function pairScore(pair: Pair, stats: TermStatsView, separatePlace: boolean): number {
  const one = (q: string, d: string) =>
    scoreTerms(prepareQuery(termsOf(q), stats, separatePlace ? q : null), termsOf(d), stats).score
  return (one(pair.a, pair.b) + one(pair.b, pair.a)) / 2
}

export async function run(): Promise<Record<string, number | string>> {
  warmUpTokenizer()
  const pairs = loadPairs()
  const stats = statsOf([...loadOpinions().map((o) => o.text), ...new Set(pairs.flatMap((p) => [p.a, p.b]))])
  const out: Record<string, number | string> = { similar_pairs: pairs.length }
  for (const kind of ['same_issue', 'same_problem', 'same_place', 'unrelated'] as PairKind[]) {
    out[`similar_pairs.${kind}`] = pairs.filter((p) => p.kind === kind).length
  }
  for (const [suffix, separate] of [['', true], ['_words_only', false]] as const) {
    const scored = pairs.map((p) => ({ kind: p.kind, score: pairScore(p, stats, separate) }))
    const of = (...kinds: PairKind[]) => scored.filter((s) => kinds.includes(s.kind)).map((s) => s.score)
    out[`similar_pair_auc${suffix}`] = auc(of('same_issue', 'same_problem'), of('same_place', 'unrelated')).toFixed(3)
    out[`similar_pair_auc_same_place${suffix}`] = auc(of('same_issue'), of('same_place')).toFixed(3)
    out[`similar_pair_auc_same_issue${suffix}`] = auc(of('same_issue'), of('same_problem', 'same_place', 'unrelated')).toFixed(3)
    for (const kind of ['same_issue', 'same_problem', 'same_place', 'unrelated'] as PairKind[]) {
      const s = of(kind)
      out[`similar_pair_mean${suffix}.${kind}`] = (s.reduce((a, b) => a + b, 0) / s.length).toFixed(3)
    }
  }
  return out
}

if (require.main === module) {
  run().then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k}=${v}`)
  })
}
