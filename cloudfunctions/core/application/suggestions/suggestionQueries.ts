// Reading suggestions: one (with its cases) and the lists of a deputy and of the congress office.
import type { ParsedInput, SuggestionSummary, SuggestionView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import type { CaseDoc } from '../../domain/records'
import { assertCanSeeSuggestion } from '../../domain/suggestions/lifecycle'
import type { SuggestionDoc } from '../../domain/suggestions/records'
import type { Filter } from '../../ports'
import type { Deps } from '../deps'
import { stationsById } from '../shared/lookups'
import { presentSuggestion, presentSuggestionSummary } from './presentSuggestion'

export const suggestionsOf = (deps: Deps) => deps.store.collection<SuggestionDoc>('suggestions')

/** A suggestion the caller may see; anything else is "not found" so ids cannot be probed. */
export async function loadVisibleSuggestion(deps: Deps, caller: Caller, id: string): Promise<SuggestionDoc> {
  return assertCanSeeSuggestion(caller, await suggestionsOf(deps).get(id))
}

export async function attachedCases(deps: Deps, s: SuggestionDoc): Promise<Map<string, CaseDoc>> {
  const ids = Object.keys(s.cases)
  if (!ids.length) return new Map()
  const list = await deps.store.collection<CaseDoc>('cases').find({ _id: { $in: ids } }, { limit: Math.min(ids.length, 1000) })
  return new Map(list.map((c) => [c._id, c]))
}

export async function viewSuggestion(deps: Deps, caller: Caller, s: SuggestionDoc): Promise<SuggestionView> {
  const cases = await attachedCases(deps, s)
  const stations = await stationsById(deps.store, [...cases.values()].map((c) => c.stationId))
  return presentSuggestion(s, caller, { cases, stations, now: deps.clock.now() })
}

export async function getSuggestion(deps: Deps, caller: Caller, input: ParsedInput<'suggestion.get'>): Promise<SuggestionView> {
  return viewSuggestion(deps, caller, await loadVisibleSuggestion(deps, caller, input.suggestionId))
}

export async function listSuggestions(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'suggestion.list'>,
): Promise<{ suggestions: SuggestionSummary[]; total: number }> {
  let filter: Filter
  if (caller.role === 'deputy') {
    if (!caller.deputyId) return { suggestions: [], total: 0 }
    filter = { deputyId: caller.deputyId }
    if (input.status) filter.status = input.status
  } else {
    // Drafts and withdrawn drafts are the deputy's own business.
    if (input.status === 'draft' || input.status === 'withdrawn') return { suggestions: [], total: 0 }
    const scopes: Filter[] = []
    if (caller.stationIds.length) scopes.push({ stationIds: { $in: caller.stationIds } })
    if (caller.office) scopes.push({ 'office.regionId': caller.office.regionId })
    if (!scopes.length) return { suggestions: [], total: 0 }
    filter = { ...(scopes.length === 1 ? scopes[0] : { $or: scopes }), status: input.status ?? { $nin: ['draft', 'withdrawn'] } }
  }
  const collection = suggestionsOf(deps)
  const [list, total] = await Promise.all([
    collection.find(filter, { sort: [['updatedAt', -1], ['_id', 1]], limit: 200 }),
    collection.count(filter),
  ])
  const now = deps.clock.now()
  return { suggestions: list.map((s) => presentSuggestionSummary(s, now)), total }
}
