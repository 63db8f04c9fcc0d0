// 民情接待日 (reception days): the recurring rule of a station, its labels, and the states of a
// booking. Plain constants and small pure functions (no zod), so pages can import them cheaply.

export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

export const RECEPTION_MONTHS = ['all', 'even', 'odd'] as const
export type ReceptionMonths = (typeof RECEPTION_MONTHS)[number]
export const RECEPTION_MONTH_LABELS: Record<ReceptionMonths, string> = { all: '每月', even: '每双月', odd: '每单月' }

/**
 * When a station receives residents:
 * - `monthly_day`: a day of the month (每月10日, 每双月20日); a day the month lacks becomes its last day;
 * - `weekly`: a weekday every week (每周三);
 * - `monthly_weekday`: the n-th (1–4, or -1 for the last) given weekday of the month (每月第一个周六).
 * `weekday` counts from Sunday = 0.
 */
export type ReceptionPattern =
  | { kind: 'monthly_day'; months: ReceptionMonths; day: number }
  | { kind: 'weekly'; weekday: number }
  | { kind: 'monthly_weekday'; months: ReceptionMonths; nth: 1 | 2 | 3 | 4 | -1; weekday: number }

export const RECEPTION_PATTERN_KINDS = ['monthly_day', 'weekly', 'monthly_weekday'] as const

/**
 * What happens when the rule names a day off (a public holiday, or a weekend unless the rule itself
 * names a weekend day): keep it anyway, move it to the next working day, or skip it.
 */
export const DAY_OFF_POLICIES = ['keep', 'next_working_day', 'skip'] as const
export type DayOffPolicy = (typeof DAY_OFF_POLICIES)[number]
export const DAY_OFF_POLICY_LABELS: Record<DayOffPolicy, string> = {
  keep: '遇节假日照常接待',
  next_working_day: '遇节假日顺延至下一个工作日',
  skip: '遇节假日暂停一次',
}

const NTH_LABELS: Record<string, string> = { '1': '第一个', '2': '第二个', '3': '第三个', '4': '第四个', '-1': '最后一个' }

/** `09:00` → `9:00`. */
export function shortTime(time: string): string {
  return time.replace(/^0(\d)/, '$1')
}

/** e.g. 每双月20日, 每周三, 每月第一个周六. */
export function describePattern(pattern: ReceptionPattern): string {
  switch (pattern.kind) {
    case 'monthly_day':
      return `${RECEPTION_MONTH_LABELS[pattern.months]}${pattern.day}日`
    case 'weekly':
      return `每${WEEKDAY_LABELS[pattern.weekday]}`
    case 'monthly_weekday':
      return `${RECEPTION_MONTH_LABELS[pattern.months]}${NTH_LABELS[String(pattern.nth)] ?? ''}${WEEKDAY_LABELS[pattern.weekday]}`
  }
}

/** e.g. 每双月20日 9:00–11:30. */
export function describeRule(rule: { pattern: ReceptionPattern; start: string; end: string }): string {
  return `${describePattern(rule.pattern)} ${shortTime(rule.start)}–${shortTime(rule.end)}`
}

export const OCCURRENCE_STATUSES = ['scheduled', 'cancelled', 'retired'] as const
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number]
export const OCCURRENCE_STATUS_LABELS: Record<OccurrenceStatus, string> = {
  scheduled: '已公告',
  cancelled: '已取消',
  retired: '已撤销',
}

/** A booking as its owner and the station see it. */
export const BOOKING_STATUSES = ['booked', 'waiting', 'checked_in', 'cancelled', 'no_show', 'expired'] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  waiting: '候补中',
  checked_in: '已签到',
  cancelled: '已取消',
  no_show: '未到场',
  expired: '候补未成功',
}

/** Whether a booking still holds (or waits for) a place. */
export const ACTIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['booked', 'waiting']
