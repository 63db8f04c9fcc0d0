// A stored case document as the store holds it, for tests of the pure domain: a submitted case of
// 湖滨街道人大代表之家, filed on Monday 2026-11-23 at 10:00 in Shanghai; `change` overrides any field.
import type { CaseDoc } from '../../cloudfunctions/core/domain/records'

export const FILED_AT = '2026-11-23T02:00:00.000Z'

export function aCaseDoc(change: Partial<CaseDoc> = {}): CaseDoc {
  return {
    _id: 'c_1',
    trackingNo: 'MY20261123-0001',
    requestId: 'req-00000001',
    residentId: 'dev-resident-1',
    stationId: 'station-hubin',
    deputyId: null,
    channel: 'station_code',
    category: 'traffic',
    content: '湖滨路与望湖路交叉口的红绿灯时间太短，老人过马路来不及。',
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
    events: [],
    outbox: [],
    outboxSize: 0,
    createdAt: FILED_AT,
    updatedAt: FILED_AT,
    ...change,
  }
}
