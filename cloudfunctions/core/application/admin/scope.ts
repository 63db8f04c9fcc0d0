// Who may touch what in the console (docs/admin-console.md):
// - the admin (人大机关): everything in their district (regions, stations, deputies, units, routing, goals);
// - station staff: their own stations' public details and goals (read: their stations, the district's
//   deputies of those stations, the district's units);
// - office staff (街道人大工委 / 区人大常委会): like station staff for every station in their office's
//   region (a street office for its street, the district office for the district); no structural edits.
// Nothing outside the caller's district; an object out of scope answers NOT_FOUND (it is not theirs to know).
import { createHash } from 'node:crypto'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { RegionDoc, StationDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { regionSubtree } from '../shared/lookups'

export const STATION_NOT_FOUND = '没有找到这个家站点，或它不在您的管理范围内'

export function requireDistrict(caller: Caller): string {
  if (!caller.regionId) throw new DomainError('FORBIDDEN', '您的账号尚未关联到行政区，不能使用管理台')
  return caller.regionId
}

/** The caller's district and every region under it. */
export async function districtRegions(deps: Deps, caller: Caller): Promise<RegionDoc[]> {
  const districtId = requireDistrict(caller)
  const ids = await regionSubtree(deps.store, districtId)
  return deps.store.collection<RegionDoc>('regions').find({ _id: { $in: ids } }, { sort: [['_id', 1]], limit: 1000 })
}

export async function districtStations(deps: Deps, regions: RegionDoc[]): Promise<StationDoc[]> {
  return deps.store
    .collection<StationDoc>('stations')
    .find({ regionId: { $in: regions.map((r) => r._id) } }, { sort: [['code', 1]], limit: 1000 })
}

/** The stations whose public details and goals the caller may edit (all of the district for an admin). */
export async function editableStationIds(deps: Deps, caller: Caller, all: StationDoc[]): Promise<Set<string>> {
  if (caller.role === 'admin') return new Set(all.map((s) => s._id))
  if (caller.role !== 'staff') return new Set()
  if (caller.office) {
    const regionIds = new Set(await regionSubtree(deps.store, caller.office.regionId))
    return new Set(all.filter((s) => regionIds.has(s.regionId)).map((s) => s._id))
  }
  return new Set(caller.stationIds.filter((id) => all.some((s) => s._id === id)))
}

/** A station the caller may edit: `all` fields (admin) or only its `public` details (staff). */
export async function stationForEdit(deps: Deps, caller: Caller, stationId: string): Promise<{ station: StationDoc; regions: RegionDoc[]; mode: 'all' | 'public' }> {
  const regions = await districtRegions(deps, caller)
  const station = await deps.store.collection<StationDoc>('stations').get(stationId)
  if (!station || !regions.some((r) => r._id === station.regionId)) throw new DomainError('NOT_FOUND', STATION_NOT_FOUND)
  const editable = await editableStationIds(deps, caller, [station])
  if (!editable.has(station._id)) throw new DomainError('NOT_FOUND', STATION_NOT_FOUND)
  return { station, regions, mode: caller.role === 'admin' ? 'all' : 'public' }
}

/** An id for something a request creates: the same request (retried) derives the same id. */
export function idFor(prefix: string, caller: Caller, requestId: string): string {
  return `${prefix}_${createHash('sha256').update(`${caller.userId}|${requestId}`).digest('hex').slice(0, 24)}`
}

/** Only the fields that changed, before and after (for the audit trail). */
export function diff(before: object, after: object): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  const bo = before as Record<string, unknown>
  const ao = after as Record<string, unknown>
  for (const key of Object.keys(ao)) {
    if (JSON.stringify(bo[key]) !== JSON.stringify(ao[key])) {
      b[key] = bo[key] ?? null
      a[key] = ao[key]
    }
  }
  return { before: b, after: a }
}
