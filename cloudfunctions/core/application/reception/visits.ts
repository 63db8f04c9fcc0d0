// After a visit the deputy or staff member records what was raised. Each matter becomes a case
// with channel `reception`, created by the same rules as a resident's own submission
// (application/cases/createCase.ts): content check, tracking number, first event, `submitted`, so it
// enters the same triage as everything else.
//
// Whose case is it?
// - A resident who booked (or scanned in) with WeChat: the case is theirs. It appears in their 我的,
//   they get a message with the tracking number now and every later notice like any case.
// - A visitor registered by staff without WeChat: the case belongs to no WeChat user (its owner id is
//   `visitor-<booking id>`, which no account can ever have). Staff and the station's deputies follow
//   it in their inbox; the visitor is told the tracking number on the spot and, when they left a
//   phone number (sealed with the case, shown masked), is called back with the answer; staff
//   read the full number through `case.revealPhone`, which is recorded.
import { formatChineseDateTime, formatMonthDay, type ParsedInput, type VisitorView } from '@minyi/types'
import { actorLabel } from '../../domain/actorLabel'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { OutboxItem } from '../../domain/records'
import { fitTemplateData } from '../../domain/subscribeMessages'
import type { ReceptionCaseDoc } from '../../domain/reception/records'
import type { Deps } from '../deps'
import { checkCaseText, insertNewCase } from '../cases/createCase'
import { caseIdFor } from '../cases/submitCase'
import { flushOutbox } from '../notifications/outbox'
import { commandsFor, presentVisitor } from './present'
import { bookingsOf, loadWorkedOccurrence, occurrencesOf, settingsOf } from './shared'

export function visitorOwnerId(bookingId: string): string {
  return `visitor-${bookingId}`
}

function registeredNotice(residentId: string, caseId: string, trackingNo: string, content: string, at: string, eventId: string, date: string): OutboxItem {
  return {
    id: `${eventId}-r`,
    recipientId: residentId,
    title: '您在接待日反映的问题已登记',
    body: `您在${formatMonthDay(date)}民情接待日反映的问题已登记，编号 ${trackingNo}。我们会按程序办理并答复您，可在“我的”中查看进展。`,
    link: `/pages/case/index?id=${caseId}`,
    template: 'progress',
    data: fitTemplateData('progress', {
      trackingNo,
      subject: content,
      status: '已登记',
      time: formatChineseDateTime(at),
      remark: '接待日反映的问题已登记办理',
    }),
    createdAt: at,
  }
}

export async function recordVisit(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'reception.recordVisit'>,
  requestId: string,
): Promise<{ visitor: VisitorView; cases: Array<{ id: string; trackingNo: string }> }> {
  const occ = await loadWorkedOccurrence(deps, caller, input.occurrenceId)
  const now = deps.clock.now()
  if (!commandsFor(occ, caller, now, settingsOf(deps)).includes('recordVisit')) {
    throw new DomainError('INVALID_STATE', '接待日当天才能记录群众反映的事项')
  }
  const bookings = bookingsOf(deps)
  const booking = await bookings.get(input.bookingId)
  if (!booking || booking.occurrenceId !== occ._id) throw new DomainError('NOT_FOUND', '没有找到这位来访群众')
  const h = occ.holders[booking.holderKey]
  if (!h || h.b !== booking._id || h.state !== 'checked_in') {
    throw new DomainError('INVALID_STATE', '请先为这位群众签到，再记录反映的事项')
  }

  const ownerId = booking.residentId ?? visitorOwnerId(booking._id)
  const actor = { id: caller.userId, role: caller.role, label: actorLabel(caller) }
  const note = `${formatMonthDay(occ.date)}民情接待日现场登记（来访群众：${booking.name}）`
  // Check every matter first, so one refused text stores none of them.
  const checks: Array<'pass' | 'review'> = []
  for (const matter of input.matters) {
    checks.push(await checkCaseText(deps, [matter.content, matter.place].filter(Boolean).join('\n'), caller.openid))
  }
  const created: Array<{ id: string; trackingNo: string; fresh: boolean }> = []
  for (const [i, matter] of input.matters.entries()) {
    const id = caseIdFor(ownerId, `${requestId}-${i}`)
    const { doc, created: fresh } = await insertNewCase(deps, {
      id,
      requestId,
      residentId: ownerId,
      stationId: occ.stationId,
      deputyId: caller.role === 'deputy' ? caller.deputyId : null,
      channel: 'reception',
      category: matter.category,
      content: matter.content,
      place: matter.place ?? null,
      phoneSealed: booking.phoneSealed,
      phoneMasked: booking.phoneMasked,
      phoneVisibleToDeputy: false,
      contentCheck: checks[i],
      actor,
      note,
      notices: booking.residentId
        ? (trackingNo, at, eventId) => [registeredNotice(booking.residentId as string, id, trackingNo, matter.content, at, eventId, occ.date)]
        : undefined,
      extra: {
        reception: { occurrenceId: occ._id, bookingId: booking._id, date: occ.date, recordedBy: caller.userId },
      } satisfies Pick<ReceptionCaseDoc, 'reception'>,
    })
    created.push({ id: doc._id, trackingNo: doc.trackingNo, fresh })
  }

  const fresh = await bookings.get(booking._id)
  const newIds = created.map((c) => c.id).filter((id) => !fresh?.caseIds.includes(id))
  if (newIds.length) {
    await bookings.update({ _id: booking._id }, { push: { caseIds: newIds }, set: { updatedAt: now.toISOString() } })
    await occurrencesOf(deps).update({ _id: occ._id }, { inc: { matters: newIds.length } })
  }
  for (const c of created) {
    if (!c.fresh) continue
    try {
      await flushOutbox(deps, c.id)
    } catch (error) {
      deps.log('outbox flush failed; the scheduled job will deliver it', { caseId: c.id, error: String(error) })
    }
  }

  const occNow = (await occurrencesOf(deps).get(occ._id)) ?? occ
  const bookingNow = (await bookings.get(booking._id)) ?? booking
  const visitor = presentVisitor(bookingNow, occNow, created.map((c) => ({ _id: c.id, trackingNo: c.trackingNo })), caller, deps.clock.now(), deps)
  if (!visitor) throw new DomainError('NOT_FOUND', '没有找到这位来访群众')
  // The visitor's full list of cases, not only today's new ones.
  const all = await deps.store
    .collection<ReceptionCaseDoc>('cases')
    .find({ _id: { $in: bookingNow.caseIds } }, { limit: 100 })
  visitor.cases = bookingNow.caseIds.flatMap((id) => {
    const c = all.find((x) => x._id === id)
    return c ? [{ id: c._id, trackingNo: c.trackingNo }] : []
  })
  return { visitor, cases: created.map((c) => ({ id: c.id, trackingNo: c.trackingNo })) }
}
