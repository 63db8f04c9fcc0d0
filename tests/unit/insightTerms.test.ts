// Terms of office (届) as data, and the default rule for a district without them.
import { monthsBetween, termAt, termsOf, yearWithin, yearsOf } from '../../cloudfunctions/core/domain/insight/terms'

const T16 = { id: 'term-16', name: '第十六届', from: '2017-01-01', to: '2021-12-31' }
const T17 = { id: 'term-17', name: '第十七届', from: '2022-01-01', to: '2026-12-31' }

describe('terms of office', () => {
  it('uses the district’s terms, oldest first; finds the term of a day', () => {
    const terms = termsOf([T17, T16], '2026-11-23')
    expect(terms.map((t) => t.id)).toEqual(['term-16', 'term-17'])
    expect(termAt(terms, '2021-12-31').id).toBe('term-16')
    expect(termAt(terms, '2022-01-01').id).toBe('term-17')
    expect(termAt(terms, '2027-03-01').id).toBe('term-17') // after the last: the last one that began
    expect(termAt(terms, '2010-03-01').id).toBe('term-16')
  })

  it('falls back to five-year terms from 2022 when a district has none or bad data', () => {
    expect(termsOf(undefined, '2026-11-23')).toEqual([
      { id: 't2017', name: '2017—2021年任期', from: '2017-01-01', to: '2021-12-31' },
      { id: 't2022', name: '2022—2026年任期', from: '2022-01-01', to: '2026-12-31' },
    ])
    expect(termsOf([{ id: 'x' }], '2027-01-01').map((t) => t.id)).toEqual(['t2022', 't2027'])
    expect(termsOf([], '2021-06-01').map((t) => t.id)).toEqual(['t2012', 't2017'])
  })

  it('years, a year within a term (clipped), months a period touches', () => {
    const mid = { id: 'm', name: '第一届', from: '2021-10-01', to: '2023-09-30' }
    expect(yearsOf(T17)).toEqual([2022, 2023, 2024, 2025, 2026])
    expect(yearsOf(mid)).toEqual([2021, 2022, 2023])
    expect(yearWithin(mid, 2021)).toEqual({ from: '2021-10-01', to: '2021-12-31' })
    expect(yearWithin(mid, 2024)).toBeNull()
    expect(monthsBetween('2021-10-01', '2022-02-28')).toEqual(['2021-10', '2021-11', '2021-12', '2022-01', '2022-02'])
    expect(monthsBetween(T17.from, T17.to)).toHaveLength(60)
  })
})
