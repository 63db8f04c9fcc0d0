// The console's regions and stations: the naming rule, who may edit what, 撤并 and its answer,
// every change in the audit trail, refusals in Chinese that write nothing.
import { createHarness, validOpinion, type Harness } from '../support/apiHarness'
import { OTHER_DISTRICT_ADMIN, addOtherDistrict, refusal, submit } from './caseFixtures'
import { ADMIN, CUIYUAN_STAFF, HUBIN_STAFF, STREET_OFFICE, everything, newStation, refused } from './adminFixtures'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await addOtherDistrict(h)
})
afterEach(() => h.close())

describe('stations', () => {
  it('the admin creates a station; a bad name is refused saying why, and nothing is written', async () => {
    const bad = await refused(h, ADMIN, 'admin.station.create', { ...newStation, name: '湖滨街道王建国代表工作室' }, 'INVALID_INPUT')
    expect(bad.message).toMatch(/“人大代表工作室”不是规范名称/)
    expect((await refused(h, ADMIN, 'admin.station.create', { ...newStation, name: '湖滨街道柳岸社区李秀梅人大代表联络站' }, 'INVALID_INPUT')).message).toMatch(/代表个人姓名“李秀梅”/)
    expect((await refused(h, ADMIN, 'admin.station.create', { ...newStation, code: 'hbjd' }, 'INVALID_INPUT')).message).toBe('民意码编码 HBJD 已被使用，请换一个')
    expect((await refused(h, ADMIN, 'admin.station.create', { ...newStation, regionId: 'region-other' }, 'INVALID_INPUT')).message).toBe('请选择本区的街道（乡镇）')
    expect((await refused(h, ADMIN, 'admin.station.create', { ...newStation, code: '扫码' }, 'INVALID_INPUT')).field).toBe('code')

    const s = await h.ok(ADMIN, 'admin.station.create', { ...newStation, code: 'lasq' })
    expect(s).toMatchObject({ code: 'LASQ', kind: 'station', kindLabel: '人大代表联络站', regionName: '湖滨街道', retired: false, editable: 'all', photos: ['/files/avatars/DB01.svg'] })
    // Residents can open it by its code at once.
    expect(await h.ok('dev-resident-1', 'station.byCode', { code: 'LASQ' })).toMatchObject({ name: newStation.name, deputies: [] })
    const { entries } = await h.ok(ADMIN, 'admin.audit.list', { objectType: 'station', objectId: s.id })
    expect(entries).toMatchObject([{ action: 'create', actorId: ADMIN, summary: `新建人大代表联络站${newStation.name}`, before: null }])
  })

  it('only the admin creates, renames and retires; station staff edit their own station’s public details', async () => {
    await refused(h, HUBIN_STAFF, 'admin.station.create', newStation, 'FORBIDDEN')
    await refused(h, 'dev-deputy-1', 'admin.station.update', { stationId: 'station-hubin', openHours: '全天' }, 'FORBIDDEN')
    await refused(h, HUBIN_STAFF, 'admin.station.retire', { stationId: 'station-hubin', replacedById: 'station-cuiyuan' }, 'FORBIDDEN')
    expect((await refused(h, HUBIN_STAFF, 'admin.station.update', { stationId: 'station-hubin', name: '临江市滨湖区湖滨街道新人大代表之家' }, 'FORBIDDEN')).message).toMatch(/名称、类型、所属街道和编码由人大机关修改/)
    // Another station's staff, another district's admin: not theirs.
    await refused(h, CUIYUAN_STAFF, 'admin.station.update', { stationId: 'station-hubin', openHours: '全天开放' }, 'NOT_FOUND')
    await refused(h, OTHER_DISTRICT_ADMIN, 'admin.station.update', { stationId: 'station-hubin', openHours: '全天开放' }, 'NOT_FOUND')
    await refused(h, OTHER_DISTRICT_ADMIN, 'admin.station.retire', { stationId: 'station-hubin', replacedById: 'station-other' }, 'NOT_FOUND')

    const edited = await h.ok(HUBIN_STAFF, 'admin.station.update', { stationId: 'station-hubin', openHours: '工作日 8:30–17:30', contactPhone: '0571-8765 0000' })
    expect(edited).toMatchObject({ openHours: '工作日 8:30–17:30', editable: 'public' })
    expect((await h.ok('dev-resident-1', 'station.byCode', { code: 'HBJD' })).contactPhone).toBe('0571-8765 0000')
    const [entry] = (await h.ok(ADMIN, 'admin.audit.list', { actorId: HUBIN_STAFF })).entries
    expect(entry).toMatchObject({ action: 'update', before: { openHours: '工作日 9:00–12:00，14:00–17:30', contactPhone: '0571-8765 4321' }, after: { openHours: '工作日 8:30–17:30', contactPhone: '0571-8765 0000' } })
    // Staff list their own stations only; the admin the district's; the street office its street's.
    expect((await h.ok(HUBIN_STAFF, 'admin.station.list', {})).stations.map((s) => s.id)).toEqual(['station-hubin'])
    expect((await h.ok(ADMIN, 'admin.station.list', {})).stations.map((s) => s.code)).toEqual(['CYSQ', 'HBJD', 'WHSQ'])
    expect((await h.ok(STREET_OFFICE, 'admin.station.list', {})).stations).toHaveLength(3)
    expect((await h.ok(OTHER_DISTRICT_ADMIN, 'admin.station.list', {})).stations.map((s) => s.code)).toEqual(['LHJD'])
  })

  it('the admin renames a station (the rule applies again) and changes its code', async () => {
    await refused(h, ADMIN, 'admin.station.update', { stationId: 'station-wanghu', name: '望湖社区联络点' }, 'INVALID_INPUT')
    const s = await h.ok(ADMIN, 'admin.station.update', { stationId: 'station-wanghu', name: '临江市滨湖区湖滨街道望湖社区人大代表联络站', code: 'WHSQ2' })
    expect(s.code).toBe('WHSQ2')
    expect(refusal(await h.call('dev-resident-1', 'station.byCode', { code: 'WHSQ' })).code).toBe('NOT_FOUND')
  })

  it('撤并: the retired station keeps its history; its code sends residents to the replacing station; its deputies move', async () => {
    const old = await submit(h, 'dev-resident-1', { stationCode: 'WHSQ' })
    await refused(h, ADMIN, 'admin.station.retire', { stationId: 'station-wanghu', replacedById: 'station-wanghu' }, 'INVALID_INPUT')
    await refused(h, ADMIN, 'admin.station.retire', { stationId: 'station-wanghu', replacedById: 'station-other' }, 'INVALID_INPUT')
    const retired = await h.ok(ADMIN, 'admin.station.retire', { stationId: 'station-wanghu', replacedById: 'station-hubin' })
    expect(retired).toMatchObject({ retired: true, replacedBy: { id: 'station-hubin', code: 'HBJD' } })

    const answer = '该站点已撤并，请前往临江市滨湖区湖滨街道人大代表之家（滨湖区湖滨路88号湖滨街道党群服务中心二楼，民意码 HBJD）'
    expect(refusal(await h.call('dev-resident-1', 'station.byCode', { code: 'WHSQ' }))).toMatchObject({ code: 'NOT_FOUND', message: answer })
    expect(refusal(await h.call('dev-resident-2', 'case.submit', { ...validOpinion, stationCode: 'WHSQ' }))).toMatchObject({ message: answer })
    expect(refusal(await h.call('dev-resident-2', 'reception.upcoming', { stationCode: 'WHSQ' })).message).toBe(answer)
    // 刘洋 (望湖 only) now belongs to 湖滨; his 代表码 shows no retired station.
    expect((await h.ok('dev-resident-1', 'deputy.byCode', { code: 'DB04' })).stations.map((s) => s.code)).toEqual(['HBJD'])
    const liu = (await h.ok(ADMIN, 'admin.deputy.list', {})).deputies.find((d) => d.id === 'deputy-4')!
    expect(liu).toMatchObject({ stationIds: ['station-hubin'], headOf: [], history: [{ stationId: 'station-wanghu', to: expect.any(String) }] })
    // History stays: the old case is still there, at its station, for whoever had it.
    expect((await h.ok('dev-resident-1', 'case.get', { caseId: old })).stationId).toBe('station-wanghu')
    expect((await h.ok('dev-staff-3', 'case.get', { caseId: old })).stationName).toContain('望湖')
    expect((await h.ok('dev-resident-1', 'station.list', {})).stations.map((s) => s.code)).not.toContain('WHSQ')
    // Retired: no more edits.
    await refused(h, ADMIN, 'admin.station.update', { stationId: 'station-wanghu', openHours: '停止开放' }, 'INVALID_STATE')
  })
})

