// 分级负责 (graded transfer) through the api: a case that needs handling goes station → 湖滨街道人大工委
// → 滨湖区人大常委会 → a handling unit, each hop its own event by its own actor, and each level sees
// what reached it and only that. The station keeps following its case read-only; another station's
// staff and another street's office never see it; the district admin sees everything.
import type { CaseView } from '@minyi/types'
import type { UserDoc } from '../../cloudfunctions/core/domain/records'
import { createHarness, type Harness } from '../support/apiHarness'
import {
  CHINESE,
  DISTRICT_OFFICE,
  OTHER_STREET_OFFICE,
  STREET_OFFICE,
  caseDoc,
  hookedStore,
  notificationsOf,
  refusal,
  statusUpdateGate,
  submit,
} from './caseFixtures'

let h: Harness
afterEach(() => h.close())

const RESIDENT = 'dev-resident-1'
const STATION_STAFF = 'dev-staff-1' // 湖滨 代表之家
const OTHER_STATION_STAFF = 'dev-staff-2' // 翠苑 联络站
const DEPUTY = 'dev-deputy-1' // 王建国, 湖滨
const ADMIN = 'dev-admin-1'
const NOT_FOUND = { code: 'NOT_FOUND', message: '没有找到这条民意，或您无权查看' }

const lastEntry = (view: CaseView) => view.timeline[view.timeline.length - 1]
const later = () => h.clock.advance(60_000)
const snapshot = async (id: string) => {
  const c = await caseDoc(h, id)
  return { status: c.status, events: c.events.length, office: c.office ?? null, officeIds: c.officeIds ?? [], updatedAt: c.updatedAt }
}
const inboxIds = async (userId: string, input: Record<string, unknown> = {}) => (await h.ok(userId, 'case.inbox', input)).cases.map((c) => c.id).sort()

