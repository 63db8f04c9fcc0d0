// Issue 10: the resident's own data (PIPL) and 代录.
// - 个人信息 shows what is held, phones masked, the full number only on request, and every time staff
//   read the number in full (the `phoneRevealed` event: who, when, which case);
// - 导出我的数据 as JSON and as a readable PDF;
// - 注销并删除: afterwards no collection in COLLECTIONS holds the person's phone (plain or sealed), name,
//   openid or user id, the case stays visible to staff without any personal field, future bookings
//   are cancelled;
// - consent withdrawn for the phone alone; the retention job with a controlled clock;
// - 代录: staff register a walk-in's opinion, print the 回执, the resident claims it once.
import { COLLECTIONS, type CollectionName } from '../../cloudfunctions/core/ports'
import type { CaseDoc } from '../../cloudfunctions/core/domain/records'
import type { BookingDoc } from '../../cloudfunctions/core/domain/reception/records'
import { runPhoneRetentionJob } from '../../cloudfunctions/core/jobs/phoneRetentionJob'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import { devOpenid } from '../../server/devIdentity'
import { createHarness, type Harness } from '../support/apiHarness'
import { readPdf } from '../support/pdfText'
import { caseDoc, refusal, submit } from './caseFixtures'
import { HUBIN_STAFF, MONDAY_10AM, RESIDENT, RESIDENT_2, nextDay, thursdayRule } from './receptionFixtures'

let h: Harness
afterEach(() => h?.close())

const STAFF = HUBIN_STAFF // 孙晓燕, 湖滨
const PHONE = '13800138000'
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1500, 1)])

async function dump(): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of COLLECTIONS) {
    out[name] = JSON.stringify(await h.store.collection(name as CollectionName).find({}, { limit: 100_000 }))
  }
  return out
}

async function residentWithEverything() {
  h = await createHarness({ now: MONDAY_10AM })
  const photo = await h.files.put({ userId: RESIDENT, openid: devOpenid(RESIDENT) }, jpeg())
  if (!photo.ok) throw new Error('photo')
  const mine = await submit(h, RESIDENT, { phone: PHONE, photos: [photo.fileId], place: '湖滨路88号' })
  const theirs = await submit(h, RESIDENT_2, { content: '翠苑路口的路灯坏了很久，晚上看不清路。', category: 'utilities' })
  await h.ok(RESIDENT_2, 'case.second', { caseId: mine, stationCode: 'HBJD' })
  await h.ok(RESIDENT, 'case.second', { caseId: theirs, stationCode: 'HBJD' })
  await h.ok(RESIDENT, 'subscription.record', { accepted: ['progress'] }, 'sub-r1-0001')
  await h.ok(STAFF, 'case.accept', { caseId: mine, note: '已受理' }, 'accept-0001')
  await thursdayRule(h)
  const day = await nextDay(h)
  const booking = await h.ok(RESIDENT, 'reception.book', { occurrenceId: day.id, slot: 's0', topic: '刘阿姨想问加装电梯' }, 'book-r1-0001')
  expect(await h.ok(STAFF, 'case.revealPhone', { caseId: mine })).toEqual({ phone: PHONE })
  return { mine, theirs, day: day.id, booking: booking.id }
}

