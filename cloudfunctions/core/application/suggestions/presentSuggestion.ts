// A suggestion as the api shows it: the pure part (views of the stored document and its cases).
import {
  CASE_STATUS_LABELS,
  RATING_LABELS,
  SUGGESTION_KIND_LABELS,
  SUGGESTION_STATUS_LABELS,
  SUGGESTION_TRANSITIONS,
  type SuggestionCommand,
  type SuggestionSummary,
  type SuggestionView,
} from '@minyi/types'
import type { Caller } from '../../domain/caller'
import type { CaseDoc, StationDoc } from '../../domain/records'
import { raisedBy } from '../../domain/seconds'
import { isAnswerDelivered, isIncluded } from '../../domain/suggestions/caseEffects'
import { currentDeadline } from '../../domain/suggestions/deadlines'
import { assertSuggestionIn, isAuthor, mayIssueSuggestion } from '../../domain/suggestions/lifecycle'
import type { SuggestionDoc, SuggestionEvent } from '../../domain/suggestions/records'

const EVENT_LABELS: Record<string, string> = {
  create: '新建草稿',
  update: '修改草稿',
  attachCase: '附上民意',
  detachCase: '移除民意',
}

const excerpt = (text: string, length = 40) => {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= length ? chars.join('') : `${chars.slice(0, length).join('')}…`
}

function eventLabel(type: SuggestionEvent['type']): string {
  return type in SUGGESTION_TRANSITIONS ? SUGGESTION_TRANSITIONS[type as SuggestionCommand].label : (EVENT_LABELS[type] ?? type)
}

/** Whether a case's resident has heard of everything the suggestion has done so far. */
export function caseInformed(s: SuggestionDoc, c: CaseDoc | undefined): boolean {
  if (!c) return false
  if (s.status === 'draft' || s.status === 'withdrawn') return true
  return isIncluded(c, s._id) && s.answers.every((a) => isAnswerDelivered(c, s._id, a.id))
}

export function presentSuggestionSummary(s: SuggestionDoc, now: Date): SuggestionSummary {
  return {
    id: s._id,
    no: s.no,
    kind: s.kind,
    kindLabel: SUGGESTION_KIND_LABELS[s.kind],
    title: s.title,
    status: s.status,
    statusLabel: SUGGESTION_STATUS_LABELS[s.status],
    deputy: { id: s.deputyId, name: s.deputyName },
    office: s.office ? { name: s.office.name } : null,
    caseCount: s.caseCount,
    deadline: currentDeadline(s, now),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    submittedAt: s.submittedAt,
  }
}

/** What the caller may do now (drives the buttons). */
export function suggestionCommands(caller: Caller, s: SuggestionDoc): string[] {
  const possible = (command: SuggestionCommand | 'edit') => {
    if (!mayIssueSuggestion(caller, s, command)) return false
    try {
      assertSuggestionIn(s, command)
      return true
    } catch {
      return false
    }
  }
  const commands: string[] = []
  if (possible('edit')) commands.push('update', 'attachCase', 'detachCase')
  for (const command of ['submit', 'withdraw', 'assign', 'recordAnswer'] as const) if (possible(command)) commands.push(command)
  if (possible('conclude')) commands.push('rate')
  return commands
}

export function presentSuggestion(
  s: SuggestionDoc,
  caller: Caller,
  related: { cases: Map<string, CaseDoc>; stations: Map<string, StationDoc>; now: Date },
): SuggestionView {
  const attached = Object.entries(s.cases).sort((a, b) => (a[1].attachedAt < b[1].attachedAt ? -1 : a[1].attachedAt > b[1].attachedAt ? 1 : 0))
  const cases = attached.flatMap(([id, ref]) => {
    const c = related.cases.get(id)
    if (!c) return []
    return [
      {
        id,
        trackingNo: c.trackingNo,
        category: c.category,
        excerpt: excerpt(c.content),
        status: c.status,
        statusLabel: CASE_STATUS_LABELS[c.status],
        stationName: related.stations.get(c.stationId)?.name ?? '',
        raisedBy: raisedBy(c),
        attachedAt: ref.attachedAt,
        informed: caseInformed(s, c),
      },
    ]
  })
  const informed = cases.filter((c) => c.informed).length
  return {
    ...presentSuggestionSummary(s, related.now),
    body: s.body,
    cases,
    assignment: s.assignment
      ? { units: s.assignment.units.map((u) => ({ id: u.unitId, name: u.unitName })), note: s.assignment.note, at: s.assignment.at }
      : null,
    answers: s.answers.map((a) => ({ id: a.id, text: a.text, unitName: a.unitName, at: a.at, round: a.round })),
    ratings: s.ratings.map((r) => ({
      value: r.value,
      label: RATING_LABELS[r.value],
      comment: r.comment,
      at: r.at,
      by: r.byLabel,
      round: r.round,
    })),
    rehandleCount: s.rehandleCount,
    deadlines: { assignBy: s.deadlines.assignBy, assignedAt: s.assignedAt, answerBy: s.deadlines.answerBy, answeredAt: s.answeredAt },
    fanOut: { informed, total: cases.length, pending: s.fanOutPending },
    timeline: s.events.map((e) => ({
      id: e.id,
      type: e.type,
      label: eventLabel(e.type),
      actor: e.actorLabel,
      actorRole: e.actorRole,
      at: e.at,
      from: e.from,
      to: e.to,
      note: e.note,
    })),
    commands: suggestionCommands(caller, s),
    isMine: isAuthor(caller, s),
  }
}
