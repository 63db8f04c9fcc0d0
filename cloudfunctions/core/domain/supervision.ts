// 督办 and the in-app notices to staff, the pure part. A case past its time limit gets one `supervise`
// event per clock (actor 系统), written by the scheduled job as one conditional update — the clock
// still the one that ran out and not yet supervised — together with the notices to whoever holds the
// case ("the assignee") and to the level above it. So running the job twice, or two timers at once,
// writes nothing new; a new clock (a new transfer, an extension, re-handling) may be supervised anew.
import { DEADLINE_KIND_LABELS } from '@minyi/types'
import type { Filter, Update } from '../ports/store'
import { SYSTEM_LABEL } from './actorLabel'
import { dueText, overdueDays } from './deadlines'
import type { CaseDeadline, CaseDoc, CaseEvent, OutboxItem } from './records'

/** The page staff, deputies and admins work a case on. */
export function workLink(caseId: string): string {
  return `/packageWork/pages/case/index?id=${caseId}`
}

/** An in-app message (no WeChat push) to a member of staff about a case. */
export function staffNotice(c: Pick<CaseDoc, '_id'>, recipientId: string, eventId: string, at: string, title: string, body: string): OutboxItem {
  return {
    id: `${eventId}-n-${recipientId}`,
    recipientId,
    title,
    body,
    link: workLink(c._id),
    template: null,
    data: {},
    createdAt: at,
  }
}

/**
 * Tells the staff of the office a case was forwarded (or escalated) to that it is theirs now.
 * `how` says how it came, e.g. "由湖滨街道人大工委转报".
 */
export function arrivalNotices(
  c: Pick<CaseDoc, '_id' | 'trackingNo'>,
  recipients: string[],
  eventId: string,
  at: string,
  how: string,
  deadline: CaseDeadline | null,
): OutboxItem[] {
  const due = deadline ? `，请于${dueText(deadline)}前${deadline.kind === 'accept' ? '受理' : '办理完毕'}` : ''
  return recipients.map((id) => staffNotice(c, id, eventId, at, '有转报的民意待办理', `编号 ${c.trackingNo} ${how}${due}。`))
}

export interface SupervisionRequest {
  at: Date
  eventId: string
  /** Who holds the case now, e.g. "湖滨街道人大工委" or the station's name. */
  holderName: string
  /** The level above, e.g. "滨湖区人大常委会"; for the top office, the district's 人大机关. */
  upperName: string
  /** Staff of the holder (the assignee) and of the level above, by user id. */
  holderIds: string[]
  upperIds: string[]
}

export interface SupervisionPlan {
  filter: Filter
  update: Update
  event: CaseEvent
  notices: OutboxItem[]
}

/** What ran out, e.g. "滨湖区城市管理局的答复期限（12月2日）". */
function whatRanOut(c: Pick<CaseDoc, 'transfer'>, d: CaseDeadline): string {
  const label = d.kind === 'unit' ? `${c.transfer?.unitName ?? '承办单位'}的答复期限` : DEADLINE_KIND_LABELS[d.kind]
  return `${label}（${dueText(d)}）`
}

export function planSupervision(c: CaseDoc, d: CaseDeadline, request: SupervisionRequest): SupervisionPlan {
  const at = request.at.toISOString()
  const days = overdueDays(d, request.at)
  const ranOut = whatRanOut(c, d)
  const event: CaseEvent = {
    id: request.eventId,
    type: 'supervise',
    at,
    actorId: null,
    actorRole: 'system',
    actorLabel: SYSTEM_LABEL,
    from: null,
    to: null,
    note: `${ranOut}已过，已提醒${request.holderName}尽快办理，并报${request.upperName}督办`,
  }
  const upperSet = new Set(request.upperIds)
  const notices = [
    ...request.holderIds
      .filter((id) => !upperSet.has(id))
      .map((id) =>
        staffNotice(c, id, request.eventId, at, '民意办理已超期，请尽快办理', `编号 ${c.trackingNo}：${ranOut}已超期 ${days} 天，已报${request.upperName}督办。`),
      ),
    ...request.upperIds.map((id) =>
      staffNotice(c, id, request.eventId, at, '民意办理超期，请督办', `编号 ${c.trackingNo} 由${request.holderName}办理，${ranOut}已超期 ${days} 天，请督促办理。`),
    ),
  ]
  return {
    // The clock that ran out, not yet supervised, and the case still in the status it ran in.
    filter: { _id: c._id, status: c.status, 'deadline.id': d.id, 'deadline.supervisedAt': { $exists: false } },
    update: {
      set: { 'deadline.supervisedAt': at },
      push: notices.length ? { events: [event], outbox: notices } : { events: [event] },
      ...(notices.length ? { inc: { outboxSize: notices.length } } : {}),
    },
    event,
    notices,
  }
}
