// 附议: before submitting, a resident sees similar open cases at the station and seconds one instead
// of filing a duplicate. Seconding counts once per resident, never your own case, only open cases of
// that station; seconders then get the same messages as the author, each their own.
import type { CaseDoc } from '../../cloudfunctions/core/domain/records'
import type { CollectionName } from '../../cloudfunctions/core/ports'
import { createHarness, validOpinion, type Harness } from '../support/apiHarness'
import { CHINESE, caseDoc, hookedStore, notificationsOf, refusal, submit, transferViaOffices } from './caseFixtures'

let h: Harness
afterEach(() => h?.close())

const AUTHOR = 'dev-resident-1'
const SECONDER = 'dev-resident-2'
const STAFF = 'dev-staff-1'
const OPINION = '湖滨路与望湖路交叉口的红绿灯时间太短，3号楼的老人过马路来不及。'

async function userIdOf(who: string): Promise<string> {
  return (await h.ok(who, 'session.me')).id
}

describe('seconding a similar open case at the station', () => {
  beforeEach(async () => {
    h = await createHarness()
  })

  it('the draft list shows the similar case; seconding counts the resident once and lets them follow it', async () => {
    const id = await submit(h, AUTHOR, { content: OPINION })
    const draft = await h.ok(SECONDER, 'case.similarForDraft', { stationCode: 'HBJD', text: '望湖路交叉口红绿灯时间太短，老人过马路来不及' })
    expect(draft.cases[0]).toMatchObject({ id, isMine: false, raisedBy: 1, seconded: false })

    const view = await h.ok(SECONDER, 'case.second', { caseId: id, stationCode: 'HBJD' })
    expect(view).toMatchObject({
      id,
      raisedBy: 2,
      seconded: true,
      isMine: false,
      canRate: false,
      commands: [],
      place: null,
      phoneMasked: null,
      photos: [],
      // Digits (house numbers, phone numbers) are masked for anyone but the author.
      content: OPINION.replace(/\d/g, '*'),
    })
    expect(view.timeline.at(-1)).toMatchObject({ type: 'second', label: '群众附议', actor: '群众', from: null, to: null })

    // Every reader sees how many residents raised it.
    expect((await h.ok(AUTHOR, 'case.get', { caseId: id })).raisedBy).toBe(2)
    expect((await h.ok(STAFF, 'case.inbox', {})).cases.find((c) => c.id === id)?.raisedBy).toBe(2)
    const again = await h.ok(SECONDER, 'case.similarForDraft', { stationCode: 'HBJD', text: '望湖路交叉口红绿灯时间太短，老人过马路来不及' })
    expect(again.cases[0]).toMatchObject({ id, raisedBy: 2, seconded: true })
    expect((await h.ok(AUTHOR, 'case.similarForDraft', { stationCode: 'HBJD', text: OPINION })).cases[0]).toMatchObject({ isMine: true, seconded: false })

    // The seconder finds it under 我附议的; the author does not.
    const mine = await h.ok(SECONDER, 'case.listSeconded')
    expect(mine.cases.map((c) => c.id)).toEqual([id])
    expect(mine.cases[0].excerpt).not.toMatch(/\d/)
    expect((await h.ok(AUTHOR, 'case.listSeconded')).cases).toEqual([])
  })

  it('is idempotent: seconding again (or a retry, or at once) counts once and writes one event', async () => {
    const id = await submit(h)
    await h.ok(SECONDER, 'case.second', { caseId: id, stationCode: 'HBJD' })
    const once = await caseDoc(h, id)
    const again = await h.ok(SECONDER, 'case.second', { caseId: id, stationCode: 'HBJD' })
    expect(again.raisedBy).toBe(2)
    expect(await caseDoc(h, id)).toEqual(once)

    const other = await submit(h, AUTHOR, { content: '翠苑路的路灯坏了好几盏，晚上走路很不安全。' })
    const answers = await Promise.all(Array.from({ length: 6 }, () => h.call(SECONDER, 'case.second', { caseId: other, stationCode: 'HBJD' })))
    expect(answers.every((a) => a.ok)).toBe(true)
    const c = await caseDoc(h, other)
    expect(c.secondCount).toBe(1)
    expect(c.seconderIds).toEqual([await userIdOf(SECONDER)])
    expect(c.events.filter((e) => e.type === 'second')).toHaveLength(1)
  })

  it('several residents each count', async () => {
    const id = await submit(h)
    await h.ok(SECONDER, 'case.second', { caseId: id, stationCode: 'HBJD' })
    await h.ok('dev-resident-7', 'case.second', { caseId: id, stationCode: 'HBJD' })
    expect((await h.ok(AUTHOR, 'case.get', { caseId: id })).raisedBy).toBe(3)
  })

  it.each([
    ['your own case', AUTHOR, {}, 'FORBIDDEN', '这是您自己反映的民意，不需要附议'],
    ['a case of another station', SECONDER, { stationCode: 'CYSQ' }, 'NOT_FOUND', '没有找到本家站点的这条民意'],
    ['an unknown station', SECONDER, { stationCode: 'NOPE' }, 'NOT_FOUND', '没有找到这个家站点，请确认二维码是否正确'],
    ['an unknown case', SECONDER, { caseId: 'c_000000000000000000000000' }, 'NOT_FOUND', '没有找到本家站点的这条民意'],
    ['as staff', STAFF, {}, 'FORBIDDEN', '您的身份不能进行此操作'],
    ['without a case id', SECONDER, { caseId: '' }, 'INVALID_INPUT', '缺少民意编号'],
  ])('refuses %s with a Chinese message and changes nothing', async (_what, who, change, code, message) => {
    const id = await submit(h)
    const before = await caseDoc(h, id)
    const error = refusal(await h.call(who, 'case.second', { caseId: id, stationCode: 'HBJD', ...change }))
    expect(error).toMatchObject({ code, message })
    expect(await caseDoc(h, id)).toEqual(before)
  })

  it.each([
    ['replied', '已答复'],
    ['declined', '不予受理'],
    ['proposal', '已转为议案建议素材'],
  ])('refuses a %s case (not open any more)', async (status, label) => {
    const id = await submit(h)
    if (status === 'replied') await h.ok(STAFF, 'case.answerOnSite', { caseId: id, answer: '已联系交警部门调整配时。' })
    if (status === 'declined') await h.ok(STAFF, 'case.decline', { caseId: id, reason: '不属于受理范围', guidance: '请向有关部门反映' })
    if (status === 'proposal') await h.ok(STAFF, 'case.markProposal', { caseId: id, note: '普遍性问题' })
    const before = await caseDoc(h, id)
    expect(refusal(await h.call(SECONDER, 'case.second', { caseId: id, stationCode: 'HBJD' }))).toEqual({
      code: 'INVALID_STATE',
      message: `这条民意当前为「${label}」，不能附议`,
    })
    expect(await caseDoc(h, id)).toEqual(before)
  })

  it('a case flagged for review is not offered for seconding', async () => {
    const id = await submit(h, AUTHOR, { content: '小区里有人发小广告，加微信领红包，太烦人了。' })
    const c = await caseDoc(h, id)
    if (c.contentCheck !== 'review') await h.store.collection<CaseDoc>('cases').update({ _id: id }, { set: { contentCheck: 'review' } })
    expect(refusal(await h.call(SECONDER, 'case.second', { caseId: id, stationCode: 'HBJD' })).code).toBe('NOT_FOUND')
  })

  it('a seconder may not rate, and may not read anything but their restricted view', async () => {
    const id = await submit(h, AUTHOR, { phone: '13812345678' })
    await h.ok(SECONDER, 'case.second', { caseId: id, stationCode: 'HBJD' })
    await h.ok(STAFF, 'case.answerOnSite', { caseId: id, answer: '已联系交警部门调整配时。' })
    const before = await caseDoc(h, id)
    expect(refusal(await h.call(SECONDER, 'case.rate', { caseId: id, rating: 'unsatisfied' }))).toEqual({
      code: 'FORBIDDEN',
      message: '只有反映人本人可以评价',
    })
    expect(await caseDoc(h, id)).toEqual(before)
    const view = await h.ok(SECONDER, 'case.get', { caseId: id })
    expect(view).toMatchObject({ phoneMasked: null, canRate: false, rating: null })
    // The author rates; the seconder does not see the author's words.
    await h.ok(AUTHOR, 'case.rate', { caseId: id, rating: 'unsatisfied', comment: '我家3楼门口的灯还是不亮' })
    const after = await h.ok(SECONDER, 'case.get', { caseId: id })
    expect(after.timeline.at(-1)).toMatchObject({ type: 'reopen', note: null })
    expect(after.rating).toBeNull()
  })
})

