// Deputies in the console: enrol and edit. "应进必进": every deputy is in at least one of the
// district's stations. Moving between stations keeps what they did (cases keep their stationId and
// deputyId) and the history of stations left; the deputy-scope rule follows `stationIds` at once,
// since the caller is resolved from the deputy's record on every call.
import { DEPUTY_LEVEL_LABELS, ELECTION_LABELS, type AdminDeputyView, type ParsedInput } from '@minyi/types'
import { createHash } from 'node:crypto'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { DeputyDoc, StationDoc } from '../../domain/records'
import { recordAudit } from '../audit/recordAudit'
import type { Deps } from '../deps'
import { deputyPhotoUrl, withPublicPhotos } from './publicPhotos'
import { diff, districtRegions, districtStations, editableStationIds, idFor } from './scope'

const DEPUTY_NOT_FOUND = '没有找到这位代表，或他（她）不在您的管理范围内'

function present(d: DeputyDoc, stations: StationDoc[]): AdminDeputyView {
  const nameOf = (id: string) => stations.find((s) => s._id === id)?.name ?? id
  const election = d.election ?? 'direct'
  return {
    id: d._id,
    code: d.code,
    name: d.name,
    level: d.level,
    levelLabel: DEPUTY_LEVEL_LABELS[d.level],
    constituency: d.constituency ?? '',
    election,
    electionLabel: ELECTION_LABELS[election],
    stationIds: d.stationIds,
    stationNames: d.stationIds.map(nameOf),
    headOf: d.headOf,
    photoUrl: d.photoUrl,
    photoPreview: '',
    contact: d.contact ?? '',
    commitment: d.commitment,
    bio: d.bio,
    history: (d.stationHistory ?? []).map((h) => ({ ...h, stationName: nameOf(h.stationId) })),
  }
}

export async function listAdminDeputies(deps: Deps, caller: Caller): Promise<{ deputies: AdminDeputyView[] }> {
  const regions = await districtRegions(deps, caller)
  const stations = await districtStations(deps, regions)
  const editable = await editableStationIds(deps, caller, stations)
  const scope = caller.role === 'admin' ? stations : stations.filter((s) => editable.has(s._id))
  if (!scope.length) return { deputies: [] }
  const deputies = await deps.store
    .collection<DeputyDoc>('deputies')
    .find({ stationIds: { $in: scope.map((s) => s._id) } }, { sort: [['code', 1]], limit: 1000 })
  return { deputies: await Promise.all(deputies.map((d) => withUrl(deps, present(d, stations)))) }
}

/** The view with an address for the photo (an uploaded one is public: shown on the deputy page too). */
async function withUrl(deps: Deps, view: AdminDeputyView): Promise<AdminDeputyView> {
  return { ...view, photoPreview: await deputyPhotoUrl(deps, { _id: view.id, photoUrl: view.photoUrl }) }
}

function checkStations(stations: StationDoc[], stationIds: string[], headOf: string[]): void {
  for (const id of stationIds) {
    const s = stations.find((x) => x._id === id)
    if (!s) throw new DomainError('INVALID_INPUT', '请选择本区的家站点', 'stationIds')
    if (s.retiredAt) throw new DomainError('INVALID_INPUT', `${s.name}已撤并，请选择在用的家站点`, 'stationIds')
  }
  if (headOf.some((id) => !stationIds.includes(id))) throw new DomainError('INVALID_INPUT', '站长只能担任其所在家站点的站长', 'headOf')
}

/** A deputy code nobody uses yet: D + 4 characters from the request (or the one the admin gave). */
async function freeCode(deps: Deps, wanted: string | undefined, requestId: string): Promise<string> {
  const deputies = deps.store.collection<DeputyDoc>('deputies')
  if (wanted) {
    if ((await deputies.count({ code: wanted })) > 0) throw new DomainError('INVALID_INPUT', `代表码编码 ${wanted} 已被使用，请换一个`, 'code')
    return wanted
  }
  for (let i = 0; i < 20; i++) {
    const code = `D${createHash('sha256').update(`${requestId}|${i}`).digest('hex').slice(0, 4).toUpperCase()}`
    if ((await deputies.count({ code })) === 0) return code
  }
  throw new DomainError('INTERNAL')
}

