// The console's deputies: enrol ("应进必进"), edit, move between stations with history; the
// deputy-scope rule (only their own stations' cases) holds after every change.
import type { UserDoc } from '../../cloudfunctions/core/domain/records'
import { createHarness, type Harness } from '../support/apiHarness'
import { OTHER_DISTRICT_ADMIN, addOtherDistrict, refusal, submit } from './caseFixtures'
import { ADMIN, HUBIN_STAFF, newStation, refused } from './adminFixtures'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await addOtherDistrict(h)
})
afterEach(() => h.close())

const enrol = {
  name: '周海燕',
  level: 'township',
  constituency: '湖滨街道第九选区',
  election: 'direct',
  stationIds: ['station-cuiyuan'],
  headOf: [],
  contact: '翠苑社区服务中心 0571-8765 1122',
  commitment: '每月进站接待一次，社区的事情件件有回音。',
  photoUrl: '/files/avatars/DB02.svg',
}

/** Case ids the deputy sees in their inbox, and whether they may open each given case. */
async function deputySees(userId: string, ids: string[]) {
  const inbox = (await h.ok(userId, 'case.inbox', {})).cases.map((c) => c.id)
  const opens = await Promise.all(ids.map(async (id) => (await h.call(userId, 'case.get', { caseId: id })).ok))
  return { inbox: ids.map((id) => inbox.includes(id)), opens }
}

