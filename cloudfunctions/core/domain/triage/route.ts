// Which way an item should go, with the reason in Chinese (the decision stays with staff):
//   现场答复 (onsite)  a question about a policy or a procedure, or an item deputies must not take up;
//   议案建议 (proposal) a theme many residents raised across stations;
//   转办 (transfer)    a concrete local problem, to the unit the district has for its category.
import { CATEGORY_LABELS, type CaseRoute, type Category } from '@minyi/types'
import { extractFeatures, type Features } from './features'
import type { InterventionFlag } from './intervention'
import type { KnowledgeMatch } from './knowledge'
import { predict } from './linearModel'
import { evidenceWords, ROUTE_MODEL } from './models'

export interface RouteSettings {
  /** A theme is general when at least this many similar cases (this one included)... */
  proposalMinCases: number
  /** ...came from at least this many stations. */
  proposalMinStations: number
  /** Days a closed case still counts as recent. */
  windowDays: number
}

export const DEFAULT_ROUTE_SETTINGS: RouteSettings = { proposalMinCases: 5, proposalMinStations: 2, windowDays: 90 }

export interface UnitLike {
  _id: string
  name: string
  categories: Category[]
}

export interface Spread {
  /** Similar open or recent cases, this one included. */
  cases: number
  /** Names of the stations they came from, this one's included. */
  stations: string[]
}

export interface RouteSuggestion {
  route: CaseRoute
  reason: string
  unit?: { id: string; name: string }
  knowledge?: Array<{ id: string; title: string }>
}

export { procedureCues } from './procedureCues'
import { procedureCues } from './procedureCues'

export interface RouteInput {
  text: string
  category: Category
  knowledge: KnowledgeMatch[]
  /** Handling units that may take the case, nearest level first (the street's, then the district's). */
  units: UnitLike[]
  spread: Spread
  intervention: InterventionFlag | null
  settings?: Partial<RouteSettings>
  /** The text's features, when the caller has them already. */
  features?: Features
}

export type ModelRoute = 'onsite' | 'transfer' | 'proposal' | 'decline'

export interface RoutePrediction {
  /** The likeliest of on-site answer, transfer and proposal (decline is the intervention check's). */
  route: CaseRoute
  probabilities: Record<ModelRoute, number>
  /** The words that weighed most for `route`. */
  words: string[]
}

/** With a knowledge-base answer at hand, a question this likely to be one is answered on site. */
const KNOWLEDGE_ONSITE_MIN = 0.25

/** What the route model reads in the text alone. */
export function predictRoute(text: string, features: Features = extractFeatures(text)): RoutePrediction {
  const scores = predict(ROUTE_MODEL, features.values)
  const probabilities = Object.fromEntries(scores.map((s) => [s.label, Math.round(s.probability * 1000) / 1000])) as Record<ModelRoute, number>
  const best = scores.find((s) => s.label !== 'decline')!.label as CaseRoute
  return { route: best, probabilities, words: evidenceWords(ROUTE_MODEL, features, best, 3) }
}

const because = (words: string[]) => (words.length ? `（因为提到：${words.join('、')}）` : '')

function list(items: string[], max = 3): string {
  return items.slice(0, max).join('、') + (items.length > max ? '等' : '')
}

export function suggestRoute(input: RouteInput): RouteSuggestion {
  const settings = { ...DEFAULT_ROUTE_SETTINGS, ...input.settings }
  const knowledge = input.knowledge.map((k) => ({ id: k.id, title: k.title }))

  if (input.intervention) {
    return {
      route: 'onsite',
      reason: `${input.intervention.reason}：建议现场说明情况，不予受理并告知依法解决的途径`,
      ...(knowledge.length ? { knowledge } : {}),
    }
  }

  const features = input.features ?? extractFeatures(input.text)
  const model = predictRoute(input.text, features)
  const cues = procedureCues(input.text)
  const found = knowledge.length
    ? `，知识库中有可参考的答复：${knowledge.map((k) => `《${k.title}》`).join('、')}`
    : '，知识库中暂无对应条目，可由工作人员查明后答复'
  if (cues.length) {
    return { route: 'onsite', reason: `这是关于政策或办事程序的咨询（“${cues[0]}”），可以现场答复${found}`, knowledge }
  }
  if (model.route === 'onsite' || (knowledge.length && model.probabilities.onsite >= KNOWLEDGE_ONSITE_MIN)) {
    return { route: 'onsite', reason: `这是咨询、表扬或一般性的意见${because(model.words)}，可以现场答复${found}`, knowledge }
  }

  const { cases, stations } = input.spread
  if (cases >= settings.proposalMinCases && stations.length >= settings.proposalMinStations) {
    return {
      route: 'proposal',
      reason: `近${settings.windowDays}天内${stations.length}个家站点（${list(stations)}）共有${cases}件类似民意（含本件），问题具有普遍性，可作为议案建议的素材`,
    }
  }
  if (model.route === 'proposal') {
    return { route: 'proposal', reason: `这是政策层面的建议或多处共有的问题${because(model.words)}，可作为议案建议的素材` }
  }
  return transferSuggestion(input.units, input.category)
}

/**
 * A concrete local problem: to the unit the district has for its category (分级负责: the list is
 * nearest level first). Kept apart from the rest of the route so the handling-unit map can change it alone.
 */
export function transferSuggestion(units: UnitLike[], category: Category): RouteSuggestion {
  const label = CATEGORY_LABELS[category]
  const unit = units.find((u) => u.categories.includes(category))
  if (unit) {
    return {
      route: 'transfer',
      reason: `这是「${label}」方面需要职能部门办理的具体问题，${unit.name}负责此类事项`,
      unit: { id: unit._id, name: unit.name },
    }
  }
  if (category === 'other') {
    return { route: 'onsite', reason: '这是一般性的意见或询问，没有对应的职能部门，可由代表或工作人员现场答复' }
  }
  return {
    route: 'transfer',
    reason: `这是「${label}」方面需要职能部门办理的具体问题，但本区尚未登记负责此类事项的承办单位，请工作人员选择承办单位`,
  }
}
