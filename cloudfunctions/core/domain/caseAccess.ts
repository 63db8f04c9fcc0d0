// Who may see and touch which case. Every use case that takes a case id goes through here.
import { CASE_TRANSITIONS, type CaseCommand, type Role } from '@minyi/types'
import type { Caller } from './caller'
import type { CaseDoc } from './records'
import { DomainError } from './errors'

export function canSeeCase(caller: Caller, c: Pick<CaseDoc, 'residentId' | 'stationId'>): boolean {
  if (caller.role === 'resident') return c.residentId === caller.userId
  return caller.stationIds.includes(c.stationId)
}

/** Loads-then-checks in one place; an invisible case is reported as not found, not as forbidden. */
export function assertCanSeeCase(caller: Caller, c: CaseDoc | null): CaseDoc {
  if (!c || !canSeeCase(caller, c)) throw new DomainError('NOT_FOUND', '没有找到这条民意，或您无权查看')
  return c
}

export function mayIssue(role: Role, command: CaseCommand): boolean {
  return (CASE_TRANSITIONS[command].roles as readonly Role[]).includes(role)
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
