// The next reception day (民情接待日) of a station from its recurring rule.
import { shanghaiDate, shanghaiTime } from '@minyi/types'
import type { ReceptionRule } from './records'

const monthAllowed = (rule: ReceptionRule, month: number) =>
  rule.months === 'all' || (rule.months === 'even' ? month % 2 === 0 : month % 2 === 1)

/** The first occurrence that has not ended yet at `now`, looking up to 13 months ahead. */
export function nextReceptionDay(rule: ReceptionRule, now: Date): { date: string; start: string; end: string } | null {
  const today = shanghaiDate(now)
  const nowTime = shanghaiTime(now)
  let [year, month] = today.split('-').map(Number)
  for (let i = 0; i < 13; i += 1) {
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
    if (monthAllowed(rule, month) && rule.day <= lastDay) {
      const date = `${year}-${String(month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`
      if (date > today || (date === today && nowTime < rule.end)) return { date, start: rule.start, end: rule.end }
    }
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
  return null
}

