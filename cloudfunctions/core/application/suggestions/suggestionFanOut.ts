// Bringing everyone up to date with a suggestion: each attached case (its resident and seconders)
// and the deputy who drafted it.
//
// The change itself (submit, assign, answer) is one conditional update of the suggestion that also
// sets `fanOutPending` and bumps `fanOutSeq`. The fan-out then converges each attached case to the
// suggestion's state, one conditional update per case, each guarded by a marker on that case
// (`suggestions.<id>` for the inclusion, `suggestions.<id>.answered.<answerId>` per answer), so an
// interrupted fan-out can simply be run again: cases already done are skipped, nothing is said twice.
// The deputy's messages have ids derived from the suggestion's events, so inserting them again is a
// no-op. Only when every case is done is the flag cleared, and only if `fanOutSeq` did not move
// meanwhile; otherwise the next run (right after the next change, or the scheduled job) goes on.
import { formatChineseDateTime, SUGGESTION_KIND_LABELS } from '@minyi/types'
import type { Actor } from '../../domain/caseLifecycle'
import type { CaseDoc, NotificationDoc } from '../../domain/records'
import { fitTemplateData } from '../../domain/subscribeMessages'
import { isAnswerDelivered, isIncluded, planAnswerDelivery, planInclusion } from '../../domain/suggestions/caseEffects'
import type { SuggestionDoc, SuggestionEvent } from '../../domain/suggestions/records'
import type { Deps } from '../deps'
import { finishMergedCases } from '../cases/mergeCases'
import { deliverPush, flushOutbox } from '../notifications/outbox'
import { suggestionsOf } from './suggestionQueries'

/** How the actor of a suggestion step appears on a resident's case timeline (role terms; deputies by name). */
function publicActor(s: SuggestionDoc, event: SuggestionEvent | undefined): Actor {
  const role = event?.actorRole ?? 'system'
  const label =
    role === 'deputy' ? `人大代表 ${s.deputyName}` : role === 'admin' ? '人大机关工作人员' : role === 'staff' ? '联络站工作人员' : '系统'
  return { id: event?.actorId ?? null, role, label }
}

const lastEvent = (s: SuggestionDoc, type: SuggestionEvent['type']) => [...s.events].reverse().find((e) => e.type === type)

async function quietly(deps: Deps, what: string, run: () => Promise<unknown>) {
  try {
    await run()
  } catch (error) {
    deps.log(`${what} failed; the scheduled job will finish it`, String(error))
  }
}

/** Converges one attached case: included, then every answer delivered. One write per step. */
async function bringCaseUpToDate(deps: Deps, s: SuggestionDoc, caseId: string): Promise<void> {
  const cases = deps.store.collection<CaseDoc>('cases')
  for (let writes = 0; writes < 12; writes += 1) {
    const c = await cases.get(caseId)
    if (!c) return
    let plan
    if (!isIncluded(c, s._id)) {
      plan = planInclusion(c, s, publicActor(s, lastEvent(s, 'submit')), deps.clock.now(), deps.newId())
    } else {
      const answer = s.answers.find((a) => !isAnswerDelivered(c, s._id, a.id))
      if (!answer) return
      const event = s.events.find((e) => e.id === answer.eventId)
      plan = planAnswerDelivery(c, s, answer, publicActor(s, event), deps.clock.now(), deps.newId())
    }
    if ((await cases.update(plan.filter, plan.update)) === 1) {
      await quietly(deps, 'outbox flush', () => flushOutbox(deps, caseId))
      // A case that got its reply passes it on to the cases merged into it.
      if (plan.event.to === 'replied') await quietly(deps, 'merged cases', () => finishMergedCases(deps, caseId))
    }
    // Written or not (someone else did it, or the case changed meanwhile), look again.
  }
  throw new Error(`case ${caseId} kept changing while the suggestion ${s._id} was fanned out`)
}

/** The deputy hears when the office assigns and when an answer is recorded (unless they did it themselves). */
async function tellDeputy(deps: Deps, s: SuggestionDoc): Promise<void> {
  const notifications = deps.store.collection<NotificationDoc>('notifications')
  const kindLabel = SUGGESTION_KIND_LABELS[s.kind]
  for (const event of s.events) {
    if (event.type !== 'assign' && event.type !== 'recordAnswer') continue
    if (event.actorId === s.authorId) continue
    const answered = event.type === 'recordAnswer'
    const title = answered ? `您的${kindLabel}有了答复` : `您的${kindLabel}已交办`
    const body = answered
      ? `${kindLabel}《${s.title}》（${s.no}）承办单位已答复，请查看并评价满意度。`
      : `${kindLabel}《${s.title}》（${s.no}）已交${s.assignment?.units.map((u) => u.unitName).join('、') ?? '承办单位'}办理。`
    const notice: NotificationDoc = {
      _id: `${event.id}-d`,
      recipientId: s.authorId,
      caseId: null,
      title,
      body,
      link: `/packageWork/pages/suggestion/index?id=${s._id}`,
      createdAt: event.at,
      read: false,
      push: {
        status: 'pending',
        template: 'progress',
        data: fitTemplateData('progress', {
          trackingNo: s.no ?? '',
          subject: s.title,
          status: answered ? '已答复' : '已交办',
          time: formatChineseDateTime(event.at),
          remark: answered ? '请查看答复并评价满意度' : '已交承办单位办理',
        }),
        attempts: 0,
        lastError: null,
        nextAttemptAt: event.at,
      },
    }
    if (await notifications.insert(notice)) await quietly(deps, 'push', () => deliverPush(deps, notice._id))
  }
}

/**
 * Runs the fan-out of one suggestion if it is pending. Returns true when it is complete (flag
 * cleared or nothing to do), false when something is left for the next run.
 */
export async function runSuggestionFanOut(deps: Deps, suggestionId: string): Promise<boolean> {
  const s = await suggestionsOf(deps).get(suggestionId)
  if (!s || !s.fanOutPending) return true
  let complete = true
  try {
    await tellDeputy(deps, s)
  } catch (error) {
    complete = false
    deps.log('deputy notice failed; the scheduled job will retry', { suggestionId, error: String(error) })
  }
  if (s.status !== 'draft' && s.status !== 'withdrawn') {
    for (const caseId of Object.keys(s.cases)) {
      try {
        await bringCaseUpToDate(deps, s, caseId)
      } catch (error) {
        complete = false
        deps.log('a case did not hear of its suggestion yet; the scheduled job will retry', { suggestionId, caseId, error: String(error) })
      }
    }
  }
  if (!complete) return false
  return (await suggestionsOf(deps).update({ _id: s._id, fanOutSeq: s.fanOutSeq, fanOutPending: true }, { set: { fanOutPending: false } })) === 1
}

/** For the scheduled job: every suggestion whose fan-out is pending. */
export async function runPendingSuggestionFanOuts(deps: Deps, limit = 50): Promise<number> {
  const pending = await suggestionsOf(deps).find({ fanOutPending: true }, { sort: [['updatedAt', 1]], limit })
  let done = 0
  for (const s of pending) if (await runSuggestionFanOut(deps, s._id)) done += 1
  return done
}
