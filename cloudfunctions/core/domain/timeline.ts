// The timeline a person reads is built from the case's events, never stored separately.
import { CASE_TRANSITIONS, type Role, type TimelineEntry } from '@minyi/types'
import type { CaseEvent } from './records'

const OTHER_EVENT_LABELS: Record<string, string> = {
  submit: '提交民意',
  phoneRevealed: '查看了群众联系电话',
  second: '群众附议',
  mergeIn: '并入重复民意',
  suggestionIncluded: '纳入代表建议',
  suggestionAnswer: '代表建议有了答复',
  photoHidden: '隐藏照片',
  supervise: '逾期督办',
}

/** Audit facts that staff need and residents do not. */
const INTERNAL_EVENTS = new Set(['phoneRevealed'])

export function eventLabel(type: string): string {
  if (type in CASE_TRANSITIONS) return CASE_TRANSITIONS[type as keyof typeof CASE_TRANSITIONS].label
  return OTHER_EVENT_LABELS[type] ?? type
}

export function buildTimeline(events: CaseEvent[], viewer: Role): TimelineEntry[] {
  return events
    .filter((event) => viewer !== 'resident' || !INTERNAL_EVENTS.has(event.type))
    .map((event) => ({
      id: event.id,
      type: event.type,
      label: eventLabel(event.type),
      actor: event.actorLabel,
      at: event.at,
      from: event.from,
      to: event.to,
      note: event.note,
    }))
}
