// The clock a case runs against (issue 3, item 2), the pure part. Every move sets the clock of the
// status it moves into, in the same conditional update (domain/caseLifecycle.ts), so the scheduled
// job finds what is due with one query on `deadline.dueAt`, and the case page shows the resident
// "预计 11月29日 前答复" or "已超期 2 天".
//
// | the case is…                       | clock      | runs out                                               |
// | submitted (at its station)         | accept     | 24 hours after submission                              |
// | accepted by its station            | answer     | 7 working days after acceptance (answer or forward)    |
// | referred by a deputy               | unchanged  | (a deputy asking staff to act does not stop the clock) |
// | forwarded to an office             | accept     | 24 hours after it arrived                              |
// | transferred to a handling unit     | unit       | 7 working days (15 if complex), extendable once        |
// | reopened after 不满意 / escalated  | rehandle   | 1 month; forwarding on during re-handling keeps it     |
// | replied                            | rate       | 7 days, then it closes itself (actor 系统)             |
// | closed, declined, proposal, merged | none       |                                                        |
//
// Working days follow China's holiday calendar (domain/workingDays.ts); dates are Shanghai dates.
import {
  DEADLINE_KIND_LABELS,
  OPEN_STATUSES,
  addDays,
  daysBetween,
  formatMonthDay,
  shanghaiDate,
  shanghaiTime,
  startOfShanghaiDay,
  type CaseCommand,
  type CaseDeadlineView,
  type CaseStatus,
  type DeadlineKind,
} from '@minyi/types'
import type { CaseDeadline, CaseDoc } from './records'
import { addMonths } from './suggestions/deadlines'
import type { TimeLimits } from './timeLimits'
import { addWorkingDays, type CalendarOverrides } from './workingDays'

export interface DeadlineContext {
  /** When the clock starts (the move's time). */
  at: Date
  /** The event that starts it. */
  eventId: string
  limits: TimeLimits
  calendar: CalendarOverrides
}

/** Kinds counted by the hour (shown with the time of day); the others run to the end of a day. */
const HOURLY: ReadonlySet<DeadlineKind> = new Set(['accept', 'rate'])

/** The instant a Shanghai calendar day ends. */
export function endOfShanghaiDay(date: string): string {
  return startOfShanghaiDay(addDays(date, 1)).toISOString()
}

function afterHours(kind: DeadlineKind, ctx: DeadlineContext, hours: number): CaseDeadline {
  const dueAt = new Date(ctx.at.getTime() + hours * 3_600_000)
  return { id: ctx.eventId, kind, startedAt: ctx.at.toISOString(), dueAt: dueAt.toISOString(), dueDate: shanghaiDate(dueAt) }
}

function onDay(kind: DeadlineKind, ctx: DeadlineContext, dueDate: string, extra: Partial<CaseDeadline> = {}): CaseDeadline {
  return { id: ctx.eventId, kind, startedAt: ctx.at.toISOString(), dueAt: endOfShanghaiDay(dueDate), dueDate, ...extra }
}

/** Working days a unit has for an item. */
export function unitLimit(limits: TimeLimits, complex: boolean): number {
  return complex ? limits.complexWorkingDays : limits.unitWorkingDays
}

/** The day a unit assigned at `at` answers by, counted in working days (the day itself not counted). */
export function unitDueDate(at: Date, limits: TimeLimits, calendar: CalendarOverrides, complex: boolean): string {
  return addWorkingDays(shanghaiDate(at), unitLimit(limits, complex), calendar)
}

/** The day re-handling that starts at `at` answers by. */
export function rehandleDueDate(at: Date, limits: TimeLimits): string {
  return addMonths(shanghaiDate(at), limits.rehandleMonths)
}

export function acceptDeadline(ctx: DeadlineContext): CaseDeadline {
  return afterHours('accept', ctx, ctx.limits.acceptHours)
}

/**
 * The clock after a move by `command` into `to`. `transfer` is the unit assignment the move makes
 * (for `transfer`). Returns null when no clock runs in the new status.
 */
