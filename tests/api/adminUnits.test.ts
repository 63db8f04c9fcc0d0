// Handling units per level, the routing map (分办规则) that triage's unit suggestion follows at
// once, and a station's annual goals shown in its 公示.
import { createHarness, type Harness } from '../support/apiHarness'
import { OTHER_DISTRICT_ADMIN, STREET_OFFICE as OFFICE, addOtherDistrict, submit } from './caseFixtures'
import { ADMIN, CUIYUAN_STAFF, HUBIN_STAFF, refused } from './adminFixtures'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await addOtherDistrict(h)
})
afterEach(() => h.close())

const suggestedUnit = async (caseId: string) => (await h.ok(HUBIN_STAFF, 'case.triage', { caseId })).route.unit?.id ?? null

describe('units and the routing map', () => {
  it('editing the map changes triage’s unit suggestion at once', async () => {
    const noise = await submit(h, 'dev-resident-1', { category: 'environment', content: '湖滨路夜间渣土车噪音很大，影响老人休息。' })
    const school = await submit(h, 'dev-resident-1', { category: 'education', content: '学校门口早上接送孩子的车辆太多，交通拥堵。' })
    // Today: the street's community office takes environment, the district's education bureau education.
    expect(await suggestedUnit(noise)).toBe('unit-hubin-community')
    const { routing } = await h.ok(ADMIN, 'admin.unit.list', {})
    expect(routing.map((r) => r.regionName)).toEqual(['滨湖区', '湖滨街道', '湖西街道'])
    expect(routing[1].entries.find((e) => e.category === 'environment')).toMatchObject({ unitId: 'unit-hubin-community', unitName: '湖滨街道社区管理办公室' })

    // A new street unit for environment: triage suggests it at once.
    const unit = await h.ok(ADMIN, 'admin.unit.create', { regionId: 'region-hubin', name: '湖滨街道城市管理中队', contactName: '周队长', contactPhone: '0571-8765 9900' })
    expect(unit).toMatchObject({ level: 'street', levelLabel: '街道（乡镇）级', regionName: '湖滨街道' })
    const map = await h.ok(ADMIN, 'admin.routing.set', { regionId: 'region-hubin', entries: [{ category: 'environment', unitId: unit.id }] })
    expect(map.entries.find((e) => e.category === 'environment')?.unitName).toBe('湖滨街道城市管理中队')
    expect(map.entries.find((e) => e.category === 'housing')?.unitId).toBe('unit-hubin-community')
    expect(await suggestedUnit(noise)).toBe(unit.id)
    // Cleared at the street: the district's unit for it.
    await h.ok(ADMIN, 'admin.routing.set', { regionId: 'region-hubin', entries: [{ category: 'environment', unitId: null }] })
    expect(await suggestedUnit(noise)).toBe('unit-urban')
    // Education moved to another district unit.
    await h.ok(ADMIN, 'admin.routing.set', { regionId: 'region-binhu', entries: [{ category: 'education', unitId: 'unit-urban' }] })
    expect(await suggestedUnit(school)).toBe('unit-urban')
    // A unit retired: no longer suggested nor offered for a transfer.
    await h.ok(ADMIN, 'admin.unit.update', { unitId: 'unit-urban', retired: true })
    expect(await suggestedUnit(school)).toBeNull()
    expect((await h.ok(HUBIN_STAFF, 'unit.list', {})).units.map((u) => u.id)).not.toContain('unit-urban')
    const audit = await h.ok(ADMIN, 'admin.audit.list', { objectType: 'routing' })
    expect(audit.entries).toHaveLength(3)
    expect(audit.entries.find((e) => e.after?.environment === unit.id)).toMatchObject({ objectId: 'region-hubin', before: { environment: 'unit-hubin-community' }, after: { environment: unit.id } })
  })

  it('refusals: another level’s unit, another district, staff; nothing written', async () => {
    expect((await refused(h, ADMIN, 'admin.routing.set', { regionId: 'region-hubin', entries: [{ category: 'traffic', unitId: 'unit-urban' }] }, 'INVALID_INPUT')).message).toBe('“道路交通”请选择湖滨街道在用的承办单位')
    await refused(h, OTHER_DISTRICT_ADMIN, 'admin.routing.set', { regionId: 'region-binhu', entries: [{ category: 'traffic', unitId: 'unit-urban' }] }, 'INVALID_INPUT')
    await refused(h, HUBIN_STAFF, 'admin.routing.set', { regionId: 'region-hubin', entries: [] }, 'FORBIDDEN')
    await refused(h, HUBIN_STAFF, 'admin.unit.create', { regionId: 'region-hubin', name: '湖滨街道城管中队' }, 'FORBIDDEN')
    await refused(h, ADMIN, 'admin.unit.create', { regionId: 'region-other', name: '临湖区城管局' }, 'INVALID_INPUT')
    await refused(h, ADMIN, 'admin.unit.create', { regionId: 'region-binhu', name: '滨湖区教育局' }, 'INVALID_INPUT')
    await refused(h, OTHER_DISTRICT_ADMIN, 'admin.unit.update', { unitId: 'unit-urban', name: '临湖区城管局' }, 'NOT_FOUND')
    const edited = await h.ok(ADMIN, 'admin.unit.update', { unitId: 'unit-urban', contactName: '吴主任' })
    expect(edited).toMatchObject({ contactName: '吴主任', contactPhone: '0571-8700 2002' })
  })
})

