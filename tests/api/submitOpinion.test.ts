import type { CaseDoc } from '../../cloudfunctions/core/domain/records'
import { createHarness, validOpinion, type Harness } from '../support/apiHarness'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
})
afterEach(() => h.close())

const caseCount = () => h.store.collection<CaseDoc>('cases').count({})

describe('a resident submits an opinion', () => {
  it('gets a tracking number and finds the case under 我的', async () => {
    const result = await h.ok('dev-resident-1', 'case.submit', validOpinion)
    expect(result.trackingNo).toBe('MY20261123-0001')
    expect(result.needsReview).toBe(false)
    const second = await h.ok('dev-resident-1', 'case.submit', { ...validOpinion, content: '小区门口路灯坏了一个多月了' })
    expect(second.trackingNo).toBe('MY20261123-0002')

    const mine = await h.ok('dev-resident-1', 'case.listMine')
    expect(mine.cases.map((c) => c.trackingNo)).toEqual(['MY20261123-0002', 'MY20261123-0001'])
    const view = await h.ok('dev-resident-1', 'case.get', { caseId: result.id })
    expect(view).toMatchObject({ status: 'submitted', category: 'traffic', place: validOpinion.place, channel: 'station_code', isMine: true })
    expect(view.timeline).toEqual([expect.objectContaining({ type: 'submit', label: '提交民意', actor: '群众', to: 'submitted' })])
  })

  it('numbers cases per Shanghai day', async () => {
    h.clock.set('2026-11-23T16:30:00.000Z') // 00:30 on 24 November in Shanghai
    const result = await h.ok('dev-resident-1', 'case.submit', validOpinion)
    expect(result.trackingNo).toBe('MY20261124-0001')
  })

  it.each([
    [{ content: '太短' }, 'content', '反映内容至少需要5个字'],
    [{ content: '长'.repeat(1001) }, 'content', '反映内容不能超过1000个字'],
    [{ category: 'weather' }, 'category', '请选择正确的问题类别'],
    [{ phone: '12345' }, 'phone', '手机号码格式不正确，请填写11位手机号码'],
    [{ privacyConsent: false }, 'privacyConsent', '请先阅读并同意《个人信息保护说明》'],
    [{ stationCode: '' }, 'stationCode', '缺少家站点'],
  ])('refuses %j with a Chinese message naming the field, writing nothing', async (change, field, message) => {
    const response = await h.call('dev-resident-1', 'case.submit', { ...validOpinion, ...change })
    expect(response).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message, field } })
    expect(await caseCount()).toBe(0)
  })

  it('refuses an unknown station code', async () => {
    const response = await h.call('dev-resident-1', 'case.submit', { ...validOpinion, stationCode: 'NOPE' })
    expect(response).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await caseCount()).toBe(0)
  })

  it('refuses risky content and flags content that needs review', async () => {
    const risky = await h.call('dev-resident-1', 'case.submit', { ...validOpinion, content: '小区门口有人发六合彩传单' })
    expect(risky).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(await caseCount()).toBe(0)

    const review = await h.ok('dev-resident-1', 'case.submit', { ...validOpinion, content: '物业经理就是个王八蛋，电梯坏了不修' })
    expect(review.needsReview).toBe(true)
    const inbox = await h.ok('dev-staff-1', 'case.inbox', {})
    expect(inbox.cases.find((c) => c.id === review.id)?.needsReview).toBe(true)
  })

  it('allows 10 submissions a day; the 11th gets a clear message and writes nothing', async () => {
    for (let i = 0; i < 10; i += 1) await h.ok('dev-resident-1', 'case.submit', { ...validOpinion, content: `第${i + 1}条意见：路面坑洼不平` })
    const eleventh = await h.call('dev-resident-1', 'case.submit', validOpinion)
    expect(eleventh).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '每人每天最多提交10条民意，请明天再试' } })
    expect(await caseCount()).toBe(10)
    // Another resident is not affected, and the next day the allowance is back.
    await h.ok('dev-resident-2', 'case.submit', validOpinion)
    h.clock.advance(24 * 3600 * 1000)
    await h.ok('dev-resident-1', 'case.submit', validOpinion)
  })

  it('the daily limit is configurable', async () => {
    const small = await createHarness({ config: { dailySubmissionLimit: 2 } })
    await small.ok('dev-resident-1', 'case.submit', validOpinion)
    await small.ok('dev-resident-1', 'case.submit', validOpinion)
    expect(await small.call('dev-resident-1', 'case.submit', validOpinion)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    await small.close()
  })

  it('a retry with the same requestId creates one case and gets the same answer', async () => {
    const first = await h.call('dev-resident-1', 'case.submit', validOpinion, 'retry-request-0001')
    const again = await h.call('dev-resident-1', 'case.submit', validOpinion, 'retry-request-0001')
    expect(again).toEqual(first)
    expect(await caseCount()).toBe(1)
  })

  it('concurrent duplicates of one request create one case and all get the same answer', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => h.call('dev-resident-1', 'case.submit', validOpinion, 'concurrent-request-01')),
    )
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    expect(await caseCount()).toBe(1)
    // Only one submission was counted against the daily allowance.
    for (let i = 0; i < 9; i += 1) await h.ok('dev-resident-1', 'case.submit', validOpinion)
    expect(await h.call('dev-resident-1', 'case.submit', validOpinion)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
  })

  it('the same requestId from another resident is a different request', async () => {
    const a = await h.ok('dev-resident-1', 'case.submit', validOpinion, 'shared-request-id-1')
    const b = await h.ok('dev-resident-2', 'case.submit', validOpinion, 'shared-request-id-1')
    expect(a.id).not.toBe(b.id)
  })

  it('a mutating action without a requestId is refused', async () => {
    const response = await h.api.handle({ action: 'case.submit', input: validOpinion }, { openid: 'dev:dev-resident-1' })
    expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'requestId' } })
  })

  it('masks the phone number for everyone and keeps it encrypted in the store', async () => {
    const { id } = await h.ok('dev-resident-1', 'case.submit', { ...validOpinion, phone: '138 1234 5678', phoneVisibleToDeputy: false })
    expect((await h.ok('dev-resident-1', 'case.get', { caseId: id })).phoneMasked).toBe('138****5678')
    expect((await h.ok('dev-staff-1', 'case.get', { caseId: id })).phoneMasked).toBe('138****5678')
    expect((await h.ok('dev-deputy-1', 'case.get', { caseId: id })).phoneMasked).toBeNull()
    const stored = await h.store.collection<CaseDoc>('cases').get(id)
    expect(JSON.stringify(stored)).not.toContain('13812345678')
    // Staff can read the full number when they need to call; the reading is recorded.
    expect(await h.ok('dev-staff-1', 'case.revealPhone', { caseId: id })).toEqual({ phone: '13812345678' })
    expect(await h.call('dev-deputy-1', 'case.revealPhone', { caseId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const staffView = await h.ok('dev-staff-1', 'case.get', { caseId: id })
    expect(staffView.timeline.map((e) => e.type)).toContain('phoneRevealed')
    const residentView = await h.ok('dev-resident-1', 'case.get', { caseId: id })
    expect(residentView.timeline.map((e) => e.type)).not.toContain('phoneRevealed')
  })

  it('a deputy sees the phone only when the resident allowed it', async () => {
    const { id } = await h.ok('dev-resident-1', 'case.submit', { ...validOpinion, phone: '13912340000', phoneVisibleToDeputy: true })
    expect((await h.ok('dev-deputy-1', 'case.get', { caseId: id })).phoneMasked).toBe('139****0000')
    expect(await h.ok('dev-deputy-1', 'case.revealPhone', { caseId: id })).toEqual({ phone: '13912340000' })
  })

  it("through a deputy's code the case is addressed to that deputy", async () => {
    const { id } = await h.ok('dev-resident-1', 'case.submit', { ...validOpinion, stationCode: 'CYSQ', deputyCode: 'DB03' })
    const view = await h.ok('dev-deputy-3', 'case.get', { caseId: id })
    expect(view).toMatchObject({ channel: 'deputy_code', deputy: { name: '陈志强' }, stationName: '临江市滨湖区湖滨街道翠苑社区人大代表联络站' })
    const wrongStation = await h.call('dev-resident-1', 'case.submit', { ...validOpinion, stationCode: 'WHSQ', deputyCode: 'DB03' })
    expect(wrongStation).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