describe('regions (街道/乡镇)', () => {
  it('the admin creates, renames and retires a street; names follow the rule; staff cannot', async () => {
    expect((await refused(h, ADMIN, 'admin.region.create', { name: '湖东社区' }, 'INVALID_INPUT')).message).toMatch(/应以“街道”“镇”或“乡”结尾/)
    await refused(h, ADMIN, 'admin.region.create', { name: '湖滨街道' }, 'INVALID_INPUT')
    await refused(h, HUBIN_STAFF, 'admin.region.create', { name: '湖东街道' }, 'FORBIDDEN')
    const r = await h.ok(ADMIN, 'admin.region.create', { name: '湖东街道' })
    expect(r).toMatchObject({ name: '湖东街道', level: 'street', parentId: 'region-binhu', officeName: '滨湖区人大常委会湖东街道工作委员会' })
    h.clock.advance(1000)
    const town = await h.ok(ADMIN, 'admin.region.update', { regionId: r.id, name: '湖东镇' })
    expect(town.name).toBe('湖东镇')
    await refused(h, OTHER_DISTRICT_ADMIN, 'admin.region.update', { regionId: r.id, name: '临东镇' }, 'NOT_FOUND')
    // A station there: the street cannot be retired before it.
    const s = await h.ok(ADMIN, 'admin.station.create', { ...newStation, regionId: r.id, name: '临江市滨湖区湖东镇人大代表之家', kind: 'home', code: 'HDZ' })
    expect((await refused(h, ADMIN, 'admin.region.retire', { regionId: r.id }, 'INVALID_STATE')).message).toMatch(/请先撤并这些家站点/)
    await h.ok(ADMIN, 'admin.station.retire', { stationId: s.id, replacedById: 'station-hubin' })
    h.clock.advance(1000)
    expect((await h.ok(ADMIN, 'admin.region.retire', { regionId: r.id })).retired).toBe(true)
    const { entries } = await h.ok(ADMIN, 'admin.audit.list', { objectType: 'region' })
    expect(entries.map((e) => e.action)).toEqual(['retire', 'update', 'create'])
    expect((await h.ok(HUBIN_STAFF, 'admin.region.list', {})).regions.map((x) => x.name)).toEqual(expect.arrayContaining(['滨湖区', '湖滨街道', '湖东镇']))
  })

  it('a retry with the same requestId creates one station, one region', async () => {
    const first = await h.call(ADMIN, 'admin.station.create', newStation, 'create-station-0001')
    await h.store.collection('requests').remove({})
    const snapshot = await everything(h)
    const again = await h.call(ADMIN, 'admin.station.create', newStation, 'create-station-0001')
    expect(again.ok && first.ok && again.data.id === first.data.id).toBe(true)
    expect(await everything(h)).toEqual(snapshot)
  })
})
