// Reception rules expanded over China's official calendar, with real 2025–2026 dates (public
// holidays and make-up working days from `chinese-days`). The package has no 2027 holidays yet, so
// the 2027 rows state them through `calendarOverrides`, as a district would until the package
// catches up (the 2027 holiday dates there are assumed for the test, not official).
import { describePattern, describeRule, type DayOffPolicy, type ReceptionPattern } from '@minyi/types'
import {
  addMonths,
  dayKind,
  expandRule,
  isDayOffFor,
  occurrenceIdFor,
  patternDates,
  slotTimes,
} from '../../cloudfunctions/core/domain/reception/schedule'
import type { CalendarOverrides } from '../../cloudfunctions/core/domain/workingDays'

const EVEN_20: ReceptionPattern = { kind: 'monthly_day', months: 'even', day: 20 }
const MONTHLY_10: ReceptionPattern = { kind: 'monthly_day', months: 'all', day: 10 }
const MONTHLY_1: ReceptionPattern = { kind: 'monthly_day', months: 'all', day: 1 }
const WEDNESDAY: ReceptionPattern = { kind: 'weekly', weekday: 3 }
const SUNDAY: ReceptionPattern = { kind: 'weekly', weekday: 0 }
const FIRST_SATURDAY: ReceptionPattern = { kind: 'monthly_weekday', months: 'all', nth: 1, weekday: 6 }

/** label, pattern, policy, the date the rule names, where it lands, why. */
type Row = [string, ReceptionPattern, DayOffPolicy, string, string, string]

/** Where the rule date lands: a date, or null when it is skipped. */
function landing(pattern: ReceptionPattern, onDayOff: DayOffPolicy, ruleDate: string, overrides: CalendarOverrides = {}) {
  const { dates, skipped } = expandRule({ pattern, onDayOff }, ruleDate, addMonths(ruleDate, 1), overrides)
  const found = dates.find((d) => d.ruleDate === ruleDate)
  if (found) return found.date
  const skip = skipped.find((s) => s.ruleDate === ruleDate)
  if (skip) return `skipped:${skip.reason}`
  throw new Error(`${ruleDate} is not a date of the rule`)
}

