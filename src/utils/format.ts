import { formatMonthDay, shanghaiDate, shanghaiTime } from '@minyi/types/time'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** `11月22日 15:01` (with the year when it is not this year), Shanghai time. */
export function formatDateTime(at: string): string {
  const date = shanghaiDate(at)
  const thisYear = shanghaiDate(new Date()).slice(0, 4)
  const year = date.slice(0, 4)
  return `${year === thisYear ? '' : `${year}年`}${formatMonthDay(date)} ${shanghaiTime(at)}`
}

/** `11月22日`, or `2025年11月22日` when not this year, for an instant. */
export function formatDate(at: string): string {
  const date = shanghaiDate(at)
  const thisYear = shanghaiDate(new Date()).slice(0, 4)
  const year = date.slice(0, 4)
  return `${year === thisYear ? '' : `${year}年`}${formatMonthDay(date)}`
}

/** `12月20日（星期日）` for a calendar date `YYYY-MM-DD`. */
export function formatCalendarDay(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  const thisYear = shanghaiDate(new Date()).slice(0, 4)
  const year = date.slice(0, 4)
  return `${year === thisYear ? '' : `${year}年`}${formatMonthDay(date)}（星期${WEEKDAYS[weekday]}）`
}

/** `11月29日` for a calendar date, with the year when it is not this year. */
export function formatDueDate(date: string): string {
  const thisYear = shanghaiDate(new Date()).slice(0, 4)
  const year = date.slice(0, 4)
  return `${year === thisYear ? '' : `${year}年`}${formatMonthDay(date)}`
}

/** Length as the shared schema counts it (trimmed, UTF-16 units: one per Chinese character). */
export function charCount(text: string): number {
  return text.trim().length
}
