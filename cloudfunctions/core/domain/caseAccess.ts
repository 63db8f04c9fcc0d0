// Who may see and touch which case. Every use case that takes a case id goes through here.
//
// Scope under 分级负责 (graded transfer: station → 街道人大工委 → 区人大常委会 → handling unit):
// - A resident sees their own cases.
// - Deputies and staff of a station see every case of their stations, and keep seeing a case after
//   it was forwarded up: the resident raised it there and comes back there to ask, and the station
//   answers for the outcome. They act on it only while their station holds it; once forwarded it is
//   read-only for them (what the office decides, the unit it assigns, its deadline, the reply).
// - Staff of a congress office see the cases that reached their office (`officeIds`) and nothing
//   else: not the rest of their stations' cases, not another street's. They act while their office
//   holds the case; after forwarding it further up, it stays readable (they answered for it once).
// - Admin (人大机关 of the district) sees every case of the district and may act on it at whatever
//   level it is held, as the supervising organ.
// Refusals: a case out of sight is NOT_FOUND (ids cannot be probed); a command the caller's role
// never issues is FORBIDDEN; a command the case's state does not allow — its status, or the level
// holding it — is INVALID_STATE; one the state allows, but at another level than the caller's, is
// FORBIDDEN.
import { CASE_TRANSITIONS, type CaseCommand, type Role } from '@minyi/types'
import type { Filter } from '../ports/store'
import type { Caller } from './caller'
import type { CaseDoc } from './records'
import { DomainError } from './errors'

function reachedOffice(caller: Pick<Caller, 'office'>, c: Pick<CaseDoc, 'officeIds'>): boolean {
  return Boolean(caller.office && c.officeIds?.includes(caller.office.regionId))
}

export function canSeeCase(caller: Caller, c: Pick<CaseDoc, 'residentId' | 'stationId' | 'officeIds'>): boolean {
  if (caller.role === 'resident') return c.residentId === caller.userId
  return caller.stationIds.includes(c.stationId) || reachedOffice(caller, c)
}

/** The same scope as `canSeeCase`, as a store query (inboxes, lists); null when the caller sees none. */
export function caseScopeFilter(caller: Caller): Filter | null {
  if (caller.role === 'resident') return { residentId: caller.userId }
  const scopes: Filter[] = []
  if (caller.stationIds.length) scopes.push({ stationId: { $in: caller.stationIds } })
  if (caller.office) scopes.push({ officeIds: caller.office.regionId })
  if (!scopes.length) return null
  return scopes.length === 1 ? scopes[0] : { $or: scopes }
}

/** Cases held at the caller's own level now (待我办理): their station's, or their office's. */
export function heldByFilter(caller: Caller): Filter | null {
  if (caller.role === 'admin' || caller.role === 'resident') return caseScopeFilter(caller)
  const scopes: Filter[] = []
  if (caller.stationIds.length) scopes.push({ stationId: { $in: caller.stationIds }, 'office.regionId': { $exists: false } })
  if (caller.role === 'staff' && caller.office) scopes.push({ 'office.regionId': caller.office.regionId })
  if (!scopes.length) return null
  return scopes.length === 1 ? scopes[0] : { $or: scopes }
}

/** Loads-then-checks in one place; an invisible case is reported as not found, not as forbidden. */
export function assertCanSeeCase(caller: Caller, c: CaseDoc | null): CaseDoc {
  if (!c || !canSeeCase(caller, c)) throw new DomainError('NOT_FOUND', '没有找到这条民意，或您无权查看')
  return c
}

export function mayIssue(role: Role, command: CaseCommand): boolean {
  return (CASE_TRANSITIONS[command].roles as readonly Role[]).includes(role)
}

/** Whether the caller works at the level that holds the case now (and so may act on it). */
export function holdsCase(caller: Caller, c: Pick<CaseDoc, 'residentId' | 'stationId' | 'office' | 'officeIds'>): boolean {
  switch (caller.role) {
    case 'resident':
      return c.residentId === caller.userId
    case 'admin':
      return canSeeCase(caller, c)
    case 'deputy':
      return !c.office && caller.stationIds.includes(c.stationId)
    case 'staff':
      return c.office ? caller.office?.regionId === c.office.regionId : caller.stationIds.includes(c.stationId)
  }
}

/** Role, then level: may this caller issue the command on this (visible) case at all? */
export function assertMayAct(caller: Caller, c: CaseDoc, command: CaseCommand): void {
  if (!mayIssue(caller.role, command)) throw new DomainError('FORBIDDEN')
  if (holdsCase(caller, c)) return
  if (caller.role === 'resident') throw new DomainError('FORBIDDEN', '只有反映人本人可以评价')
  const where = c.office ? `已转报${c.office.name}办理` : '由家站点办理'
  throw new DomainError('FORBIDDEN', `这条民意${where}，您可以查看进展，但不能办理`)
}

/** Residents and staff always see the masked phone; a deputy only when the resident allowed it. */
export function maySeePhone(caller: Caller, c: CaseDoc): boolean {
  if (!c.phoneMasked) return false
  if (caller.role === 'deputy') return c.phoneVisibleToDeputy
  return canSeeCase(caller, c)
}

export function mayRevealPhone(caller: Caller, c: CaseDoc): boolean {
  if (caller.role === 'resident') return false
  return maySeePhone(caller, c)
}
