import { ROLE_LABELS } from '@minyi/types'
import type { Caller } from './caller'

/** How an actor appears on a resident's timeline: deputies by name (they are public), staff by role. */
export function actorLabel(caller: Pick<Caller, 'role' | 'name'>): string {
  switch (caller.role) {
    case 'resident':
      return '群众'
    case 'deputy':
      return `人大代表 ${caller.name}`
    case 'staff':
      return '联络站工作人员'
    case 'admin':
      return '人大机关工作人员'
  }
}

export const SYSTEM_LABEL = '系统'

/** For internal audit entries: the role and the person's name. */
export function auditLabel(caller: Pick<Caller, 'role' | 'name'>): string {
  return `${ROLE_LABELS[caller.role]} ${caller.name}`
}
