// Which way an item should go, with the reason in Chinese (the decision stays with staff):
//   现场答复 (onsite)  a question about a policy or a procedure, or an item deputies must not take up;
//   议案建议 (proposal) a theme many residents raised across stations;
//   转办 (transfer)    a concrete local problem, to the unit the district has for its category.
import { CATEGORY_LABELS, type CaseRoute, type Category } from '@minyi/types'
import type { InterventionFlag } from './intervention'
import type { KnowledgeMatch } from './knowledge'

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
}

function list(items: string[], max = 3): string {
  return items.slice(0, max).join('、') + (items.length > max ? '等' : '')
}

export function suggestRoute(input: RouteInput): RouteSuggestion {
  const settings = { ...DEFAULT_ROUTE_SETTINGS, ...input.settings }
  const knowledge = input.knowledge.map((k) => ({ id: k.id, title: k.title }))
  const label = CATEGORY_LABELS[input.category]

  if (input.intervention) {
    return {
      route: 'onsite',
      reason: `${input.intervention.reason}：建议现场说明情况，不予受理并告知依法解决的途径`,
      ...(knowledge.length ? { knowledge } : {}),
    }
  }

  const cues = procedureCues(input.text)
  if (cues.length) {
    const found = knowledge.length
      ? `，知识库中有可参考的答复：${knowledge.map((k) => `《${k.title}》`).join('、')}`
      : '，知识库中暂无对应条目，可由工作人员查明后答复'
    return { route: 'onsite', reason: `这是关于政策或办事程序的咨询（“${cues[0]}”），可以现场答复${found}`, knowledge }
  }

  const { cases, stations } = input.spread
  if (cases >= settings.proposalMinCases && stations.length >= settings.proposalMinStations) {
    return {
      route: 'proposal',
      reason: `近${settings.windowDays}天内${stations.length}个家站点（${list(stations)}）共有${cases}件类似民意（含本件），问题具有普遍性，可作为议案建议的素材`,
    }
  }

  const unit = input.units.find((u) => u.categories.includes(input.category))
  if (unit) {
    return {
      route: 'transfer',
      reason: `这是「${label}」方面需要职能部门办理的具体问题，${unit.name}负责此类事项`,
      unit: { id: unit._id, name: unit.name },
    }
  }
  if (input.category === 'other') {
    return { route: 'onsite', reason: '这是一般性的意见或询问，没有对应的职能部门，可由代表或工作人员现场答复' }
  }
  return {
    route: 'transfer',
    reason: `这是「${label}」方面需要职能部门办理的具体问题，但本区尚未登记负责此类事项的承办单位，请工作人员选择承办单位`,
  }
}
