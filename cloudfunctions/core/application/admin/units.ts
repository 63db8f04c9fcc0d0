// Handling units per level (the district's bureaus, a street's offices) and the category → unit map
// of each level (分办规则) that triage's unit suggestion reads (routedUnits).
import { CATEGORIES, CATEGORY_LABELS, type AdminUnitView, type Category, type ParsedInput, type RoutingMapView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { RegionDoc, RoutingDoc, UnitDoc } from '../../domain/records'
import type { UnitLike } from '../../domain/triage/route'
import { recordAudit } from '../audit/recordAudit'
import type { Deps } from '../deps'
import { unitsOfRegion } from '../shared/lookups'
import { diff, districtRegions, idFor } from './scope'

const UNIT_NOT_FOUND = '没有找到这个承办单位，或它不在您的管理范围内'
const LEVEL_LABELS = { district: '区级', street: '街道（乡镇）级' } as const

/** The map of one level: the routing document when the admin set one, else the units' own categories. */
function mapOf(routing: RoutingDoc | null, units: UnitDoc[]): Partial<Record<Category, string>> {
  if (routing) return routing.map
  const map: Partial<Record<Category, string>> = {}
  for (const u of units) for (const c of u.categories) map[c] ??= u._id
  return map
}

/**
 * The units triage may suggest for these regions (nearest level first), each carrying the categories
 * its level's routing map gives it. Editing the map changes the next suggestion at once.
 */
export async function routedUnits(deps: Deps, regionIds: string[]): Promise<UnitLike[]> {
  const lists = await Promise.all(
    regionIds.map(async (regionId) => {
      const [units, routing] = await Promise.all([unitsOfRegion(deps.store, regionId), deps.store.collection<RoutingDoc>('routing').get(regionId)])
      const map = mapOf(routing, units)
      return units.map((u) => ({ _id: u._id, name: u.name, categories: CATEGORIES.filter((c) => map[c] === u._id) }))
    }),
  )
  return lists.flat()
}

function presentUnit(u: UnitDoc, regions: RegionDoc[]): AdminUnitView {
  const region = regions.find((r) => r._id === u.regionId)
  const level = region?.level ?? 'district'
  return {
    id: u._id,
    name: u.name,
    regionId: u.regionId,
    regionName: region?.name ?? '',
    level,
    levelLabel: LEVEL_LABELS[level],
    contactName: u.contactName ?? '',
    contactPhone: u.contactPhone ?? '',
    retired: !!u.retiredAt,
  }
}

function presentMap(region: RegionDoc, routing: RoutingDoc | null, units: UnitDoc[]): RoutingMapView {
  const active = units.filter((u) => u.regionId === region._id && !u.retiredAt)
  const map = mapOf(routing, active)
  return {
    regionId: region._id,
    regionName: region.name,
    level: region.level,
    entries: CATEGORIES.map((category) => {
      const unit = active.find((u) => u._id === map[category])
      return { category, categoryLabel: CATEGORY_LABELS[category], unitId: unit?._id ?? null, unitName: unit?.name ?? null }
    }),
  }
}

export async function listAdminUnits(deps: Deps, caller: Caller): Promise<{ units: AdminUnitView[]; routing: RoutingMapView[] }> {
  const regions = (await districtRegions(deps, caller)).filter((r) => !r.retiredAt)
  const ordered = [...regions].sort((a, b) => Number(a.level === 'street') - Number(b.level === 'street'))
  const units = await deps.store.collection<UnitDoc>('units').find({ regionId: { $in: regions.map((r) => r._id) } }, { sort: [['name', 1]], limit: 1000 })
  const routing = await deps.store.collection<RoutingDoc>('routing').find({ _id: { $in: regions.map((r) => r._id) } }, { limit: 1000 })
  return {
    units: ordered.flatMap((r) => units.filter((u) => u.regionId === r._id)).map((u) => presentUnit(u, regions)),
    routing: ordered.map((r) => presentMap(r, routing.find((x) => x._id === r._id) ?? null, units)),
  }
}

async function regionInDistrict(deps: Deps, caller: Caller, regionId: string): Promise<{ region: RegionDoc; regions: RegionDoc[] }> {
  const regions = await districtRegions(deps, caller)
  const region = regions.find((r) => r._id === regionId && !r.retiredAt)
  if (!region) throw new DomainError('INVALID_INPUT', '请选择本区或本区街道（乡镇）一级')
  return { region, regions }
}

export async function createUnit(deps: Deps, caller: Caller, input: ParsedInput<'admin.unit.create'>, requestId: string): Promise<AdminUnitView> {
  const { region, regions } = await regionInDistrict(deps, caller, input.regionId)
  const _id = idFor('un', caller, requestId)
  const again = await deps.store.collection<UnitDoc>('units').get(_id)
  if (again) return presentUnit(again, regions)
  const same = await unitsOfRegion(deps.store, region._id)
  if (same.some((u) => u.name === input.name)) throw new DomainError('INVALID_INPUT', `${region.name}已有承办单位“${input.name}”`)
  const doc: UnitDoc = { _id, name: input.name, regionId: region._id, categories: [], contactName: input.contactName ?? '', contactPhone: input.contactPhone ?? '', createdBy: requestId }
  await deps.store.collection<UnitDoc>('units').insert(doc)
  await recordAudit(deps, caller, requestId, { objectType: 'unit', objectId: _id, objectLabel: doc.name, action: 'create', summary: `新建承办单位${doc.name}（${region.name}）`, before: null, after: { ...doc } })
  return presentUnit(doc, regions)
}

export async function updateUnit(deps: Deps, caller: Caller, input: ParsedInput<'admin.unit.update'>, requestId: string): Promise<AdminUnitView> {
  const regions = await districtRegions(deps, caller)
  const unit = await deps.store.collection<UnitDoc>('units').get(input.unitId)
  if (!unit || !regions.some((r) => r._id === unit.regionId)) throw new DomainError('NOT_FOUND', UNIT_NOT_FOUND)
  const next: UnitDoc = {
    ...unit,
    ...(input.name !== undefined && { name: input.name }),
    ...(input.contactName !== undefined && { contactName: input.contactName }),
    ...(input.contactPhone !== undefined && { contactPhone: input.contactPhone }),
  }
  const keys = ['name', 'contactName', 'contactPhone'] as const
  const change = diff(Object.fromEntries(keys.map((k) => [k, unit[k] ?? ''])), Object.fromEntries(keys.map((k) => [k, next[k] ?? ''])))
  const set: Record<string, unknown> = { ...change.after }
  const unset: string[] = []
  if (input.retired !== undefined && input.retired !== !!unit.retiredAt) {
    if (input.retired) {
      next.retiredAt = deps.clock.now().toISOString()
      set.retiredAt = next.retiredAt
    } else {
      delete next.retiredAt
      unset.push('retiredAt')
    }
    change.before.retired = !!unit.retiredAt
    change.after.retired = input.retired
  }
  if (!Object.keys(change.after).length) return presentUnit(unit, regions)
  if (next.name !== unit.name && (await unitsOfRegion(deps.store, unit.regionId)).some((u) => u.name === next.name && u._id !== unit._id)) {
    throw new DomainError('INVALID_INPUT', `已有承办单位“${next.name}”`)
  }
  await deps.store.collection<UnitDoc>('units').update({ _id: unit._id }, { set, unset })
  const summary = input.retired === true ? `停用承办单位${next.name}` : input.retired === false ? `恢复承办单位${next.name}` : `修改承办单位${next.name}`
  await recordAudit(deps, caller, requestId, { objectType: 'unit', objectId: unit._id, objectLabel: next.name, action: input.retired ? 'retire' : 'update', summary, ...change })
  return presentUnit(next, regions)
}

export async function setRouting(deps: Deps, caller: Caller, input: ParsedInput<'admin.routing.set'>, requestId: string): Promise<RoutingMapView> {
  const { region } = await regionInDistrict(deps, caller, input.regionId)
  const units = await unitsOfRegion(deps.store, region._id)
  const routing = deps.store.collection<RoutingDoc>('routing')
  const current = await routing.get(region._id)
  const before = mapOf(current, units)
  const map: Partial<Record<Category, string>> = { ...before }
  for (const e of input.entries) {
    if (e.unitId === null) delete map[e.category]
    else if (!units.some((u) => u._id === e.unitId)) throw new DomainError('INVALID_INPUT', `“${CATEGORY_LABELS[e.category]}”请选择${region.name}在用的承办单位`, `entries.${e.category}`)
    else map[e.category] = e.unitId
  }
  const change = diff(before, map)
  for (const key of Object.keys(before)) if (!(key in map)) { change.before[key] = before[key as Category]; change.after[key] = null }
  if (!Object.keys(change.after).length) return presentMap(region, current, units)
  const at = deps.clock.now().toISOString()
  const doc: RoutingDoc = { _id: region._id, regionId: region._id, map, updatedAt: at }
  if (!current) {
    if (!(await routing.insert(doc))) await routing.update({ _id: region._id }, { set: { map, updatedAt: at } })
  } else await routing.update({ _id: region._id }, { set: { map, updatedAt: at } })
  await recordAudit(deps, caller, requestId, { objectType: 'routing', objectId: region._id, objectLabel: `${region.name}分办规则`, action: 'update', summary: `修改${region.name}的分办规则`, ...change })
  return presentMap(region, doc, units)
}