describe('each hop is its own event, by its own actor, seen by the level it reached', () => {
  beforeEach(async () => {
    h = await createHarness()
  })

  it('station → 湖滨街道人大工委 → 滨湖区人大常委会 → 滨湖区城市管理局, and back to the resident', async () => {
    const id = await submit(h)
    const untouched = await submit(h, 'dev-resident-2', { content: '湖滨小区3号楼楼道灯坏了，晚上很黑。' })

    // At the station: its staff and deputies act; no office sees it yet.
    expect((await h.ok(STATION_STAFF, 'case.get', { caseId: id })).handler).toEqual({ level: 'station', name: '临江市滨湖区湖滨街道人大代表之家' })
    for (const office of [STREET_OFFICE, DISTRICT_OFFICE, OTHER_STREET_OFFICE]) {
      expect(refusal(await h.call(office, 'case.get', { caseId: id }))).toEqual(NOT_FOUND)
      expect(await inboxIds(office)).toEqual([])
    }

    // Hop 1: the station's staff forward it to the same-level office.
    later()
    const first = await h.ok(STATION_STAFF, 'case.forward', { caseId: id, note: '涉及交通信号配时，需有关部门办理' })
    expect(first).toMatchObject({ status: 'forwarded', handler: { level: 'street', name: '湖滨街道人大工委' }, commands: [] })
    expect(lastEntry(first)).toMatchObject({
      type: 'forward',
      label: '转报人大机关',
      actor: '联络站工作人员',
      from: 'submitted',
      to: 'forwarded',
      note: '转报湖滨街道人大工委：涉及交通信号配时，需有关部门办理',
    })
    expect(await inboxIds(STREET_OFFICE)).toEqual([id])
    expect(await inboxIds(DISTRICT_OFFICE)).toEqual([])
    expect(await inboxIds(OTHER_STREET_OFFICE)).toEqual([])
    expect(refusal(await h.call(DISTRICT_OFFICE, 'case.get', { caseId: id }))).toEqual(NOT_FOUND)
    expect(refusal(await h.call(OTHER_STREET_OFFICE, 'case.get', { caseId: id }))).toEqual(NOT_FOUND)
    expect(refusal(await h.call(OTHER_STATION_STAFF, 'case.get', { caseId: id }))).toEqual(NOT_FOUND)
    // The office sees only what reached it: not the station's other case.
    expect(refusal(await h.call(STREET_OFFICE, 'case.get', { caseId: untouched }))).toEqual(NOT_FOUND)
    const atStreet = await h.ok(STREET_OFFICE, 'case.get', { caseId: id })
    expect(atStreet.commands).toEqual(['forward', 'transfer', 'markProposal', 'decline', 'merge'])
    // The station and its deputy follow it, read-only.
    expect((await h.ok(STATION_STAFF, 'case.get', { caseId: id })).commands).toEqual([])
    expect((await h.ok(DEPUTY, 'case.get', { caseId: id })).commands).toEqual([])
    expect(await inboxIds(STATION_STAFF)).toEqual([id, untouched].sort())

    // Hop 2: the street office forwards it to the upper level.
    later()
    const second = await h.ok(STREET_OFFICE, 'case.forward', { caseId: id, note: '信号灯由区城管局管理' })
    expect(second).toMatchObject({ status: 'forwarded', handler: { level: 'district', name: '滨湖区人大常委会' }, commands: [] })
    expect(lastEntry(second)).toMatchObject({
      type: 'forward',
      actor: '湖滨街道人大工委工作人员',
      from: 'forwarded',
      to: 'forwarded',
      note: '转报滨湖区人大常委会：信号灯由区城管局管理',
    })
    expect(await inboxIds(DISTRICT_OFFICE)).toEqual([id])
    // What passed through the street office stays readable there, and is no longer its to act on.
    expect(await inboxIds(STREET_OFFICE)).toEqual([id])
    expect(await inboxIds(STREET_OFFICE, { held: true })).toEqual([])
    expect(await inboxIds(DISTRICT_OFFICE, { held: true })).toEqual([id])
    expect(await inboxIds(OTHER_STREET_OFFICE)).toEqual([])

    // Hop 3: the district office assigns a district bureau, with a time limit.
    later()
    const transferred = await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-urban', note: '请核实信号灯配时' })
    expect(transferred).toMatchObject({
      status: 'transferred',
      transfer: { unitName: '滨湖区城市管理局', dueDate: '2026-12-02' },
      deadline: { kind: 'unit', dueDate: '2026-12-02', text: '预计 12月2日 前答复' },
      commands: ['extend', 'recordUnitAnswer', 'merge'],
    })
    expect(lastEntry(transferred)).toMatchObject({ type: 'transfer', actor: '滨湖区人大常委会工作人员', from: 'forwarded', to: 'transferred' })
    later()
    const replied = await h.ok(DISTRICT_OFFICE, 'case.recordUnitAnswer', { caseId: id, answer: '经现场勘查，已调整该路口信号灯配时。' })
    expect(lastEntry(replied)).toMatchObject({ type: 'recordUnitAnswer', actor: '滨湖区人大常委会工作人员', to: 'replied' })

    // The resident reads every hop, by role, and the reply.
    const seen = await h.ok(RESIDENT, 'case.get', { caseId: id })
    expect(seen.timeline.map((e) => [e.type, e.actor])).toEqual([
      ['submit', '群众'],
      ['forward', '联络站工作人员'],
      ['forward', '湖滨街道人大工委工作人员'],
      ['transfer', '滨湖区人大常委会工作人员'],
      ['recordUnitAnswer', '滨湖区人大常委会工作人员'],
    ])
    expect(seen).toMatchObject({ canRate: true, handler: { level: 'district', name: '滨湖区人大常委会' } })
    // Admin saw it throughout and sees it now.
    expect((await h.ok(ADMIN, 'case.get', { caseId: id })).status).toBe('replied')
    expect(await inboxIds(ADMIN)).toEqual([id, untouched].sort())
  })

  it('a street office assigns its own street unit without going further up', async () => {
    const id = await submit(h, RESIDENT, { category: 'housing', content: '湖滨小区3号楼楼道灯坏了，晚上很黑。' })
    await h.ok(STATION_STAFF, 'case.forward', { caseId: id, note: '请街道协调物业' })
    const view = await h.ok(STREET_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-hubin-community' })
    expect(view).toMatchObject({ status: 'transferred', handler: { level: 'street' }, transfer: { unitName: '湖滨街道社区管理办公室' } })
    expect(refusal(await h.call(DISTRICT_OFFICE, 'case.get', { caseId: id }))).toEqual(NOT_FOUND)
    const answered = await h.ok(STREET_OFFICE, 'case.recordUnitAnswer', { caseId: id, answer: '已更换楼道灯，并要求物业定期巡查。' })
    expect(answered.replies.at(-1)?.from).toBe('湖滨街道社区管理办公室（承办单位）')
  })

  it('the office a case reaches is told in its message list, with a link to the work page', async () => {
    const id = await submit(h)
    const { trackingNo } = await h.ok(RESIDENT, 'case.get', { caseId: id })
    await h.ok(STATION_STAFF, 'case.forward', { caseId: id, note: '需要有关部门办理' })
    const [arrived] = (await h.ok(STREET_OFFICE, 'notification.list')).notifications
    expect(arrived).toMatchObject({
      caseId: id,
      title: '有转报的民意待办理',
      link: `/packageWork/pages/case/index?id=${id}`,
      push: 'not_applicable',
    })
    expect(arrived.body).toBe(`编号 ${trackingNo} 由临江市滨湖区湖滨街道人大代表之家转报，请于11月24日 10:00前受理。`)
    expect((await h.ok(DISTRICT_OFFICE, 'notification.list')).notifications).toEqual([])
    // The resident is told where it went.
    const [toResident] = (await h.ok(RESIDENT, 'notification.list')).notifications
    expect(toResident.body).toBe(`编号 ${trackingNo} 已转报湖滨街道人大工委办理，我们会跟进并答复您。`)
    // Nobody is pushed a WeChat message for staff notices.
    expect(h.notifier.sent.map((m) => m.openid)).toEqual(['dev:dev-resident-1'])
  })

  it('office staff: who they are, their units, their inbox', async () => {
    const me = await h.ok(STREET_OFFICE, 'session.me')
    expect(me).toMatchObject({
      role: 'staff',
      roleLabel: '湖滨街道人大工委工作人员',
      stations: [],
      office: { regionId: 'region-hubin', level: 'street', name: '湖滨街道人大工委' },
    })
    expect((await h.ok(DISTRICT_OFFICE, 'session.me')).office).toEqual({ regionId: 'region-binhu', level: 'district', name: '滨湖区人大常委会' })
    expect(await h.ok(STATION_STAFF, 'session.me')).toMatchObject({ roleLabel: '联络站工作人员', office: null })
    // Each office assigns the units of its own level.
    expect((await h.ok(STREET_OFFICE, 'unit.list')).units.map((u) => u.id)).toEqual(['unit-hubin-community'])
    expect((await h.ok(DISTRICT_OFFICE, 'unit.list')).units.map((u) => u.id).sort()).toEqual(['unit-education', 'unit-hotline-12345', 'unit-housing', 'unit-urban'])
    // Narrowing the inbox to a station keeps it to what reached the office.
    const a = await submit(h)
    const b = await submit(h, RESIDENT, { stationCode: 'CYSQ', content: '翠苑小区加装电梯进展缓慢，希望推动。' })
    await submit(h, RESIDENT, { stationCode: 'CYSQ', content: '翠苑小区门口人行道破损，雨天积水。' })
    await h.ok(STATION_STAFF, 'case.forward', { caseId: a, note: '需要有关部门办理' })
    await h.ok(OTHER_STATION_STAFF, 'case.forward', { caseId: b, note: '需要有关部门办理' })
    expect(await inboxIds(STREET_OFFICE)).toEqual([a, b].sort())
    expect(await inboxIds(STREET_OFFICE, { stationId: 'station-cuiyuan' })).toEqual([b])
    expect(await inboxIds(STREET_OFFICE, { status: 'forwarded', held: true })).toEqual([a, b].sort())
    expect(await inboxIds(OTHER_STREET_OFFICE, { stationId: 'station-cuiyuan' })).toEqual([])
  })
})

describe('refusals: out of order → INVALID_STATE, out of scope → NOT_FOUND / FORBIDDEN, nothing changed', () => {
  beforeEach(async () => {
    h = await createHarness()
  })

  it('a station does not assign units: it forwards first', async () => {
    const id = await submit(h)
    let before = await snapshot(id)
    for (const who of [STATION_STAFF, ADMIN]) {
      const error = refusal(await h.call(who, 'case.transfer', { caseId: id, unitId: 'unit-urban' }))
      expect(error).toEqual({ code: 'INVALID_STATE', message: '这条民意当前为「待受理」，不能转办承办单位' })
    }
    expect(await snapshot(id)).toEqual(before)
    // Reopened at the station (it answered on the spot): the state would allow a transfer, the level not.
    await h.ok(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '已联系交警部门调整配时。' })
    await h.ok(RESIDENT, 'case.rate', { caseId: id, rating: 'unsatisfied' })
    before = await snapshot(id)
    for (const who of [STATION_STAFF, ADMIN]) {
      const error = refusal(await h.call(who, 'case.transfer', { caseId: id, unitId: 'unit-urban' }))
      expect(error).toEqual({ code: 'INVALID_STATE', message: '这条民意当前为「重新办理」，由家站点办理，需先转报人大机关才能转办承办单位' })
    }
    expect(await snapshot(id)).toEqual(before)
  })

  it('once forwarded, the station and its deputies can no longer act on it', async () => {
    const id = await submit(h)
    await h.ok(STATION_STAFF, 'case.forward', { caseId: id, note: '需要有关部门办理' })
    const before = await snapshot(id)
    const forbidden = { code: 'FORBIDDEN', message: '这条民意已转报湖滨街道人大工委办理，您可以查看进展，但不能办理' }
    expect(refusal(await h.call(STATION_STAFF, 'case.forward', { caseId: id, note: '再转一次' }))).toEqual(forbidden)
    expect(refusal(await h.call(STATION_STAFF, 'case.transfer', { caseId: id, unitId: 'unit-hubin-community' }))).toEqual(forbidden)
    expect(refusal(await h.call(STATION_STAFF, 'case.decline', { caseId: id, reason: '不属于受理范围', guidance: '请向法院反映' }))).toEqual(forbidden)
    // What the state does not allow at all is INVALID_STATE, whoever asks.
    expect(refusal(await h.call(STATION_STAFF, 'case.accept', { caseId: id })).code).toBe('INVALID_STATE')
    expect(refusal(await h.call(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '这个问题我来答复一下' })).code).toBe('INVALID_STATE')
    expect(refusal(await h.call(DEPUTY, 'case.refer', { caseId: id, note: '请工作人员转办' })).code).toBe('INVALID_STATE')
    // Another station's staff, another street's office, the district office it has not reached: not found.
    for (const who of [OTHER_STATION_STAFF, OTHER_STREET_OFFICE, DISTRICT_OFFICE]) {
      expect(refusal(await h.call(who, 'case.transfer', { caseId: id, unitId: 'unit-hubin-community' }))).toEqual(NOT_FOUND)
      expect(refusal(await h.call(who, 'case.forward', { caseId: id, note: '转报上级' }))).toEqual(NOT_FOUND)
    }
    expect(await snapshot(id)).toEqual(before)
  })

  it('an office passes on what it holds only; the top office cannot forward further', async () => {
    const id = await submit(h)
    await h.ok(STATION_STAFF, 'case.forward', { caseId: id, note: '需要有关部门办理' })
    // The street office assigns street units only.
    let before = await snapshot(id)
    expect(refusal(await h.call(STREET_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-urban' }))).toEqual({
      code: 'INVALID_INPUT',
      message: '请选择本街道的承办单位',
    })
    expect(await snapshot(id)).toEqual(before)
    await h.ok(STREET_OFFICE, 'case.forward', { caseId: id, note: '涉及区级部门' })
    before = await snapshot(id)
    expect(refusal(await h.call(STREET_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-hubin-community' }))).toEqual({
      code: 'FORBIDDEN',
      message: '这条民意已转报滨湖区人大常委会办理，您可以查看进展，但不能办理',
    })
    const top = refusal(await h.call(DISTRICT_OFFICE, 'case.forward', { caseId: id, note: '再往上转' }))
    expect(top).toEqual({ code: 'INVALID_STATE', message: '这条民意当前为「已转报人大机关」，已由滨湖区人大常委会办理，不能再向上转报' })
    expect(await snapshot(id)).toEqual(before)
    // A resident never forwards.
    expect(refusal(await h.call(RESIDENT, 'case.forward', { caseId: id, note: '请转报' }))).toEqual({ code: 'FORBIDDEN', message: '您的身份不能进行此操作' })
    // A forward needs a note.
    const noNote = refusal(await h.call(DISTRICT_OFFICE, 'case.forward', { caseId: id }))
    expect(noNote).toMatchObject({ code: 'INVALID_INPUT', field: 'note' })
    expect(noNote.message).toMatch(CHINESE)
    expect(await snapshot(id)).toEqual(before)
  })

  it('office staff without an office region, or of a region with no such case, see nothing', async () => {
    await h.store.collection<UserDoc>('users').insert({
      _id: 'dev-office-x',
      openid: 'dev:dev-office-x',
      role: 'staff',
      name: '无岗位',
      stationIds: [],
      deputyId: null,
      regionId: 'region-binhu',
      officeRegionId: null,
      credits: {},
      createdAt: '2026-01-01T00:00:00.000Z',
    })
    const id = await submit(h)
    await h.ok(STATION_STAFF, 'case.forward', { caseId: id, note: '需要有关部门办理' })
    expect(await inboxIds('dev-office-x')).toEqual([])
    expect(refusal(await h.call('dev-office-x', 'case.get', { caseId: id }))).toEqual(NOT_FOUND)
  })
})

describe('two people passing one case on at the same moment', () => {
  it('the street office and the admin both forward it: exactly one hop happens', async () => {
    const gate = statusUpdateGate()
    h = await createHarness({ store: await hookedStore(gate.hooks) })
    const id = await submit(h)
    await h.ok(STATION_STAFF, 'case.forward', { caseId: id, note: '需要有关部门办理' })
    const before = await caseDoc(h, id)
    gate.arm(2)
    const answers = await Promise.all([
      h.call(STREET_OFFICE, 'case.forward', { caseId: id, note: '涉及区级部门' }),
      h.call(ADMIN, 'case.forward', { caseId: id, note: '由区里办理' }),
    ])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    const loser = answers.find((a) => !a.ok)
    expect(loser && !loser.ok && loser.error.code).toBe('CONFLICT')
    const after = await caseDoc(h, id)
    expect(after.events).toHaveLength(before.events.length + 1)
    expect(after.office).toEqual({ regionId: 'region-binhu', level: 'district', name: '滨湖区人大常委会' })
    expect(after.officeIds).toEqual(['region-hubin', 'region-binhu'])
    // The resident got one message per hop.
    expect((await notificationsOf(h, RESIDENT)).filter((n) => n.title === '您反映的民意已转报人大机关')).toHaveLength(2)
  })
})
