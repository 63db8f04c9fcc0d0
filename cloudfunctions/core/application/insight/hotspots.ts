// 热点难点: the top recurring themes of the last 90 days across the caller's stations, each with its
// cases (one click away), the places and stations involved, and a prefilled suggestion draft.
import { CATEGORY_LABELS, addDays, shanghaiDate, startOfShanghaiDay, type HotspotView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import { clusterHotspots } from '../../domain/insight/hotspots'
import type { CaseDoc, StationDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { insightScope } from './scope'

export const HOTSPOT_DAYS = 90
const MAX_CASES = 3000

export async function hotspots(deps: Deps, caller: Caller, input: { stationId?: string; days?: number }): Promise<{ days: number; since: string; hotspots: HotspotView[] }> {
  let stations: StationDoc[]
  if (caller.role === 'deputy') {
    const mine = await deps.store.collection<StationDoc>('stations').find({ _id: { $in: caller.stationIds } }, { limit: 100 })
    if (input.stationId && !mine.some((s) => s._id === input.stationId)) throw new DomainError('FORBIDDEN', '您不能查看其他家站点的统计')
    stations = input.stationId ? mine.filter((s) => s._id === input.stationId) : mine
  } else stations = (await insightScope(deps, caller, input.stationId)).stations
  const days = input.days ?? HOTSPOT_DAYS
  const since = addDays(shanghaiDate(deps.clock.now()), -days)
  const byId = new Map(stations.map((s) => [s._id, s]))
  const cases = stations.length
    ? await deps.store.collection<CaseDoc>('cases').find(
        { stationId: { $in: [...byId.keys()] }, createdAt: { $gte: startOfShanghaiDay(since).toISOString() }, status: { $ne: 'merged' } },
        { sort: [['createdAt', -1]], limit: Math.min(MAX_CASES, 1000) },
      )
    : []
  const docs = new Map(cases.map((c) => [c._id, c]))
  const clusters = clusterHotspots(cases.map((c) => ({ id: c._id, stationId: c.stationId, terms: c.terms ?? [], place: c.place, category: c.category })))
  return {
    days,
    since,
    hotspots: clusters.map((cl, i) => {
      const members = cl.caseIds.map((id) => docs.get(id)!)
      const perStation = new Map<string, number>()
      for (const c of members) perStation.set(c.stationId, (perStation.get(c.stationId) ?? 0) + 1)
      const cats = new Map<string, number>()
      for (const c of members) cats.set(c.category, (cats.get(c.category) ?? 0) + 1)
      const category = [...cats.entries()].sort((a, b) => b[1] - a[1])[0][0]
      const theme = cl.companion ? `${cl.seed}·${cl.companion}` : cl.seed
      const places = [...new Set(members.map((c) => c.place).filter((p): p is string => Boolean(p)))].slice(0, 8)
      const stationList = [...perStation.entries()].map(([id, count]) => ({ id, name: byId.get(id)?.name ?? id, count })).sort((a, b) => b.count - a.count)
      const title = `关于解决${stationList.map((s) => s.name).slice(0, 2).join('、')}等地“${theme}”问题的建议`
      const body =
        `近${days}天，${stationList.map((s) => `${s.name}${s.count}件`).join('、')}，共${members.length}件群众反映涉及“${theme}”（${CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS] ?? category}）。` +
        (places.length ? `涉及地点：${places.join('、')}。` : '') +
        `典型反映：${members.slice(0, 3).map((c) => `“${c.content.slice(0, 40)}”`).join('；')}。建议有关部门统筹研究，系统解决。`
      return {
        id: `hs${i + 1}_${cl.seed}`,
        theme,
        terms: [cl.seed, ...(cl.companion ? [cl.companion] : [])],
        count: members.length,
        category: CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS] ?? category,
        places,
        stations: stationList,
        caseIds: members.map((c) => c._id),
        cases: members.slice(0, 50).map((c) => ({ id: c._id, trackingNo: c.trackingNo, summary: c.content.slice(0, 60), stationName: byId.get(c.stationId)?.name ?? '', createdAt: c.createdAt })),
        draft: { title: title.slice(0, 60), body: body.slice(0, 1900) },
      }
    }),
  }
}
