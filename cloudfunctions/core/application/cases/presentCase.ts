import {
  availableCommands,
  type CaseSuggestionLinkView,
  type CaseSummary,
  type CaseView,
  type MergedCaseView,
  type MergedIntoView,
  type PhotoView,
} from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { holdsCase, mayIssue, maySeePhone } from '../../domain/caseAccess'
import { moveRefusal } from '../../domain/caseLifecycle'
import { deadlineApplies, presentDeadline } from '../../domain/deadlines'
import { presentHandler } from '../../domain/offices'
import { ratingOffers, reopensLeft } from '../../domain/reopenRules'
import type { TimeLimits } from '../../domain/timeLimits'
import type { CaseDoc, DeputyDoc, StationDoc } from '../../domain/records'
import { buildTimeline } from '../../domain/timeline'
import { isSeconder, maskForOthers, raisedBy } from '../../domain/seconds'

const EXCERPT_LENGTH = 40

/** What a case page shows besides the case itself (loaded by application/cases/caseExtras.ts). */
export interface CaseExtras {
  asSeconder: boolean
  mergedInto: MergedIntoView | null
  mergedCases: MergedCaseView[]
  mergedCount: number
  photos: PhotoView[]
  suggestions: CaseSuggestionLinkView[]
}

export const NO_EXTRAS: CaseExtras = { asSeconder: false, mergedInto: null, mergedCases: [], mergedCount: 0, photos: [], suggestions: [] }

function excerpt(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= EXCERPT_LENGTH ? chars.join('') : `${chars.slice(0, EXCERPT_LENGTH).join('')}…`
}

export function presentCaseSummary(c: CaseDoc, station: StationDoc | undefined, viewer?: Pick<Caller, 'role' | 'userId'>): CaseSummary {
  // A resident who seconded someone else's case reads it with digits masked (house and phone numbers).
  const others = viewer ? isSeconder(viewer, c) : false
  return {
    id: c._id,
    trackingNo: c.trackingNo,
    category: c.category,
    excerpt: others ? maskForOthers(excerpt(c.content)) : excerpt(c.content),
    status: c.status,
    stationId: c.stationId,
    stationName: station?.name ?? '',
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    needsReview: c.contentCheck === 'review',
    dueDate: c.status === 'transferred' ? (c.transfer?.dueDate ?? null) : null,
    raisedBy: raisedBy(c),
    handler: presentHandler(c, station?.name ?? ''),
    overdue: Boolean(c.deadline?.supervisedAt) && deadlineApplies(c.deadline, c.status),
  }
}

export function presentCase(
  c: CaseDoc,
  caller: Caller,
  related: {
    station?: StationDoc
    deputy?: DeputyDoc | null
    extras?: CaseExtras
    /** The time and the district's limits, for the deadline clock and the rating choices. */
    timing?: { now: Date; limits: TimeLimits }
  },
): CaseView {
  const extras = related.extras ?? NO_EXTRAS
  const isMine = caller.role === 'resident' && c.residentId === caller.userId
  const limits = related.timing?.limits
  const commands = availableCommands(c.status, caller.role).filter((command) => {
    if (!mayIssue(caller.role, command)) return false
    // Residents move their case only by rating it (close / reopen / escalate), and only their own.
    if (caller.role === 'resident' && !isMine) return false
    // 分级负责: only the level holding the case acts on it; and what its state allows there.
    if (!holdsCase(caller, c) || moveRefusal(c, command)) return false
    // 不满意 reopens, or — once the reopens are used up — escalates: only the one that applies.
    return limits ? ratingOffers(command, c, limits) : command !== 'escalate'
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
    seconded: extras.asSeconder,
    mergedInto: extras.mergedInto,
    mergedCases: extras.mergedCases,
    mergedCount: extras.mergedCount,
    photos: extras.photos,
    suggestions: extras.suggestions,
    deadline: related.timing ? presentDeadline(c, related.timing.now) : null,
    reopensLeft: limits ? reopensLeft(c, limits) : 0,
    transferDays: limits && commands.includes('transfer') ? { normal: limits.unitWorkingDays, complex: limits.complexWorkingDays } : null,
    // A seconder follows the progress of someone else's case: no place, masked text, no rating, and
    // the author's own words (rating comments) and who raised it left out of the timeline.
    ...(extras.asSeconder ? seconderView(c) : {}),
  }
}

function seconderView(c: CaseDoc): Partial<CaseView> {
  return {
    content: maskForOthers(c.content),
    excerpt: maskForOthers(excerpt(c.content)),
    place: null,
    phoneMasked: null,
    rating: null,
    // The first event says who raised it and how (a visitor's name at a reception day, a deputy's
    // code): that is the author's, not a seconder's, to read.
    timeline: buildTimeline(
      c.events.map((e) => (e.actorRole === 'resident' || e.type === 'submit' ? { ...e, note: null } : e)),
      'resident',
    ),
  }
}
