import { ROLE_LABELS } from '@minyi/types'
import type { Caller } from './caller'

/** How an actor appears on a resident's timeline: deputies by name (they are public), staff by role. */
export function actorLabel(caller: Pick<Caller, 'role' | 'name' | 'office'>): string {
  switch (caller.role) {
    case 'resident':
      return '群众'
    case 'deputy':
      return `人大代表 ${caller.name}`
    case 'staff':
      return roleLabelOf(caller)
    case 'admin':
      return '人大机关工作人员'
  }
}

export const SYSTEM_LABEL = '系统'

/** For internal audit entries: the role and the person's name. */
export function auditLabel(caller: Pick<Caller, 'role' | 'name' | 'office'>): string {
  return `${roleLabelOf(caller)} ${caller.name}`
}

/** The role as the person holds it: staff of a station, or of a congress office (分级负责). */
export function roleLabelOf(caller: Pick<Caller, 'role' | 'office'>): string {
  if (caller.role !== 'staff') return ROLE_LABELS[caller.role]
  return caller.office ? `${caller.office.name}工作人员` : '联络站工作人员'
}
