// 账号与邀请码: an admin or a station's staff member creates an account for a named person, the
// system makes a one-time invitation (scene `i=<code>`, 7 days), and the person who accepts it has
// their WeChat OPENID bound to the account. Rules: domain/accountRules.ts; the story:
// docs/accounts-and-invitations.md.
import { createHash } from 'node:crypto'
import {
  ACCOUNT_STATUS_LABELS,
  INVITATION_STATUS_LABELS,
  ROLE_LABELS,
  buildScene,
  type AccountView,
  type CreateAccountInput,
  type InvitationPreview,
  type IssuedInvitation,
} from '@minyi/types'
import {
  assertMayGrant,
  hashInvitationCode,
  invitationExpiry,
  invitationRefusal,
  invitationStatus,
  mayManage,
  movedOpenid,
  newInvitationCode,
  unboundOpenid,
} from '../../domain/accountRules'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import { officeShortName } from '../../domain/offices'
import type { DeputyDoc, InvitationDoc, RegionDoc, StationDoc, UserDoc } from '../../domain/records'
import { recordAudit } from '../audit/recordAudit'
import type { Deps } from '../deps'
import { regionSubtree, stationsById } from '../shared/lookups'

const ACCOUNT_NOT_FOUND = '没有找到这个账号，或您无权管理'
const INVITATION_NOT_FOUND = '邀请码不正确，请核对后重新输入'

const users = (deps: Deps) => deps.store.collection<UserDoc>('users')
const invitations = (deps: Deps) => deps.store.collection<InvitationDoc>('invitations')

