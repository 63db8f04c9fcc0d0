// Every figure's definition on small hand-made histories (docs/insight.md): reopened, merged,
// declined and seconded cases; on-time and satisfaction; what a deputy's actions add to their record;
// the points scheme's caps; hot-spot clustering.
import type { CaseDoc, CaseEvent } from '../../cloudfunctions/core/domain/records'
import { caseFacts, contributionDelta, contributionOf, stationCounters, sumContributions } from '../../cloudfunctions/core/domain/insight/figures'
import { DEFAULT_POINTS_SCHEME, scorePoints } from '../../cloudfunctions/core/domain/insight/points'
import { clusterHotspots } from '../../cloudfunctions/core/domain/insight/hotspots'
import type { RecordFigures } from '@minyi/types'

const T0 = '2026-03-02T02:00:00.000Z'
const at = (hours: number) => new Date(Date.parse(T0) + hours * 3600_000).toISOString()
const ev = (type: string, hours: number, actorId: string | null = 'staff-1', actorRole: CaseEvent['actorRole'] = 'staff'): CaseEvent => ({
  id: `${type}${hours}`,
  type,
  at: at(hours),
  actorId,
  actorRole,
  actorLabel: '',
  from: null,
  to: null,
  note: null,
})

function kase(change: Partial<CaseDoc> = {}): CaseDoc {
  return {
    _id: 'c1',
    trackingNo: 'MY1',
    requestId: 'r',
    residentId: 'res',
    stationId: 'st1',
    deputyId: null,
    channel: 'station_code',
    category: 'traffic',
    content: '路口红绿灯太短',
    place: null,
    phoneSealed: null,
    phoneMasked: null,
    phoneVisibleToDeputy: false,
    contentCheck: 'pass',
    status: 'submitted',
    route: null,
    transfer: null,
    decline: null,
    replies: [],
    rating: null,
    reopenCount: 0,
    events: [ev('submit', 0, 'res', 'resident')],
    outbox: [],
    outboxSize: 0,
    createdAt: T0,
    updatedAt: T0,
    ...change,
  }
}

describe('case facts', () => {
  it('a case answered on the spot and rated 基本满意: concluded, on time, satisfied; first answer and reply in minutes', () => {
    const c = kase({ status: 'closed', rating: { value: 'basically', comment: null, at: at(30) }, events: [ev('submit', 0, 'res', 'resident'), ev('answerOnSite', 2, 'u-dep', 'deputy'), ev('close', 30, 'res', 'resident')] })
    expect(caseFacts(c)).toMatchObject({ concluded: true, onTime: true, rated: true, satisfied: true, merged: false })
    expect(stationCounters(c)).toMatchObject({ n: 1, base: 1, concluded: 1, onTime: 1, rated: 1, sat: 1, 'fa.n': 1, 'fa.min': 120, 'rp.n': 1, 'rp.min': 120 })
  })

  it('a replied case nobody rated yet is answered but not concluded', () => {
    const c = kase({ status: 'replied', events: [ev('submit', 0), ev('answerOnSite', 1)] })
    expect(stationCounters(c)).toMatchObject({ base: 1, 'rp.n': 1 })
    expect(stationCounters(c).concluded).toBeUndefined()
  })

  it('a reopened case is one case; concluded only once closed again, on time only without 督办', () => {
    const reopened = kase({ status: 'reopened', reopenCount: 1, rating: { value: 'unsatisfied', comment: null, at: at(5) }, events: [ev('submit', 0), ev('answerOnSite', 1), ev('reopen', 5, 'res', 'resident')] })
    expect(stationCounters(reopened)).toMatchObject({ n: 1, reopened: 1, rated: 1 })
    expect(stationCounters(reopened).concluded).toBeUndefined()
    expect(stationCounters(reopened).sat).toBeUndefined()
    const late = kase({ ...reopened, status: 'closed', rating: { value: 'satisfied', comment: null, at: at(400) }, events: [...reopened.events, ev('supervise', 300, null, 'system'), ev('answerOnSite', 350), ev('close', 400, 'res', 'resident')] })
    expect(caseFacts(late)).toMatchObject({ concluded: true, onTime: false, satisfied: true, reopened: true })
  })

  it('a merged case counts as received but leaves every rate', () => {
    const c = kase({ status: 'merged', mergedInto: { caseId: 'c0', trackingNo: 'MY0', at: at(1), eventId: 'm' }, events: [ev('submit', 0), ev('merge', 1)] })
    const counters = stationCounters(c)
    expect(counters).toMatchObject({ n: 1, merged: 1 })
    expect(counters.base).toBeUndefined()
    // even after the case it followed was replied and it closed with it
    const closed = kase({ ...c, status: 'closed', rating: { value: 'satisfied', comment: null, at: at(9) } })
    expect(stationCounters(closed).concluded).toBeUndefined()
    expect(stationCounters(closed).rated).toBeUndefined()
  })

  it('a declined case is concluded (with guidance) and has a first answer but no reply', () => {
    const c = kase({ status: 'declined', events: [ev('submit', 0), ev('decline', 3)] })
    expect(stationCounters(c)).toMatchObject({ declined: 1, concluded: 1, onTime: 1, 'fa.n': 1, 'fa.min': 180 })
    expect(stationCounters(c)['rp.n']).toBeUndefined()
  })

  it('seconds add no case: they are counted beside it', () => {
    expect(stationCounters(kase({ secondCount: 3 }))).toMatchObject({ n: 1, seconds: 3 })
  })

  it('a unit answering after its due date is not on time, and its ranking counts it', () => {
    const transfer = { unitId: 'unit-a', unitName: 'A局', dueDate: '2026-03-10', note: null }
    const c = kase({ status: 'closed', transfer, rating: { value: 'satisfied', comment: null, at: at(300) }, events: [ev('submit', 0), ev('forward', 1), ev('transfer', 2), ev('recordUnitAnswer', 24 * 10), ev('close', 300, 'res', 'resident')] })
    expect(stationCounters(c)).toMatchObject({ 'unit.unit-a.n': 1, 'unit.unit-a.concluded': 1, 'unit.unit-a.sat': 1 })
    expect(stationCounters(c)['unit.unit-a.onTime']).toBeUndefined()
    const inTime = kase({ ...c, events: [ev('submit', 0), ev('transfer', 2), ev('recordUnitAnswer', 24 * 5), ev('close', 300, 'res', 'resident')] })
    expect(stationCounters(inTime)['unit.unit-a.onTime']).toBe(1)
  })
})

