// Stations in the console: create (the naming rule), edit (admin: all; staff: public details),
// retire (撤并: history kept, its deputies move to the replacing station, its codes point there).
import { STATION_KIND_LABELS, type AdminStationView, type ParsedInput } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { DeputyDoc, RegionDoc, StationDoc } from '../../domain/records'
import { stationNameProblem } from '../../domain/stationNaming'
import { recordAudit } from '../audit/recordAudit'
import type { Deps } from '../deps'
import { moveDeputyStations } from './deputies'
import { publicPhotoUrls, withPublicPhotos } from './publicPhotos'
import { diff, districtRegions, districtStations, editableStationIds, idFor, requireDistrict, stationForEdit } from './scope'

const PUBLIC_FIELDS = ['address', 'openHours', 'contactPhone', 'photos', 'location', 'receptionLabel'] as const

function present(s: StationDoc, regions: RegionDoc[], stations: StationDoc[], deputies: DeputyDoc[], editable: 'all' | 'public'): AdminStationView {
  const replacement = s.replacedBy ? stations.find((x) => x._id === s.replacedBy) : undefined
  return {
    id: s._id,
    code: s.code,
    name: s.name,
    kind: s.kind,
    kindLabel: STATION_KIND_LABELS[s.kind],
    regionId: s.regionId,
    regionName: regions.find((r) => r._id === s.regionId)?.name ?? '',
    address: s.address,
    openHours: s.openHours,
    contactPhone: s.contactPhone,
    photos: s.photos ?? [],
    photoUrls: [],
    location: s.location ?? null,
    receptionLabel: s.reception.label,
    retired: !!s.retiredAt,
    retiredAt: s.retiredAt ?? null,
    replacedBy: replacement ? { id: replacement._id, code: replacement.code, name: replacement.name } : null,
    deputyCount: deputies.filter((d) => d.stationIds.includes(s._id)).length,
    editable,
  }
}

/** The view with addresses for its photos (uploaded ones are public: shown on the station page too). */
async function withUrls(deps: Deps, view: AdminStationView): Promise<AdminStationView> {
  return { ...view, photoUrls: await publicPhotoUrls(deps, view.id, view.photos) }
}

async function deputiesOf(deps: Deps, stations: StationDoc[]): Promise<DeputyDoc[]> {
  if (!stations.length) return []
  return deps.store.collection<DeputyDoc>('deputies').find({ stationIds: { $in: stations.map((s) => s._id) } }, { sort: [['code', 1]], limit: 1000 })
}

export async function listAdminStations(deps: Deps, caller: Caller): Promise<{ stations: AdminStationView[] }> {
  const regions = await districtRegions(deps, caller)
  const all = await districtStations(deps, regions)
  const editable = await editableStationIds(deps, caller, all)
  const visible = caller.role === 'admin' ? all : all.filter((s) => editable.has(s._id))
  const deputies = await deputiesOf(deps, visible)
  const mode = caller.role === 'admin' ? 'all' : 'public'
  return { stations: await Promise.all(visible.map((s) => withUrls(deps, present(s, regions, all, deputies, mode)))) }
}

async function namingProblem(deps: Deps, name: string, kind: StationDoc['kind'], region: RegionDoc, allStations: StationDoc[]): Promise<string | null> {
  const deputies = await deputiesOf(deps, allStations)
  return stationNameProblem(name, { kind, regionName: region.level === 'street' ? region.name : '', deputyNames: deputies.map((d) => d.name) })
}

async function codeTaken(deps: Deps, code: string, selfId?: string): Promise<boolean> {
  const [other] = await deps.store.collection<StationDoc>('stations').find({ code }, { limit: 1 })
  return !!other && other._id !== selfId
}

function activeRegion(regions: RegionDoc[], regionId: string): RegionDoc {
  const region = regions.find((r) => r._id === regionId && !r.retiredAt)
  if (!region) throw new DomainError('INVALID_INPUT', '请选择本区的街道（乡镇）', 'regionId')
  return region
}

export async function createStation(deps: Deps, caller: Caller, input: ParsedInput<'admin.station.create'>, requestId: string): Promise<AdminStationView> {
  requireDistrict(caller)
  const regions = await districtRegions(deps, caller)
  const all = await districtStations(deps, regions)
  const _id = idFor('st', caller, requestId)
  const again = await deps.store.collection<StationDoc>('stations').get(_id)
  if (again) return withUrls(deps, present(again, regions, all, [], 'all'))
  const region = activeRegion(regions, input.regionId)
  const problem = await namingProblem(deps, input.name, input.kind, region, all)
  if (problem) throw new DomainError('INVALID_INPUT', problem, 'name')
  if (all.some((s) => s.name === input.name && !s.retiredAt)) throw new DomainError('INVALID_INPUT', `已有同名的家站点“${input.name}”`, 'name')
  if (await codeTaken(deps, input.code)) throw new DomainError('INVALID_INPUT', `民意码编码 ${input.code} 已被使用，请换一个`, 'code')
  const doc: StationDoc = {
    _id,
    code: input.code,
    name: input.name,
    kind: input.kind,
    regionId: region._id,
    address: input.address,
    openHours: input.openHours,
    contactPhone: input.contactPhone,
    photos: input.photos,
    location: input.location,
    // The label shows until staff set reception rules (application/reception).
    reception: { months: 'all', day: 0, start: '09:00', end: '11:30', label: input.receptionLabel ?? '以站点公告为准' },
    retiredAt: null,
    replacedBy: null,
    createdBy: requestId,
  }
  await withPublicPhotos(deps, caller, [], doc.photos ?? [], 'photos', async () => {
    try {
      await deps.store.collection<StationDoc>('stations').insert(doc)
    } catch {
      // The unique index on `code`: someone took it at the same moment.
      throw new DomainError('CONFLICT', `民意码编码 ${input.code} 刚刚已被使用，请换一个`, 'code')
    }
  })
  await recordAudit(deps, caller, requestId, { objectType: 'station', objectId: _id, objectLabel: doc.name, action: 'create', summary: `新建${STATION_KIND_LABELS[doc.kind]}${doc.name}`, before: null, after: { ...doc } })
  return withUrls(deps, present(doc, regions, [...all, doc], [], 'all'))
}

