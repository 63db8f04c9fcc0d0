// The audit trail: records are appended once per request, read by an admin of their own district
// (filtered by object or person), never by anyone else, and no action can change or remove one.
import { ACTIONS, type ActionName } from '@minyi/types'
import { recordAudit } from '../../cloudfunctions/core/application/audit/recordAudit'
import { resolveCaller } from '../../cloudfunctions/core/application/session/resolveCaller'
import type { AuditDoc } from '../../cloudfunctions/core/domain/records'
import { devOpenid } from '../../server/devIdentity'
import { createHarness, type Harness } from '../support/apiHarness'
import { OTHER_DISTRICT_ADMIN, addOtherDistrict } from './caseFixtures'

const ADMIN = 'dev-admin-1'
const STAFF = 'dev-staff-1'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
})
afterEach(async () => {
  await h.close()
})

async function record(userId: string, requestId: string | null, objectId: string, summary = '修改家站点') {
  const caller = await resolveCaller(h.deps, devOpenid(userId))
  await recordAudit(h.deps, caller, requestId, {
    objectType: 'station',
    objectId,
    objectLabel: '湖滨街道人大代表之家',
    action: 'update',
    summary,
    before: { openHours: '9:00–17:00', openid: 'must-not-be-kept' },
    after: { openHours: '8:30–17:30' },
  })
}

describe('the audit trail', () => {
  it('keeps who, role, when, what and before → after, without secrets, once per request', async () => {
    await record(STAFF, 'req-0001', 'station-hubin')
    await record(STAFF, 'req-0001', 'station-hubin') // the same request retried
    const { entries, hasMore } = await h.ok(ADMIN, 'admin.audit.list', {})
    expect(hasMore).toBe(false)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorId: STAFF,
      actorName: '孙晓燕',
      actorRole: 'staff',
      actorRoleLabel: '工作人员',
      objectType: 'station',
      objectTypeLabel: '家站点',
      objectId: 'station-hubin',
      summary: '修改家站点',
      before: { openHours: '9:00–17:00' },
      after: { openHours: '8:30–17:30' },
      at: '2026-11-23T02:00:00.000Z',
    })
    expect(entries[0].before).not.toHaveProperty('openid')
  })

  it('filters by object and by person, newest first, and pages', async () => {
    await record(STAFF, 'a1', 'station-hubin', '第一次')
    h.clock.advance(1000)
    await record(ADMIN, 'a2', 'station-cuiyuan', '第二次')
    h.clock.advance(1000)
    await record(ADMIN, 'a3', 'station-hubin', '第三次')
    const byObject = await h.ok(ADMIN, 'admin.audit.list', { objectType: 'station', objectId: 'station-hubin' })
    expect(byObject.entries.map((e) => e.summary)).toEqual(['第三次', '第一次'])
    const byPerson = await h.ok(ADMIN, 'admin.audit.list', { actorId: ADMIN })
    expect(byPerson.entries.map((e) => e.summary)).toEqual(['第三次', '第二次'])
    const page1 = await h.ok(ADMIN, 'admin.audit.list', { limit: 2 })
    expect(page1).toMatchObject({ hasMore: true })
    const page2 = await h.ok(ADMIN, 'admin.audit.list', { limit: 2, before: page1.entries[1].at })
    expect(page2.entries.map((e) => e.summary)).toEqual(['第一次'])
  })

  it('is read by admins only, and only of their own district', async () => {
    await record(STAFF, 'b1', 'station-hubin')
    const refused = await h.call(STAFF, 'admin.audit.list', {})
    expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您的身份不能进行此操作' } })
    const bad = await h.call(ADMIN, 'admin.audit.list', { objectType: 'nothing' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '对象类型不正确' } })
    // An admin of another district sees nothing of this one.
    await addOtherDistrict(h)
    expect((await h.ok(OTHER_DISTRICT_ADMIN, 'admin.audit.list', {})).entries).toEqual([])
    expect((await h.ok(ADMIN, 'admin.audit.list', {})).entries).toHaveLength(1)
  })

  it('offers no action that edits or deletes a record', () => {
    const auditActions = (Object.keys(ACTIONS) as ActionName[]).filter((a) => a.startsWith('admin.audit.'))
    expect(auditActions.every((a) => !ACTIONS[a].mutates)).toBe(true)
  })

  it('every stored record is unchanged after the whole action list is called with it', async () => {
    await record(STAFF, 'c1', 'station-hubin')
    const before = await h.store.collection<AuditDoc>('audit_log').find({}, { limit: 100 })
    for (const action of Object.keys(ACTIONS) as ActionName[]) {
      await h.call(ADMIN, action, { id: before[0]._id, entryId: before[0]._id, auditId: before[0]._id })
    }
    const after = await h.store.collection<AuditDoc>('audit_log').find({ _id: before[0]._id }, { limit: 1 })
    expect(after).toEqual([before[0]])
  })
})
