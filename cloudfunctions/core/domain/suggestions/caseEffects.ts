// What a suggestion does to each case attached to it, planned as one conditional update of that
// case alone (with its event and the notices to its resident and seconders):
// - when submitted, the case is included: one still being handled moves to 「已列为议案建议素材」
//   (`includeInSuggestion`); any other just records the fact. Marker: `suggestions.<id>`.
// - when answered, the answer is delivered: a case waiting in `proposal` moves to 「已答复」
//   (`suggestionAnswered`) with the answer as its reply; any other gets the reply and a message
//   without a status change. Marker: `suggestions.<id>.answered.<answerId>`.
// Markers make every step idempotent, so the fan-out can be retried case by case after a crash.
import {
  CASE_TRANSITIONS,
  SUGGESTION_KIND_LABELS,
  canTransition,
} from '@minyi/types'
import type { Filter, Update } from '../../ports/store'
import { factEvent, planMove, type Actor, type CaseMove } from '../caseLifecycle'
import type { CaseDoc, CaseEvent, CaseSuggestionLink, OutboxItem, ReplyRecord } from '../records'
import { secondsGuard, withSeconders } from '../seconds'
import { residentOutboxItem } from '../notices'
import type { SuggestionAnswer, SuggestionDoc } from './records'

export interface CasePlan {
  filter: Filter
  update: Update
  event: CaseEvent
  notices: OutboxItem[]
}

const excerpt = (text: string, length: number) => {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= length ? chars.join('') : `${chars.slice(0, length).join('')}…`
}

export function isIncluded(c: CaseDoc, suggestionId: string): boolean {
  return Boolean(c.suggestions?.[suggestionId])
}

export function isAnswerDelivered(c: CaseDoc, suggestionId: string, answerId: string): boolean {
  return Boolean(c.suggestions?.[suggestionId]?.answered?.[answerId])
}


/** A fact on the case's timeline with its notices, without a status change. */
function planRecordWithNotice(c: CaseDoc, event: CaseEvent, made: OutboxItem, where: Filter, set: Record<string, unknown>, reply?: ReplyRecord): CasePlan {
  const notices = withSeconders(c, [made])
  const push: Record<string, unknown[]> = { events: [event], outbox: notices }
  if (reply) push.replies = [reply]
  return {
    filter: { ...where, _id: c._id, ...secondsGuard(c) },
    update: { set: { ...set, updatedAt: event.at }, push, inc: { outboxSize: notices.length } },
    event,
    notices,
  }
}

export function planInclusion(c: CaseDoc, s: SuggestionDoc, actor: Actor, at: Date, eventId: string): CasePlan {
  const kindLabel = SUGGESTION_KIND_LABELS[s.kind]
  const link: CaseSuggestionLink = { no: s.no ?? '', title: s.title, kind: s.kind, includedAt: at.toISOString(), answered: {} }
  const marker = `suggestions.${s._id}`
  const where: Filter = { [marker]: { $exists: false } }
  const note = `纳入${s.deputyName}代表的${kindLabel}《${s.title}》（${s.no}）`
  if (canTransition('includeInSuggestion', c.status)) {
    const move = planMove(c, {
      command: 'includeInSuggestion',
      actor,
      at,
      eventId,
      note,
      set: { route: 'proposal' },
      details: { suggestionTitle: s.title, deputyName: s.deputyName, kindLabel },
    })
    return withMarker(move, where, { [marker]: link })
  }
  const event = factEvent('suggestionIncluded', actor, at, eventId, note)
  const made = residentOutboxItem(c, event, 'progress', {
    title: '您反映的问题已纳入代表建议',
    body: `编号 ${c.trackingNo} 反映的问题已由${s.deputyName}代表纳入${kindLabel}《${s.title}》，已提交人大机关，办理结果会告知您。`,
    status: '纳入建议',
    remark: `已纳入代表${kindLabel}，结果会告知您`,
  })
  return planRecordWithNotice(c, event, made, where, { [marker]: link })
}

export function planAnswerDelivery(c: CaseDoc, s: SuggestionDoc, answer: SuggestionAnswer, actor: Actor, at: Date, eventId: string): CasePlan {
  const kindLabel = SUGGESTION_KIND_LABELS[s.kind]
  const marker = `suggestions.${s._id}.answered.${answer.id}`
  const where: Filter = { [`suggestions.${s._id}`]: { $exists: true }, [marker]: { $exists: false } }
  const when = at.toISOString()
  const from = answer.unitName ? `${answer.unitName}（承办${kindLabel}）` : `代表${kindLabel}办理答复`
  const reply: ReplyRecord = { id: `${answer.id}-${c._id}`, text: answer.text, fromLabel: from, at: when }
  const note = `${kindLabel}《${s.title}》（${s.no}）${answer.round > 1 ? '重新办理后' : ''}已答复`
  if (c.status === 'proposal' && canTransition('suggestionAnswered', c.status)) {
    const move = planMove(c, { command: 'suggestionAnswered', actor, at, eventId, note, reply, details: { answer: answer.text, kindLabel } })
    return withMarker(move, where, { [marker]: when })
  }
  const event = factEvent('suggestionAnswer', actor, at, eventId, note)
  const made = residentOutboxItem(c, event, 'reply', {
    title: '您反映的问题所在的代表建议有了答复',
    body: `编号 ${c.trackingNo} 所在的${kindLabel}《${s.title}》已有办理结果：${excerpt(answer.text, 60)} 请进入小程序查看。`,
    status: '已答复',
    remark: '请进入小程序查看办理结果',
    summary: answer.text,
  })
  return planRecordWithNotice(c, event, made, where, { [marker]: when }, reply)
}

/** The label of the transition a plan performs, for tests and logs. */
export function planLabel(plan: CasePlan): string {
  return plan.event.type in CASE_TRANSITIONS ? CASE_TRANSITIONS[plan.event.type as keyof typeof CASE_TRANSITIONS].label : plan.event.type
}

/** A move that also lands only where `where` holds and also sets the suggestion's marker. */
function withMarker(move: CaseMove, where: Filter, set: Record<string, unknown>): CasePlan {
  return {
    filter: { ...move.filter, ...where },
    update: { ...move.update, set: { ...move.update.set, ...set } },
    event: move.event,
    notices: move.notices,
  }
}