describe('我的 → 个人信息', () => {
  it('shows everything held, phones masked, and who read the number in full', async () => {
    const w = await residentWithEverything()
    const data = await h.ok(RESIDENT, 'privacy.myData')
    expect(data.profile).toMatchObject({ id: RESIDENT, name: '刘阿姨' })
    expect(data.phones).toEqual([expect.objectContaining({ masked: '138****8000' })])
    expect(JSON.stringify(data)).not.toContain(PHONE)
    expect(data.cases.map((c) => c.id)).toEqual([w.mine])
    expect(data.seconds).toHaveLength(1)
    expect(data.bookings).toEqual([expect.objectContaining({ id: w.booking, status: '已预约' })])
    expect(data.messages.length).toBeGreaterThan(0)
    expect(data.consents.map((c) => c.state)).toContain('已同意')
    expect(data.phoneViews).toEqual([{ at: expect.any(String), by: '联络站工作人员 孙晓燕', trackingNo: data.cases[0].trackingNo }])
    expect(data.retentionMonths).toBe(24)
    // The full number only on a second request, and only the resident's own.
    expect((await h.ok(RESIDENT, 'privacy.revealMyPhone')).phones.map((p) => p.phone)).toEqual([PHONE])
    expect((await h.ok(RESIDENT_2, 'privacy.revealMyPhone')).phones).toEqual([])
    expect(refusal(await h.call(STAFF, 'privacy.myData'))).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('exports JSON and a readable PDF', async () => {
    await residentWithEverything()
    const json = await h.ok(RESIDENT, 'privacy.export', { format: 'json' })
    expect(json.contentType).toBe('application/json')
    const parsed = JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8'))
    expect(parsed.profile.name).toBe('刘阿姨')
    expect(parsed.phoneViews).toHaveLength(1)
    const pdf = await h.ok(RESIDENT, 'privacy.export', { format: 'pdf' })
    const text = (await readPdf(Buffer.from(pdf.base64, 'base64'))).pages.join('\n')
    expect(text).toContain('我的数据')
    expect(text).toContain('138****8000')
    expect(text).toContain('孙晓燕')
  })

  it('saves 大字模式 on the account', async () => {
    h = await createHarness({ now: MONDAY_10AM })
    expect((await h.ok(RESIDENT, 'session.me')).largeText).toBeNull()
    await h.ok(RESIDENT, 'privacy.setPreferences', { largeText: true }, 'pref-0001')
    expect((await h.ok(RESIDENT, 'session.me')).largeText).toBe(true)
    expect((await h.ok(RESIDENT, 'privacy.myData')).profile.largeText).toBe(true)
  })
})

describe('注销并删除', () => {
  it('leaves no phone (plain or sealed), name, openid or user id of the person in any collection', async () => {
    const w = await residentWithEverything()
    const sealed = [
      ...(await h.store.collection<CaseDoc>('cases').find({ residentId: RESIDENT })).map((c) => c.phoneSealed),
      ...(await h.store.collection<BookingDoc>('reception_bookings').find({ residentId: RESIDENT })).map((b) => b.phoneSealed),
    ].filter((s): s is string => !!s)
    expect(sealed.length).toBeGreaterThan(0)
    const before = await dump()
    const openid = devOpenid(RESIDENT)
    // The person is everywhere before.
    expect(Object.values(before).join('')).toContain(RESIDENT)
    expect(Object.values(before).join('')).toContain('刘阿姨')
    const trackingNo = (await caseDoc(h, w.mine)).trackingNo

    expect(await h.ok(RESIDENT, 'privacy.erase', { confirm: true }, 'erase-0001')).toEqual({ erased: true })

    const after = await dump()
    for (const name of COLLECTIONS) {
      const text = after[name]
      for (const needle of [RESIDENT, openid, PHONE, '刘阿姨', ...sealed]) {
        if (text.includes(needle)) throw new Error(`${name} still holds ${needle}`)
      }
    }
    // The case stays, anonymous, and staff still see it without any personal field.
    const view = await h.ok(STAFF, 'case.get', { caseId: w.mine })
    expect(view.trackingNo).toBe(trackingNo)
    expect(view.content).toBe((await caseDoc(h, w.mine)).content)
    expect(view.phoneMasked ?? null).toBeNull()
    const stored = await caseDoc(h, w.mine)
    expect(stored.residentId).toMatch(/^erased-/)
    expect(stored.phoneSealed).toBeNull()
    expect(stored.photos ?? []).toEqual([])
    // The future booking was cancelled and its place given back.
    const booking = await h.store.collection<BookingDoc>('reception_bookings').get(w.booking)
    expect(booking?.status).toBe('cancelled')
    // The other resident's case and second are untouched in substance.
    expect((await caseDoc(h, w.theirs)).residentId).toBe(RESIDENT_2)
    // Coming back with the same WeChat account is a fresh, empty account.
    expect((await h.ok(RESIDENT, 'case.listMine')).cases).toEqual([])
    expect((await h.ok(RESIDENT, 'privacy.myData')).phoneViews).toEqual([])
  })

  it('withdraws consent for the phone number alone', async () => {
    const w = await residentWithEverything()
    expect((await h.ok(RESIDENT, 'privacy.withdrawPhone', {}, 'withdraw-0001')).removed).toBe(1)
    const c = await caseDoc(h, w.mine)
    expect([c.phoneSealed, c.phoneMasked, c.phoneVisibleToDeputy]).toEqual([null, null, false])
    expect(c.content).toBeTruthy()
    const data = await h.ok(RESIDENT, 'privacy.myData')
    expect(data.phones).toEqual([])
    expect(data.consents.some((x) => x.state === '已撤回')).toBe(true)
    expect(refusal(await h.call(STAFF, 'case.revealPhone', { caseId: w.mine }))).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('retention job', () => {
  it('deletes a phone number N months after its case closed, not before, once', async () => {
    h = await createHarness({ now: MONDAY_10AM, config: { phoneRetentionMonths: 6 } })
    const id = await submit(h, RESIDENT, { phone: PHONE })
    const open = await submit(h, RESIDENT, { phone: '13900139000', content: '小区门口的井盖松动，踩上去会响。' })
    await h.ok(STAFF, 'case.answerOnSite', { caseId: id, answer: '已联系交警部门调整信号灯配时。' }, 'answer-0001')
    await h.ok(RESIDENT, 'case.rate', { caseId: id, rating: 'satisfied' }, 'rate-0001')
    expect((await caseDoc(h, id)).status).toBe('closed')
    h.clock.set('2027-05-22T02:00:00.000Z') // 6 months less a day
    expect(await runPhoneRetentionJob(h.deps)).toEqual({ erased: 0, bookings: 0 })
    expect((await caseDoc(h, id)).phoneSealed).not.toBeNull()
    h.clock.set('2027-05-24T02:00:00.000Z')
    const report = await runScheduledJobs(h.deps)
    expect(report.phoneRetention).toEqual({ erased: 1, bookings: 0 })
    const c = await caseDoc(h, id)
    expect([c.phoneSealed, c.phoneMasked]).toEqual([null, null])
    expect(c.phoneErasedAt).toBe('2027-05-24T02:00:00.000Z')
    expect((await caseDoc(h, open)).phoneSealed).not.toBeNull() // still open: kept
    expect(await runPhoneRetentionJob(h.deps)).toEqual({ erased: 0, bookings: 0 })
  })
})

describe('代录 and the 回执', () => {
  const walkIn = { stationId: 'station-hubin', channel: 'walk_in', residentName: '马大爷', phone: '13700137000', category: 'housing', content: '老旧小区加装电梯，楼里老人多，希望尽快推进。', place: '湖滨新村5幢' }

  it('staff register a walk-in, print the receipt, the resident claims it once', async () => {
    h = await createHarness({ now: MONDAY_10AM })
    const made = await h.ok(STAFF, 'assisted.register', walkIn, 'walkin-0001')
    expect(made.claimCode).toMatch(/^[0-9A-Za-z]{12}$/)
    const stored = await caseDoc(h, made.id)
    expect(stored).toMatchObject({ channel: 'walk_in', status: 'submitted', phoneMasked: '137****7000' })
    expect(stored.phoneSealed).not.toContain('13700137000')
    const view = await h.ok(STAFF, 'case.get', { caseId: made.id })
    expect(view.channel).toBe('walk_in')

    const receipt = await h.ok(STAFF, 'assisted.receipt', { caseId: made.id })
    const pdf = await readPdf(Buffer.from(receipt.base64, 'base64'))
    expect(pdf.pages.join('\n')).toContain(made.trackingNo)
    expect(pdf.images).toBeGreaterThanOrEqual(1)

    // The audit trail names the case, not the resident.
    const audit = await h.ok('dev-admin-1', 'admin.audit.list', {})
    expect(JSON.stringify(audit)).toContain(made.trackingNo)
    expect(JSON.stringify(audit)).not.toContain('马大爷')

    expect((await h.ok(RESIDENT_2, 'case.listMine')).cases).toEqual([])
    expect(await h.ok(RESIDENT_2, 'assisted.claim', { code: made.claimCode }, 'claim-0001')).toEqual({ id: made.id, trackingNo: made.trackingNo })
    expect((await h.ok(RESIDENT_2, 'case.listMine')).cases.map((c) => c.id)).toEqual([made.id])
    // Single use: someone else cannot take it over; the claimer asking again is fine.
    expect(refusal(await h.call(RESIDENT, 'assisted.claim', { code: made.claimCode }, 'claim-0002'))).toEqual({ code: 'INVALID_STATE', message: '这张回执已经被认领过了。如有疑问，请联系联络站工作人员' })
    expect(await h.ok(RESIDENT_2, 'assisted.claim', { code: made.claimCode }, 'claim-0003')).toEqual({ id: made.id, trackingNo: made.trackingNo })
  })

  it('two residents claiming at once: exactly one gets it', async () => {
    h = await createHarness({ now: MONDAY_10AM })
    const made = await h.ok(STAFF, 'assisted.register', { ...walkIn, channel: 'phone_call', phone: undefined }, 'walkin-0002')
    const answers = await Promise.all([RESIDENT, RESIDENT_2].map((who, i) => h.call(who, 'assisted.claim', { code: made.claimCode }, `race-000${i}`)))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
  })

  it('refuses another station, bad input and unknown codes in Chinese', async () => {
    h = await createHarness({ now: MONDAY_10AM })
    expect(refusal(await h.call('dev-staff-2', 'assisted.register', walkIn, 'walkin-0003'))).toEqual({ code: 'FORBIDDEN', message: '您只能为本人所在家站点的群众代录' })
    expect(refusal(await h.call(STAFF, 'assisted.register', { ...walkIn, residentName: '' }, 'walkin-0004'))).toMatchObject({ code: 'INVALID_INPUT', message: '请填写群众姓名' })
    expect(refusal(await h.call(RESIDENT, 'assisted.claim', { code: 'AAAAAAAAAAAA' }, 'claim-0009'))).toEqual({ code: 'NOT_FOUND', message: '没有找到这张回执，请核对后再扫' })
    expect(refusal(await h.call(RESIDENT, 'assisted.register', walkIn, 'walkin-0005'))).toMatchObject({ code: 'FORBIDDEN' })
  })
})
