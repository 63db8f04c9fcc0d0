// Demo reception rules (民情接待日) for the three demo stations, one of each kind of pattern:
// 湖滨 每双月20日 (days off move to the next working day), 翠苑 每周三下午 (holidays skipped),
// 望湖 每月第一个周六上午. Stable ids; inserting again changes nothing. The days themselves are
// generated from these by the timer job (and on first look at a station).
import type { ReceptionRuleDoc } from '../cloudfunctions/core/domain/reception/records'
import type { Store } from '../cloudfunctions/core/ports'

const rule = (doc: Omit<ReceptionRuleDoc, 'version' | 'materialised' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'active' | 'effectiveFrom'>): ReceptionRuleDoc => ({
  ...doc,
  active: true,
  effectiveFrom: '2025-01-01',
  version: 1,
  materialised: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'seed',
})

export const receptionRules: ReceptionRuleDoc[] = [
  rule({
    _id: 'rr-HBJD-1',
    stationId: 'station-hubin',
    pattern: { kind: 'monthly_day', months: 'even', day: 20 },
    start: '09:00',
    end: '11:30',
    onDayOff: 'next_working_day',
    slotMinutes: 15,
    slotCapacity: 2,
    cancelCutoffMinutes: 120,
    defaultDutyDeputyIds: ['deputy-1', 'deputy-5'],
  }),
  rule({
    _id: 'rr-CYSQ-1',
    stationId: 'station-cuiyuan',
    pattern: { kind: 'weekly', weekday: 3 },
    start: '14:30',
    end: '17:00',
    onDayOff: 'skip',
    slotMinutes: 15,
    slotCapacity: 2,
    cancelCutoffMinutes: 120,
    defaultDutyDeputyIds: ['deputy-2'],
  }),
  rule({
    _id: 'rr-WHSQ-1',
    stationId: 'station-wanghu',
    pattern: { kind: 'monthly_weekday', months: 'all', nth: 1, weekday: 6 },
    start: '09:00',
    end: '11:30',
    onDayOff: 'next_working_day',
    slotMinutes: 30,
    slotCapacity: 3,
    cancelCutoffMinutes: 120,
    defaultDutyDeputyIds: ['deputy-4'],
  }),
]

export async function seedReceptionDemo(store: Store): Promise<void> {
  for (const doc of receptionRules) await store.collection<ReceptionRuleDoc>('reception_rules').insert(doc)
}
