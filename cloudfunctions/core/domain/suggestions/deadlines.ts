// Time limits of a suggestion (issue 3, item 2): assigned to units within 5 working days of its
// submission (China's holiday calendar), answered within 3 months of the assignment, answered again
// within 1 month when the deputy was not satisfied. A district may change the figures
// (AppConfig.suggestionLimits).
import { daysBetween, shanghaiDate } from '@minyi/types'
import { addWorkingDays, type CalendarOverrides } from '../workingDays'
import type { SuggestionDoc } from './records'

export interface SuggestionLimits {
  assignWorkingDays: number
  answerMonths: number
  rehandleMonths: number
}

export const DEFAULT_SUGGESTION_LIMITS: SuggestionLimits = { assignWorkingDays: 5, answerMonths: 3, rehandleMonths: 1 }

export function suggestionLimits(overrides?: Partial<SuggestionLimits>): SuggestionLimits {
  return { ...DEFAULT_SUGGESTION_LIMITS, ...overrides }
}

/** The same day `months` later; a day the month lacks becomes its last day (1月31日 + 1 → 2月28日). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`
}

export function assignDeadline(submittedAt: Date, limits: SuggestionLimits, overrides: CalendarOverrides = {}): string {
  return addWorkingDays(shanghaiDate(submittedAt), limits.assignWorkingDays, overrides)
}

export function answerDeadline(from: Date, months: number): string {
  return addMonths(shanghaiDate(from), months)
}

export interface CurrentDeadline {
  kind: 'assign' | 'answer'
  label: string
  dueDate: string
  overdueDays: number
}

/** The deadline the suggestion runs against now: assignment while submitted, answer while with the units. */
export function currentDeadline(s: Pick<SuggestionDoc, 'status' | 'deadlines'>, now: Date): CurrentDeadline | null {
  const today = shanghaiDate(now)
  const make = (kind: CurrentDeadline['kind'], label: string, dueDate: string | null) =>
    dueDate ? { kind, label, dueDate, overdueDays: Math.max(0, daysBetween(dueDate, today)) } : null
  switch (s.status) {
    case 'submitted':
      return make('assign', '交办期限', s.deadlines.assignBy)
    case 'assigned':
    case 'rehandling':
      return make('answer', '答复期限', s.deadlines.answerBy)
    default:
      return null
  }
}
