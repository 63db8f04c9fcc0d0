// case.triage: everything that helps whoever decides on a case, each with its reason. Read-only.
import { CATEGORY_LABELS, ROUTE_LABELS, type TriageView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { canSeeCase } from '../../domain/caseAccess'
import type { CaseDoc, StationDoc } from '../../domain/records'
import {
  categoryProbabilities,
  checkIntervention,
  extractFeatures,
  matchKnowledge,
  suggestCategory,
  suggestRoute,
  triageSettings,
  type CategorySuggestion,
} from '../../domain/triage'
import type { Category } from '@minyi/types'
import type { Deps } from '../deps'
import { presentCaseSummary } from '../cases/presentCase'
import { loadVisibleCase } from '../cases/loadCase'
import { districtOf, regionSubtree } from '../shared/lookups'
import { routedUnits } from '../admin/units'
import type { UnitLike } from '../../domain/triage/route'
import { activeKnowledge } from './knowledgeBase'
import { findSimilarCases, sharedReason } from './similarCases'
import { caseTerms } from './termStats'

const DAY_MS = 24 * 3600 * 1000

/** The category the route is based on: the case's own when the text supports it at all, else the suggestion. */
export function effectiveCategory(current: Category, suggestion: CategorySuggestion): Category {
  if (suggestion.suggested === 'other' || current === suggestion.suggested) return current
  return suggestion.ranking.some((r) => r.category === current) ? current : suggestion.suggested
}

async function districtScope(deps: Deps, station: StationDoc | null) {
  const district = station ? await districtOf(deps.store, station.regionId) : null
  if (!district) return { districtId: null, stations: station ? [station] : [] }
  const regionIds = await regionSubtree(deps.store, district._id)
  const stations = await deps.store.collection<StationDoc>('stations').find({ regionId: { $in: regionIds } }, { limit: 1000 })
  return { districtId: district._id, stations }
}

export async function triageCase(deps: Deps, caller: Caller, caseId: string): Promise<TriageView> {
  const c = await loadVisibleCase(deps, caller, caseId)
  const settings = triageSettings(deps.config.triage)
  const station = await deps.store.collection<StationDoc>('stations').get(c.stationId)
  const { districtId, stations } = await districtScope(deps, station)
  const stationsById = new Map(stations.map((s) => [s._id, s]))
  const terms = c.terms?.length ? c.terms : caseTerms(c.content, c.place, settings.termsPerCase)
  const since = new Date(deps.clock.now().getTime() - settings.windowDays * DAY_MS).toISOString()

  const features = extractFeatures(c.content)
  const [{ ranked }, knowledgeDocs, units] = await Promise.all([
    findSimilarCases(deps.store, {
      categories: categoryProbabilities(c.content, features),
      terms,
      text: [c.content, c.place].filter(Boolean).join('\n'),
      stationIds: stations.map((s) => s._id),
      excludeIds: [c._id],
      countedSelf: Boolean(c.terms?.length),
      recentSince: since,
      candidateLimit: settings.candidateLimit,
      retrievalBudget: settings.retrievalBudget,
    }),
    districtId ? activeKnowledge(deps.store, districtId) : Promise.resolve([]),
    unitsNearestFirst(deps, station?.regionId ?? null, districtId),
  ])

  const category = suggestCategory(c.content, features)
  const intervention = checkIntervention(c.content, features)
  const knowledge = matchKnowledge(c.content, knowledgeDocs, 3)
  const knowledgeById = new Map(knowledgeDocs.map((k) => [k._id, k]))

  // Counting across the district (names of stations only); listing only what the caller may see.
  const alike = ranked.filter((s) => s.score >= settings.spreadMinScore)
  const spreadStations = [...new Set([c.stationId, ...alike.map((s) => s.doc.stationId)])].map((id) => stationsById.get(id)?.name ?? id)
  const spread = { cases: alike.length + 1, stations: spreadStations }
  const similar = ranked
    .filter((s) => s.score >= settings.similarMinScore && canSeeCase(caller, s.doc))
    .slice(0, settings.similarLimit)

  const route = suggestRoute({
    text: c.content,
    category: effectiveCategory(c.category, category),
    knowledge,
    units,
    spread,
    intervention,
    settings,
    features,
  })

  return {
    caseId: c._id,
    trackingNo: c.trackingNo,
    category: {
      current: c.category,
      currentLabel: CATEGORY_LABELS[c.category],
      suggested: category.suggested,
      label: category.label,
      score: category.score,
      reason: category.reason,
      alternatives: category.alternatives.map((a) => ({ category: a.category, label: a.label, score: a.score, reason: a.reason })),
    },
    route: { ...route, label: ROUTE_LABELS[route.route] },
    similar: similar.map((s) => similarView(s.doc, stationsById.get(s.doc.stationId), s.score, s.shared)),
    spread: {
      ...spread,
      reason:
        spread.cases > 1
          ? `近${settings.windowDays}天内${spread.stations.length}个家站点共有${spread.cases}件类似民意（含本件）`
          : `近${settings.windowDays}天内没有发现类似民意`,
    },
    intervention: intervention
      ? { flagged: true, kinds: intervention.kinds, reason: intervention.reason, guidance: intervention.guidance }
      : null,
    knowledge: knowledge.map((k) => ({
      id: k.id,
      title: k.title,
      answer: knowledgeById.get(k.id)?.answer ?? '',
      score: k.score,
      reason: k.reason,
    })),
  }
}

function similarView(doc: CaseDoc, station: StationDoc | undefined, score: number, shared: string[]) {
  const summary = presentCaseSummary(doc, station)
  return {
    id: doc._id,
    trackingNo: doc.trackingNo,
    excerpt: summary.excerpt,
    category: doc.category,
    categoryLabel: CATEGORY_LABELS[doc.category],
    status: doc.status,
    stationName: summary.stationName,
    createdAt: doc.createdAt,
    score,
    reason: sharedReason(shared),
  }
}

/**
 * 分级负责: the units of the station's own street come before the district's, so a problem the
 * street can settle is suggested to the street's unit, and only otherwise to a district unit.
 */
async function unitsNearestFirst(deps: Deps, stationRegionId: string | null, districtId: string | null): Promise<UnitLike[]> {
  const regionIds = [...new Set([stationRegionId, districtId].filter((id): id is string => !!id))]
  // Each level's routing map (分办规则, set in the console) says which unit takes which category.
  return routedUnits(deps, regionIds)
}
