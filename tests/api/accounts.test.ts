// 账号与邀请码 through the api router: creating accounts within the role ceiling, the one-time
// invitation (7 days, single use, one conditional update), binding a WeChat OPENID (also of a
// person who already used the app as a resident), revoking, and the audit trail of all of it.
import { randomUUID } from 'node:crypto'
import type { ActionName, ActionOutput, ApiResponse } from '@minyi/types'
import { COLLECTIONS, type CollectionName } from '../../cloudfunctions/core/ports'
import type { InvitationDoc, UserDoc } from '../../cloudfunctions/core/domain/records'
import { hashInvitationCode } from '../../cloudfunctions/core/domain/accountRules'
import { createHarness, validOpinion, type Harness } from '../support/apiHarness'
import { CHINESE, OTHER_DISTRICT_ADMIN, STREET_OFFICE, addOtherDistrict, refusal, submit } from './caseFixtures'

// Each creation draws a QR code (about a second on a busy machine).
jest.setTimeout(30_000)

let h: Harness
afterEach(() => h?.close())

const ADMIN = 'dev-admin-1'
const STAFF = 'dev-staff-1' // 湖滨
const DEPUTY = 'dev-deputy-1'

/** A call as a WeChat user who is not one of the demo users: a fresh openid. */
function as<A extends ActionName>(openid: string, action: A, input: unknown = {}, requestId = randomUUID().replace(/-/g, '')) {
  return h.api.handle({ action, input, requestId }, { openid }) as Promise<ApiResponse<ActionOutput<A>>>
}
async function okAs<A extends ActionName>(openid: string, action: A, input: unknown = {}): Promise<ActionOutput<A>> {
  const answer = await as(openid, action, input)
  if (!answer.ok) throw new Error(`${action} failed: ${answer.error.code} ${answer.error.message}`)
  return answer.data
}

async function everything(): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {}
  for (const name of COLLECTIONS) {
    if (name === 'requests') continue
    all[name] = await h.store.collection(name as CollectionName).find({}, { sort: [['_id', 1]], limit: 100_000 })
  }
  return all
}

const hubinStaff = { role: 'staff', name: '林小雨', stationIds: ['station-hubin'] }

