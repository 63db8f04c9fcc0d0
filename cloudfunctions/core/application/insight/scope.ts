// Whose figures a caller may read. Station staff: their stations. Staff of a congress office: every
// station of their office's region and below. Admin (人大机关 of the district): the district's stations.
// Deputies: their own record only (and the hot spots of their stations, to draft suggestions from).
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { DeputyDoc, StationDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { regionSubtree } from '../shared/lookups'

export interface InsightScope {
  stations: StationDoc[]
  label: string
}

export async function scopeStations(deps: Deps, caller: Caller): Promise<StationDoc[]> {
  const ids = new Set(caller.stationIds)
  const stations = deps.store.collection<StationDoc>('stations')
  if (caller.role === 'staff' && caller.office) {
    const regions = await regionSubtree(deps.store, caller.office.regionId)
    for (const s of await stations.find({ regionId: { $in: regions } }, { limit: 1000 })) ids.add(s._id)
  }
  if (!ids.size) return []
  return stations.find({ _id: { $in: [...ids] } }, { sort: [['name', 1]], limit: 1000 })
}

/** The stations of the caller's scope, narrowed to one when asked (refused if outside). */
export async function insightScope(deps: Deps, caller: Caller, stationId?: string): Promise<InsightScope> {
  const all = await scopeStations(deps, caller)
  if (stationId) {
    const one = all.find((s) => s._id === stationId)
    if (!one) throw new DomainError('FORBIDDEN', '您不能查看其他家站点的统计')
    return { stations: [one], label: one.name }
  }
  if (!all.length) throw new DomainError('FORBIDDEN', '您没有可查看统计的家站点')
  const label = caller.role === 'admin' ? '全区' : caller.office ? caller.office.name : all.length === 1 ? all[0].name : '本人所在家站点'
  return { stations: all, label }
}

/** May the caller read this deputy's record? The deputy themself; staff and admins whose stations the deputy belongs to. */
export async function assertMayReadRecord(deps: Deps, caller: Caller, deputy: DeputyDoc | null): Promise<DeputyDoc> {
  const notFound = new DomainError('NOT_FOUND', '没有找到这位代表的履职档案，或您无权查看')
  if (!deputy) throw notFound
  if (caller.role === 'deputy') {
    if (caller.deputyId !== deputy._id) throw notFound
    return deputy
  }
  if (caller.role === 'resident') throw notFound
  const mine = new Set((await scopeStations(deps, caller)).map((s) => s._id))
  if (!deputy.stationIds.some((id) => mine.has(id))) throw notFound
  return deputy
}
