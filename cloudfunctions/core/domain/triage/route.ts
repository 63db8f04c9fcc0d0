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

/** Phrases that ask how a policy or a procedure works (the resident wants to know, not a repair). */
const PROCEDURE = [
  /(怎么|怎样|如何|去哪里?|在哪里?|哪里可以|到哪里?)(办理|申请|申领|领取?|补办|备案|报名|缴纳?|交|开具|查询?|认定|续|转移|提取)/,
  /(怎么|如何|去哪里?|在哪里?|到哪里?)办(?=[\u4e00-\u9fa5]{2})(?![呢啊呀吧才])/,
  /(备案|手续|证|卡|补贴|津贴|保险|社保|医保|低保|公积金|执照|登记|入学|转学|户口)(要)?怎么办/,
  /(需要|要|准备)(什么|哪些|啥)(材料|手续|证件|证明|条件)/,
  /(什么|哪些)(条件|流程|手续|政策|标准)/,
  /(政策|规定|标准)(是|有)(什么|怎样|怎么|哪些)/,
  /(办理|申请|申领)(流程|条件|材料|手续|时间|地点)/,
  /有(没有|什么|哪些)[^，。？！]{0,8}(补贴|补助|津贴|优惠|政策)/,
  /(补贴|补助|津贴|优惠)[^，。？！]{0,6}(吗|么|多少|标准)/,
  /(能不能|可不可以|可以|能否|能)[^，。？！]{0,10}(报销|提取|领取?|补缴|补办|转移|异地|办理|申请|享受|用来|用于|给家里人用)/,
  /(符合|满足)[^，。？！]{0,6}条件/,
  /(咨询|请问|想问|想了解|想知道)[^，。？！]{0,20}(政策|怎么|如何|流程|手续|条件|材料|能不能|可不可以)/,
]

export function procedureCues(text: string): string[] {
  const cues: string[] = []
  for (const pattern of PROCEDURE) {
    const m = text.match(pattern)
    if (m) cues.push(m[0])
  }
  return [...new Set(cues)]
}

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
