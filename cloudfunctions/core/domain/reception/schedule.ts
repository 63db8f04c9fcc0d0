// Expanding a recurring reception rule into dates, with China's holiday calendar: public holidays
// and make-up working days come from `chinese-days`; `overrides` (AppConfig.calendarOverrides)
// decide for years the package does not know yet (true = working day, false = day off/holiday).
import { getDayDetail } from 'chinese-days'
import {
  WEEKDAY_LABELS,
  addDays,
  formatMonthDay,
  startOfShanghaiDay,
  type DayOffPolicy,
  type ReceptionPattern,
} from '@minyi/types'
import type { CalendarOverrides } from '../workingDays'

export type DayKind = 'workday' | 'makeup_workday' | 'weekend' | 'holiday'

/** Day of the week of a `YYYY-MM-DD` date, Sunday = 0. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

export function weekdayLabel(date: string): string {
  return WEEKDAY_LABELS[weekdayOf(date)]
}

const isWeekend = (date: string) => [0, 6].includes(weekdayOf(date))

export function dayKind(date: string, overrides: CalendarOverrides = {}): DayKind {
  if (date in overrides) {
    if (overrides[date]) return isWeekend(date) ? 'makeup_workday' : 'workday'
    return 'holiday'
  }
  const detail = getDayDetail(date)
  if (detail.work) return isWeekend(date) ? 'makeup_workday' : 'workday'
  // chinese-days names statutory days "National Day,国庆节,3"; an ordinary weekend just "Sunday".
  return detail.name.includes(',') ? 'holiday' : 'weekend'
}

/** The Chinese name of the holiday a date belongs to (国庆节…), or a generic word. */
export function dayOffName(date: string, overrides: CalendarOverrides = {}): string {
  const kind = dayKind(date, overrides)
  if (kind === 'weekend') return weekdayLabel(date)
  if (date in overrides) return '法定节假日'
  return getDayDetail(date).name.split(',')[1] ?? '法定节假日'
}

/** Whether a rule naming `date` meets a day off: a holiday, or a weekend the rule does not itself name. */
export function isDayOffFor(pattern: ReceptionPattern, date: string, overrides: CalendarOverrides = {}): boolean {
  const kind = dayKind(date, overrides)
  if (kind === 'holiday') return true
  if (kind !== 'weekend') return false
  const namesWeekend = pattern.kind !== 'monthly_day' && [0, 6].includes(pattern.weekday)
  return !namesWeekend
}

export function isWorkingDate(date: string, overrides: CalendarOverrides = {}): boolean {
  const kind = dayKind(date, overrides)
  return kind === 'workday' || kind === 'makeup_workday'
}

export function nextWorkingDate(after: string, overrides: CalendarOverrides = {}): string {
  let date = addDays(after, 1)
  for (let i = 0; i < 60 && !isWorkingDate(date, overrides); i += 1) date = addDays(date, 1)
  return date
}

const pad = (n: number) => String(n).padStart(2, '0')
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

function monthAllowed(months: 'all' | 'even' | 'odd', month: number): boolean {
  return months === 'all' || (months === 'even' ? month % 2 === 0 : month % 2 === 1)
}

