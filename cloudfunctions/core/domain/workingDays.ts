// Working days follow China's official holiday and make-up-workday calendar (`chinese-days`),
// not just weekends. For a year the package does not know yet, `overrides` can state days
// explicitly (true = working day, false = day off) until the package catches up.
import { isWorkday } from 'chinese-days'
import { addDays } from '@minyi/types'

export type CalendarOverrides = Record<string, boolean>

export function isWorkingDay(date: string, overrides: CalendarOverrides = {}): boolean {
  if (date in overrides) return overrides[date]
  return isWorkday(date)
}

/**
 * The date `count` working days after `from` (a `YYYY-MM-DD` Shanghai date). The start day itself
 * is not counted, so a case transferred on a Friday with 1 working day is due the next Monday.
 */
export function addWorkingDays(from: string, count: number, overrides: CalendarOverrides = {}): string {
  let date = from
  let left = count
  while (left > 0) {
    date = addDays(date, 1)
    if (isWorkingDay(date, overrides)) left -= 1
  }
  return date
}

/** Working days from `from` (exclusive) up to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, overrides: CalendarOverrides = {}): number {
  if (to === from) return 0
  const step = to > from ? 1 : -1
  let count = 0
  for (let date = from; date !== to; ) {
    date = addDays(date, step)
    if (isWorkingDay(date, overrides)) count += step
  }
  return count
}