describe('the day each rule date lands on', () => {
  it.each([
    // 每双月20日, days off move to the next working day
    ['每双月20日', EVEN_20, 'next_working_day', '2025-04-20', '2025-04-21', 'a Sunday moves to Monday'],
    ['每双月20日', EVEN_20, 'next_working_day', '2025-12-20', '2025-12-22', 'a Saturday moves to Monday'],
    ['每双月20日', EVEN_20, 'next_working_day', '2026-02-20', '2026-02-24', 'Spring Festival (Feb 15–23) moves past the whole holiday'],
    ['每双月20日', EVEN_20, 'next_working_day', '2026-06-20', '2026-06-22', 'Dragon Boat Festival Saturday'],
    ['每双月20日', EVEN_20, 'next_working_day', '2026-10-20', '2026-10-20', 'an ordinary Tuesday stays'],
    ['每双月20日', EVEN_20, 'next_working_day', '2026-12-20', '2026-12-21', 'a Sunday moves to Monday'],
    // 每月10日: a make-up Saturday is a working day
    ['每月10日', MONTHLY_10, 'next_working_day', '2026-10-10', '2026-10-10', 'the National Day make-up Saturday is a working day'],
    ['每月10日', MONTHLY_10, 'next_working_day', '2026-01-10', '2026-01-12', 'an ordinary Saturday moves to Monday'],
    ['每月10日', MONTHLY_10, 'skip', '2026-01-10', 'skipped:day_off', 'an ordinary Saturday is skipped'],
    ['每月10日', MONTHLY_10, 'skip', '2026-10-10', '2026-10-10', 'the make-up Saturday is not skipped'],
    // 每月1日 with each policy on holidays
    ['每月1日', MONTHLY_1, 'skip', '2026-10-01', 'skipped:day_off', 'National Day'],
    ['每月1日', MONTHLY_1, 'skip', '2026-05-01', 'skipped:day_off', 'Labour Day'],
    ['每月1日', MONTHLY_1, 'skip', '2026-01-01', 'skipped:day_off', "New Year's Day"],
    ['每月1日', MONTHLY_1, 'skip', '2026-04-01', '2026-04-01', 'an ordinary Wednesday'],
    ['每月1日', MONTHLY_1, 'keep', '2026-10-01', '2026-10-01', 'keep means keep, even on National Day'],
    ['每月1日', MONTHLY_1, 'next_working_day', '2026-10-01', '2026-10-08', 'National Day (Oct 1–7) moves to Oct 8'],
    ['每月1日', MONTHLY_1, 'next_working_day', '2025-10-01', '2025-10-09', 'National Day 2025 (Oct 1–8) moves to Oct 9'],
    // 每周三 afternoons
    ['每周三', WEDNESDAY, 'skip', '2026-10-07', 'skipped:day_off', 'National Day Wednesday'],
    ['每周三', WEDNESDAY, 'skip', '2026-02-18', 'skipped:day_off', 'Spring Festival Wednesday'],
    ['每周三', WEDNESDAY, 'skip', '2026-09-30', '2026-09-30', 'the Wednesday before the holiday'],
    ['每周三', WEDNESDAY, 'next_working_day', '2026-02-18', '2026-02-24', 'Spring Festival Wednesday moves to Tuesday Feb 24'],
    ['每周三', WEDNESDAY, 'next_working_day', '2025-10-01', '2025-10-09', 'Oct 1, 2025 moves to Thursday Oct 9'],
    ['每周三', WEDNESDAY, 'next_working_day', '2025-10-08', 'skipped:merged', 'Oct 8, 2025 would land on Oct 9 too: merged into one day'],
    // 每月第一个周六上午: ordinary Saturdays are the point; holidays are not
    ['每月第一个周六', FIRST_SATURDAY, 'next_working_day', '2026-11-07', '2026-11-07', 'an ordinary Saturday stays'],
    ['每月第一个周六', FIRST_SATURDAY, 'next_working_day', '2025-10-04', '2025-10-09', 'National Day Saturday moves to the next working day'],
    ['每月第一个周六', FIRST_SATURDAY, 'next_working_day', '2026-10-03', '2026-10-08', 'National Day Saturday 2026'],
    ['每月第一个周六', FIRST_SATURDAY, 'next_working_day', '2026-01-03', '2026-01-04', "New Year's Saturday moves to the make-up Sunday"],
    ['每月第一个周六', FIRST_SATURDAY, 'skip', '2026-04-04', 'skipped:day_off', 'Qingming Saturday is skipped'],
    // 每周日: a make-up Sunday is a working day, a holiday Sunday is not
    ['每周日', SUNDAY, 'skip', '2026-09-20', '2026-09-20', 'make-up Sunday before National Day'],
    ['每周日', SUNDAY, 'skip', '2026-10-04', 'skipped:day_off', 'National Day Sunday'],
    ['每周日', SUNDAY, 'skip', '2026-11-22', '2026-11-22', 'an ordinary Sunday: the rule names Sundays'],
  ] as Row[])('%s %s %s: %s → %s (%s)', (_label, pattern, policy, ruleDate, expected) => {
    expect(landing(pattern, policy, ruleDate)).toBe(expected)
  })
})

describe('2027: the package does not know the holidays yet, calendarOverrides state them', () => {
  // Assumed for the test (not the official 2027 schedule): New Year's Day off, a Spring Festival
  // week Feb 5–11 off with Saturday Feb 13 as a make-up working day.
  const overrides: CalendarOverrides = {
    '2027-01-01': false,
    ...Object.fromEntries(['05', '06', '07', '08', '09', '10', '11'].map((d) => [`2027-02-${d}`, false])),
    '2027-02-13': true,
  }

  it.each([
    ['每月1日', MONTHLY_1, 'next_working_day', '2027-01-01', '2027-01-04', "New Year's Day (Friday) moves to Monday"],
    ['每月1日', MONTHLY_1, 'skip', '2027-01-01', 'skipped:day_off', "New Year's Day skipped"],
    ['每周三', WEDNESDAY, 'skip', '2027-02-10', 'skipped:day_off', 'Spring Festival Wednesday skipped'],
    ['每周三', WEDNESDAY, 'next_working_day', '2027-02-10', '2027-02-12', 'Spring Festival Wednesday moves to Friday Feb 12'],
    ['每双月20日', EVEN_20, 'next_working_day', '2027-02-20', '2027-02-22', 'a Saturday in 2027 moves to Monday'],
    ['每月13日', { kind: 'monthly_day', months: 'all', day: 13 } as ReceptionPattern, 'next_working_day', '2027-02-13', '2027-02-13', 'the make-up Saturday override is a working day'],
  ] as Row[])('%s %s %s: %s → %s (%s)', (_label, pattern, policy, ruleDate, expected) => {
    expect(landing(pattern, policy, ruleDate, overrides)).toBe(expected)
  })

  it('without the overrides 2027-01-01 would count as an ordinary Friday', () => {
    expect(landing(MONTHLY_1, 'skip', '2027-01-01')).toBe('2027-01-01')
    expect(dayKind('2027-01-01', overrides)).toBe('holiday')
    expect(dayKind('2027-02-13', overrides)).toBe('makeup_workday')
  })
})

