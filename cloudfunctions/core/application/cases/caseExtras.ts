// The parts of a case page added by issue 3 that need more reads than the case itself: photo
// addresses, the case it was merged into or the cases merged into it, and the suggestions it is
// evidence for. Kept apart from presentCase so that stays pure.
import { CASE_STATUS_LABELS, SUGGESTION_KIND_LABELS, SUGGESTION_STATUS_LABELS, type PhotoView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import type { CaseDoc } from '../../domain/records'
import { isSeconder } from '../../domain/seconds'
import type { SuggestionDoc } from '../../domain/suggestions/records'
import type { Deps } from '../deps'
import { visiblePhotos } from '../../domain/photos'
import type { CaseExtras } from './presentCase'

export type { CaseExtras } from './presentCase'

const EXCERPT = 40
const excerpt = (text: string) => {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= EXCERPT ? chars.join('') : `${chars.slice(0, EXCERPT).join('')}…`
}

export async function loadCaseExtras(deps: Deps, caller: Caller, c: CaseDoc): Promise<CaseExtras> {
  const cases = deps.store.collection<CaseDoc>('cases')
  const asSeconder = isSeconder(caller, c)
  const worker = caller.role !== 'resident'
  const suggestionIds = Object.keys(c.suggestions ?? {})
  const [primary, merged, photos, suggestions] = await Promise.all([
    c.mergedInto ? cases.get(c.mergedInto.caseId) : Promise.resolve(null),
    cases.find({ 'mergedInto.caseId': c._id }, { sort: [['createdAt', 1]], limit: 200 }),
    photoViews(deps, caller, c, asSeconder),
    suggestionIds.length
      ? deps.store.collection<SuggestionDoc>('suggestions').find({ _id: { $in: suggestionIds } }, { limit: suggestionIds.length })
      : Promise.resolve([] as SuggestionDoc[]),
  ])
  const byId = new Map(suggestions.map((s) => [s._id, s]))
  return {
    asSeconder,
    mergedInto:
      c.mergedInto && primary
        ? {
            caseId: worker ? primary._id : null,
            trackingNo: primary.trackingNo,
            status: primary.status,
            statusLabel: CASE_STATUS_LABELS[primary.status],
            at: c.mergedInto.at,
          }
        : null,
    mergedCases: worker
      ? merged.map((m) => ({
          id: m._id,
          trackingNo: m.trackingNo,
          excerpt: excerpt(m.content),
          status: m.status,
          statusLabel: CASE_STATUS_LABELS[m.status],
          mergedAt: m.mergedInto?.at ?? m.updatedAt,
        }))
      : [],
    mergedCount: merged.length,
    photos,
    suggestions: Object.entries(c.suggestions ?? {}).map(([id, link]) => {
      const s = byId.get(id)
      const status = s?.status ?? 'submitted'
      return {
        id,
        no: link.no,
        kindLabel: SUGGESTION_KIND_LABELS[link.kind],
        title: link.title,
        status,
        statusLabel: SUGGESTION_STATUS_LABELS[status],
      }
    }),
  }
}

/** The photos the caller may see, each with a short-lived address. */
export async function photoViews(deps: Deps, caller: Caller, c: CaseDoc, asSeconder: boolean): Promise<PhotoView[]> {
  const visible = visiblePhotos(caller, c, asSeconder)
  if (!visible.length) return []
  let urls: Array<string | null>
  try {
    urls = await deps.fileStore.viewUrls(
      visible.map((p) => ({ fileId: p.record.fileId, grant: { caseId: c._id, photoId: p.record.id, viewerId: caller.userId } })),
    )
  } catch (error) {
    deps.log('photo addresses could not be issued', { caseId: c._id, error: String(error) })
    urls = visible.map(() => null)
  }
  return visible.map((p, i) => ({ id: p.record.id, url: urls[i] ?? null, hidden: Boolean(p.hidden), hiddenReason: p.hidden?.reason ?? null }))
}
