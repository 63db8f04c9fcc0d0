// Roles and object scope, driven through the router exactly as the `api` function is called:
// who may call which action, and who may see or touch which case.
import type { UserDoc } from '../../cloudfunctions/core/domain/records'
import { createHarness, validOpinion, type Harness } from '../support/apiHarness'
import { CHINESE, caseDoc, refusal, submit, transferViaOffices } from './caseFixtures'

let h: Harness
// One case per station, and one sent with a deputy's 代表码.
let hubin: string
let cuiyuan: string
let wanghu: string
let viaDeputyCode: string

beforeEach(async () => {
  h = await createHarness()
  hubin = await submit(h, 'dev-resident-1', { stationCode: 'HBJD', category: 'traffic' })
  cuiyuan = await submit(h, 'dev-resident-2', { stationCode: 'CYSQ', category: 'housing', content: '翠苑小区加装电梯进展缓慢，希望推动' })
  wanghu = await submit(h, 'dev-resident-1', { stationCode: 'WHSQ', category: 'health', content: '望湖社区卫生服务站周末不开门，看病不方便' })
  viaDeputyCode = await submit(h, 'dev-resident-2', {
    stationCode: 'CYSQ',
    deputyCode: 'DB02',
    category: 'education',
    content: '翠苑小学门口放学时段交通拥堵，孩子过马路危险',
  })
})
afterEach(() => h.close())

const inboxIds = async (userId: string, input: Record<string, unknown> = {}) =>
  (await h.ok(userId, 'case.inbox', input)).cases.map((c) => c.id).sort()

/** A stored case's status and history length, to prove a refused call changed nothing. */
const snapshot = async (id: string) => {
  const c = await caseDoc(h, id)
  return { status: c.status, events: c.events.length, updatedAt: c.updatedAt, outbox: c.outboxSize }
}

const NOT_FOUND_MESSAGE = '没有找到这条民意，或您无权查看'

describe('residents see only their own cases', () => {
  it("resident 2 cannot read resident 1's case, and cannot tell it from a case that does not exist", async () => {
    const other = await h.call('dev-resident-2', 'case.get', { caseId: hubin })
    const missing = await h.call('dev-resident-2', 'case.get', { caseId: 'c_doesnotexist000000000000' })
    expect(other).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE } })
    expect(other).toEqual(missing)
    // The owner still can.
    expect((await h.ok('dev-resident-1', 'case.get', { caseId: hubin })).isMine).toBe(true)
  })

  it("lists only the caller's own cases under 我的", async () => {
    const mine = (await h.ok('dev-resident-1', 'case.listMine')).cases.map((c) => c.id).sort()
    expect(mine).toEqual([hubin, wanghu].sort())
    const theirs = (await h.ok('dev-resident-2', 'case.listMine')).cases.map((c) => c.id).sort()
    expect(theirs).toEqual([cuiyuan, viaDeputyCode].sort())
  })

  it("cannot rate someone else's case, even once it is replied", async () => {
    await h.ok('dev-staff-1', 'case.answerOnSite', { caseId: hubin, answer: '已联系交警部门调整信号灯配时。' })
    const before = await snapshot(hubin)
    const response = await h.call('dev-resident-2', 'case.rate', { caseId: hubin, rating: 'satisfied' })
    expect(refusal(response)).toEqual({ code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE })
    expect(await snapshot(hubin)).toEqual(before)
  })

  const staffActions: Array<[string, Record<string, unknown>]> = [
    ['case.accept', {}],
    ['case.refer', { note: '请工作人员转办' }],
    ['case.answerOnSite', { answer: '我自己答复一下这个问题' }],
    ['case.transfer', { unitId: 'unit-urban' }],
    ['case.recordUnitAnswer', { answer: '承办单位已经处理完毕' }],
    ['case.markProposal', { note: '普遍性问题' }],
    ['case.decline', { reason: '不属于受理范围', guidance: '请向法院咨询' }],
    ['case.revealPhone', {}],
  ]
  it.each(staffActions)('a resident calling %s on their own case is FORBIDDEN and nothing changes', async (action, extra) => {
    const before = await snapshot(hubin)
    const response = await h.call('dev-resident-1', action as 'case.accept', { caseId: hubin, ...extra })
    expect(refusal(response)).toEqual({ code: 'FORBIDDEN', message: '您的身份不能进行此操作' })
    expect(await snapshot(hubin)).toEqual(before)
  })

  it.each([['case.inbox'], ['unit.list']])('a resident calling %s is FORBIDDEN', async (action) => {
    const response = await h.call('dev-resident-1', action as 'case.inbox', {})
    expect(refusal(response).code).toBe('FORBIDDEN')
    expect(refusal(response).message).toMatch(CHINESE)
  })
})

