// Finding the category dictionary's words in a text (categoryKeywords.ts).
import { CATEGORIES, type Category } from '@minyi/types'
import { CATEGORY_KEYWORDS, type KeywordTable } from './categoryKeywords'

const MAX_WORDS_IN_REASON = 4

/** Index: word → [(category, weight)], built once per table. */
const indexes = new WeakMap<KeywordTable, Map<string, Array<[Category, number]>>>()
export function indexOf(table: KeywordTable) {
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
