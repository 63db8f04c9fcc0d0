// Matching a text against the knowledge base staff maintain: an entry's own keywords count most,
// words of its title less. Knowledge bases are small (dozens to hundreds per district).
import { distinctTokens } from './tokenizer'

export interface KnowledgeLike {
  _id: string
  title: string
  keywords: string[]
}

export interface KnowledgeMatch {
  id: string
  title: string
  score: number
  /** The words the text shares with the entry. */
  words: string[]
  reason: string
}

const KEYWORD_WEIGHT = 3
const TITLE_WEIGHT = 1
/** An entry matches when one keyword or three title words are found. */
export const KNOWLEDGE_MIN_SCORE = 3

export function matchKnowledge<T extends KnowledgeLike>(text: string, entries: T[], limit = 3, tokens = distinctTokens(text)): KnowledgeMatch[] {
  const tokenSet = new Set(tokens)
  const normalisedText = text.normalize('NFKC').toLowerCase()
  const matches: KnowledgeMatch[] = []
  for (const entry of entries) {
    const words: string[] = []
    let score = 0
    for (const raw of entry.keywords) {
      const keyword = raw.normalize('NFKC').toLowerCase().trim()
      if (!keyword) continue
      if (tokenSet.has(keyword) || (Array.from(keyword).length >= 2 && normalisedText.includes(keyword))) {
        score += KEYWORD_WEIGHT
        words.push(raw.trim())
      }
    }
    for (const word of distinctTokens(entry.title)) {
      if (tokenSet.has(word) && !words.some((w) => w.includes(word))) {
        score += TITLE_WEIGHT
        words.push(word)
      }
    }
    if (score >= KNOWLEDGE_MIN_SCORE) {
      matches.push({ id: entry._id, title: entry.title, score, words, reason: `匹配：${words.slice(0, 4).join('、')}` })
    }
  }
  return matches.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'zh')).slice(0, limit)
}