describe('deputies work only on the cases of their own stations', () => {
  // dev-deputy-1 王建国: 湖滨 only; dev-deputy-2 李秀梅: 翠苑 + 湖滨; dev-deputy-3 陈志强: 翠苑;
  // dev-deputy-4 刘洋: 望湖; dev-deputy-5 赵敏: 望湖 + 湖滨.
  it.each([
    ['dev-deputy-1', () => [hubin]],
    ['dev-deputy-2', () => [hubin, cuiyuan, viaDeputyCode]],
    ['dev-deputy-3', () => [cuiyuan, viaDeputyCode]],
    ['dev-deputy-4', () => [wanghu]],
    ['dev-deputy-5', () => [hubin, wanghu]],
  ])("%s's inbox holds exactly the cases of all of their stations", async (deputy, expected) => {
    expect(await inboxIds(deputy)).toEqual(expected().sort())
  })

  it("a case sent with a deputy's 代表码 is in that deputy's inbox and addressed to them", async () => {
    const inbox = await h.ok('dev-deputy-2', 'case.inbox', {})
    expect(inbox.cases.map((c) => c.id)).toContain(viaDeputyCode)
    const view = await h.ok('dev-deputy-2', 'case.get', { caseId: viaDeputyCode })
    expect(view).toMatchObject({ channel: 'deputy_code', deputy: { id: 'deputy-2', name: '李秀梅' } })
  })

  it.each([
    ['dev-deputy-1', () => cuiyuan],
    ['dev-deputy-1', () => wanghu],
    ['dev-deputy-3', () => hubin],
    ['dev-deputy-4', () => viaDeputyCode],
    ['dev-deputy-5', () => cuiyuan],
  ])('%s cannot see, refer or answer a case of a station they do not belong to', async (deputy, target) => {
    const id = target()
    const before = await snapshot(id)
    expect(refusal(await h.call(deputy, 'case.get', { caseId: id }))).toEqual({ code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE })
    expect(refusal(await h.call(deputy, 'case.refer', { caseId: id, note: '请工作人员转办' })).code).toBe('NOT_FOUND')
    expect(refusal(await h.call(deputy, 'case.answerOnSite', { caseId: id, answer: '这个问题我来答复一下' })).code).toBe('NOT_FOUND')
    expect(refusal(await h.call(deputy, 'case.revealPhone', { caseId: id })).code).toBe('NOT_FOUND')
    expect(await snapshot(id)).toEqual(before)
  })

  it("a deputy asking for another station's inbox is FORBIDDEN", async () => {
    const response = await h.call('dev-deputy-1', 'case.inbox', { stationId: 'station-wanghu' })
    expect(refusal(response)).toEqual({ code: 'FORBIDDEN', message: '您不能查看其他家站点的民意' })
    expect(await inboxIds('dev-deputy-2', { stationId: 'station-cuiyuan' })).toEqual([cuiyuan, viaDeputyCode].sort())
  })

  it.each([
    ['case.accept', {}],
    ['case.transfer', { unitId: 'unit-urban' }],
    ['case.markProposal', { note: '普遍性问题' }],
    ['case.decline', { reason: '不属于受理范围', guidance: '请向法院咨询' }],
    ['case.rate', { rating: 'satisfied' }],
  ])('a deputy calling %s on a case of their own station is FORBIDDEN', async (action, extra) => {
    const before = await snapshot(hubin)
    const response = await h.call('dev-deputy-1', action as 'case.accept', { caseId: hubin, ...extra })
    expect(refusal(response)).toEqual({ code: 'FORBIDDEN', message: '您的身份不能进行此操作' })
    expect(await snapshot(hubin)).toEqual(before)
  })
})

