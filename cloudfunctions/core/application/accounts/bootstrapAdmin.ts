// The first admin of a district (首个管理员): nobody is there yet to invite them, so a deployment
// script (scripts/bootstrapAdmin.ts, `npm run deploy:bootstrap-admin`) runs this use case without a
// caller. It creates the admin account and its one-time invitation and refuses when the district
// already has an admin. While the bootstrap account is still unaccepted, running it again issues a
// new code (the old one stops working), so an expired first code is not a dead end.
import { buildScene, type IssuedInvitation } from '@minyi/types'
import { hashInvitationCode, invitationExpiry, newInvitationCode, unboundOpenid } from '../../domain/accountRules'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { InvitationDoc, RegionDoc, UserDoc } from '../../domain/records'
import { recordAudit } from '../audit/recordAudit'
import type { Deps } from '../deps'

export interface BootstrapResult {
  accountId: string
  districtName: string
  invitation: Omit<IssuedInvitation, 'qrDataUrl'>
  /** True when an unaccepted bootstrap account existed and got a new code. */
  reissued: boolean
}

/** Needs only the store, the clock and ids: it runs from a script, outside any function. */
export type BootstrapDeps = Pick<Deps, 'store' | 'clock' | 'newId'>

export async function bootstrapFirstAdmin(deps: BootstrapDeps, input: { districtId: string; name: string }): Promise<BootstrapResult> {
  const region = await deps.store.collection<RegionDoc>('regions').get(input.districtId)
  if (!region) throw new DomainError('NOT_FOUND', `没有找到行政区 ${input.districtId}`)
  if (region.level !== 'district') throw new DomainError('INVALID_INPUT', `${region.name}不是区（县）级行政区，首个管理员应建在区一级`)
  const users = deps.store.collection<UserDoc>('users')
  const invitations = deps.store.collection<InvitationDoc>('invitations')
  const accountId = `acc_bootstrap_${region._id}`.slice(0, 80)
  const admins = (await users.find({ regionId: region._id, role: 'admin' }, { limit: 100 })).filter((a) => a.status !== 'revoked')
  const pendingBootstrap = admins.length === 1 && admins[0]._id === accountId && admins[0].status === 'invited'
  if (admins.length && !pendingBootstrap) throw new DomainError('CONFLICT', `${region.officeName}已有管理员账号，请由现有管理员在管理台中邀请新的管理员`)

  const now = deps.clock.now()
  const system: Caller = { userId: 'bootstrap', openid: '', role: 'admin', name: '初始化脚本', deputyId: null, stationIds: [], regionId: region._id }
  if (!pendingBootstrap) {
    const account: UserDoc = {
      _id: accountId,
      openid: unboundOpenid(accountId),
      role: 'admin',
      name: input.name,
      stationIds: [],
      deputyId: null,
      regionId: region._id,
      officeRegionId: null,
      credits: {},
      createdAt: now.toISOString(),
      status: 'invited',
      createdBy: 'bootstrap',
      activatedAt: null,
      residentId: null,
    }
    await users.insert(account)
    await recordAudit(deps, system, null, {
      objectType: 'account',
      objectId: accountId,
      objectLabel: `${input.name}（人大机关）`,
      action: 'create',
      summary: `初始化：新建${region.officeName}首个管理员账号`,
      before: null,
      after: { name: input.name, role: 'admin', status: 'invited' },
    })
  } else {
    await invitations.update({ accountId, status: 'pending' }, { set: { status: 'revoked', revokedAt: now.toISOString(), revokedBy: 'bootstrap' } })
  }
  const code = newInvitationCode()
  const doc: InvitationDoc = {
    _id: `inv_bootstrap_${deps.newId().replace(/-/g, '').slice(0, 20)}`,
    accountId,
    codeHash: hashInvitationCode(code),
    hint: code.slice(-2),
    status: 'pending',
    regionId: region._id,
    createdAt: now.toISOString(),
    createdBy: 'bootstrap',
    createdByName: '初始化脚本',
    expiresAt: invitationExpiry(now),
    usedAt: null,
    usedBy: null,
    revokedAt: null,
    revokedBy: null,
  }
  await invitations.insert(doc)
  await recordAudit(deps, system, null, {
    objectType: 'invitation',
    objectId: doc._id,
    objectLabel: `${input.name}的邀请码（尾号${doc.hint}）`,
    action: 'create',
    summary: `初始化：生成首个管理员邀请码，有效期至${doc.expiresAt.slice(0, 10)}`,
    before: null,
    after: { accountId, status: 'pending', expiresAt: doc.expiresAt },
  })
  return {
    accountId,
    districtName: region.officeName,
    reissued: pendingBootstrap,
    invitation: { id: doc._id, accountId, code, scene: buildScene({ kind: 'invitation', code }), expiresAt: doc.expiresAt },
  }
}
