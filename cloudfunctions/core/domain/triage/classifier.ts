// Category suggestion by the trained model (models.ts: logistic regression over the text's words,
// character bigrams and the category dictionary's hits), with the words that weighed most for the
// category as the reason ("因为提到：红绿灯、路口"). The dictionary-only scoring it replaced is kept
// as `suggestCategoryByKeywords` (the bench's baseline).
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@minyi/types'
import { CATEGORY_KEYWORDS, type KeywordTable } from './categoryKeywords'
import { extractFeatures, type Features } from './features'
import { knowsAny, predict } from './linearModel'
import { CATEGORY_MODEL, evidenceWords } from './models'
import { distinctTokens } from './tokenizer'

export interface CategoryScore {
  category: Category
  label: string
  /** Share of the evidence, 0–1 (the scores of all categories with evidence add up to 1). */
  score: number
  /** Sum of the weights of the words found. */
  weight: number
  /** The dictionary words found in the text, strongest first. */
  words: string[]
  reason: string
}

export interface CategorySuggestion {
  suggested: Category
  label: string
  score: number
  reason: string
  /** The next categories with some evidence (at most 2). */
  alternatives: CategoryScore[]
  /** Every category with evidence, best first; the first one is the suggestion. */
  ranking: CategoryScore[]
}


export { matchedKeywords, reasonFor } from './keywordMatch'
import { indexOf, matchedKeywords, reasonFor } from './keywordMatch'

export function scoreCategories(text: string, table: KeywordTable = CATEGORY_KEYWORDS): CategoryScore[] {
  const index = indexOf(table)
  const words = matchedKeywords(distinctTokens(text), table, text)
  const totals = new Map<Category, { weight: number; words: Array<[string, number]> }>()
  for (const word of words) {
    for (const [category, weight] of index.get(word) ?? []) {
      const entry = totals.get(category) ?? { weight: 0, words: [] }
      entry.weight += weight
      entry.words.push([word, weight])
      totals.set(category, entry)
    }
  }
  const sum = [...totals.values()].reduce((s, e) => s + e.weight, 0)
  return [...totals.entries()]
    .map(([category, e]) => {
      const sorted = e.words.sort((a, b) => b[1] - a[1]).map(([w]) => w)
      return {
        category,
        label: CATEGORY_LABELS[category],
        score: sum ? round(e.weight / sum) : 0,
        weight: e.weight,
        words: sorted,
        reason: reasonFor(sorted),
        strongest: Math.max(...e.words.map(([, w]) => w)),
      }
    })
    .sort(
      (a, b) =>
        b.weight - a.weight ||
        b.strongest - a.strongest ||
        CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category),
    )
    .map(({ strongest: _strongest, ...rest }) => rest)
}

/** Below this total weight the text says too little: the suggestion is 其他. */
const MIN_EVIDENCE = 1

/** A category counts as supported by the text from this probability (ranking, alternatives). */
const MIN_PROBABILITY = 0.05
const NO_TOPIC = '没有识别到明显的类别用词，建议人工判断'

export function suggestCategory(text: string, features: Features = extractFeatures(text)): CategorySuggestion {
  const ranked = predict(CATEGORY_MODEL, features.values)
  if (!knowsAny(CATEGORY_MODEL, features.values)) {
    return { suggested: 'other', label: CATEGORY_LABELS.other, score: 0, reason: NO_TOPIC, alternatives: [], ranking: [] }
  }
  const ranking: CategoryScore[] = ranked
    // Supported: likely enough, or the category's own vocabulary is in the text.
    .filter((r, i) => i === 0 || r.probability >= MIN_PROBABILITY || features.values.has(`k:${r.label}`))
    .map((r) => {
      const category = r.label as Category
      const words = evidenceWords(CATEGORY_MODEL, features, category)
      return { category, label: CATEGORY_LABELS[category], score: round(r.probability), weight: round(r.logit), words, reason: reasonFor(words) }
    })
  const best = ranking[0]
  const alternatives = ranking.slice(1).filter((r) => r.words.length).slice(0, 2)
  // 其他 is "no specific topic": said as such, for a person to decide.
  if (best.category === 'other' || !best.words.length) {
    return { suggested: 'other', label: CATEGORY_LABELS.other, score: 0, reason: NO_TOPIC, alternatives, ranking }
  }
  return { suggested: best.category, label: best.label, score: best.score, reason: best.reason, alternatives, ranking }
}

/** The category model's probability for every category (similarity weighs the stored case's category by it). */
export function categoryProbabilities(text: string, features: Features = extractFeatures(text)): Map<string, number> {
  return new Map(predict(CATEGORY_MODEL, features.values).map((r) => [r.label, r.probability]))
}

/** The dictionary-only suggestion (before the trained model): the bench's baseline. */
export function suggestCategoryByKeywords(text: string, table: KeywordTable = CATEGORY_KEYWORDS): CategorySuggestion {
  const ranking = scoreCategories(text, table)
  const best = ranking[0]
  if (!best || best.weight < MIN_EVIDENCE) {
    return {
      suggested: 'other',
      label: CATEGORY_LABELS.other,
      score: 0,
      reason: '没有识别到明显的类别用词，建议人工判断',
      alternatives: ranking.slice(0, 2),
      ranking,
    }
  }
  return {
    suggested: best.category,
    label: best.label,
    score: best.score,
    reason: best.reason,
    alternatives: ranking.slice(1, 3),
    ranking,
  }
}

/** The top `k` categories (the suggestion first), padded with 其他 when there is little evidence. */
export function topCategories(text: string, k = 3, suggestion?: CategorySuggestion): Category[] {
  const s = suggestion ?? suggestCategory(text)
  if (s.ranking.length) {
    const all = predict(CATEGORY_MODEL, extractFeatures(text).values).map((r) => r.label as Category)
    return [...new Set([s.suggested, ...all])].slice(0, k)
  }
  const list: Category[] = [s.suggested, ...s.ranking.map((r) => r.category)]
  if (!list.includes('other')) list.push('other')
  return [...new Set(list)].slice(0, k)
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