function derivedId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 24)}`
}

const accountStatus = (u: UserDoc): AccountView['status'] => u.status ?? 'active'

async function deputyStations(deps: Deps, account: Pick<UserDoc, 'role' | 'deputyId'>): Promise<string[]> {
  if (account.role !== 'deputy' || !account.deputyId) return []
  const deputy = await deps.store.collection<DeputyDoc>('deputies').get(account.deputyId)
  return deputy?.stationIds ?? []
}

/** Role and scope in words: "联络站工作人员" at "湖滨街道人大代表之家", "人大代表 王建国"… */
async function describe(deps: Deps, account: Pick<UserDoc, 'role' | 'stationIds' | 'officeRegionId' | 'deputyId' | 'regionId'>) {
  const regions = deps.store.collection<RegionDoc>('regions')
  if (account.role === 'staff' && account.officeRegionId) {
    const region = await regions.get(account.officeRegionId)
    const office = region ? officeShortName(region) : '人大机关'
    return { roleLabel: `${office}工作人员`, scopeLabel: office }
  }
  if (account.role === 'staff' || account.role === 'deputy') {
    const ids = account.role === 'deputy' ? await deputyStations(deps, account) : account.stationIds
    const stations = await stationsById(deps.store, ids)
    const names = ids.map((id) => stations.get(id)?.name).filter(Boolean).join('、')
    return { roleLabel: account.role === 'staff' ? '联络站工作人员' : ROLE_LABELS.deputy, scopeLabel: names || '未分配家站点' }
  }
  if (account.role === 'admin') {
    const region = account.regionId ? await regions.get(account.regionId) : null
    return { roleLabel: ROLE_LABELS.admin, scopeLabel: region ? region.officeName : '未关联行政区' }
  }
  return { roleLabel: ROLE_LABELS.resident, scopeLabel: '' }
}

async function present(deps: Deps, caller: Caller, account: UserDoc, latest?: InvitationDoc | null): Promise<AccountView> {
  const invitation =
    latest === undefined
      ? (await invitations(deps).find({ accountId: account._id }, { sort: [['createdAt', -1]], limit: 1 }))[0] ?? null
      : latest
  const now = deps.clock.now()
  const { roleLabel, scopeLabel } = await describe(deps, account)
  const status = accountStatus(account)
  const inviteStatus = invitation ? invitationStatus(invitation, now) : null
  return {
    id: account._id,
    name: account.name,
    role: account.role,
    roleLabel,
    scopeLabel,
    stationIds: account.stationIds,
    officeRegionId: account.officeRegionId ?? null,
    deputyId: account.deputyId,
    status,
    statusLabel: ACCOUNT_STATUS_LABELS[status],
    createdAt: account.createdAt,
    invitation:
      invitation && inviteStatus
        ? { id: invitation._id, status: inviteStatus, statusLabel: INVITATION_STATUS_LABELS[inviteStatus], expiresAt: invitation.expiresAt, hint: invitation.hint }
        : null,
    canRevoke: status !== 'revoked' && mayManage(caller, account, await deputyStations(deps, account)),
  }
}

/** Audit fields of an account (never its openid: recordAudit drops it anyway). */
const auditFields = (a: UserDoc) => ({
  name: a.name,
  role: a.role,
  stationIds: a.stationIds,
  officeRegionId: a.officeRegionId ?? null,
  deputyId: a.deputyId,
  status: accountStatus(a),
})

async function issued(deps: Deps, invitation: InvitationDoc, code: string): Promise<IssuedInvitation> {
  const scene = buildScene({ kind: 'invitation', code })
  const { png } = await deps.qrCode.make(scene)
  return { id: invitation._id, accountId: invitation.accountId, code, scene, expiresAt: invitation.expiresAt, qrDataUrl: `data:image/png;base64,${png.toString('base64')}` }
}

/** A new pending invitation document for an account; the code is returned, only its hash stored. */
function newInvitation(deps: Deps, caller: Caller, account: UserDoc, id: string): { doc: InvitationDoc; code: string } {
  const code = newInvitationCode()
  const now = deps.clock.now()
  return {
    code,
    doc: {
      _id: id,
      accountId: account._id,
      codeHash: hashInvitationCode(code),
      hint: code.slice(-2),
      status: 'pending',
      regionId: account.regionId,
      createdAt: now.toISOString(),
      createdBy: caller.userId,
      createdByName: caller.name,
      expiresAt: invitationExpiry(now),
      usedAt: null,
      usedBy: null,
      revokedAt: null,
      revokedBy: null,
    },
  }
}

/**
 * A retry of a creation whose first answer the router no longer has: the account and invitation
 * exist, but the code was only ever shown, never stored. The invitation (still unused) gets a new
 * code in one conditional update; the first one stops working.
 */
async function reissueCode(deps: Deps, invitation: InvitationDoc): Promise<string> {
  if (invitationStatus(invitation, deps.clock.now()) !== 'pending') {
    throw new DomainError('INVALID_STATE', '该账号的邀请码已使用或失效，请在账号列表中重新生成邀请码')
  }
  const code = newInvitationCode()
  const changed = await invitations(deps).update(
    { _id: invitation._id, status: 'pending', codeHash: invitation.codeHash },
    { set: { codeHash: hashInvitationCode(code), hint: code.slice(-2) } },
  )
  if (!changed) throw new DomainError('CONFLICT')
  return code
}

async function revokePending(deps: Deps, caller: Caller, accountId: string): Promise<void> {
  await invitations(deps).update(
    { accountId, status: 'pending' },
    { set: { status: 'revoked', revokedAt: deps.clock.now().toISOString(), revokedBy: caller.userId } },
  )
}

export async function createAccount(
  deps: Deps,
  caller: Caller,
  input: CreateAccountInput,
  requestId: string,
): Promise<{ account: AccountView; invitation: IssuedInvitation }> {
  const accountId = derivedId('acc', caller.userId, requestId)
  const invitationId = derivedId('inv', caller.userId, requestId)
  const existing = await users(deps).get(accountId)
  if (existing) {
    const invitation = await invitations(deps).get(invitationId)
    if (!invitation) throw new DomainError('CONFLICT')
    const code = await reissueCode(deps, invitation)
    const fresh = (await invitations(deps).get(invitationId)) as InvitationDoc
    return { account: await present(deps, caller, existing, fresh), invitation: await issued(deps, fresh, code) }
  }
  if (!caller.regionId) throw new DomainError('FORBIDDEN', '您的账号尚未关联到行政区，不能创建账号')

  const stationIds = [...new Set(input.stationIds ?? [])]
  let deputy: DeputyDoc | null = null
  if (input.role === 'deputy') {
    if (!input.deputyId) throw new DomainError('INVALID_INPUT', '请选择这个账号对应的代表')
    deputy = await deps.store.collection<DeputyDoc>('deputies').get(input.deputyId)
    if (!deputy) throw new DomainError('INVALID_INPUT', '没有找到所选的代表')
  } else if (input.deputyId) {
    throw new DomainError('INVALID_INPUT', '只有代表账号需要选择代表')
  }
  if (stationIds.length) {
    const found = await stationsById(deps.store, stationIds)
    if (found.size !== stationIds.length) throw new DomainError('INVALID_INPUT', '没有找到所选的家站点')
  }
  if (input.officeRegionId && !(await deps.store.collection<RegionDoc>('regions').get(input.officeRegionId))) {
    throw new DomainError('INVALID_INPUT', '没有找到所选的街道')
  }
  const districtRegionIds = caller.role === 'admin' ? await regionSubtree(deps.store, caller.regionId) : []
  assertMayGrant(
    caller,
    { role: input.role, stationIds, officeRegionId: input.officeRegionId ?? null, deputyStationIds: deputy?.stationIds ?? [] },
    { districtRegionIds },
  )
  if (deputy) {
    const holders = await users(deps).find({ deputyId: deputy._id }, { limit: 100 })
    if (holders.some((u) => u.role === 'deputy' && accountStatus(u) !== 'revoked')) {
      throw new DomainError('CONFLICT', `${deputy.name}代表已有账号，如需重新绑定，请先撤销原账号`)
    }
  }

  const account: UserDoc = {
    _id: accountId,
    openid: unboundOpenid(accountId),
    role: input.role,
    name: deputy ? deputy.name : input.name,
    stationIds: input.role === 'staff' ? stationIds : [],
    deputyId: deputy?._id ?? null,
    regionId: caller.regionId,
    officeRegionId: input.officeRegionId ?? null,
    credits: {},
    createdAt: deps.clock.now().toISOString(),
    status: 'invited',
    createdBy: caller.userId,
    activatedAt: null,
    residentId: null,
  }
  await users(deps).insert(account)
  const { doc, code } = newInvitation(deps, caller, account, invitationId)
  await invitations(deps).insert(doc)
  const view = await present(deps, caller, account, doc)
  await recordAudit(deps, caller, requestId, {
    objectType: 'account',
    objectId: account._id,
    objectLabel: `${account.name}（${view.roleLabel}）`,
    action: 'create',
    summary: `新建账号：${account.name}，${view.roleLabel}，${view.scopeLabel}`,
    before: null,
    after: auditFields(account),
  })
  await recordAudit(deps, caller, requestId, {
    objectType: 'invitation',
    objectId: doc._id,
    objectLabel: `${account.name}的邀请码（尾号${doc.hint}）`,
    action: 'create',
    summary: `生成邀请码，有效期至${doc.expiresAt.slice(0, 10)}`,
    before: null,
    after: { accountId: account._id, status: doc.status, expiresAt: doc.expiresAt },
  })
  return { account: view, invitation: await issued(deps, doc, code) }
}

/** The account, if the caller may manage it; NOT_FOUND for one outside their district. */
async function managedAccount(deps: Deps, caller: Caller, accountId: string): Promise<UserDoc> {
  const account = await users(deps).get(accountId)
  if (!account || account.role === 'resident' || account.regionId !== caller.regionId) throw new DomainError('NOT_FOUND', ACCOUNT_NOT_FOUND)
  if (account._id === caller.userId) throw new DomainError('FORBIDDEN', '不能管理自己的账号，请联系其他管理员')
  if (!mayManage(caller, account, await deputyStations(deps, account))) throw new DomainError('FORBIDDEN', '您不能管理这个账号（不能管理高于本人角色或本人范围以外的账号）')
  return account
}

export async function listAccounts(deps: Deps, caller: Caller): Promise<{ accounts: AccountView[] }> {
  if (!caller.regionId) return { accounts: [] }
  const all = await users(deps).find({ regionId: caller.regionId }, { sort: [['createdAt', -1]], limit: 1000 })
  const visible: UserDoc[] = []
  for (const u of all) {
    if (u.role === 'resident') continue
    if (u._id === caller.userId || mayManage(caller, u, await deputyStations(deps, u))) visible.push(u)
  }
  const latest = new Map<string, InvitationDoc>()
  if (visible.length) {
    const invs = await invitations(deps).find({ accountId: { $in: visible.map((u) => u._id) } }, { sort: [['createdAt', -1]], limit: 1000 })
    for (const inv of invs) if (!latest.has(inv.accountId)) latest.set(inv.accountId, inv)
  }
  const accounts: AccountView[] = []
  for (const u of visible) accounts.push(await present(deps, caller, u, latest.get(u._id) ?? null))
  return { accounts }
}

export async function revokeAccount(
  deps: Deps,
  caller: Caller,
  input: { accountId: string; reason?: string },
  requestId: string,
): Promise<{ account: AccountView }> {
  const account = await managedAccount(deps, caller, input.accountId)
  if (accountStatus(account) === 'revoked') throw new DomainError('INVALID_STATE', '该账号已经撤销')
  const at = deps.clock.now().toISOString()
  const changed = await users(deps).update(
    { _id: account._id, revokedAt: { $exists: false } },
    { set: { status: 'revoked', revokedAt: at, revokedBy: caller.userId, revokeReason: input.reason ?? null } },
  )
  if (!changed) throw new DomainError('INVALID_STATE', '该账号已经撤销')
  await revokePending(deps, caller, account._id)
  const after = (await users(deps).get(account._id)) as UserDoc
  const view = await present(deps, caller, after)
  await recordAudit(deps, caller, requestId, {
    objectType: 'account',
    objectId: account._id,
    objectLabel: `${account.name}（${view.roleLabel}）`,
    action: 'revoke',
    summary: `撤销账号：${account.name}${input.reason ? `，原因：${input.reason}` : ''}`,
    before: auditFields(account),
    after: auditFields(after),
  })
  return { account: view }
}

export async function createInvitation(
  deps: Deps,
  caller: Caller,
  input: { accountId: string },
  requestId: string,
): Promise<{ account: AccountView; invitation: IssuedInvitation }> {
  const account = await managedAccount(deps, caller, input.accountId)
  const invitationId = derivedId('inv', caller.userId, requestId)
  const existing = await invitations(deps).get(invitationId)
  if (existing) {
    const code = await reissueCode(deps, existing)
    const fresh = (await invitations(deps).get(invitationId)) as InvitationDoc
    return { account: await present(deps, caller, account, fresh), invitation: await issued(deps, fresh, code) }
  }
  if (accountStatus(account) !== 'invited') {
    throw new DomainError('INVALID_STATE', accountStatus(account) === 'revoked' ? '该账号已撤销，不能再生成邀请码' : '该账号已绑定微信，不需要邀请码')
  }
  await revokePending(deps, caller, account._id)
  const { doc, code } = newInvitation(deps, caller, account, invitationId)
  await invitations(deps).insert(doc)
  await recordAudit(deps, caller, requestId, {
    objectType: 'invitation',
    objectId: doc._id,
    objectLabel: `${account.name}的邀请码（尾号${doc.hint}）`,
    action: 'create',
    summary: `重新生成邀请码（原邀请码作废），有效期至${doc.expiresAt.slice(0, 10)}`,
    before: null,
    after: { accountId: account._id, status: doc.status, expiresAt: doc.expiresAt },
  })
  return { account: await present(deps, caller, account, doc), invitation: await issued(deps, doc, code) }
}

export async function revokeInvitation(
  deps: Deps,
  caller: Caller,
  input: { invitationId: string },
  requestId: string,
): Promise<{ account: AccountView }> {
  const invitation = await invitations(deps).get(input.invitationId)
  if (!invitation || invitation.regionId !== caller.regionId) throw new DomainError('NOT_FOUND', '没有找到这个邀请码，或您无权管理')
  const account = await managedAccount(deps, caller, invitation.accountId)
  const status = invitationStatus(invitation, deps.clock.now())
  if (status !== 'pending') throw new DomainError('INVALID_STATE', `该邀请码${INVITATION_STATUS_LABELS[status]}，不能作废`)
  const at = deps.clock.now().toISOString()
  const changed = await invitations(deps).update({ _id: invitation._id, status: 'pending' }, { set: { status: 'revoked', revokedAt: at, revokedBy: caller.userId } })
  if (!changed) throw new DomainError('CONFLICT', '该邀请码刚刚已被使用或作废，请刷新后查看')
  await recordAudit(deps, caller, requestId, {
    objectType: 'invitation',
    objectId: invitation._id,
    objectLabel: `${account.name}的邀请码（尾号${invitation.hint}）`,
    action: 'revoke',
    summary: '作废邀请码',
    before: { accountId: account._id, status: 'pending' },
    after: { accountId: account._id, status: 'revoked' },
  })
  return { account: await present(deps, caller, account) }
}

async function invitationByCode(deps: Deps, code: string): Promise<InvitationDoc> {
  const [invitation] = await invitations(deps).find({ codeHash: hashInvitationCode(code) }, { limit: 1 })
  if (!invitation) throw new DomainError('NOT_FOUND', INVITATION_NOT_FOUND)
  return invitation
}

export async function previewInvitation(deps: Deps, code: string): Promise<InvitationPreview> {
  const invitation = await invitationByCode(deps, code)
  const refusal = invitationRefusal(invitationStatus(invitation, deps.clock.now()))
  if (refusal) throw new DomainError('INVALID_STATE', refusal)
  const account = await users(deps).get(invitation.accountId)
  if (!account || accountStatus(account) !== 'invited') throw new DomainError('INVALID_STATE', '该邀请对应的账号已启用或已撤销')
  const { roleLabel, scopeLabel } = await describe(deps, account)
  return { name: account.name, role: account.role, roleLabel, scopeLabel, expiresAt: invitation.expiresAt, invitedBy: invitation.createdByName }
}

/**
 * Binds the caller's OPENID to the invited account. The invitation is claimed by one conditional
 * update (pending and not expired → used by this caller): of concurrent acceptances exactly one
 * lands. Then the caller's resident record gives up the openid (its cases stay its own) and the
 * account takes it. A retry by the same person after a failure half-way finishes the binding.
 */
export async function acceptInvitation(
  deps: Deps,
  caller: Caller,
  code: string,
  requestId: string,
): Promise<{ role: string; roleLabel: string; name: string; scopeLabel: string }> {
  const invitation = await invitationByCode(deps, code)
  const account = await users(deps).get(invitation.accountId)
  if (!account) throw new DomainError('NOT_FOUND', INVITATION_NOT_FOUND)
  const now = deps.clock.now()
  const mine = invitation.status === 'used' && invitation.usedBy === caller.userId
  // A retry once bound: the caller is now the account itself (the router's memory of the request
  // was keyed by the resident record), so the answer is the same as the first.
  if (invitation.status === 'used' && account.openid === caller.openid) {
    const { roleLabel, scopeLabel } = await describe(deps, account)
    return { role: account.role, roleLabel, name: account.name, scopeLabel }
  }
  if (!mine) {
    const refusal = invitationRefusal(invitationStatus(invitation, now))
    if (refusal) throw new DomainError('INVALID_STATE', refusal)
    if (accountStatus(account) !== 'invited') throw new DomainError('INVALID_STATE', '该邀请对应的账号已启用或已撤销')
    if (caller.role !== 'resident') {
      throw new DomainError('INVALID_STATE', `您的微信已绑定“${ROLE_LABELS[caller.role]}”账号，不能再接受邀请；如需更换，请先由管理员撤销原账号`)
    }
    const claimed = await invitations(deps).update(
      { _id: invitation._id, status: 'pending', expiresAt: { $gt: now.toISOString() } },
      { set: { status: 'used', usedAt: now.toISOString(), usedBy: caller.userId } },
    )
    if (!claimed) {
      const latest = (await invitations(deps).get(invitation._id)) as InvitationDoc
      throw new DomainError('CONFLICT', invitationRefusal(invitationStatus(latest, now)) ?? '该邀请码刚刚已被使用')
    }
  } else if (accountStatus(account) !== 'invited') {
    throw new DomainError('INVALID_STATE', '该邀请对应的账号已启用或已撤销')
  }
  // The openid is unique among users: the resident record lets go of it first, then the account takes it.
  await users(deps).update(
    { _id: caller.userId, openid: caller.openid },
    { set: { openid: movedOpenid(caller.userId, account._id), movedToAccountId: account._id } },
  )
  const bound = await users(deps).update(
    { _id: account._id, status: 'invited' },
    { set: { openid: caller.openid, status: 'active', activatedAt: now.toISOString(), residentId: caller.userId } },
  )
  if (!bound) throw new DomainError('CONFLICT', '该账号刚刚已被启用或撤销')
  // A call of this person's in between may have handed the openid back to the resident record
  // (resolveCaller's recovery): let go of it again, so only the account holds it.
  await users(deps).update(
    { _id: caller.userId, openid: caller.openid },
    { set: { openid: movedOpenid(caller.userId, account._id), movedToAccountId: account._id } },
  )
  const { roleLabel, scopeLabel } = await describe(deps, account)
  await recordAudit(deps, { ...caller, regionId: account.regionId }, requestId, {
    objectType: 'invitation',
    objectId: invitation._id,
    objectLabel: `${account.name}的邀请码（尾号${invitation.hint}）`,
    action: 'accept',
    summary: `接受邀请，微信已绑定账号：${account.name}（${roleLabel}）`,
    before: { accountId: account._id, status: 'pending' },
    after: { accountId: account._id, status: 'used', residentId: caller.userId },
  })
  return { role: account.role, roleLabel, name: account.name, scopeLabel }
}

/** Who may be shown as the account's district: used by the bootstrap. */
export async function districtHasAdmin(deps: Deps, districtId: string): Promise<boolean> {
  const admins = await users(deps).find({ regionId: districtId, role: 'admin' }, { limit: 100 })
  return admins.some((a) => accountStatus(a) !== 'revoked')
}

export { describe as describeAccount, present as presentAccount }
export type { StationDoc }