describe('an admin invites a staff member of 湖滨, who accepts in WeChat', () => {
  it('binds the openid: the new staff member sees 湖滨’s inbox; the code is stored only hashed', async () => {
    h = await createHarness()
    await submit(h, 'dev-resident-1')
    const { account, invitation } = await h.ok(ADMIN, 'admin.account.create', hubinStaff)
    expect(account).toMatchObject({ name: '林小雨', role: 'staff', status: 'invited', statusLabel: '待接受邀请', roleLabel: '联络站工作人员', canRevoke: true })
    expect(account.scopeLabel).toContain('湖滨')
    expect(invitation.code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/)
    expect(invitation.scene).toBe(`i=${invitation.code}`)
    expect(invitation.qrDataUrl).toMatch(/^data:image\/png;base64,/)
    expect(new Date(invitation.expiresAt).getTime() - h.clock.now().getTime()).toBe(7 * 24 * 3600 * 1000)
    const stored = (await h.store.collection<InvitationDoc>('invitations').find({}))[0]
    expect(JSON.stringify(stored)).not.toContain(invitation.code)
    expect(stored.codeHash).toBe(hashInvitationCode(invitation.code))

    const fresh = 'wx-openid-new-1'
    expect(await okAs(fresh, 'invitation.preview', { code: invitation.code.toLowerCase() })).toMatchObject({ name: '林小雨', roleLabel: '联络站工作人员', invitedBy: '滨湖区人大常委会联络科' })
    expect((await okAs(fresh, 'session.me')).role).toBe('resident')
    expect(await okAs(fresh, 'invitation.accept', { code: invitation.code })).toMatchObject({ role: 'staff', name: '林小雨' })
    const me = await okAs(fresh, 'session.me')
    expect(me).toMatchObject({ id: account.id, role: 'staff', name: '林小雨' })
    expect(me.stations.map((s) => s.id)).toEqual(['station-hubin'])
    const inbox = await okAs(fresh, 'case.inbox', {})
    expect(inbox.cases.length).toBeGreaterThan(0)
    expect(inbox.cases.every((c) => c.stationId === 'station-hubin')).toBe(true)
    const list = await h.ok(ADMIN, 'admin.account.list')
    expect(list.accounts.find((a) => a.id === account.id)).toMatchObject({ status: 'active', invitation: { status: 'used', statusLabel: '已使用' } })
  })

  it('a person who already used the app as a resident keeps their own cases on their resident record', async () => {
    h = await createHarness()
    const openid = 'wx-openid-resident'
    const mine = await okAs(openid, 'case.submit', { ...validOpinion })
    const residentId = (await okAs(openid, 'session.me')).id
    const { account, invitation } = await h.ok(ADMIN, 'admin.account.create', hubinStaff)
    await okAs(openid, 'invitation.accept', { code: invitation.code })
    const users = h.store.collection<UserDoc>('users')
    expect(await users.find({ openid })).toEqual([expect.objectContaining({ _id: account.id, residentId, status: 'active' })])
    expect(await users.get(residentId)).toMatchObject({ role: 'resident', movedToAccountId: account.id })
    const caseDoc = await h.store.collection<{ _id: string; residentId: string }>('cases').get(mine.id)
    expect(caseDoc?.residentId).toBe(residentId)
  })

  it('the audit trail records the account, the invitation and its acceptance (never the code or openid)', async () => {
    h = await createHarness()
    const { account, invitation } = await h.ok(ADMIN, 'admin.account.create', hubinStaff)
    await okAs('wx-audit', 'invitation.accept', { code: invitation.code })
    await h.ok(ADMIN, 'admin.account.revoke', { accountId: account.id, reason: '调离岗位' })
    const { entries } = await h.ok(ADMIN, 'admin.audit.list', {})
    const mine = entries.filter((e) => e.objectType === 'account' || e.objectType === 'invitation')
    expect(mine.map((e) => `${e.objectType}:${e.action}`).sort()).toEqual(['account:create', 'account:revoke', 'invitation:accept', 'invitation:create'])
    expect(JSON.stringify(mine)).not.toContain(invitation.code)
    expect(JSON.stringify(mine)).not.toContain('wx-audit')
  })
})

