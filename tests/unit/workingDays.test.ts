import { addWorkingDays, workingDaysBetween, isWorkingDay } from '../../cloudfunctions/core/domain/workingDays'

describe('working days follow the official calendar', () => {
  it.each([
    // National Day 2026: Oct 1–7 off, Sep 20 and Oct 10 (Sat) are make-up working days.
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-09', 1, '2026-10-10'],
    // Friday + 1 working day = Monday.
    ['2026-11-20', 1, '2026-11-23'],
    ['2026-11-23', 7, '2026-12-02'],
  ])('%s + %i working day(s) = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected)
  })

  it('a make-up Saturday is a working day and a holiday Monday is not', () => {
    expect(isWorkingDay('2026-10-10')).toBe(true)
    expect(isWorkingDay('2026-10-05')).toBe(false)
  })

  it('overrides decide for years the calendar does not know yet', () => {
    expect(isWorkingDay('2027-02-08', { '2027-02-08': false })).toBe(false)
  })

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-08')).toBe(1)
    expect(workingDaysBetween('2026-10-08', '2026-09-30')).toBe(-1)
  })
})