describe('pattern dates and the day calendar', () => {
  it('names the right dates', () => {
    expect(patternDates(EVEN_20, '2026-01-01', '2026-12-31')).toEqual([
      '2026-02-20',
      '2026-04-20',
      '2026-06-20',
      '2026-08-20',
      '2026-10-20',
      '2026-12-20',
    ])
    expect(patternDates(WEDNESDAY, '2026-11-23', '2026-12-10')).toEqual(['2026-11-25', '2026-12-02', '2026-12-09'])
    expect(patternDates(FIRST_SATURDAY, '2026-01-01', '2026-04-30')).toEqual(['2026-01-03', '2026-02-07', '2026-03-07', '2026-04-04'])
    expect(patternDates({ kind: 'monthly_weekday', months: 'all', nth: -1, weekday: 5 }, '2026-01-01', '2026-03-31')).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
    ])
    // A day the month lacks becomes its last day.
    expect(patternDates({ kind: 'monthly_day', months: 'all', day: 31 }, '2026-02-01', '2026-04-30')).toEqual(['2026-02-28', '2026-03-31', '2026-04-30'])
    expect(patternDates({ kind: 'monthly_day', months: 'odd', day: 5 }, '2026-01-01', '2026-06-30')).toEqual(['2026-01-05', '2026-03-05', '2026-05-05'])
  })

  it('tells holidays, weekends, working days and make-up working days apart', () => {
    expect(dayKind('2026-10-03')).toBe('holiday')
    expect(dayKind('2026-10-10')).toBe('makeup_workday')
    expect(dayKind('2026-11-22')).toBe('weekend')
    expect(dayKind('2026-11-23')).toBe('workday')
    expect(isDayOffFor(FIRST_SATURDAY, '2026-11-07')).toBe(false)
    expect(isDayOffFor(MONTHLY_10, '2026-11-07')).toBe(true)
    expect(isDayOffFor(FIRST_SATURDAY, '2026-10-03')).toBe(true)
  })

  it('explains a moved or skipped day in words for the notice board', () => {
    const { dates, skipped } = expandRule({ pattern: EVEN_20, onDayOff: 'next_working_day' }, '2026-02-01', '2026-02-28')
    expect(dates).toEqual([{ ruleDate: '2026-02-20', date: '2026-02-24', note: '2月20日为春节，顺延至2月24日（周二）' }])
    expect(skipped).toEqual([])
    const skip = expandRule({ pattern: WEDNESDAY, onDayOff: 'skip' }, '2026-10-01', '2026-10-10')
    expect(skip.skipped).toEqual([{ ruleDate: '2026-10-07', reason: 'day_off', note: '10月7日为国庆节，本次暂停' }])
  })

  it('a date the rule names shortly before the window can be moved into it', () => {
    // Saturday Dec 20 moves to Monday Dec 21: generating from Dec 21 on still yields it.
    const { dates } = expandRule({ pattern: EVEN_20, onDayOff: 'next_working_day' }, '2026-12-21', '2026-12-31')
    expect(dates.map((d) => d.date)).toEqual(['2026-12-21'])
  })
})

describe('labels, slots, ids and months', () => {
  it('describes rules the way a notice board does', () => {
    expect(describePattern(EVEN_20)).toBe('每双月20日')
    expect(describePattern(WEDNESDAY)).toBe('每周三')
    expect(describePattern(FIRST_SATURDAY)).toBe('每月第一个周六')
    expect(describePattern({ kind: 'monthly_weekday', months: 'odd', nth: -1, weekday: 5 })).toBe('每单月最后一个周五')
    expect(describeRule({ pattern: EVEN_20, start: '09:00', end: '11:30' })).toBe('每双月20日 9:00–11:30')
    expect(describeRule({ pattern: WEDNESDAY, start: '14:30', end: '17:00' })).toBe('每周三 14:30–17:00')
  })

  it('cuts a session into whole slots', () => {
    expect(slotTimes('09:00', '10:00', 15)).toEqual([
      { key: 's0', start: '09:00', end: '09:15' },
      { key: 's1', start: '09:15', end: '09:30' },
      { key: 's2', start: '09:30', end: '09:45' },
      { key: 's3', start: '09:45', end: '10:00' },
    ])
    expect(slotTimes('14:30', '17:00', 15)).toHaveLength(10)
    expect(slotTimes('09:00', '09:50', 20).map((s) => s.key)).toEqual(['s0', 's1'])
  })

  it('derives occurrence ids from the rule and the date it names', () => {
    expect(occurrenceIdFor('rr-HBJD-1', '2026-12-20')).toBe('ro-rr-HBJD-1-20261220')
  })

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-11-23', 3)).toBe('2027-02-23')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28')
  })
})
