// Pair AUC of the similarity score on hand-labelled pairs (bench/data/pairs.tsv): does the score
// rank two reports of the same problem above two different problems at the same place? The word
// statistics are those of the labelled corpus (bench/data/opinions) and the pairs' texts.
//   similar_pair_auc               same problem (same_issue, same_problem) above not (same_place, unrelated)
//   similar_pair_auc_same_place    same_issue above same_place: the trap the issue reported (was ≈ 0.2)
//   similar_pair_auc_same_issue    same_issue above everything else
//   *_words_only                   the same figures for the previous scoring (one BM25 over all words)
//   unseen_pair_auc*               the same on bench/data/pairs-unseen.tsv (42 pairs written after the settings were fixed)
//   *_no_category                  the words' score alone (problem and place fields, synonyms), without the category
// The pairs are split once (a fixed seed, half of each kind) into a tuning part, on which the
// similarity's settings were chosen, and a held-out part: the figures without a suffix are the
// held-out part's, `*_tuning` the tuning part's, `*_all` all pairs.
// The stored case's category is stood for by the category model's suggestion for its text.
import { createHash } from 'node:crypto'
import { loadOpinions, loadPairs, type Pair, type PairKind } from './data/corpus'
import {
  CATEGORY_MODEL,
  extractFeatures,
  predict,
  prepareQuery,
  scoreTerms,
  suggestCategory,
  termsOf,
  warmUpTokenizer,
  type TermStatsView,
} from '../cloudfunctions/core/domain/triage'

const PAIR_SEED = 20261203

/** Tuning or held-out: within each kind the pairs are ordered by a seeded hash, and the first half is the tuning part. */
export function pairPart(pair: Pair, pairs: Pair[]): 'tuning' | 'heldout' {
  const key = (p: Pair) => createHash('sha1').update(`${PAIR_SEED}|${p.a}|${p.b}`).digest('hex')
  const same = pairs.filter((p) => p.kind === pair.kind).sort((x, y) => (key(x) < key(y) ? -1 : 1))
  return same.indexOf(pair) < same.length / 2 ? 'tuning' : 'heldout'
}

function categoriesOf(text: string): Map<string, number> {
  return new Map(predict(CATEGORY_MODEL, extractFeatures(text).values).map((r) => [r.label, r.probability]))
}

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

type Scoring = 'full' | 'no_category' | 'words_only'

export function pairScore(pair: Pair, stats: TermStatsView, scoring: Scoring): number {
  const one = (q: string, d: string) =>
    scoreTerms(
      prepareQuery(termsOf(q), stats, scoring === 'words_only' ? null : q, scoring === 'full' ? categoriesOf(q) : undefined),
      termsOf(d),
      stats,
      scoring === 'full' ? suggestCategory(d).suggested : undefined,
    ).score
  return (one(pair.a, pair.b) + one(pair.b, pair.a)) / 2
}

export async function run(): Promise<Record<string, number | string>> {
  warmUpTokenizer()
  const pairs = loadPairs()
  const unseen = loadPairs('pairs-unseen.tsv')
  const stats = statsOf([...loadOpinions().map((o) => o.text), ...new Set([...pairs, ...unseen].flatMap((p) => [p.a, p.b]))])
  const out: Record<string, number | string> = { similar_pairs: pairs.length }
  for (const kind of ['same_issue', 'same_problem', 'same_place', 'unrelated'] as PairKind[]) {
    out[`similar_pairs.${kind}`] = pairs.filter((p) => p.kind === kind).length
  }
  const parts = pairs.map((p) => pairPart(p, pairs))
  out.similar_pairs_heldout = parts.filter((p) => p === 'heldout').length
  for (const [suffix, scoring] of [['', 'full'], ['_no_category', 'no_category'], ['_words_only', 'words_only']] as const) {
    const scored = pairs.map((p, i) => ({ kind: p.kind, part: parts[i], score: pairScore(p, stats, scoring) }))
    const all = (...kinds: PairKind[]) => scored.filter((s) => kinds.includes(s.kind)).map((s) => s.score)
    const tuning = scored.filter((s) => s.part === 'tuning')
    out[`similar_pair_auc_tuning${suffix}`] = auc(
      tuning.filter((s) => s.kind === 'same_issue' || s.kind === 'same_problem').map((s) => s.score),
      tuning.filter((s) => s.kind === 'same_place' || s.kind === 'unrelated').map((s) => s.score),
    ).toFixed(3)
    const unseenScored = unseen.map((p) => ({ kind: p.kind, score: pairScore(p, stats, scoring) }))
    const positive = (k: PairKind) => k === 'same_issue' || k === 'same_problem'
    out[`unseen_pair_auc${suffix}`] = auc(
      unseenScored.filter((s) => positive(s.kind)).map((s) => s.score),
      unseenScored.filter((s) => !positive(s.kind)).map((s) => s.score),
    ).toFixed(3)
    out[`unseen_pair_auc_same_place${suffix}`] = auc(
      unseenScored.filter((s) => s.kind === 'same_issue').map((s) => s.score),
      unseenScored.filter((s) => s.kind === 'same_place').map((s) => s.score),
    ).toFixed(3)
    out[`similar_pair_auc_all${suffix}`] = auc(all('same_issue', 'same_problem'), all('same_place', 'unrelated')).toFixed(3)
    const of = (...kinds: PairKind[]) => scored.filter((s) => s.part === 'heldout' && kinds.includes(s.kind)).map((s) => s.score)
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