describe('annual goals and the 公示', () => {
  it('staff of the station save goals and progress; the station page shows them with deputies’ counts', async () => {
    const current = await h.ok(HUBIN_STAFF, 'admin.goal.get', { stationId: 'station-hubin', year: 2026 })
    expect(current).toMatchObject({ version: 1, goals: [{ id: 'g-hubin-1' }, { id: 'g-hubin-2' }, { id: 'g-hubin-3' }] })
    const goals = [
      { id: 'g-hubin-1', title: current.goals[0].title, status: 'done', progress: '全年开展6次，接待群众75人次' },
      { title: '推动湖滨路口信号灯配时优化', status: 'in_progress', progress: '' },
    ]
    const saved = await h.ok(HUBIN_STAFF, 'admin.goal.save', { stationId: 'station-hubin', year: 2026, version: 1, goals })
    expect(saved).toMatchObject({ version: 2, goals: [{ id: 'g-hubin-1', status: 'done', statusLabel: '已完成' }, { title: '推动湖滨路口信号灯配时优化', statusLabel: '推进中' }] })
    // A save over a version someone else replaced is refused, nothing written.
    await refused(h, HUBIN_STAFF, 'admin.goal.save', { stationId: 'station-hubin', year: 2026, version: 1, goals }, 'CONFLICT')
    await refused(h, CUIYUAN_STAFF, 'admin.goal.save', { stationId: 'station-hubin', year: 2026, version: 2, goals }, 'NOT_FOUND')
    await refused(h, CUIYUAN_STAFF, 'admin.goal.get', { stationId: 'station-hubin', year: 2026 }, 'NOT_FOUND')
    await refused(h, 'dev-deputy-1', 'admin.goal.save', { stationId: 'station-hubin', year: 2026, version: 2, goals }, 'FORBIDDEN')
    await refused(h, OTHER_DISTRICT_ADMIN, 'admin.goal.get', { stationId: 'station-hubin', year: 2026 }, 'NOT_FOUND')
    await refused(h, HUBIN_STAFF, 'admin.goal.save', { stationId: 'station-hubin', year: 2026, version: 2, goals: [{ title: '短', status: 'done' }] }, 'INVALID_INPUT')
    // The street office edits its street's stations' goals too; the admin any of the district's.
    expect((await h.ok(OFFICE, 'admin.goal.get', { stationId: 'station-hubin', year: 2026 })).version).toBe(2)
    expect((await h.ok(ADMIN, 'admin.goal.get', { stationId: 'station-wanghu', year: 2027 })).goals).toEqual([])

    // The resident's station page: goals and completion, deputies' records in counts (no names of residents).
    await submit(h, 'dev-resident-1', { deputyCode: 'DB01' })
    const page = await h.ok('dev-resident-2', 'station.byCode', { code: 'HBJD' })
    expect(page.publicity).toMatchObject({ year: 2026, done: 1, goals: [{ status: 'done' }, { status: 'in_progress' }] })
    expect(page.publicity?.deputies.find((d) => d.deputyId === 'deputy-1')).toMatchObject({ cases: 1, suggestions: 0 })
    expect(JSON.stringify(page.publicity)).not.toContain('刘阿姨')
    expect(page.deputies[0]).toMatchObject({ contact: '区人大代表联络科 0571-8765 4300' })
    expect((await h.ok(ADMIN, 'admin.audit.list', { objectType: 'goal' })).entries).toMatchObject([{ objectId: 'station-hubin:2026', actorId: HUBIN_STAFF }])
  })
})
