// case.similarForDraft: before submitting, a resident sees open cases at the same station that say
// much the same, so they can second one (附议) instead of filing a duplicate. Only what passed the
// content check is shown, as a short excerpt with digits masked (no phone numbers, house numbers).
import { CATEGORY_LABELS, type ParsedInput } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { categoryProbabilities, triageSettings } from '../../domain/triage'
import type { Deps } from '../deps'
import { stationByCode } from '../shared/lookups'
import { findSimilarCases, sharedReason } from './similarCases'
import { hasSeconded, raisedBy } from '../../domain/seconds'
import { caseTerms } from './termStats'

const EXCERPT_LENGTH = 40
/** Below this, a case is not "the same problem" for a resident to second. */
const DRAFT_MIN_SCORE = 0.3

export function residentExcerpt(text: string): string {
  const masked = text.replace(/\s+/g, ' ').trim().replace(/\d/g, '*')
  const chars = Array.from(masked)
  return chars.length <= EXCERPT_LENGTH ? masked : `${chars.slice(0, EXCERPT_LENGTH).join('')}…`
}

export async function similarForDraft(deps: Deps, caller: Caller, input: ParsedInput<'case.similarForDraft'>) {
  const station = await stationByCode(deps.store, input.stationCode)
  const settings = triageSettings(deps.config.triage)
  const { ranked } = await findSimilarCases(deps.store, {
    terms: caseTerms(input.text, null, settings.termsPerCase),
    text: input.text,
    categories: categoryProbabilities(input.text),
    stationIds: [station._id],
    recentSince: null,
    checkedOnly: true,
    candidateLimit: settings.candidateLimit,
    retrievalBudget: settings.retrievalBudget,
  })
  return {
    cases: ranked
      .filter((s) => s.score >= Math.max(DRAFT_MIN_SCORE, settings.similarMinScore))
      .slice(0, settings.similarLimit)
      .map((s) => ({
        id: s.doc._id,
        excerpt: residentExcerpt(s.doc.content),
        category: s.doc.category,
        categoryLabel: CATEGORY_LABELS[s.doc.category],
        status: s.doc.status,
        createdAt: s.doc.createdAt,
        isMine: s.doc.residentId === caller.userId,
        raisedBy: raisedBy(s.doc),
        seconded: hasSeconded(caller.userId, s.doc),
        score: s.score,
        reason: sharedReason(s.shared),
      })),
  }
}
