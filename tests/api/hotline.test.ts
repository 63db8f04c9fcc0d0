// The 12345 hotline link (issue 12): the signed webhook (signature, clock skew, replay), and the
// round trip end to end through the stand-in partner over HTTP — the office transfers a case to
// 12345, it is pushed, the partner's status update and final answer come back by signed callback
// and the resident is notified the usual way (outbox), then rates it. Failed pushes are retried.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createSignedJsonHotline } from '../../cloudfunctions/core/adapters/hotline/signedJsonHotline'
import { signBody, verifySignature } from '../../cloudfunctions/core/domain/partners/webhookSignature'
import type { PartnerCaseDoc } from '../../cloudfunctions/core/domain/partners/records'
import { createGateway } from '../../cloudfunctions/core/open311/gateway'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import { createLocalServer } from '../../server/http'
import { startHotlineStandIn, type HotlineStandIn } from '../../server/hotlineStandIn'
import { createHarness, type Harness } from '../support/apiHarness'
import { DISTRICT_OFFICE, STREET_OFFICE, notificationsOf, submit } from './caseFixtures'

const SECRET = 'test-shared-secret-0123456789abcdef'
const R1 = 'dev-resident-1'
const STAFF = 'dev-staff-1'

describe('webhook signatures (pure)', () => {
  const now = new Date('2026-11-23T02:00:00Z')
  const body = '{"event_id":"e1"}'
  it('accepts a good signature within five minutes either way', () => {
    expect(verifySignature(SECRET, signBody(SECRET, body, now, 'nonce-0001') as never, body, now)).toEqual({ ok: true, nonce: 'nonce-0001', signature: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(verifySignature(SECRET, signBody(SECRET, body, new Date(now.getTime() - 299_000)) as never, body, now).ok).toBe(true)
    expect(verifySignature(SECRET, signBody(SECRET, body, new Date(now.getTime() + 299_000)) as never, body, now).ok).toBe(true)
  })
  it('refuses another secret, a changed body, a skewed clock and missing headers', () => {
    const signed = signBody(SECRET, body, now) as never
    expect(verifySignature('another-secret', signed, body, now)).toEqual({ ok: false, reason: 'bad_signature' })
    expect(verifySignature(SECRET, signed, '{"event_id":"e2"}', now)).toEqual({ ok: false, reason: 'bad_signature' })
    expect(verifySignature(SECRET, signBody(SECRET, body, new Date(now.getTime() - 301_000)) as never, body, now)).toEqual({ ok: false, reason: 'clock_skew' })
    expect(verifySignature(SECRET, signBody(SECRET, body, new Date(now.getTime() + 360_000)) as never, body, now)).toEqual({ ok: false, reason: 'clock_skew' })
    expect(verifySignature(SECRET, {}, body, now)).toEqual({ ok: false, reason: 'missing' })
  })
})

let h: Harness
let standIn: HotlineStandIn
let server: http.Server

/** The harness, the local server (api + gateway) on a free port, and the stand-in partner calling back to it. */
async function linked() {
  server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  let clockNow: () => Date = () => new Date()
  standIn = await startHotlineStandIn({ secret: SECRET, callbackUrl: `http://127.0.0.1:${port}/hotline/v1/12345/callback`, now: () => clockNow() })
  h = await createHarness({ hotlineAdapters: [createSignedJsonHotline({ partner: '12345', url: `${standIn.url}/push`, secret: SECRET, now: () => h.clock.now() })] })
  clockNow = () => h.clock.now()
  const local = createLocalServer({ api: h.api, store: h.store, staticDir: '/nonexistent', qrDir: '/nonexistent', gateway: createGateway(h.deps) })
  server.on('request', (req, res) => local.emit('request', req, res))
}

afterEach(async () => {
  await standIn?.close()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  await h?.close()
})

/** A case of 刘阿姨 at 湖滨, forwarded up to 滨湖区人大常委会, which transfers it to 12345. */
async function transferredTo12345(): Promise<{ caseId: string; trackingNo: string }> {
  const caseId = await submit(h, R1, { content: '湖滨路夜间渣土车噪音很大，我的电话13800138000，影响休息。', category: 'environment', phone: '13800138000' })
  await h.ok(STAFF, 'case.forward', { caseId, note: '需要街道协调' })
  await h.ok(STREET_OFFICE, 'case.forward', { caseId, note: '涉及区级部门职责' })
  const view = await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId, unitId: 'unit-hotline-12345', note: '请12345派单处理' })
  expect(view.transfer).toMatchObject({ unitId: 'unit-hotline-12345', unitName: '12345政务服务便民热线' })
  return { caseId, trackingNo: view.trackingNo }
}

