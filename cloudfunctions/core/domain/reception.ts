// The legacy one-line description of a station's reception day (`StationDoc.reception`), still used
// for a station that has no rule documents in `reception_rules`. Reception days proper — rules,
// holiday policies, occurrences, slots — live in domain/reception/.
import { shanghaiDate, shanghaiTime } from '@minyi/types'
import type { ReceptionRule } from './records'
import { addMonths, expandRule } from './reception/schedule'

/** The first occurrence that has not ended yet at `now`, looking up to 13 months ahead. */
export function nextReceptionDay(rule: ReceptionRule, now: Date): { date: string; start: string; end: string } | null {
  const today = shanghaiDate(now)
  const nowTime = shanghaiTime(now)
  const { dates } = expandRule({ pattern: { kind: 'monthly_day', months: rule.months, day: rule.day }, onDayOff: 'keep' }, today, addMonths(today, 13))
  const next = dates.find(({ date }) => date > today || nowTime < rule.end)
  return next ? { date: next.date, start: rule.start, end: rule.end } : null
}
