import type { DeputyView, HandlingUnitView, StationSummary, StationView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import type { DeputyDoc, RegionDoc, StationDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { stationReception } from '../reception/stationReception'
import { deputyByCode, regionChain, stationByCode, stationsById, unitsOfRegion } from '../shared/lookups'
import { presentDeputyCard, presentStationSummary } from './presentStation'
import { stationPublicity } from '../admin/goals'
import { deputyPhotoUrl, publicPhotoUrls } from '../admin/publicPhotos'

export async function listStations(deps: Deps): Promise<{ stations: StationSummary[] }> {
  const stations = await deps.store.collection<StationDoc>('stations').find({}, { sort: [['code', 1]], limit: 1000 })
  return { stations: stations.filter((s) => !s.retiredAt).map(presentStationSummary) }
}

export async function stationView(deps: Deps, code: string): Promise<StationView> {
  const station = await stationByCode(deps.store, code)
  const deputies = await deps.store
    .collection<DeputyDoc>('deputies')
    .find({ stationIds: station._id }, { sort: [['name', 1]], limit: 200 })
  const chain: RegionDoc[] = await regionChain(deps.store, station.regionId)
  const cards = (await Promise.all(deputies.map(async (d) => ({ ...presentDeputyCard(d, station._id), photoUrl: await deputyPhotoUrl(deps, d) }))))
    // The station head first, then by level (higher level first), then by name.
    .sort((a, b) => Number(b.isHead) - Number(a.isHead))
  return {
    ...presentStationSummary(station),
    openHours: station.openHours,
    contactPhone: station.contactPhone,
    regionName: chain.map((r) => r.name).reverse().join(' '),
    officeName: chain[0]?.officeName ?? '',
    deputies: cards,
    reception: await stationReception(deps, station),
    // Uploaded photos are public: addresses anyone may open (application/admin/publicPhotos.ts).
    photos: (await publicPhotoUrls(deps, station._id, station.photos ?? [])).filter(Boolean),
    publicity: await stationPublicity(deps, station, deputies),
  }
}

export async function deputyView(deps: Deps, code: string): Promise<DeputyView> {
  const deputy = await deputyByCode(deps.store, code)
  const stations = await stationsById(deps.store, deputy.stationIds)
  return {
    ...presentDeputyCard(deputy),
    photoUrl: await deputyPhotoUrl(deps, deputy),
    bio: deputy.bio,
    stations: deputy.stationIds
      .map((id) => stations.get(id))
      .filter((s): s is StationDoc => !!s && !s.retiredAt)
      .map(presentStationSummary),
  }
}

/** The handling units the caller assigns: their office's own level (分级负责), else the district's. */
export async function listUnits(deps: Deps, caller: Caller): Promise<{ units: HandlingUnitView[] }> {
  const regionId = caller.office?.regionId ?? caller.regionId
  if (!regionId) return { units: [] }
  const units = await unitsOfRegion(deps.store, regionId)
  return { units: units.map((u) => ({ id: u._id, name: u.name })) }
}