const stored = async (id: string) => (await h.store.collection<PartnerCaseDoc>('cases').get(id))!

describe('the 12345 round trip through the stand-in partner', () => {
  it('transfer → push → status callback → answer callback → the resident is notified and rates it', async () => {
    await linked()
    const { caseId, trackingNo } = await transferredTo12345()
    // Pushed right away, signed; moderated text, no phone, no name.
    expect(standIn.pushes).toHaveLength(1)
    const push = standIn.pushes[0].body
    expect(push).toMatchObject({ case_ref: trackingNo, service_code: 'environment', office_name: '滨湖区人大常委会', note: '请12345派单处理' })
    expect(JSON.stringify(push)).not.toMatch(/13800138000|刘阿姨|dev-resident/)
    expect((await stored(caseId)).hotline).toMatchObject({ partner: '12345', state: 'pushed', partnerRef: 'RX000001', attempts: 1 })
    expect((await h.ok(DISTRICT_OFFICE, 'case.get', { caseId })).timeline.at(-1)).toMatchObject({ type: 'hotlinePushed', actor: '12345热线', note: '已推送至12345热线，热线工单号 RX000001' })

    h.clock.advance(3_600_000)
    const status = await standIn.sendCallback(trackingNo, 'status', '已派单至区城管局，预计3个工作日内处置')
    expect(status.status).toBe(200)
    const progress = await h.ok(R1, 'case.get', { caseId })
    expect(progress.status).toBe('transferred')
    expect(progress.timeline.at(-1)).toMatchObject({ type: 'hotlineUpdate', note: '12345热线反馈：已派单至区城管局，预计3个工作日内处置' })
    expect((await notificationsOf(h, R1)).map((n) => n.title)).toContain('您反映的民意有新进展')

    h.clock.advance(86_400_000)
    const final = await standIn.sendCallback(trackingNo, 'answer', '区城管局已约谈渣土运输企业，夜间22点后禁止作业。')
    expect(final).toMatchObject({ status: 200, body: { ok: true } })
    const answered = await h.ok(R1, 'case.get', { caseId })
    expect(answered.status).toBe('replied')
    expect(answered.replies.at(-1)).toMatchObject({ text: '区城管局已约谈渣土运输企业，夜间22点后禁止作业。', from: '12345热线（承办）' })
    expect(answered.canRate).toBe(true)
    const notes = await notificationsOf(h, R1)
    expect(notes.find((n) => n.title === '您反映的民意有了答复')?.body).toContain('区城管局已约谈渣土运输企业')
    expect(h.notifier.sent.map((m) => m.template)).toEqual(expect.arrayContaining(['progress', 'reply']))
    // The resident rates the answer as for any unit.
    expect((await h.ok(R1, 'case.rate', { caseId, rating: 'satisfied' })).status).toBe('closed')

    // The very same delivery again: a replay, refused; the same event with a new nonce: applied once only.
    expect((await standIn.resend(final.sent)).status).toBe(409)
    const eventId = (JSON.parse(final.sent.body) as { event_id: string }).event_id
    expect((await standIn.sendCallback(trackingNo, 'answer', '重复', { eventId })).body).toMatchObject({ ok: true, duplicate: true })
    expect((await stored(caseId)).replies).toHaveLength(1)
  })

  it('refuses a wrong secret, a clock five minutes off, a replayed nonce, and cases not sent to it — changing nothing', async () => {
    await linked()
    const { caseId, trackingNo } = await transferredTo12345()
    const before = await stored(caseId)
    const wrong = await standIn.sendCallback(trackingNo, 'status', '伪造', { secret: 'not-the-secret' })
    expect(wrong).toMatchObject({ status: 401, body: { ok: false, message: '签名不正确' } })
    const skewed = await standIn.sendCallback(trackingNo, 'status', '过期', { at: new Date(h.clock.now().getTime() - 6 * 60_000) })
    expect(skewed).toMatchObject({ status: 401, body: { message: '时间戳与服务器时间相差超过5分钟' } })
    const ahead = await standIn.sendCallback(trackingNo, 'status', '超前', { at: new Date(h.clock.now().getTime() + 6 * 60_000) })
    expect(ahead.status).toBe(401)
    expect(await stored(caseId)).toEqual(before)
    const first = await standIn.sendCallback(trackingNo, 'status', '已受理', { nonce: 'fixednonce0001' })
    expect(first.status).toBe(200)
    const replay = await standIn.sendCallback(trackingNo, 'status', '另一条', { nonce: 'fixednonce0001' })
    expect(replay).toMatchObject({ status: 409, body: { message: '重复的回调请求（随机数已使用）' } })
    // A case that was never transferred to 12345.
    const other = await submit(h, R1, { content: '望湖路人行道砖块松动，老人容易绊倒。' })
    const otherNo = (await stored(other)).trackingNo
    expect((await standIn.sendCallback(otherNo, 'answer', '答复')).status).toBe(404)
    expect((await stored(other)).status).toBe('submitted')
    expect((await stored(caseId)).events.filter((e) => e.type === 'hotlineUpdate')).toHaveLength(1)
  })

  it('a push that fails is retried by the timer with backoff, then goes through', async () => {
    await linked()
    standIn.failNext(2)
    const { caseId, trackingNo } = await transferredTo12345()
    expect((await stored(caseId)).hotline).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringContaining('HTTP 503') })
    // Not yet due: nothing is tried.
    await runScheduledJobs(h.deps)
    expect((await stored(caseId)).hotline?.attempts).toBe(1)
    h.clock.advance(2 * 60_000 + 1)
    await runScheduledJobs(h.deps)
    expect((await stored(caseId)).hotline).toMatchObject({ state: 'pending', attempts: 2 })
    h.clock.advance(4 * 60_000 + 1)
    const report = await runScheduledJobs(h.deps)
    expect(report.hotline).toMatchObject({ pushesTried: 1 })
    expect((await stored(caseId)).hotline).toMatchObject({ state: 'pushed', attempts: 3, lastError: null })
    expect(standIn.pushes.map((p) => p.body.case_ref)).toEqual([trackingNo])
    // Pushed once only, however often the job runs.
    h.clock.advance(3_600_000)
    await runScheduledJobs(h.deps)
    expect(standIn.pushes).toHaveLength(1)
  })

  it('reopened and transferred to a bureau instead: 12345’s later callbacks no longer apply', async () => {
    await linked()
    const { caseId, trackingNo } = await transferredTo12345()
    expect((await standIn.sendCallback(trackingNo, 'answer', '已处理。')).status).toBe(200)
    await h.ok(R1, 'case.rate', { caseId, rating: 'unsatisfied', comment: '问题没有解决' })
    await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId, unitId: 'unit-urban' })
    expect((await stored(caseId)).hotline).toMatchObject({ state: 'detached' })
    expect((await standIn.sendCallback(trackingNo, 'answer', '再次答复')).status).toBe(404)
    expect((await standIn.sendCallback(trackingNo, 'status', '跟进中')).status).toBe(404)
    expect((await stored(caseId)).status).toBe('transferred')
    expect(standIn.pushes).toHaveLength(1)
  })

  it('the ordinary transfer to a bureau is unchanged: nothing is pushed', async () => {
    await linked()
    const caseId = await submit(h, R1)
    await h.ok(STAFF, 'case.forward', { caseId, note: '需要街道协调' })
    await h.ok(STREET_OFFICE, 'case.forward', { caseId, note: '涉及区级部门职责' })
    await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId, unitId: 'unit-urban' })
    expect(standIn.pushes).toHaveLength(0)
    expect((await stored(caseId)).hotline).toBeUndefined()
  })
})
