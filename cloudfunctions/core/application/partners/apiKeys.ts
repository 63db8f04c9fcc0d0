// Partner API keys (合作平台接口密钥): created by the district's 人大机关 (admin) for a partner system
// (e.g. a 12345 platform), scoped to the district and a default station, shown once, stored only as
// a sha256, revocable (then every request with it is refused with 401). Each change is audited.
import { API_KEY_STATUS_LABELS, type ApiKeyView, type ParsedInput } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import { hashKey, keyIdFor, keyMatches, keyPrefix, newKey, parseKey } from '../../domain/partners/apiKeys'
import type { ApiKeyDoc } from '../../domain/partners/records'
import type { StationDoc } from '../../domain/records'
import { recordAudit } from '../audit/recordAudit'
import type { Deps } from '../deps'
import { districtOf } from '../shared/lookups'

const keys = (deps: Deps) => deps.store.collection<ApiKeyDoc>('api_keys')
const NOT_FOUND = '没有找到这个接口密钥，或您无权查看'

async function stationNames(deps: Deps, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const stations = await deps.store.collection<StationDoc>('stations').find({ _id: { $in: [...new Set(ids)] } }, { limit: 1000 })
  return new Map(stations.map((s) => [s._id, s.name]))
}

function present(doc: ApiKeyDoc, stationName: string): ApiKeyView {
  return {
    id: doc._id,
    prefix: keyPrefix(doc._id),
    name: doc.name,
    stationId: doc.stationId,
    stationName,
    status: doc.status,
    statusLabel: API_KEY_STATUS_LABELS[doc.status],
    createdAt: doc.createdAt,
    createdByName: doc.createdByName,
    revokedAt: doc.revokedAt,
    lastUsedAt: doc.lastUsedAt,
    casesFiled: doc.casesFiled,
  }
}

async function view(deps: Deps, doc: ApiKeyDoc): Promise<ApiKeyView> {
  return present(doc, (await stationNames(deps, [doc.stationId])).get(doc.stationId) ?? '')
}

const auditShape = (doc: ApiKeyDoc) => ({ name: doc.name, stationId: doc.stationId, status: doc.status, prefix: keyPrefix(doc._id) })

function districtOfCaller(caller: Caller): string {
  if (!caller.regionId) throw new DomainError('FORBIDDEN', '您的账号尚未关联到行政区，不能管理接口密钥')
  return caller.regionId
}

/** A station of the caller's district, or INVALID_INPUT (the caller may not use another district's). */
export async function stationOfDistrict(deps: Deps, regionId: string, stationId: string): Promise<StationDoc> {
  const station = await deps.store.collection<StationDoc>('stations').get(stationId)
  const district = station ? await districtOf(deps.store, station.regionId) : null
  if (!station || district?._id !== regionId) throw new DomainError('INVALID_INPUT', '请选择本区的家站点')
  return station
}

export async function createApiKey(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'admin.apiKey.create'>,
  requestId: string,
): Promise<{ key: ApiKeyView; shownOnce: { apiKey: string } | null }> {
  const regionId = districtOfCaller(caller)
  const id = keyIdFor(caller.userId, requestId)
  const existing = await keys(deps).get(id)
  // A retry the router forgot: the key exists, its secret is gone for good (only the hash is kept).
  if (existing) return { key: await view(deps, existing), shownOnce: null }
  const station = await stationOfDistrict(deps, regionId, input.stationId)
  const apiKey = newKey(id)
  const doc: ApiKeyDoc = {
    _id: id,
    keyHash: hashKey(apiKey),
    name: input.name,
    regionId,
    stationId: station._id,
    status: 'active',
    createdAt: deps.clock.now().toISOString(),
    createdBy: caller.userId,
    createdByName: caller.name,
    revokedAt: null,
    revokedReason: null,
    lastUsedAt: null,
    casesFiled: 0,
  }
  if (!(await keys(deps).insert(doc))) {
    const winner = await keys(deps).get(id)
    if (!winner) throw new Error('api key insert reported a duplicate that cannot be read')
    return { key: await view(deps, winner), shownOnce: null }
  }
  await recordAudit(deps, caller, requestId, {
    objectType: 'apiKey',
    objectId: id,
    objectLabel: doc.name,
    action: 'create',
    summary: `新建接口密钥「${doc.name}」，默认接收家站点：${station.name}`,
    before: null,
    after: auditShape(doc),
  })
  return { key: present(doc, station.name), shownOnce: { apiKey } }
}

export async function listApiKeys(deps: Deps, caller: Caller): Promise<{ keys: ApiKeyView[] }> {
  const regionId = districtOfCaller(caller)
  const docs = await keys(deps).find({ regionId }, { sort: [['createdAt', -1]], limit: 200 })
  const names = await stationNames(deps, docs.map((d) => d.stationId))
  return { keys: docs.map((d) => present(d, names.get(d.stationId) ?? '')) }
}

export async function revokeApiKey(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'admin.apiKey.revoke'>,
  requestId: string,
): Promise<ApiKeyView> {
  const regionId = districtOfCaller(caller)
  const doc = await keys(deps).get(input.keyId)
  if (!doc || doc.regionId !== regionId) throw new DomainError('NOT_FOUND', NOT_FOUND)
  if (doc.status === 'revoked') throw new DomainError('INVALID_STATE', '这个接口密钥已经吊销')
  const at = deps.clock.now().toISOString()
  const changed = await keys(deps).update(
    { _id: doc._id, status: 'active' },
    { set: { status: 'revoked', revokedAt: at, revokedReason: input.reason } },
  )
  if (changed !== 1) throw new DomainError('INVALID_STATE', '这个接口密钥已经吊销')
  const after: ApiKeyDoc = { ...doc, status: 'revoked', revokedAt: at, revokedReason: input.reason }
  await recordAudit(deps, caller, requestId, {
    objectType: 'apiKey',
    objectId: doc._id,
    objectLabel: doc.name,
    action: 'revoke',
    summary: `吊销接口密钥「${doc.name}」：${input.reason}`,
    before: auditShape(doc),
    after: { ...auditShape(after), reason: input.reason },
  })
  return view(deps, after)
}

/** The active key a request presents, or null (unknown, malformed, wrong secret or revoked: all 401). */
export async function authenticateApiKey(deps: Deps, apiKey: string): Promise<ApiKeyDoc | null> {
  const parsed = parseKey(apiKey)
  if (!parsed) return null
  const doc = await keys(deps).get(parsed.keyId)
  if (!doc || doc.status !== 'active' || !keyMatches(apiKey, doc.keyHash)) return null
  return doc
}