describe('nobody grants a role above their own or a scope outside their own', () => {
  type Row = [label: string, who: string, input: Record<string, unknown>, code: string, message: string]
  const rows: Row[] = [
    ['station staff granting admin', STAFF, { role: 'admin', name: '张三' }, 'FORBIDDEN', '不能授予高于本人的角色'],
    ['station staff granting another station', STAFF, { role: 'staff', name: '张三', stationIds: ['station-cuiyuan'] }, 'FORBIDDEN', '不能授予本人范围以外的家站点'],
    ['station staff granting their own and another station', STAFF, { role: 'staff', name: '张三', stationIds: ['station-hubin', 'station-wanghu'] }, 'FORBIDDEN', '不能授予本人范围以外的家站点'],
    ['station staff granting a street office', STAFF, { role: 'staff', name: '张三', officeRegionId: 'region-hubin' }, 'FORBIDDEN', '只有人大机关可以创建街道人大工委的账号'],
    ['station staff binding a deputy of another station', STAFF, { role: 'deputy', name: '陈志强', deputyId: 'deputy-3' }, 'FORBIDDEN', '这位代表不在本人负责的家站点，不能为其创建账号'],
    ['office staff creating accounts', STREET_OFFICE, { role: 'staff', name: '张三', stationIds: ['station-hubin'] }, 'FORBIDDEN', '街道人大工委、区人大常委会的工作人员不能创建账号，请联系区人大机关'],
    ['a deputy creating accounts', DEPUTY, { role: 'deputy', name: '王建国', deputyId: 'deputy-1' }, 'FORBIDDEN', '您的身份不能进行此操作'],
    ['a resident creating accounts', 'dev-resident-1', { role: 'staff', name: '张三', stationIds: ['station-hubin'] }, 'FORBIDDEN', '您的身份不能进行此操作'],
    ['an admin granting another district’s station', ADMIN, { role: 'staff', name: '张三', stationIds: ['station-other'] }, 'FORBIDDEN', '不能授予本人范围以外的家站点'],
    ['an admin granting another district’s office', ADMIN, { role: 'staff', name: '张三', officeRegionId: 'region-other' }, 'FORBIDDEN', '不能授予本人范围以外的街道'],
    ['another district’s admin binding our deputy', OTHER_DISTRICT_ADMIN, { role: 'deputy', name: '王建国', deputyId: 'deputy-1' }, 'FORBIDDEN', '这位代表不在本人负责的家站点，不能为其创建账号'],
    ['staff without a station', ADMIN, { role: 'staff', name: '张三' }, 'INVALID_INPUT', '请为工作人员选择所在的家站点'],
    ['a resident account', ADMIN, { role: 'resident', name: '张三' }, 'INVALID_INPUT', '请选择账号角色'],
    ['an unknown station', ADMIN, { role: 'staff', name: '张三', stationIds: ['station-nowhere'] }, 'INVALID_INPUT', '没有找到所选的家站点'],
    ['a deputy who already has an account', ADMIN, { role: 'deputy', name: '王建国', deputyId: 'deputy-1' }, 'CONFLICT', '王建国代表已有账号，如需重新绑定，请先撤销原账号'],
  ]
  it.each(rows)('%s: refused in Chinese, nothing written', async (_label, who, input, code, message) => {
    h = await createHarness()
    await addOtherDistrict(h)
    const before = await everything()
    expect(refusal(await h.call(who, 'admin.account.create', input))).toMatchObject({ code, message })
    expect(await everything()).toEqual(before)
  })

  it('allowed at and below the ceiling: staff invite staff and deputies of their station; an admin invites an admin and a street office', async () => {
    h = await createHarness()
    await h.ok(STAFF, 'admin.account.create', hubinStaff)
    // 李秀梅 (翠苑 and 湖滨) had an account; once it is revoked, 湖滨's staff may invite her again.
    await h.ok(ADMIN, 'admin.account.revoke', { accountId: 'dev-deputy-2' })
    const deputy = await h.ok(STAFF, 'admin.account.create', { role: 'deputy', name: '任意', deputyId: 'deputy-2' })
    expect(deputy.account).toMatchObject({ role: 'deputy', deputyId: 'deputy-2' })
    const admin = await h.ok(ADMIN, 'admin.account.create', { role: 'admin', name: '新管理员' })
    expect(admin.account).toMatchObject({ role: 'admin', roleLabel: '人大机关' })
    const office = await h.ok(ADMIN, 'admin.account.create', { role: 'staff', name: '街道干部', officeRegionId: 'region-hubin' })
    expect(office.account).toMatchObject({ roleLabel: '湖滨街道人大工委工作人员', scopeLabel: '湖滨街道人大工委' })
    // Staff see what they may manage (and themselves), not the admins.
    const staffList = await h.ok(STAFF, 'admin.account.list')
    expect(staffList.accounts.map((a) => a.name)).toEqual(expect.arrayContaining(['林小雨', '李秀梅', '孙晓燕', '王建国']))
    expect(staffList.accounts.find((a) => a.id === STAFF)?.canRevoke).toBe(false)
    expect(staffList.accounts.some((a) => a.role === 'admin')).toBe(false)
  })

  it('revoking: staff cannot revoke an admin or themselves; another district’s admin cannot see the account', async () => {
    h = await createHarness()
    await addOtherDistrict(h)
    const { account } = await h.ok(ADMIN, 'admin.account.create', { role: 'admin', name: '新管理员' })
    const before = await everything()
    expect(refusal(await h.call(STAFF, 'admin.account.revoke', { accountId: account.id }))).toMatchObject({ code: 'FORBIDDEN' })
    expect(refusal(await h.call(STAFF, 'admin.account.revoke', { accountId: STAFF }))).toMatchObject({ code: 'FORBIDDEN', message: '不能管理自己的账号，请联系其他管理员' })
    expect(refusal(await h.call(OTHER_DISTRICT_ADMIN, 'admin.account.revoke', { accountId: account.id }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(refusal(await h.call(OTHER_DISTRICT_ADMIN, 'admin.account.revoke', { accountId: STAFF }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await everything()).toEqual(before)
  })
})

describe('revoking an account stops it at its next call', () => {
  it('a bound staff account is refused with a Chinese message right after the revocation', async () => {
    h = await createHarness()
    const { account, invitation } = await h.ok(ADMIN, 'admin.account.create', hubinStaff)
    const openid = 'wx-openid-revoked'
    await okAs(openid, 'invitation.accept', { code: invitation.code })
    expect((await okAs(openid, 'case.inbox', {})).cases).toBeDefined()
    const revoked = await h.ok(ADMIN, 'admin.account.revoke', { accountId: account.id, reason: '调离' })
    expect(revoked.account).toMatchObject({ status: 'revoked', statusLabel: '已撤销', canRevoke: false })
    const refused = refusal(await as(openid, 'case.inbox', {}))
    expect(refused).toEqual({ code: 'FORBIDDEN', message: '您的账号已被撤销，不能继续使用。如有疑问，请联系区人大常委会' })
    expect(refusal(await as(openid, 'session.me'))).toMatchObject({ code: 'FORBIDDEN' })
    expect(refusal(await h.call(ADMIN, 'admin.account.revoke', { accountId: account.id }))).toMatchObject({ code: 'INVALID_STATE', message: '该账号已经撤销' })
  })

  it('a seeded staff member revoked by their admin is refused too; their pending invitations die with the account', async () => {
    h = await createHarness()
    const { account, invitation } = await h.ok(ADMIN, 'admin.account.create', hubinStaff)
    await h.ok(ADMIN, 'admin.account.revoke', { accountId: STAFF })
    expect(refusal(await h.call(STAFF, 'case.inbox', {}))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('已被撤销') })
    await h.ok(ADMIN, 'admin.account.revoke', { accountId: account.id })
    expect(refusal(await as('wx-late', 'invitation.accept', { code: invitation.code }))).toMatchObject({ code: 'INVALID_STATE', message: '该邀请码已作废，请向创建账号的工作人员索取新的邀请码' })
  })
})

describe('an invitation is single use, 7 days, revocable', () => {
  it('concurrent acceptance of one code by eight people binds exactly one', async () => {
    h = await createHarness()
    const { account, invitation } = await h.ok(ADMIN, 'admin.account.create', hubinStaff)
    const people = Array.from({ length: 8 }, (_, i) => `wx-race-${i}`)
    for (const p of people) await okAs(p, 'session.me') // all registered as residents first
    const answers = await Promise.all(people.map((p) => as(p, 'invitation.accept', { code: invitation.code })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    for (const a of answers.filter((x) => !x.ok)) expect(refusal(a).message).toMatch(CHINESE)
    const winner = people[answers.findIndex((a) => a.ok)]
    const users = h.store.collection<UserDoc>('users')
    expect(await users.get(account.id)).toMatchObject({ openid: winner, status: 'active' })
    for (const p of people.filter((x) => x !== winner)) expect((await okAs(p, 'session.me')).role).toBe('resident')
  })

  it('used, expired and revoked codes answer in Chinese; an unknown code too', async () => {
    h = await createHarness()
    const used = await h.ok(ADMIN, 'admin.account.create', hubinStaff)
    await okAs('wx-first', 'invitation.accept', { code: used.invitation.code })
    expect(refusal(await as('wx-second', 'invitation.accept', { code: used.invitation.code }))).toEqual({
      code: 'INVALID_STATE',
      message: '该邀请码已被使用，每个邀请码只能使用一次。如需重新绑定，请联系创建账号的工作人员',
    })
    expect(refusal(await as('wx-second', 'invitation.accept', { code: 'ABCDEFGHJK' }))).toEqual({ code: 'NOT_FOUND', message: '邀请码不正确，请核对后重新输入' })
    expect(refusal(await as('wx-second', 'invitation.accept', { code: '!!' }))).toMatchObject({ code: 'INVALID_INPUT', message: '邀请码格式不正确，请核对后重新输入' })

    const toRevoke = await h.ok(ADMIN, 'admin.account.create', { ...hubinStaff, name: '王小二' })
    await h.ok(ADMIN, 'admin.invitation.revoke', { invitationId: toRevoke.invitation.id })
    expect(refusal(await as('wx-second', 'invitation.preview', { code: toRevoke.invitation.code }))).toMatchObject({ code: 'INVALID_STATE', message: '该邀请码已作废，请向创建账号的工作人员索取新的邀请码' })
    // A new code for the same account works; the account list shows it pending.
    const again = await h.ok(ADMIN, 'admin.invitation.create', { accountId: toRevoke.account.id })
    expect(again.account.invitation).toMatchObject({ status: 'pending', statusLabel: '待使用' })
    expect((await okAs('wx-second', 'invitation.accept', { code: again.invitation.code })).name).toBe('王小二')

    const toExpire = await h.ok(ADMIN, 'admin.account.create', { ...hubinStaff, name: '李小三' })
    h.clock.advance(7 * 24 * 3600 * 1000)
    expect(refusal(await as('wx-second', 'invitation.accept', { code: toExpire.invitation.code }))).toEqual({
      code: 'INVALID_STATE',
      message: '该邀请码已过期（有效期7天），请向创建账号的工作人员索取新的邀请码',
    })
    expect(refusal(await h.call(ADMIN, 'admin.invitation.revoke', { invitationId: toExpire.invitation.id }))).toMatchObject({ code: 'INVALID_STATE', message: '该邀请码已过期，不能作废' })
  })

  it('someone who already holds a work account cannot accept another invitation', async () => {
    h = await createHarness()
    const { invitation } = await h.ok(ADMIN, 'admin.account.create', hubinStaff)
    const before = await everything()
    expect(refusal(await h.call('dev-staff-2', 'invitation.accept', { code: invitation.code }))).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('已绑定“工作人员”账号') })
    expect(await everything()).toEqual(before)
  })

  it('a creation retried after the router forgot it makes no second account; the code is reissued, the first stops working', async () => {
    h = await createHarness()
    const requestId = 'forgottenaccount0001'
    const first = await h.ok(ADMIN, 'admin.account.create', hubinStaff, requestId)
    await h.store.collection('requests').remove({})
    const again = await h.ok(ADMIN, 'admin.account.create', hubinStaff, requestId)
    expect(again.account.id).toBe(first.account.id)
    expect(again.invitation.id).toBe(first.invitation.id)
    expect(again.invitation.code).not.toBe(first.invitation.code)
    expect(await h.store.collection('users').count({ name: '林小雨' })).toBe(1)
    expect(await h.store.collection('invitations').count({})).toBe(1)
    expect(refusal(await as('wx-x', 'invitation.accept', { code: first.invitation.code })).code).toBe('NOT_FOUND')
    await okAs('wx-x', 'invitation.accept', { code: again.invitation.code })
  })
})
