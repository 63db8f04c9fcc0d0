// Document frequencies of terms (how many cases hold each word), kept in `term_stats` so that
// similarity weighs rare words more, and so that a lookup can start from a query's rarest words.
// One small document per term plus a `total`; each increment is one atomic update, so concurrent
// submissions do not lose counts. The counts are advisory: a failed increment only makes a weight
// slightly off, so it never fails the submission that caused it.
import type { CaseDoc, TermStatDoc } from '../../domain/records'
import { termsOf, type TermStatsView } from '../../domain/triage'
import type { Collection, Store } from '../../ports'

export const TOTAL_ID = 'total'

/** Ids are ASCII (hex of the word) so that any store accepts them. */
export function termStatId(term: string): string {
  return `t_${Buffer.from(term, 'utf8').toString('hex')}`
}

/** The terms stored on a case: from its content and place. */
export function caseTerms(content: string, place: string | null | undefined, cap?: number): string[] {
  return termsOf([content, place].filter(Boolean).join('\n'), cap)
}

async function bump(col: Collection<TermStatDoc>, _id: string, term: string, inc: Record<string, number>): Promise<void> {
  if (await col.update({ _id }, { inc })) return
  const doc: TermStatDoc = { _id, term, df: inc.df ?? 0, ...(inc.terms !== undefined ? { terms: inc.terms } : {}) }
  if (await col.insert(doc)) return
  // Someone else created it in between: now the update finds it.
  await col.update({ _id }, { inc })
}

const CONCURRENCY = 10

/** Counts one more case holding `terms` (distinct). */
export async function recordTerms(store: Store, terms: string[], sign: 1 | -1 = 1): Promise<void> {
  const col = store.collection<TermStatDoc>('term_stats')
  const distinct = [...new Set(terms)]
  await bump(col, TOTAL_ID, '', { df: sign, terms: sign * distinct.length })
  for (let i = 0; i < distinct.length; i += CONCURRENCY) {
    await Promise.all(distinct.slice(i, i + CONCURRENCY).map((t) => bump(col, termStatId(t), t, { df: sign })))
  }
}

/** Like `recordTerms`, but a failure is logged, not thrown. */
export async function recordTermsQuietly(store: Store, terms: string[], log: (message: string, detail?: unknown) => void): Promise<void> {
  try {
    await recordTerms(store, terms)
  } catch (error) {
    log('term statistics were not updated', error instanceof Error ? error.message : error)
  }
}

/** The statistics a lookup needs: the total and the frequencies of the query's words, in one read. */
export async function loadTermStats(store: Store, terms: string[]): Promise<TermStatsView> {
  const ids = [TOTAL_ID, ...new Set(terms.map(termStatId))].slice(0, 1000)
  const docs = await store.collection<TermStatDoc>('term_stats').find({ _id: { $in: ids } }, { limit: ids.length })
  const df = new Map<string, number>()
  let total = 0
  let termCount = 0
  for (const doc of docs) {
    if (doc._id === TOTAL_ID) {
      total = doc.df
      termCount = doc.terms ?? 0
    } else df.set(doc.term, doc.df)
  }
  return { total, avgTerms: total > 0 ? termCount / total : 0, df }
}

/**
 * Gives terms to cases stored before they were kept (or whose terms were lost), a batch at a time,
 * and counts them. Returns how many cases it updated; run it until it returns 0.
 */
export async function backfillCaseTerms(store: Store, batch = 200, cap?: number): Promise<number> {
  const cases = store.collection<CaseDoc>('cases')
  const missing = await cases.find({ terms: { $exists: false } }, { limit: batch })
  let updated = 0
  for (const c of missing) {
    const terms = caseTerms(c.content, c.place, cap)
    // Conditional on still having no terms, so two runs do not count a case twice.
    if (await cases.update({ _id: c._id, terms: { $exists: false } }, { set: { terms } })) {
      await recordTerms(store, terms)
      updated += 1
    }
  }
  return updated
}
