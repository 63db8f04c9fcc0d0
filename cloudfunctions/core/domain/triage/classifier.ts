// Category suggestion: the text's words are looked up in a keyword dictionary per category; each
// category scores the sum of the weights of its words found, and the words found are the reason
// ("因为提到：红绿灯、路口"). Nothing is learnt at run time, so every suggestion can be explained.
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@minyi/types'
import { CATEGORY_KEYWORDS, type KeywordTable } from './categoryKeywords'
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

const MAX_WORDS_IN_REASON = 4

/** Index: word → [(category, weight)], built once per table. */
const indexes = new WeakMap<KeywordTable, Map<string, Array<[Category, number]>>>()
function indexOf(table: KeywordTable) {
  let index = indexes.get(table)
  if (!index) {
    index = new Map()
    for (const category of CATEGORIES) {
      for (const [word, weight] of Object.entries(table[category])) {
        if (weight <= 0) continue
        const entries = index.get(word) ?? []
        entries.push([category, weight])
        index.set(word, entries)
      }
    }
    indexes.set(table, index)
  }
  return index
}

export function reasonFor(words: string[]): string {
  return words.length ? `因为提到：${words.slice(0, MAX_WORDS_IN_REASON).join('、')}` : '没有识别到明显的类别用词'
}

/** Keywords of three or more characters are specific enough to be found inside the text as written. */
const LONG_KEYWORD = 3
const longKeywords = new WeakMap<KeywordTable, string[]>()
function longKeywordsOf(table: KeywordTable): string[] {
  let list = longKeywords.get(table)
  if (!list) {
    list = [...indexOf(table).keys()].filter((w) => Array.from(w).length >= LONG_KEYWORD)
    longKeywords.set(table, list)
  }
  return list
}

/**
 * Dictionary words found: among the segmented words, or (three characters or more) in the text as
 * written. A word inside a longer word also found is dropped, so it is not counted twice.
 */
export function matchedKeywords(tokens: string[], table: KeywordTable = CATEGORY_KEYWORDS, text = ''): string[] {
  const index = indexOf(table)
  const found = new Set(tokens.filter((t) => index.has(t)))
  if (text) {
    const normalised = text.normalize('NFKC').toLowerCase()
    for (const word of longKeywordsOf(table)) if (normalised.includes(word)) found.add(word)
  }
  const list = [...found]
  return list.filter((word) => !list.some((other) => other !== word && other.includes(word)))
}

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

export function suggestCategory(text: string, table: KeywordTable = CATEGORY_KEYWORDS): CategorySuggestion {
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
export function topCategories(text: string, k = 3): Category[] {
  const s = suggestCategory(text)
  const list: Category[] = [s.suggested, ...s.ranking.map((r) => r.category)]
  if (!list.includes('other')) list.push('other')
  return [...new Set(list)].slice(0, k)
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
