// Who is calling, from the OPENID the entry point got from a trusted source (WeChat's context in
// production). Nothing in the request payload can change the answer.
import { createHash } from 'node:crypto'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { DeputyDoc, RegionDoc, StationDoc, UserDoc } from '../../domain/records'
import { officeOf } from '../../domain/offices'
import type { Deps } from '../deps'
import { districtOf, regionSubtree } from '../shared/lookups'

export function residentIdFor(openid: string): string {
  return `u_${createHash('sha256').update(openid).digest('hex').slice(0, 24)}`
}

async function findOrRegister(deps: Deps, openid: string): Promise<UserDoc> {
  const users = deps.store.collection<UserDoc>('users')
  const [existing] = await users.find({ openid }, { limit: 1 })
  if (existing) return existing
  // First visit: everyone who opens the mini-program is a resident until bound to another role.
  const user: UserDoc = {
    _id: residentIdFor(openid),
    openid,
    role: 'resident',
    name: '微信用户',
    stationIds: [],
    deputyId: null,
    regionId: null,
    credits: {},
    createdAt: deps.clock.now().toISOString(),
  }
  const inserted = await users.insert(user)
  if (!inserted) {
    // This person's resident record let go of the openid to take an invitation, and the account did
    // not get it (a failure half-way): the record takes it back, so they can accept again.
    await users.update({ _id: user._id, movedToAccountId: { $exists: true } }, { set: { openid }, unset: ['movedToAccountId'] })
  }
  const [registered] = await users.find({ openid }, { limit: 1 })
  if (!registered) throw new Error('user registration did not persist')
  return registered
}

type Scope = Pick<Caller, 'stationIds' | 'regionId' | 'name' | 'office'>

async function scopeOf(deps: Deps, user: UserDoc): Promise<Scope> {
  const stations = deps.store.collection<StationDoc>('stations')
  switch (user.role) {
    case 'resident':
      return { stationIds: [], regionId: user.regionId, name: user.name }
    case 'deputy': {
      const deputy = user.deputyId ? await deps.store.collection<DeputyDoc>('deputies').get(user.deputyId) : null
      const stationIds = deputy?.stationIds ?? []
      const [first] = stationIds.length ? await stations.find({ _id: stationIds[0] }, { limit: 1 }) : []
      const district = first ? await districtOf(deps.store, first.regionId) : null
      return { stationIds, regionId: district?._id ?? null, name: deputy?.name ?? user.name }
    }
    case 'staff': {
      // Staff of a congress office (分级负责) see what reaches their office; station staff their stations.
      const officeRegion = user.officeRegionId ? await deps.store.collection<RegionDoc>('regions').get(user.officeRegionId) : null
      const office = officeRegion ? officeOf(officeRegion) : null
      const [first] = user.stationIds.length ? await stations.find({ _id: user.stationIds[0] }, { limit: 1 }) : []
      const home = first?.regionId ?? officeRegion?._id
      const district = home ? await districtOf(deps.store, home) : null
      return { stationIds: user.stationIds, regionId: district?._id ?? null, name: user.name, office }
    }
    case 'admin': {
      if (!user.regionId) return { stationIds: [], regionId: null, name: user.name }
      const regionIds = await regionSubtree(deps.store, user.regionId)
      const all = await stations.find({ regionId: { $in: regionIds } }, { limit: 1000 })
      return { stationIds: all.map((s) => s._id), regionId: user.regionId, name: user.name }
    }
  }
}

export async function resolveCaller(deps: Deps, openid: string | null | undefined): Promise<Caller> {
  if (!openid) throw new DomainError('UNAUTHENTICATED', '无法识别您的微信身份，请在微信中重新打开小程序')
  const user = await findOrRegister(deps, openid)
  // A revoked account (docs/accounts-and-invitations.md) is stopped at its very next call.
  if (user.status === 'revoked') throw new DomainError('FORBIDDEN', '您的账号已被撤销，不能继续使用。如有疑问，请联系区人大常委会')
  const scope = await scopeOf(deps, user)
  return { userId: user._id, openid, role: user.role, deputyId: user.deputyId, ...scope }
}