describe('staff work only on the cases of their own station; admin on the whole district', () => {
  it("each staff member's inbox holds their station's cases only", async () => {
    expect(await inboxIds('dev-staff-1')).toEqual([hubin])
    expect(await inboxIds('dev-staff-2')).toEqual([cuiyuan, viaDeputyCode].sort())
    expect(await inboxIds('dev-staff-3')).toEqual([wanghu])
  })

  const actions: Array<[string, Record<string, unknown>]> = [
    ['case.get', {}],
    ['case.accept', {}],
    ['case.transfer', { unitId: 'unit-urban' }],
    ['case.answerOnSite', { answer: '已联系有关部门处理' }],
    ['case.markProposal', { note: '普遍性问题' }],
    ['case.decline', { reason: '不属于受理范围', guidance: '请向法院咨询' }],
    ['case.revealPhone', {}],
  ]
  it.each(actions)("staff of another station calling %s on a 湖滨 case gets NOT_FOUND and nothing changes", async (action, extra) => {
    const before = await snapshot(hubin)
    for (const staff of ['dev-staff-2', 'dev-staff-3']) {
      const response = await h.call(staff, action as 'case.accept', { caseId: hubin, ...extra })
      expect(refusal(response)).toEqual({ code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE })
    }
    expect(await snapshot(hubin)).toEqual(before)
  })

  it('staff of another station cannot record the unit answer of a transferred case', async () => {
    await transferViaOffices(h, hubin, { unitId: 'unit-urban' })
    const before = await snapshot(hubin)
    const response = await h.call('dev-staff-2', 'case.recordUnitAnswer', { caseId: hubin, answer: '承办单位已经处理完毕' })
    expect(refusal(response).code).toBe('NOT_FOUND')
    expect(await snapshot(hubin)).toEqual(before)
  })

  it.each([
    ['dev-staff-1', 'station-cuiyuan'],
    ['dev-staff-3', 'station-hubin'],
    ['dev-staff-1', 'station-nowhere'],
  ])('%s asking for the inbox of %s is FORBIDDEN', async (staff, stationId) => {
    expect(refusal(await h.call(staff, 'case.inbox', { stationId }))).toEqual({ code: 'FORBIDDEN', message: '您不能查看其他家站点的民意' })
  })

  it("admin's inbox holds the cases of all three stations, and admin can act on any of them", async () => {
    expect(await inboxIds('dev-admin-1')).toEqual([hubin, cuiyuan, wanghu, viaDeputyCode].sort())
    expect(await inboxIds('dev-admin-1', { stationId: 'station-wanghu' })).toEqual([wanghu])
    const me = await h.ok('dev-admin-1', 'session.me')
    expect(me.stations.map((s) => s.code).sort()).toEqual(['CYSQ', 'HBJD', 'WHSQ'])

    expect((await h.ok('dev-admin-1', 'case.accept', { caseId: cuiyuan })).status).toBe('accepted')
    // Admin acts at whatever level holds a case (分级负责): here it forwards for the station, then
    // assigns a unit for the street office.
    expect((await h.ok('dev-admin-1', 'case.forward', { caseId: wanghu, note: '请街道协调办理' })).status).toBe('forwarded')
    expect((await h.ok('dev-admin-1', 'case.transfer', { caseId: wanghu, unitId: 'unit-hubin-community' })).status).toBe('transferred')
    const answered = await h.ok('dev-admin-1', 'case.answerOnSite', { caseId: hubin, answer: '已协调交警延长绿灯时间。' })
    expect(answered.status).toBe('replied')
    expect(answered.timeline.at(-1)?.actor).toBe('人大机关工作人员')
  })

  it('the inbox filters by status and category within the scope', async () => {
    await h.ok('dev-admin-1', 'case.accept', { caseId: cuiyuan })
    expect(await inboxIds('dev-admin-1', { status: 'accepted' })).toEqual([cuiyuan])
    expect(await inboxIds('dev-admin-1', { status: 'submitted' })).toEqual([hubin, wanghu, viaDeputyCode].sort())
    expect(await inboxIds('dev-admin-1', { category: 'education' })).toEqual([viaDeputyCode])
    expect(await inboxIds('dev-staff-1', { category: 'education' })).toEqual([])
    const response = await h.call('dev-staff-1', 'case.inbox', { status: 'lost' })
    expect(refusal(response)).toMatchObject({ code: 'INVALID_INPUT', message: '请选择正确的状态', field: 'status' })
  })
})