export function deadlineAfter(
  c: Pick<CaseDoc, 'deadline'>,
  command: CaseCommand,
  to: CaseStatus,
  ctx: DeadlineContext,
  transfer?: { dueDate: string; complex?: boolean } | null,
): CaseDeadline | null {
  const today = shanghaiDate(ctx.at)
  switch (to) {
    case 'submitted':
      return acceptDeadline(ctx)
    case 'accepted':
      return onDay('answer', ctx, addWorkingDays(today, ctx.limits.unitWorkingDays, ctx.calendar))
    case 'referred':
      return c.deadline ?? null
    case 'forwarded':
      if (command === 'escalate') return onDay('rehandle', ctx, rehandleDueDate(ctx.at, ctx.limits))
      // Forwarded on during re-handling: the month promised to the resident still runs.
      if (c.deadline?.kind === 'rehandle') return c.deadline
      return acceptDeadline(ctx)
    case 'transferred':
      if (!transfer) return c.deadline ?? null
      return onDay('unit', ctx, transfer.dueDate, { complex: Boolean(transfer.complex) })
    case 'reopened':
      return onDay('rehandle', ctx, rehandleDueDate(ctx.at, ctx.limits))
    case 'replied':
      return afterHours('rate', ctx, ctx.limits.autoCloseDays * 24)
    default:
      return null
  }
}

/** The unit's clock extended once: its own limit again, counted from the current due date. */
export function extendedDeadline(d: CaseDeadline, ctx: DeadlineContext, reason: string, byLabel: string): CaseDeadline {
  const complex = Boolean(d.complex)
  const dueDate = addWorkingDays(d.dueDate, unitLimit(ctx.limits, complex), ctx.calendar)
  return onDay('unit', ctx, dueDate, {
    complex,
    extension: { at: ctx.at.toISOString(), reason, fromDate: d.dueDate, byLabel },
  })
}

/** Whether a stored clock belongs to the status the case is in (a clock from an older path does not). */
export function deadlineApplies(d: CaseDeadline | undefined, status: CaseStatus): d is CaseDeadline {
  if (!d) return false
  if (d.kind === 'rate') return status === 'replied'
  return OPEN_STATUSES.includes(status)
}

/** Statuses in which some clock runs. */
export function runsClock(status: CaseStatus): boolean {
  return status === 'replied' || OPEN_STATUSES.includes(status)
}

export function isPastDue(d: CaseDeadline, now: Date): boolean {
  return now.getTime() >= Date.parse(d.dueAt)
}

/** Calendar days past the due date, at least 1 once overdue. */
export function overdueDays(d: CaseDeadline, now: Date): number {
  return isPastDue(d, now) ? Math.max(1, daysBetween(d.dueDate, shanghaiDate(now))) : 0
}

/** How the due moment reads: the day, and the time of day for limits counted in hours. */
export function dueText(d: Pick<CaseDeadline, 'kind' | 'dueAt' | 'dueDate'>): string {
  const day = formatMonthDay(d.dueDate)
  return HOURLY.has(d.kind) ? `${day} ${shanghaiTime(d.dueAt)}` : day
}

export function presentDeadline(c: Pick<CaseDoc, 'deadline' | 'status'>, now: Date): CaseDeadlineView | null {
  const d = c.deadline
  if (!deadlineApplies(d, c.status)) return null
  // Not rating in time is no breach: the case simply closes itself.
  const overdue = d.kind !== 'rate' && isPastDue(d, now)
  const days = overdue ? overdueDays(d, now) : 0
  const text =
    d.kind === 'rate'
      ? `请于 ${dueText(d)} 前评价，逾期将自动办结`
      : overdue
        ? `已超期 ${days} 天`
        : `预计 ${dueText(d)} 前${d.kind === 'accept' ? '受理' : '答复'}`
  return {
    kind: d.kind,
    label: DEADLINE_KIND_LABELS[d.kind],
    dueAt: d.dueAt,
    dueDate: d.dueDate,
    overdue,
    overdueDays: days,
    complex: Boolean(d.complex),
    extension: d.extension ? { reason: d.extension.reason, fromDate: d.extension.fromDate, at: d.extension.at } : null,
    text,
  }
}
