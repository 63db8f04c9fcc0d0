import { availableCommands, type CaseSummary, type CaseView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { mayIssue, maySeePhone } from '../../domain/caseAccess'
import type { CaseDoc, DeputyDoc, StationDoc } from '../../domain/records'
import { buildTimeline } from '../../domain/timeline'

const EXCERPT_LENGTH = 40

function excerpt(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= EXCERPT_LENGTH ? chars.join('') : `${chars.slice(0, EXCERPT_LENGTH).join('')}…`
}

export function presentCaseSummary(c: CaseDoc, station: StationDoc | undefined): CaseSummary {
  return {
    id: c._id,
    trackingNo: c.trackingNo,
    category: c.category,
    excerpt: excerpt(c.content),
    status: c.status,
    stationId: c.stationId,
    stationName: station?.name ?? '',
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    needsReview: c.contentCheck === 'review',
    dueDate: c.status === 'transferred' ? (c.transfer?.dueDate ?? null) : null,
  }
}

export function presentCase(
  c: CaseDoc,
  caller: Caller,
  related: { station?: StationDoc; deputy?: DeputyDoc | null },
): CaseView {
  const isMine = caller.role === 'resident' && c.residentId === caller.userId
  const commands = availableCommands(c.status, caller.role).filter((command) => {
    if (!mayIssue(caller.role, command)) return false
    // Residents move their case only by rating it (close / reopen), and only their own.
    if (caller.role === 'resident') return isMine
    return true
  })
  return {
    ...presentCaseSummary(c, related.station),
    content: c.content,
    place: c.place,
    channel: c.channel,
    deputy: related.deputy ? { id: related.deputy._id, name: related.deputy.name } : null,
    phoneMasked: maySeePhone(caller, c) ? c.phoneMasked : null,
    phoneVisibleToDeputy: c.phoneVisibleToDeputy,
    route: c.route,
    transfer: c.transfer,
    decline: c.decline,
    replies: c.replies.map((r) => ({ id: r.id, text: r.text, from: r.fromLabel, at: r.at })),
    rating: c.rating,
    timeline: buildTimeline(c.events, caller.role),
    commands,
    isMine,
    canRate: isMine && c.status === 'replied',
  }
}