describe('what a case adds to a deputy’s record', () => {
  it('addressed by 代表码: received and rated in the deputy’s month; answered on the spot: in the acting user’s month', () => {
    const c = kase({ deputyId: 'dep-1', channel: 'deputy_code', status: 'closed', rating: { value: 'satisfied', comment: null, at: at(30) }, events: [ev('submit', 0, 'res', 'resident'), ev('answerOnSite', 2, 'u-dep', 'deputy'), ev('close', 30, 'res', 'resident')] })
    const out = contributionOf(c)
    expect(out['dp_dep-1_2026-03']).toEqual({ received: 1, rated: 1, sat: 1 })
    expect(out['us_u-dep_2026-03']).toEqual({ onsite: 1 })
  })

  it('a reception-day matter recorded by a deputy and passed on', () => {
    const c = kase({ channel: 'reception', deputyId: null, events: [ev('submit', 0, 'u-dep', 'deputy'), ev('refer', 1, 'u-dep', 'deputy')] })
    expect(contributionOf(c)['us_u-dep_2026-03']).toEqual({ visits: 1, passedOn: 1 })
  })

  it('the difference between two states, and a recount as the sum', () => {
    const before = contributionOf(kase())
    const after = contributionOf(kase({ status: 'declined', events: [ev('submit', 0), ev('decline', 3)] }))
    expect(contributionDelta(before, after)).toEqual({ 'st_st1_2026-03': { declined: 1, concluded: 1, onTime: 1, 'fa.n': 1, 'fa.min': 180 } })
    expect(sumContributions([before, before])['st_st1_2026-03'].n).toBe(2)
  })
})

describe('points (百分制)', () => {
  const figures: RecordFigures = {
    casesReceived: 10, answeredOnSite: 30, passedOn: 4, dutiesAttended: 2, dutiesMissed: 1, visitsRecorded: 2,
    suggestionsDrafted: 2, suggestionsSubmitted: 2, suggestionsAnswered: 1, rated: 10, satisfied: 9, satisfactionRate: 90,
    suggestionRatings: { rated: 0, satisfied: 0 },
  }
  it('caps each item, deducts absences, stays within the total', () => {
    const { score, lines } = scorePoints(DEFAULT_POINTS_SCHEME, figures, { inspection: 1, report: 1 })
    const line = (k: string) => lines.find((l) => l.key === k)!
    expect(line('onsite').points).toBe(15) // 30 × 1, capped at 15
    expect(line('duty').points).toBe(8)
    expect(line('passOn').points).toBe(3) // (4 + 2) × 0.5
    expect(line('satisfaction').points).toBe(9)
    expect(line('absence').points).toBe(-2)
    expect(line('report').points).toBe(5)
    expect(score).toBe(8 + 15 + 3 + 6 + 1 + 9 + 2 + 5 - 2)
    expect(DEFAULT_POINTS_SCHEME.items.filter((i) => i.points > 0).reduce((s, i) => s + i.cap, 0)).toBe(100)
  })
})

describe('hot spots', () => {
  it('groups cases by their most shared term, named with its companion; singletons are no theme', () => {
    const cases = [
      { id: 'a', stationId: 's1', terms: ['路灯', '不亮', '湖滨路'], place: null, category: 'utilities' },
      { id: 'b', stationId: 's2', terms: ['路灯', '不亮', '望湖'], place: null, category: 'utilities' },
      { id: 'c', stationId: 's1', terms: ['路灯', '坏了'], place: null, category: 'utilities' },
      { id: 'd', stationId: 's3', terms: ['电梯', '加装'], place: null, category: 'housing' },
    ]
    expect(clusterHotspots(cases)).toEqual([{ seed: '路灯', companion: '不亮', caseIds: ['a', 'b', 'c'] }])
  })
})