describe('identity comes from the openid only', () => {
  it('identity fields inside `input` are stripped and ignored', async () => {
    const me = await h.ok('dev-resident-1', 'session.me', { userId: 'dev-admin-1', openid: 'dev:dev-admin-1', role: 'admin' })
    expect(me).toMatchObject({ id: 'dev-resident-1', role: 'resident', name: '刘阿姨' })

    const inbox = await h.call('dev-resident-1', 'case.inbox', { role: 'admin', userId: 'dev-admin-1' })
    expect(refusal(inbox).code).toBe('FORBIDDEN')

    const accept = await h.call('dev-resident-1', 'case.accept', { caseId: hubin, role: 'staff', userId: 'dev-staff-1' })
    expect(refusal(accept).code).toBe('FORBIDDEN')

    const peek = await h.call('dev-resident-2', 'case.get', { caseId: hubin, residentId: 'dev-resident-1', openid: 'dev:dev-resident-1' })
    expect(refusal(peek).code).toBe('NOT_FOUND')
  })

  it('a submission carrying another identity is filed under the caller', async () => {
    const { id } = await h.ok('dev-resident-2', 'case.submit', { ...validOpinion, residentId: 'dev-resident-1', userId: 'dev-resident-1' })
    expect((await caseDoc(h, id)).residentId).toBe('dev-resident-2')
    expect((await h.ok('dev-resident-1', 'case.listMine')).cases.map((c) => c.id)).not.toContain(id)
  })

  it('identity fields on the envelope are ignored: only the trusted context counts', async () => {
    const response = await h.api.handle(
      { action: 'session.me', input: {}, openid: 'dev:dev-admin-1', userId: 'dev-admin-1', role: 'admin' },
      { openid: 'dev:dev-resident-2' },
    )
    expect(response).toMatchObject({ ok: true, data: { id: 'dev-resident-2', role: 'resident' } })
  })

  it('without an openid nothing is answered', async () => {
    const response = await h.api.handle({ action: 'session.me', input: {} }, { openid: null })
    expect(refusal(response)).toEqual({ code: 'UNAUTHENTICATED', message: '无法识别您的微信身份，请在微信中重新打开小程序' })
  })

  it('an unknown openid becomes a fresh resident with no access to anyone\'s cases', async () => {
    const context = { openid: 'oWx_stranger_openid_0001' }
    const me = await h.api.handle({ action: 'session.me', input: {} }, context)
    expect(me).toMatchObject({ ok: true, data: { role: 'resident', stations: [], deputyId: null, unreadNotifications: 0 } })
    const get = await h.api.handle({ action: 'case.get', input: { caseId: hubin } }, context)
    expect(refusal(get).code).toBe('NOT_FOUND')
    const mine = await h.api.handle({ action: 'case.listMine', input: {} }, context)
    expect(mine).toEqual({ ok: true, data: { cases: [] } })
    const inbox = await h.api.handle({ action: 'case.inbox', input: {} }, context)
    expect(refusal(inbox).code).toBe('FORBIDDEN')
    // The same openid is the same person next time.
    const again = await h.api.handle({ action: 'session.me', input: {} }, context)
    expect(again).toEqual(me)
  })

  it('several first requests of a new openid at once register one resident and all succeed', async () => {
    const context = { openid: 'oWx_stranger_openid_0002' }
    const answers = await Promise.all(Array.from({ length: 5 }, () => h.api.handle({ action: 'session.me', input: {} }, context)))
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, true, true])
    expect(new Set(answers.map((a) => (a.ok ? (a.data as { id: string }).id : null))).size).toBe(1)
    expect(await h.store.collection<UserDoc>('users').count({ openid: context.openid })).toBe(1)
  })
})

describe('the envelope', () => {
  it.each([['case.delete'], ['admin.grant'], ['constructor'], ['__proto__'], ['toString'], ['']])('unknown action %j → UNKNOWN_ACTION', async (action) => {
    const response = await h.api.handle({ action, input: {} }, { openid: 'dev:dev-admin-1' })
    expect(response).toEqual({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } })
  })

  it.each([[null], [undefined], ['case.get'], [42], [[]], [{}], [{ action: 42 }], [{ action: null }], [{ input: { caseId: 'x' } }]])(
    'malformed envelope %j → UNKNOWN_ACTION',
    async (envelope) => {
      const response = await h.api.handle(envelope, { openid: 'dev:dev-admin-1' })
      expect(response).toEqual({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } })
    },
  )

  it('a malformed requestId is refused before anything runs', async () => {
    const response = await h.api.handle({ action: 'case.submit', input: validOpinion, requestId: 'x y' }, { openid: 'dev:dev-resident-1' })
    expect(refusal(response)).toMatchObject({ code: 'INVALID_INPUT', field: 'requestId' })
    expect((await h.ok('dev-resident-1', 'case.listMine')).cases).toHaveLength(2)
  })
})