describe('deputies', () => {
  it('the admin enrols a deputy; "应进必进" and the district’s stations are enforced; refusals write nothing', async () => {
    expect((await refused(h, ADMIN, 'admin.deputy.create', { ...enrol, stationIds: [] }, 'INVALID_INPUT')).message).toBe('“应进必进”：每位代表至少进入一个家站点')
    expect((await refused(h, ADMIN, 'admin.deputy.create', { ...enrol, stationIds: ['station-other'] }, 'INVALID_INPUT')).message).toBe('请选择本区的家站点')
    expect((await refused(h, ADMIN, 'admin.deputy.create', { ...enrol, headOf: ['station-hubin'] }, 'INVALID_INPUT')).message).toBe('站长只能担任其所在家站点的站长')
    expect((await refused(h, ADMIN, 'admin.deputy.create', { ...enrol, code: 'DB01' }, 'INVALID_INPUT')).message).toBe('代表码编码 DB01 已被使用，请换一个')
    await refused(h, ADMIN, 'admin.deputy.create', { ...enrol, level: 'mayor' }, 'INVALID_INPUT')
    await refused(h, HUBIN_STAFF, 'admin.deputy.create', enrol, 'FORBIDDEN')
    await refused(h, OTHER_DISTRICT_ADMIN, 'admin.deputy.create', enrol, 'INVALID_INPUT')
    await refused(h, OTHER_DISTRICT_ADMIN, 'admin.deputy.update', { deputyId: 'deputy-1', commitment: '改成别的承诺内容' }, 'NOT_FOUND')

    const d = await h.ok(ADMIN, 'admin.deputy.create', enrol)
    expect(d).toMatchObject({ name: '周海燕', levelLabel: '街道（乡镇）人大代表', electionLabel: '直接选举（原选区）', stationNames: ['临江市滨湖区湖滨街道翠苑社区人大代表联络站'], code: expect.stringMatching(/^D[0-9A-F]{4}$/) })
    const page = await h.ok('dev-resident-1', 'station.byCode', { code: 'CYSQ' })
    expect(page.deputies.find((x) => x.id === d.id)).toMatchObject({ name: '周海燕', contact: enrol.contact, commitment: enrol.commitment })
    expect((await h.ok('dev-resident-1', 'deputy.byCode', { code: d.code })).name).toBe('周海燕')
    expect((await h.ok(ADMIN, 'admin.audit.list', { objectType: 'deputy', objectId: d.id })).entries).toMatchObject([{ action: 'create', summary: '登记代表周海燕' }])
  })

  it('moving a deputy keeps what they did; the deputy-scope rule follows every change at once', async () => {
    // 陈志强 (dev-deputy-3) is at 翠苑 only.
    const cuiyuan = await submit(h, 'dev-resident-1', { stationCode: 'CYSQ', deputyCode: 'DB03' })
    const wanghu = await submit(h, 'dev-resident-2', { stationCode: 'WHSQ' })
    const hubin = await submit(h, 'dev-resident-2', { stationCode: 'HBJD' })
    expect(await deputySees('dev-deputy-3', [cuiyuan, wanghu, hubin])).toEqual({ inbox: [true, false, false], opens: [true, false, false] })

    // Moved to 望湖: 望湖's cases now, 翠苑's no longer (the case itself still names him).
    h.clock.advance(60_000)
    const moved = await h.ok(ADMIN, 'admin.deputy.update', { deputyId: 'deputy-3', stationIds: ['station-wanghu'] })
    expect(moved.history).toEqual([{ stationId: 'station-cuiyuan', stationName: '临江市滨湖区湖滨街道翠苑社区人大代表联络站', from: null, to: '2026-11-23T02:01:00.000Z' }])
    expect(await deputySees('dev-deputy-3', [cuiyuan, wanghu, hubin])).toEqual({ inbox: [false, true, false], opens: [false, true, false] })
    expect((await h.ok(ADMIN, 'case.get', { caseId: cuiyuan })).deputy).toEqual({ id: 'deputy-3', name: '陈志强' })
    expect((await h.ok('dev-resident-1', 'station.byCode', { code: 'CYSQ' })).publicity?.deputies.map((x) => x.deputyId)).not.toContain('deputy-3')

    // Added to 湖滨 as well, and made its 站长.
    const both = await h.ok(ADMIN, 'admin.deputy.update', { deputyId: 'deputy-3', stationIds: ['station-wanghu', 'station-hubin'], headOf: ['station-hubin'] })
    expect(both.headOf).toEqual(['station-hubin'])
    expect(await deputySees('dev-deputy-3', [cuiyuan, wanghu, hubin])).toEqual({ inbox: [false, true, true], opens: [false, true, true] })

    // Their station retired: moved with it, the scope with them.
    await h.ok(ADMIN, 'admin.station.retire', { stationId: 'station-wanghu', replacedById: 'station-cuiyuan' })
    expect(await deputySees('dev-deputy-3', [cuiyuan, wanghu, hubin])).toEqual({ inbox: [true, false, true], opens: [true, false, true] })

    // A refused move changes nothing: the scope stays.
    await refused(h, ADMIN, 'admin.deputy.update', { deputyId: 'deputy-3', stationIds: ['station-wanghu'] }, 'INVALID_INPUT')
    await refused(h, ADMIN, 'admin.deputy.update', { deputyId: 'deputy-3', stationIds: [] }, 'INVALID_INPUT')
    expect(await deputySees('dev-deputy-3', [cuiyuan, wanghu, hubin])).toEqual({ inbox: [true, false, true], opens: [true, false, true] })
    // A deputy of a new station sees its cases only.
    const s = await h.ok(ADMIN, 'admin.station.create', newStation)
    const d = await h.ok(ADMIN, 'admin.deputy.create', { ...enrol, stationIds: [s.id] })
    await h.store.collection<UserDoc>('users').insert({ _id: 'dev-deputy-new', openid: 'dev:dev-deputy-new', role: 'deputy', name: '周海燕', stationIds: [], deputyId: d.id, regionId: 'region-binhu', credits: {}, createdAt: '2026-01-01T00:00:00.000Z' })
    const theirs = await submit(h, 'dev-resident-1', { stationCode: 'LASQ' })
    const answer = await h.api.handle({ action: 'case.inbox', input: {} }, { openid: 'dev:dev-deputy-new' })
    expect(answer.ok && (answer.data as { cases: Array<{ id: string }> }).cases.map((c) => c.id)).toEqual([theirs])
    expect(refusal(await h.api.handle({ action: 'case.get', input: { caseId: hubin } }, { openid: 'dev:dev-deputy-new' })).code).toBe('NOT_FOUND')
    const audit = await h.ok(ADMIN, 'admin.audit.list', { objectId: 'deputy-3' })
    expect(audit.entries.map((e) => e.summary)).toEqual(['修改代表陈志强的信息', '修改代表陈志强的信息'])
  })

  it('station staff read their stations’ deputies but cannot change them', async () => {
    expect((await h.ok(HUBIN_STAFF, 'admin.deputy.list', {})).deputies.map((d) => d.id).sort()).toEqual(['deputy-1', 'deputy-2', 'deputy-5'])
    await refused(h, HUBIN_STAFF, 'admin.deputy.update', { deputyId: 'deputy-1', commitment: '改成别的承诺内容' }, 'FORBIDDEN')
    expect((await h.ok(ADMIN, 'admin.deputy.list', {})).deputies).toHaveLength(5)
    expect((await h.ok(ADMIN, 'admin.deputy.list', {})).deputies[4]).toMatchObject({ id: 'deputy-5', election: 'indirect', constituency: '滨湖区卫生系统选举单位' })
  })
})
