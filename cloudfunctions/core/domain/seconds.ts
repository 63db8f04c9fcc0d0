// 附议 (seconding): a resident who has the same problem as an open case at the station seconds it
// instead of filing a duplicate. One conditional update of the case per second, keyed by the
// resident's id (`seconds.<userId>` must not exist yet), so a retry or a double tap counts once.
//
// Seconders get the same notices as the author. Notices are planned from the case as read, so
// every move is also conditional on `secondCount` (see `secondsGuard`): a move planned before a
// resident seconded cannot land after it and miss them; moveCase then plans again.
import { CASE_STATUS_LABELS, OPEN_STATUSES, type CaseStatus } from '@minyi/types'
import type { Filter, Update } from '../ports/store'
import type { Caller } from './caller'
import { DomainError } from './errors'
import type { CaseDoc, CaseEvent, OutboxItem } from './records'

export function secondCountOf(c: Pick<CaseDoc, 'secondCount'>): number {
  return c.secondCount ?? 0
}

/** The resident who raised it plus everyone who seconded it. */
export function raisedBy(c: Pick<CaseDoc, 'secondCount'>): number {
  return 1 + secondCountOf(c)
}

export function hasSeconded(userId: string, c: Pick<CaseDoc, 'seconds'>): boolean {
  return Boolean(c.seconds && Object.prototype.hasOwnProperty.call(c.seconds, userId))
}

/** A resident following someone else's case because they seconded it. */
export function isSeconder(caller: Pick<Caller, 'role' | 'userId'>, c: Pick<CaseDoc, 'seconds' | 'residentId'>): boolean {
  return caller.role === 'resident' && c.residentId !== caller.userId && hasSeconded(caller.userId, c)
}

export function seconderIdsOf(c: Pick<CaseDoc, 'seconds' | 'residentId'>): string[] {
  return Object.keys(c.seconds ?? {}).filter((id) => id !== c.residentId)
}

/** The condition every move adds: nobody seconded since the case was read. */
export function secondsGuard(c: Pick<CaseDoc, 'secondCount'>): Filter {
  return { secondCount: c.secondCount === undefined ? { $exists: false } : c.secondCount }
}

/** For residents other than the author: digits masked (house numbers, phone numbers), as in the draft list. */
export function maskForOthers(text: string): string {
  return text.replace(/\d/g, '*')
}

export function isSecondable(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status)
}

/** Refusals, in the order a resident would want to hear them. */
export function assertCanSecond(caller: Caller, c: CaseDoc | null, stationId: string): CaseDoc {
  // A case of another station, one flagged for review, or none at all: the same answer, so ids cannot be probed.
  if (!c || c.stationId !== stationId || c.contentCheck !== 'pass') {
    throw new DomainError('NOT_FOUND', '没有找到本家站点的这条民意')
  }
  if (c.residentId === caller.userId) throw new DomainError('FORBIDDEN', '这是您自己反映的民意，不需要附议')
  if (!hasSeconded(caller.userId, c) && !isSecondable(c.status)) {
    throw new DomainError('INVALID_STATE', `这条民意当前为「${CASE_STATUS_LABELS[c.status]}」，不能附议`)
  }
  return c
}

export function planSecond(c: CaseDoc, caller: Caller, at: Date, eventId: string): { filter: Filter; update: Update; event: CaseEvent } {
  const when = at.toISOString()
  const event: CaseEvent = {
    id: eventId,
    type: 'second',
    at: when,
    actorId: caller.userId,
    actorRole: 'resident',
    actorLabel: '群众',
    from: null,
    to: null,
    note: null,
  }
  return {
    filter: {
      _id: c._id,
      status: { $in: [...OPEN_STATUSES] },
      residentId: { $ne: caller.userId },
      [`seconds.${caller.userId}`]: { $exists: false },
    },
    update: {
      set: { [`seconds.${caller.userId}`]: { at: when }, updatedAt: when },
      inc: { secondCount: 1 },
      push: { events: [event], seconderIds: [caller.userId] },
    },
    event,
  }
}

/** The author's wording turned to a seconder's ("您附议的民意…"); anything unmatched stays as written. */
function forSeconder(text: string): string {
  return text
    .replace(/^您反映的(民意|事项)/u, '您附议的$1')
    .replace(/^您的民意/u, '您附议的民意')
    .replace(/您对答复(仍)?不满意/gu, '反映人对答复$1不满意')
    .replace(/查看答复并评价/gu, '查看答复')
    .replace(/查看并评价/gu, '查看')
}

/**
 * A copy of the author's notice for every seconder, each their own message (id per recipient). The
 * subscribe message quotes the case's text (`subject`): digits masked, as everywhere a seconder reads it.
 */
export function seconderNotices(c: Pick<CaseDoc, 'seconds' | 'residentId'>, authorNotice: OutboxItem): OutboxItem[] {
  return seconderIdsOf(c).map((recipientId) => ({
    ...authorNotice,
    id: `${authorNotice.id}-s-${recipientId}`,
    recipientId,
    title: forSeconder(authorNotice.title),
    body: forSeconder(authorNotice.body),
    data: Object.fromEntries(
      Object.entries(authorNotice.data).map(([key, value]) => [key, key === 'subject' ? maskForOthers(value) : forSeconder(value)]),
    ),
  }))
}

/** The author's notice plus every seconder's copy. */
export function withSeconders(c: Pick<CaseDoc, 'seconds' | 'residentId'>, notices: OutboxItem[]): OutboxItem[] {
  return notices.flatMap((notice) => (notice.recipientId === c.residentId ? [notice, ...seconderNotices(c, notice)] : [notice]))
}
