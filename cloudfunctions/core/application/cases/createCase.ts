// The rules every new case follows, whichever door it came in by (a resident's submission, a
// matter recorded at a reception day): the text passes the content check, the case gets the next
// tracking number of the day, it starts `submitted` with its first event (so it enters the same
// triage as everything else, its words counted for finding similar cases), and inserting it under a
// deterministic id makes a retry harmless.
import type { Channel } from '@minyi/types'
import { DomainError } from '../../domain/errors'
import type { ActorRole, CaseDoc, OutboxItem } from '../../domain/records'
import { formatTrackingNo, trackingCounterId } from '../../domain/trackingNumber'
import type { Deps } from '../deps'
import { nextSequence } from '../shared/sequence'
import { caseTerms, recordTermsQuietly } from '../triage/termStats'
import { acceptDeadline } from '../../domain/deadlines'
import { deadlineContext, limitsForStation } from './handling'

/** Runs the content check; `risky` text is refused, `review` is accepted and flagged for staff. */
export async function checkCaseText(deps: Deps, text: string, openid: string): Promise<CaseDoc['contentCheck']> {
  const check = await deps.contentCheck.check(text, openid)
  if (check.result === 'risky') {
    throw new DomainError('CONTENT_REJECTED', '内容未通过安全检查，请删除不当言辞或广告信息后再提交')
  }
  return check.result === 'review' ? 'review' : 'pass'
}

export interface NewCase {
  id: string
  requestId: string
  residentId: string
  stationId: string
  deputyId: string | null
  channel: Channel
  category: CaseDoc['category']
  content: string
  place: string | null
  phoneSealed: string | null
  phoneMasked: string | null
  phoneVisibleToDeputy: boolean
  contentCheck: CaseDoc['contentCheck']
  /** Who raised it, for the first event of the timeline. */
  actor: { id: string | null; role: ActorRole; label: string }
  note: string | null
  /** Notices written together with the case (e.g. telling a resident a matter was registered for them). */
  notices?: (trackingNo: string, eventAt: string, firstEventId: string) => OutboxItem[]
  /** Further fields stored with the case (e.g. the reception visit it came from). */
  extra?: Record<string, unknown>
}

/**
 * Numbers and stores a new case. `created` is false when a case with this id already exists (a
 * retry of the very same request, or a concurrent copy that got there first); `doc` is then that case.
 */
export async function insertNewCase(deps: Deps, c: NewCase): Promise<{ doc: CaseDoc; created: boolean }> {
  const cases = deps.store.collection<CaseDoc>('cases')
  // A retry of a request that already stored its case takes no tracking number (no gap in the day's numbers).
  const stored = await cases.get(c.id)
  if (stored) return { doc: stored, created: false }
  const now = deps.clock.now()
  const trackingNo = formatTrackingNo(now, await nextSequence(deps.store, trackingCounterId(now)))
  const at = now.toISOString()
  const eventId = deps.newId()
  const outbox = c.notices ? c.notices(trackingNo, at, eventId) : []
  const doc: CaseDoc = {
    ...c.extra,
    _id: c.id,
    trackingNo,
    requestId: c.requestId,
    residentId: c.residentId,
    stationId: c.stationId,
    deputyId: c.deputyId,
    channel: c.channel,
    category: c.category,
    content: c.content,
    place: c.place,
    phoneSealed: c.phoneSealed,
    phoneMasked: c.phoneMasked,
    phoneVisibleToDeputy: Boolean(c.phoneSealed) && c.phoneVisibleToDeputy,
    contentCheck: c.contentCheck,
    status: 'submitted',
    route: null,
    transfer: null,
    decline: null,
    replies: [],
    rating: null,
    reopenCount: 0,
    events: [
      {
        id: eventId,
        type: 'submit',
        at,
        actorId: c.actor.id,
        actorRole: c.actor.role,
        actorLabel: c.actor.label,
        from: null,
        to: 'submitted',
        note: c.note,
      },
    ],
    outbox,
    outboxSize: outbox.length,
    terms: caseTerms(c.content, c.place, deps.config.triage?.termsPerCase),
    // Accept or first answer within 24 hours (domain/deadlines.ts).
    deadline: acceptDeadline(deadlineContext(deps, await limitsForStation(deps, c.stationId), { at: now, eventId })),
    createdAt: at,
    updatedAt: at,
  }
  if (await cases.insert(doc)) {
    await recordTermsQuietly(deps.store, doc.terms ?? [], deps.log)
    return { doc, created: true }
  }
  const winner = await cases.get(c.id)
  if (!winner) throw new Error('case insert reported a duplicate that cannot be read')
  return { doc: winner, created: false }
}