/** Every date in [from, to] the pattern names, before any day-off policy. */
export function patternDates(pattern: ReceptionPattern, from: string, to: string): string[] {
  const dates: string[] = []
  if (pattern.kind === 'weekly') {
    let date = from
    while (weekdayOf(date) !== pattern.weekday) date = addDays(date, 1)
    for (; date <= to; date = addDays(date, 7)) dates.push(date)
    return dates
  }
  let [year, month] = from.split('-').map(Number)
  for (let i = 0; i < 240; i += 1) {
    const first = `${year}-${pad(month)}-01`
    if (first > to) break
    if (monthAllowed(pattern.months, month)) {
      const last = lastDayOfMonth(year, month)
      let day: number
      if (pattern.kind === 'monthly_day') {
        day = Math.min(pattern.day, last)
      } else if (pattern.nth === -1) {
        day = last - ((weekdayOf(`${year}-${pad(month)}-${pad(last)}`) - pattern.weekday + 7) % 7)
      } else {
        day = 1 + ((pattern.weekday - weekdayOf(first) + 7) % 7) + (pattern.nth - 1) * 7
      }
      const date = `${year}-${pad(month)}-${pad(day)}`
      if (day <= last && date >= from && date <= to) dates.push(date)
    }
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
  return dates
}

export interface ExpandedDate {
  /** The date the rule names. */
  ruleDate: string
  /** The date it takes place. */
  date: string
  /** Why they differ, for the notice board; null when they do not. */
  note: string | null
}

export interface SkippedDate {
  ruleDate: string
  reason: 'day_off' | 'merged'
  note: string
}

export interface Expansion {
  dates: ExpandedDate[]
  skipped: SkippedDate[]
}

/** How far back a rule date may lie and still be moved into the window (the longest holiday run). */
const LOOKBACK_DAYS = 14

/**
 * The reception days of a rule taking place in [from, to]. With `next_working_day` a day off moves
 * to the next working day (a make-up Saturday counts as one); when that lands on a day the rule
 * names anyway, the two merge into one.
 */
export function expandRule(
  rule: { pattern: ReceptionPattern; onDayOff: DayOffPolicy },
  from: string,
  to: string,
  overrides: CalendarOverrides = {},
): Expansion {
  const candidates = patternDates(rule.pattern, addDays(from, -LOOKBACK_DAYS), to)
  const named = new Set(candidates)
  const dates: ExpandedDate[] = []
  const skipped: SkippedDate[] = []
  const taken = new Set<string>()
  for (const ruleDate of candidates) {
    let date = ruleDate
    let note: string | null = null
    if (rule.onDayOff !== 'keep' && isDayOffFor(rule.pattern, ruleDate, overrides)) {
      const why = `${formatMonthDay(ruleDate)}为${dayOffName(ruleDate, overrides)}`
      if (rule.onDayOff === 'skip') {
        if (ruleDate >= from) skipped.push({ ruleDate, reason: 'day_off', note: `${why}，本次暂停` })
        continue
      }
      date = nextWorkingDate(ruleDate, overrides)
      note = `${why}，顺延至${formatMonthDay(date)}（${weekdayLabel(date)}）`
      if (named.has(date)) {
        if (date >= from && date <= to) skipped.push({ ruleDate, reason: 'merged', note: `${why}，与${formatMonthDay(date)}的接待日合并` })
        continue
      }
    }
    if (date < from || date > to) continue
    if (taken.has(date)) {
      skipped.push({ ruleDate, reason: 'merged', note: `${note ?? formatMonthDay(ruleDate)}，与同日的接待日合并` })
      continue
    }
    taken.add(date)
    dates.push({ ruleDate, date, note })
  }
  return { dates, skipped }
}

/** `YYYY-MM-DD` plus whole months, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return `${year}-${pad(month)}-${pad(Math.min(d, lastDayOfMonth(year, month)))}`
}

/** The instant of a Shanghai wall-clock time on a date. */
export function shanghaiInstant(date: string, time: string): Date {
  const [h, m] = time.split(':').map(Number)
  return new Date(startOfShanghaiDay(date).getTime() + (h * 60 + m) * 60_000)
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return h * 60 + m
}

export function timeOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/** Slots of `minutes` each from start to end (a remainder shorter than a slot is not offered). */
export function slotTimes(start: string, end: string, minutes: number): Array<{ key: string; start: string; end: string }> {
  const slots: Array<{ key: string; start: string; end: string }> = []
  for (let t = minutesOf(start), i = 0; t + minutes <= minutesOf(end); t += minutes, i += 1) {
    slots.push({ key: `s${i}`, start: timeOf(t), end: timeOf(t + minutes) })
  }
  return slots
}

/** Deterministic id of the occurrence a rule produces for the date it names. */
export function occurrenceIdFor(ruleId: string, ruleDate: string): string {
  return `ro-${ruleId}-${ruleDate.replace(/-/g, '')}`
}
