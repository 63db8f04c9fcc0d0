// 街道/乡镇 of the admin's district: create, rename, retire (only once its stations are retired).
import type { AdminRegionView, ParsedInput } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { RegionDoc, StationDoc } from '../../domain/records'
import { defaultOfficeName, regionNameProblem } from '../../domain/stationNaming'
import { recordAudit } from '../audit/recordAudit'
import type { Deps } from '../deps'
import { districtRegions, districtStations, idFor, requireDistrict } from './scope'

const REGION_NOT_FOUND = '没有找到这个街道（乡镇），或它不在您的管理范围内'

function present(r: RegionDoc, stations: StationDoc[]): AdminRegionView {
  return {
    id: r._id,
    name: r.name,
    level: r.level,
    parentId: r.parentId,
    officeName: r.officeName,
    retired: !!r.retiredAt,
    stationCount: stations.filter((s) => s.regionId === r._id && !s.retiredAt).length,
  }
}

export async function listRegions(deps: Deps, caller: Caller): Promise<{ regions: AdminRegionView[] }> {
  const regions = await districtRegions(deps, caller)
  const stations = await districtStations(deps, regions)
  return { regions: regions.sort((a, b) => Number(a.level === 'street') - Number(b.level === 'street')).map((r) => present(r, stations)) }
}

async function streetOf(deps: Deps, caller: Caller, regionId: string): Promise<{ region: RegionDoc; regions: RegionDoc[] }> {
  const regions = await districtRegions(deps, caller)
  const region = regions.find((r) => r._id === regionId)
  if (!region || region.level !== 'street') throw new DomainError('NOT_FOUND', REGION_NOT_FOUND)
  return { region, regions }
}

function checkUnique(regions: RegionDoc[], name: string, selfId?: string): void {
  if (regions.some((r) => r.name === name && r._id !== selfId && !r.retiredAt)) throw new DomainError('INVALID_INPUT', `本区已有“${name}”`, 'name')
}

export async function createRegion(deps: Deps, caller: Caller, input: ParsedInput<'admin.region.create'>, requestId: string): Promise<AdminRegionView> {
  const districtId = requireDistrict(caller)
  const regions = await districtRegions(deps, caller)
  const _id = idFor('rg', caller, requestId)
  const existing = regions.find((r) => r._id === _id)
  if (existing) return present(existing, [])
  const problem = regionNameProblem(input.name)
  if (problem) throw new DomainError('INVALID_INPUT', problem, 'name')
  checkUnique(regions, input.name)
  const district = regions.find((r) => r._id === districtId)!
  const doc: RegionDoc = { _id, name: input.name, level: 'street', parentId: districtId, officeName: input.officeName ?? defaultOfficeName(district.name, input.name) }
  await deps.store.collection<RegionDoc>('regions').insert(doc)
  await recordAudit(deps, caller, requestId, { objectType: 'region', objectId: _id, objectLabel: doc.name, action: 'create', summary: `新建街道（乡镇）${doc.name}`, before: null, after: { ...doc } })
  return present(doc, [])
}

export async function updateRegion(deps: Deps, caller: Caller, input: ParsedInput<'admin.region.update'>, requestId: string): Promise<AdminRegionView> {
  const { region, regions } = await streetOf(deps, caller, input.regionId)
  const change: Partial<RegionDoc> = {}
  if (input.name !== undefined && input.name !== region.name) {
    const problem = regionNameProblem(input.name)
    if (problem) throw new DomainError('INVALID_INPUT', problem, 'name')
    checkUnique(regions, input.name, region._id)
    change.name = input.name
  }
  if (input.officeName !== undefined && input.officeName !== region.officeName) change.officeName = input.officeName
  const stations = await districtStations(deps, regions)
  if (!Object.keys(change).length) return present(region, stations)
  await deps.store.collection<RegionDoc>('regions').update({ _id: region._id }, { set: change })
  const after = { ...region, ...change }
  await recordAudit(deps, caller, requestId, {
    objectType: 'region', objectId: region._id, objectLabel: after.name, action: 'update', summary: `修改街道（乡镇）${after.name}`,
    before: Object.fromEntries(Object.keys(change).map((k) => [k, region[k as keyof RegionDoc]])), after: change,
  })
  return present(after, stations)
}

export async function retireRegion(deps: Deps, caller: Caller, input: ParsedInput<'admin.region.retire'>, requestId: string): Promise<AdminRegionView> {
  const { region, regions } = await streetOf(deps, caller, input.regionId)
  const stations = await districtStations(deps, regions)
  if (region.retiredAt) return present(region, stations)
  const active = stations.filter((s) => s.regionId === region._id && !s.retiredAt)
  if (active.length) throw new DomainError('INVALID_STATE', `${region.name}还有${active.length}个家站点（${active.map((s) => s.name).join('、')}），请先撤并这些家站点`)
  const at = deps.clock.now().toISOString()
  await deps.store.collection<RegionDoc>('regions').update({ _id: region._id }, { set: { retiredAt: at } })
  await recordAudit(deps, caller, requestId, { objectType: 'region', objectId: region._id, objectLabel: region.name, action: 'retire', summary: `撤销街道（乡镇）${region.name}`, before: { retiredAt: null }, after: { retiredAt: at } })
  return present({ ...region, retiredAt: at }, stations)
}
