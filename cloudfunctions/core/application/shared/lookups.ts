// Small reads many use cases share.
import { DomainError } from '../../domain/errors'
import type { DeputyDoc, RegionDoc, StationDoc, UnitDoc, UserDoc } from '../../domain/records'
import type { Store } from '../../ports'

export async function stationByCode(store: Store, code: string): Promise<StationDoc> {
  const [station] = await store.collection<StationDoc>('stations').find({ code }, { limit: 1 })
  if (!station) throw new DomainError('NOT_FOUND', '没有找到这个家站点，请确认二维码是否正确')
  if (station.retiredAt) throw new DomainError('NOT_FOUND', await retiredMessage(store, station))
  return station
}

/** 撤并: a retired station's codes send residents to the station that replaced it. */
export async function retiredMessage(store: Store, station: StationDoc): Promise<string> {
  let next = station.replacedBy ? await store.collection<StationDoc>('stations').get(station.replacedBy) : null
  // Replaced by one that was later retired too: follow the chain (a few steps at most).
  for (let i = 0; next?.retiredAt && next.replacedBy && i < 5; i++) next = await store.collection<StationDoc>('stations').get(next.replacedBy)
  if (!next || next.retiredAt) return `该站点已撤并，请前往本区其他家站点反映`
  return `该站点已撤并，请前往${next.name}（${next.address}，民意码 ${next.code}）`
}

export async function deputyByCode(store: Store, code: string): Promise<DeputyDoc> {
  const [deputy] = await store.collection<DeputyDoc>('deputies').find({ code }, { limit: 1 })
  if (!deputy) throw new DomainError('NOT_FOUND', '没有找到这位代表，请确认二维码是否正确')
  return deputy
}

export async function stationsById(store: Store, ids: string[]): Promise<Map<string, StationDoc>> {
  if (!ids.length) return new Map()
  const stations = await store.collection<StationDoc>('stations').find({ _id: { $in: [...new Set(ids)] } }, { limit: 1000 })
  return new Map(stations.map((s) => [s._id, s]))
}

export async function regionChain(store: Store, regionId: string): Promise<RegionDoc[]> {
  const regions = store.collection<RegionDoc>('regions')
  const chain: RegionDoc[] = []
  for (let id: string | null = regionId; id && chain.length < 6; ) {
    const region: RegionDoc | null = await regions.get(id)
    if (!region) break
    chain.push(region)
    id = region.parentId
  }
  return chain
}

/** The district (区) a region belongs to, or the region itself when it is one. */
export async function districtOf(store: Store, regionId: string): Promise<RegionDoc | null> {
  const chain = await regionChain(store, regionId)
  return chain.find((r) => r.level === 'district') ?? null
}

/** Every region at or below the given one. */
export async function regionSubtree(store: Store, rootId: string): Promise<string[]> {
  const regions = store.collection<RegionDoc>('regions')
  const ids = [rootId]
  for (let frontier = [rootId]; frontier.length; ) {
    const children = await regions.find({ parentId: { $in: frontier } }, { limit: 1000 })
    frontier = children.map((r) => r._id)
    ids.push(...frontier)
  }
  return ids
}

/** The handling units a region's congress office assigns (a street's or the district's). */
export async function unitsOfRegion(store: Store, regionId: string): Promise<UnitDoc[]> {
  // Units the admin retired (停用) are no longer assigned or suggested.
  const units = await store.collection<UnitDoc>('units').find({ regionId }, { sort: [['name', 1]], limit: 1000 })
  return units.filter((u) => !u.retiredAt)
}

export async function userById(store: Store, id: string): Promise<UserDoc | null> {
  return store.collection<UserDoc>('users').get(id)
}