export async function createDeputy(deps: Deps, caller: Caller, input: ParsedInput<'admin.deputy.create'>, requestId: string): Promise<AdminDeputyView> {
  const regions = await districtRegions(deps, caller)
  const stations = await districtStations(deps, regions)
  const _id = idFor('dp', caller, requestId)
  const again = await deps.store.collection<DeputyDoc>('deputies').get(_id)
  if (again) return withUrl(deps, present(again, stations))
  const stationIds = [...new Set(input.stationIds)]
  const headOf = [...new Set(input.headOf ?? [])]
  checkStations(stations, stationIds, headOf)
  const at = deps.clock.now().toISOString()
  const doc: DeputyDoc = {
    _id,
    code: await freeCode(deps, input.code, requestId),
    name: input.name,
    level: input.level,
    photoUrl: input.photoUrl ?? '',
    commitment: input.commitment,
    bio: input.bio ?? '',
    stationIds,
    headOf,
    constituency: input.constituency,
    election: input.election,
    contact: input.contact ?? '',
    stationHistory: [],
    joinedAt: Object.fromEntries(stationIds.map((id) => [id, at])),
    createdBy: requestId,
  }
  await withPublicPhotos(deps, caller, [], [doc.photoUrl], 'photoUrl', async () => {
    try {
      await deps.store.collection<DeputyDoc>('deputies').insert(doc)
    } catch {
      throw new DomainError('CONFLICT', `代表码编码 ${doc.code} 刚刚已被使用，请换一个`, 'code')
    }
  })
  await recordAudit(deps, caller, requestId, { objectType: 'deputy', objectId: _id, objectLabel: doc.name, action: 'create', summary: `登记代表${doc.name}`, before: null, after: { ...doc } })
  return withUrl(deps, present(doc, stations))
}

/** The station change of one deputy as one update of their record, with the history of stations left. */
export async function moveDeputyStations(deps: Deps, d: DeputyDoc, stationIds: string[], headOf: string[], at: string): Promise<Partial<DeputyDoc>> {
  const left = d.stationIds.filter((id) => !stationIds.includes(id))
  const joinedAt = { ...(d.joinedAt ?? {}) }
  for (const id of left) delete joinedAt[id]
  for (const id of stationIds) if (!d.stationIds.includes(id)) joinedAt[id] = at
  const change: Partial<DeputyDoc> = {
    stationIds,
    headOf,
    joinedAt,
    stationHistory: [...(d.stationHistory ?? []), ...left.map((stationId) => ({ stationId, from: d.joinedAt?.[stationId] ?? null, to: at }))],
  }
  await deps.store.collection<DeputyDoc>('deputies').update({ _id: d._id }, { set: change })
  return change
}

export async function updateDeputy(deps: Deps, caller: Caller, input: ParsedInput<'admin.deputy.update'>, requestId: string): Promise<AdminDeputyView> {
  const regions = await districtRegions(deps, caller)
  const stations = await districtStations(deps, regions)
  const deputy = await deps.store.collection<DeputyDoc>('deputies').get(input.deputyId)
  if (!deputy || !deputy.stationIds.some((id) => stations.some((s) => s._id === id))) throw new DomainError('NOT_FOUND', DEPUTY_NOT_FOUND)
  const stationIds = input.stationIds ? [...new Set(input.stationIds)] : deputy.stationIds
  const headOf = input.headOf ? [...new Set(input.headOf)] : deputy.headOf.filter((id) => stationIds.includes(id))
  if (input.stationIds || input.headOf) checkStations(stations, stationIds, headOf)
  const plain: Partial<DeputyDoc> = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.level !== undefined && { level: input.level }),
    ...(input.constituency !== undefined && { constituency: input.constituency }),
    ...(input.election !== undefined && { election: input.election }),
    ...(input.photoUrl !== undefined && { photoUrl: input.photoUrl }),
    ...(input.contact !== undefined && { contact: input.contact }),
    ...(input.commitment !== undefined && { commitment: input.commitment }),
    ...(input.bio !== undefined && { bio: input.bio }),
  }
  const keys = [...Object.keys(plain), 'stationIds', 'headOf'] as Array<keyof DeputyDoc>
  const change = diff(Object.fromEntries(keys.map((k) => [k, deputy[k]])), { ...plain, stationIds, headOf })
  if (!Object.keys(change.after).length) return withUrl(deps, present(deputy, stations))
  let next: DeputyDoc = { ...deputy, ...plain }
  if (Object.keys(plain).length) {
    await withPublicPhotos(deps, caller, [deputy.photoUrl], [next.photoUrl], 'photoUrl', () => deps.store.collection<DeputyDoc>('deputies').update({ _id: deputy._id }, { set: plain }))
  }
  if ('stationIds' in change.after || 'headOf' in change.after) {
    next = { ...next, ...(await moveDeputyStations(deps, deputy, stationIds, headOf, deps.clock.now().toISOString())) }
  }
  await recordAudit(deps, caller, requestId, { objectType: 'deputy', objectId: deputy._id, objectLabel: next.name, action: 'update', summary: `修改代表${next.name}的信息`, ...change })
  return withUrl(deps, present(next, stations))
}
