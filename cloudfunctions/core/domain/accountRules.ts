// 账号与邀请码, the pure part: who may grant which role with which scope (the ceiling), the
// invitation code, its hash and its lifetime. See docs/accounts-and-invitations.md.
import { createHash, randomInt } from 'node:crypto'
import {
  INVITATION_CODE_ALPHABET,
  INVITATION_CODE_LENGTH,
  INVITATION_DAYS,
  type AccountRole,
  type InvitationStatus,
  type Role,
} from '@minyi/types'
import type { Caller } from './caller'
import { DomainError } from './errors'
import type { InvitationDoc, UserDoc } from './records'

/** The order of roles for the ceiling: nobody grants a role above their own. */
export const ROLE_RANK: Record<Role, number> = { resident: 0, deputy: 1, staff: 2, admin: 3 }

/** What an account would be given: its role and where it works. */
export interface Grant {
  role: AccountRole
  stationIds: string[]
  officeRegionId: string | null
  /** Deputy accounts: the stations of the deputy's record. */
  deputyStationIds: string[]
}

/** What the caller's own scope covers, looked up by the use case. */
export interface GrantorScope {
  /** Every region of the caller's district (admin), for office accounts. */
  districtRegionIds: string[]
}

export function isStationStaff(caller: Pick<Caller, 'role' | 'office' | 'stationIds'>): boolean {
  return caller.role === 'staff' && !caller.office && caller.stationIds.length > 0
}

/**
 * Throws unless `caller` may grant `grant`: the role is not above the caller's own, and the scope
 * (stations, office region, the deputy's stations) lies within the caller's own.
 */
export function assertMayGrant(caller: Caller, grant: Grant, scope: GrantorScope): void {
  if (ROLE_RANK[grant.role] > ROLE_RANK[caller.role]) {
    throw new DomainError('FORBIDDEN', '不能授予高于本人的角色')
  }
  if (caller.role === 'staff' && !isStationStaff(caller)) {
    throw new DomainError('FORBIDDEN', '街道人大工委、区人大常委会的工作人员不能创建账号，请联系区人大机关')
  }
  const own = new Set(caller.stationIds)
  if (grant.role === 'staff') {
    if (grant.officeRegionId) {
      if (caller.role !== 'admin') throw new DomainError('FORBIDDEN', '只有人大机关可以创建街道人大工委的账号')
      if (!scope.districtRegionIds.includes(grant.officeRegionId)) throw new DomainError('FORBIDDEN', '不能授予本人范围以外的街道')
      if (grant.stationIds.length) throw new DomainError('INVALID_INPUT', '街道人大工委的账号不属于某个家站点，请不要同时选择家站点')
      return
    }
    if (!grant.stationIds.length) throw new DomainError('INVALID_INPUT', '请为工作人员选择所在的家站点')
    if (grant.stationIds.some((id) => !own.has(id))) throw new DomainError('FORBIDDEN', '不能授予本人范围以外的家站点')
    return
  }
  if (grant.stationIds.length || grant.officeRegionId) {
    throw new DomainError('INVALID_INPUT', grant.role === 'deputy' ? '代表账号的站点来自代表档案，请不要另选家站点' : '人大机关账号覆盖全区，请不要另选家站点或街道')
  }
  if (grant.role === 'deputy') {
    if (!grant.deputyStationIds.some((id) => own.has(id))) throw new DomainError('FORBIDDEN', '这位代表不在本人负责的家站点，不能为其创建账号')
  }
  // admin: only an admin gets here (the rank check), for their own district (the use case sets it).
}

/** Whether `caller` may manage (revoke, re-invite) an existing account. */
export function mayManage(caller: Caller, account: UserDoc, deputyStationIds: string[]): boolean {
  if (account._id === caller.userId) return false
  if (ROLE_RANK[account.role] > ROLE_RANK[caller.role] || account.role === 'resident') return false
  if (caller.role === 'admin') return !!caller.regionId && account.regionId === caller.regionId
  if (!isStationStaff(caller)) return false
  const own = new Set(caller.stationIds)
  if (account.role === 'staff') return !account.officeRegionId && account.stationIds.length > 0 && account.stationIds.every((id) => own.has(id))
  if (account.role === 'deputy') return deputyStationIds.some((id) => own.has(id))
  return false
}

export function newInvitationCode(): string {
  let code = ''
  for (let i = 0; i < INVITATION_CODE_LENGTH; i += 1) code += INVITATION_CODE_ALPHABET[randomInt(INVITATION_CODE_ALPHABET.length)]
  return code
}

/** The stored form of a code (the code itself is a bearer secret and is never stored). */
export function hashInvitationCode(code: string): string {
  return createHash('sha256').update(`minyi-invitation:${code.toUpperCase()}`).digest('hex')
}

export function invitationExpiry(createdAt: Date): string {
  return new Date(createdAt.getTime() + INVITATION_DAYS * 24 * 3600 * 1000).toISOString()
}

export function invitationStatus(inv: Pick<InvitationDoc, 'status' | 'expiresAt'>, now: Date): InvitationStatus {
  if (inv.status === 'pending' && inv.expiresAt <= now.toISOString()) return 'expired'
  return inv.status
}

/** Why a code cannot be used, in Chinese, or null when it can. */
export function invitationRefusal(status: InvitationStatus): string | null {
  switch (status) {
    case 'pending':
      return null
    case 'used':
      return '该邀请码已被使用，每个邀请码只能使用一次。如需重新绑定，请联系创建账号的工作人员'
    case 'revoked':
      return '该邀请码已作废，请向创建账号的工作人员索取新的邀请码'
    case 'expired':
      return '该邀请码已过期（有效期7天），请向创建账号的工作人员索取新的邀请码'
  }
}

/** The openid an account holds before anyone accepts its invitation (unique, never a real one). */
export function unboundOpenid(accountId: string): string {
  return `unbound:${accountId}`
}

/** The openid a resident record keeps after its person moved to an account (unique, never a real one). */
export function movedOpenid(residentId: string, accountId: string): string {
  return `moved:${residentId}:${accountId}`
}