describe('seconders get the same messages as the author, each their own', () => {
  beforeEach(async () => {
    h = await createHarness()
  })

  it('accepted, transferred, replied: one message each for the author and for every seconder', async () => {
    const id = await submit(h)
    const { trackingNo } = await h.ok(AUTHOR, 'case.get', { caseId: id })
    await h.ok(SECONDER, 'case.second', { caseId: id, stationCode: 'HBJD' })
    await h.ok('dev-resident-7', 'case.second', { caseId: id, stationCode: 'HBJD' })
    const seconders = [await userIdOf(SECONDER), await userIdOf('dev-resident-7')]

    await h.ok(STAFF, 'case.accept', { caseId: id })
    h.clock.advance(60_000)
    // 分级负责: the station forwards it to 湖滨街道人大工委, which assigns its own street unit.
    const office = await transferViaOffices(h, id, { unitId: 'unit-hubin-community' })
    h.clock.advance(60_000)
    await h.ok(office, 'case.recordUnitAnswer', { caseId: id, answer: '经现场勘查，已调整该路口信号灯配时。' })

    const author = await notificationsOf(h, await userIdOf(AUTHOR))
    expect(author.map((n) => n.title)).toEqual(['您反映的民意已受理', '您反映的民意已转报人大机关', '您反映的民意已转办', '您反映的民意有了答复'])
    for (const seconder of seconders) {
      const list = await notificationsOf(h, seconder)
      expect(list.map((n) => n.title)).toEqual(['您附议的民意已受理', '您附议的民意已转报人大机关', '您附议的民意已转办', '您附议的民意有了答复'])
      expect(list.every((n) => n.caseId === id && n.link === `/pages/case/index?id=${id}`)).toBe(true)
      // Seconders are not asked to rate: that is the author's.
      expect(list[3].body).toContain(`编号 ${trackingNo} 的答复：`)
      expect(list[3].body).not.toContain('评价')
      expect(list[0].push.template).toBe('progress')
      expect(list[3].push.template).toBe('reply')
    }
    expect(author[3].body).toContain('评价')
    // Each message is its own record.
    const ids = [...author, ...(await notificationsOf(h, seconders[0])), ...(await notificationsOf(h, seconders[1]))].map((n) => n._id)
    expect(new Set(ids).size).toBe(12)
    // They open the case from the message (the seconder's view).
    const seen = await h.ok(SECONDER, 'notification.list')
    expect(seen.notifications[0]).toMatchObject({ caseId: id, title: '您附议的民意有了答复' })
    expect((await h.ok(SECONDER, 'case.get', { caseId: id })).replies.map((r) => r.text)).toEqual(['经现场勘查，已调整该路口信号灯配时。'])
  })

  it('a resident who seconds while staff are acting is still told: the move is planned again', async () => {
    let staged = false
    const store = await hookedStore({
      before: async (collection: CollectionName, method, args) => {
        const filter = args[0] as Record<string, unknown> | undefined
        // The first accept reaches its write: right then, a resident seconds the case.
        if (!staged && collection === 'cases' && method === 'update' && filter && filter.status === 'submitted' && 'secondCount' in filter) {
          staged = true
          const id = filter._id as string
          const answer = await h.call(SECONDER, 'case.second', { caseId: id, stationCode: 'HBJD' })
          expect(answer.ok).toBe(true)
        }
      },
    })
    h = await createHarness({ store })
    const id = await submit(h)
    const view = await h.ok(STAFF, 'case.accept', { caseId: id })
    expect(staged).toBe(true)
    expect(view).toMatchObject({ status: 'accepted', raisedBy: 2 })
    const c = await caseDoc(h, id)
    expect(c.events.map((e) => e.type)).toEqual(['submit', 'second', 'accept'])
    expect((await notificationsOf(h, await userIdOf(SECONDER))).map((n) => n.title)).toEqual(['您附议的民意已受理'])
  })

  it('every refusal is in Chinese', async () => {
    const id = await submit(h)
    const response = await h.call(SECONDER, 'case.second', { caseId: id })
    expect(refusal(response)).toMatchObject({ code: 'INVALID_INPUT', field: 'stationCode' })
    expect(refusal(response).message).toMatch(CHINESE)
  })
})

it('the submit page can still file a new case instead (nothing forces seconding)', async () => {
  h = await createHarness()
  await submit(h)
  const { id } = await h.ok(SECONDER, 'case.submit', validOpinion)
  expect((await caseDoc(h, id)).residentId).toBe(await userIdOf(SECONDER))
})