export async function updateStation(deps: Deps, caller: Caller, input: ParsedInput<'admin.station.update'>, requestId: string): Promise<AdminStationView> {
  const { station, regions, mode } = await stationForEdit(deps, caller, input.stationId)
  if (station.retiredAt) throw new DomainError('INVALID_STATE', '该家站点已撤并，不能再修改')
  if (mode === 'public') {
    const structural = (['name', 'kind', 'regionId', 'code'] as const).filter((k) => input[k] !== undefined && input[k] !== station[k])
    if (structural.length) throw new DomainError('FORBIDDEN', '工作人员只能修改本站的地址、开放时间、电话、照片、位置和接待日说明；名称、类型、所属街道和编码由人大机关修改')
  }
  const all = await districtStations(deps, regions)
  const next: StationDoc = {
    ...station,
    ...(input.name !== undefined && { name: input.name }),
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.regionId !== undefined && { regionId: input.regionId }),
    ...(input.code !== undefined && { code: input.code }),
    ...(input.address !== undefined && { address: input.address }),
    ...(input.openHours !== undefined && { openHours: input.openHours }),
    ...(input.contactPhone !== undefined && { contactPhone: input.contactPhone }),
    ...(input.photos !== undefined && { photos: input.photos }),
    ...(input.location !== undefined && { location: input.location }),
    ...(input.receptionLabel !== undefined && { reception: { ...station.reception, label: input.receptionLabel } }),
  }
  if (next.regionId !== station.regionId || next.name !== station.name || next.kind !== station.kind) {
    const region = activeRegion(regions, next.regionId)
    const problem = await namingProblem(deps, next.name, next.kind, region, all)
    if (problem) throw new DomainError('INVALID_INPUT', problem, 'name')
    if (all.some((s) => s.name === next.name && s._id !== station._id && !s.retiredAt)) throw new DomainError('INVALID_INPUT', `已有同名的家站点“${next.name}”`, 'name')
  }
  if (next.code !== station.code && (await codeTaken(deps, next.code, station._id))) throw new DomainError('INVALID_INPUT', `民意码编码 ${next.code} 已被使用，请换一个`, 'code')
  const keys = ['name', 'kind', 'regionId', 'code', ...PUBLIC_FIELDS.filter((k) => k !== 'receptionLabel'), 'reception'] as const
  const change = diff(Object.fromEntries(keys.map((k) => [k, station[k]])), Object.fromEntries(keys.map((k) => [k, next[k]])))
  const deputies = await deputiesOf(deps, [station])
  if (!Object.keys(change.after).length) return withUrls(deps, present(station, regions, all, deputies, mode))
  await withPublicPhotos(deps, caller, station.photos ?? [], next.photos ?? [], 'photos', async () => {
    try {
      await deps.store.collection<StationDoc>('stations').update({ _id: station._id }, { set: change.after })
    } catch {
      throw new DomainError('CONFLICT', `民意码编码 ${next.code} 刚刚已被使用，请换一个`, 'code')
    }
  })
  await recordAudit(deps, caller, requestId, { objectType: 'station', objectId: station._id, objectLabel: next.name, action: 'update', summary: `修改家站点${next.name}`, ...change })
  return withUrls(deps, present(next, regions, all, deputies, mode))
}

export async function retireStation(deps: Deps, caller: Caller, input: ParsedInput<'admin.station.retire'>, requestId: string): Promise<AdminStationView> {
  const { station, regions } = await stationForEdit(deps, caller, input.stationId)
  const all = await districtStations(deps, regions)
  if (station.retiredAt) return present(station, regions, all, [], 'all')
  const replacement = all.find((s) => s._id === input.replacedById)
  if (!replacement || replacement._id === station._id || replacement.retiredAt) throw new DomainError('INVALID_INPUT', '请选择本区另一个在用的家站点来接替', 'replacedById')
  const at = deps.clock.now().toISOString()
  const done = await deps.store.collection<StationDoc>('stations').update({ _id: station._id, retiredAt: null }, { set: { retiredAt: at, replacedBy: replacement._id } })
  const legacy = done ? 0 : await deps.store.collection<StationDoc>('stations').update({ _id: station._id, retiredAt: { $exists: false } }, { set: { retiredAt: at, replacedBy: replacement._id } })
  if (!done && !legacy) throw new DomainError('CONFLICT', '该家站点刚刚已被撤并，请刷新后查看')
  // "应进必进": its deputies move to the replacing station (their record stays with their cases).
  const deputies = await deputiesOf(deps, [station])
  for (const d of deputies) {
    const stationIds = [...new Set(d.stationIds.map((id) => (id === station._id ? replacement._id : id)))]
    await moveDeputyStations(deps, d, stationIds, d.headOf.filter((id) => id !== station._id), at)
  }
  await recordAudit(deps, caller, requestId, {
    objectType: 'station', objectId: station._id, objectLabel: station.name, action: 'retire',
    summary: `撤并家站点${station.name}，由${replacement.name}接替`,
    before: { retiredAt: null, replacedBy: null }, after: { retiredAt: at, replacedBy: replacement._id, movedDeputies: deputies.map((d) => d._id) },
  })
  return present({ ...station, retiredAt: at, replacedBy: replacement._id }, regions, all, [], 'all')
}
