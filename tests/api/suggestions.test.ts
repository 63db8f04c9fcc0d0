// 议案/建议: a deputy drafts a suggestion from cases of their own stations, submits it; staff record
// the assignment to units, the units' answer and the deputy's satisfaction (one re-handling if
// unsatisfied). When it is answered, every resident whose case is attached is told the outcome and
// their case moves to 已答复, each on its own; an interrupted fan-out is finished by the job.
import { SUGGESTION_STATUSES, SUGGESTION_TRANSITIONS, type SuggestionView } from '@minyi/types'
import type { SuggestionDoc } from '../../cloudfunctions/core/domain/suggestions/records'
import { addMonths, currentDeadline } from '../../cloudfunctions/core/domain/suggestions/deadlines'
import type { UnitDoc } from '../../cloudfunctions/core/domain/records'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import { createHarness, type Harness } from '../support/apiHarness'
import { CHINESE, caseDoc, notificationsOf, refusal, storeFailingOneReply, submit } from './caseFixtures'

let h: Harness
afterEach(() => h?.close())

const DEPUTY = 'dev-deputy-1' // 王建国, 湖滨
const STAFF = 'dev-staff-1' // 湖滨
const R1 = 'dev-resident-1'
const R2 = 'dev-resident-2'
const TITLE = '关于优化湖滨片区路口信号灯配时的建议'
const BODY = '湖滨街道多个路口信号灯绿灯时间偏短，老年人和学生过街困难，群众多次反映。建议区交通管理部门对片区路口开展配时评估，延长行人绿灯时间，增设行人过街按钮。'
const ANSWER = '经评估，已对湖滨片区12个路口调整配时，行人绿灯延长至45秒，并于3个路口增设过街按钮。'

const userIdOf = async (who: string) => (await h.ok(who, 'session.me')).id
const later = () => h.clock.advance(60_000)
const doc = async (id: string) => (await h.store.collection<SuggestionDoc>('suggestions').get(id)) as SuggestionDoc

/** Two residents' cases at 湖滨: one staff marked as suggestion material, one still waiting. */
async function twoCases() {
  const c1 = await submit(h, R1)
  const c2 = await submit(h, R2, { content: '望湖路口红绿灯太短，学生放学过马路很危险，希望延长时间。' })
  await h.ok(STAFF, 'case.markProposal', { caseId: c1, note: '多个路口存在同类问题' })
  later()
  return { c1, c2 }
}

async function submitted(): Promise<{ c1: string; c2: string; s: SuggestionView }> {
  const { c1, c2 } = await twoCases()
  const draft = await h.ok(DEPUTY, 'suggestion.create', { title: TITLE, body: BODY, caseIds: [c1] })
  await h.ok(DEPUTY, 'suggestion.attachCase', { suggestionId: draft.id, caseId: c2 })
  later()
  const s = await h.ok(DEPUTY, 'suggestion.submit', { suggestionId: draft.id })
  later()
  return { c1, c2, s }
}

describe('the life of a suggestion, as each person sees it', () => {
  beforeEach(async () => {
    h = await createHarness() // Monday 2026-11-23 10:00 in Shanghai
  })

  it('a deputy drafts from two residents\' cases and submits; the cases are taken in and their residents told', async () => {
    const { c1, c2 } = await twoCases()
    const draft = await h.ok(DEPUTY, 'suggestion.create', { caseIds: [c1] })
    expect(draft).toMatchObject({ status: 'draft', statusLabel: '草稿', no: null, kind: 'suggestion', kindLabel: '建议', isMine: true, caseCount: 1 })
    expect(draft.commands).toEqual(['update', 'attachCase', 'detachCase', 'submit', 'withdraw'])
    await h.ok(DEPUTY, 'suggestion.update', { suggestionId: draft.id, title: TITLE, body: BODY })
    const attached = await h.ok(DEPUTY, 'suggestion.attachCase', { suggestionId: draft.id, caseId: c2 })
    expect(attached.cases.map((c) => [c.id, c.status, c.raisedBy])).toEqual([
      [c1, 'proposal', 1],
      [c2, 'submitted', 1],
    ])
    // Drafts are the deputy's own: staff do not see them yet, residents hear nothing yet.
    expect(refusal(await h.call(STAFF, 'suggestion.get', { suggestionId: draft.id })).code).toBe('NOT_FOUND')
    expect((await h.ok(STAFF, 'suggestion.list', {})).suggestions).toEqual([])
    const r2Before = (await notificationsOf(h, await userIdOf(R2))).length

    later()
    const s = await h.ok(DEPUTY, 'suggestion.submit', { suggestionId: draft.id })
    expect(s).toMatchObject({
      status: 'submitted',
      no: 'JY2026-0001',
      office: { name: '滨湖区人大常委会' },
      deadline: { kind: 'assign', label: '交办期限', dueDate: '2026-11-30', overdueDays: 0 },
      deadlines: { assignBy: '2026-11-30', answerBy: null },
      fanOut: { informed: 2, total: 2, pending: false },
      commands: [],
    })
    expect(s.timeline.map((e) => e.type)).toEqual(['create', 'update', 'attachCase', 'submit'])
    expect(s.timeline.at(-1)).toMatchObject({ label: '提交人大机关', actor: '人大代表 王建国', from: 'draft', to: 'submitted' })

    // The case still being handled moves to 议案建议素材; the one already there records the fact.
    const v2 = await h.ok(R2, 'case.get', { caseId: c2 })
    expect(v2).toMatchObject({ status: 'proposal', route: 'proposal' })
    expect(v2.timeline.at(-1)).toMatchObject({ type: 'includeInSuggestion', label: '纳入代表建议', actor: '人大代表 王建国', to: 'proposal' })
    expect(v2.suggestions).toEqual([{ id: s.id, no: 'JY2026-0001', kindLabel: '建议', title: TITLE, status: 'submitted', statusLabel: '已提交人大机关' }])
    const v1 = await h.ok(R1, 'case.get', { caseId: c1 })
    expect(v1).toMatchObject({ status: 'proposal' })
    expect(v1.timeline.at(-1)).toMatchObject({ type: 'suggestionIncluded', label: '纳入代表建议', from: null, to: null })
    const r2 = await notificationsOf(h, await userIdOf(R2))
    expect(r2).toHaveLength(r2Before + 1)
    expect(r2.at(-1)).toMatchObject({ title: '您的民意已纳入代表建议', caseId: c2 })
    expect(r2.at(-1)?.body).toContain(`《${TITLE}》`)
    expect((await notificationsOf(h, await userIdOf(R1))).at(-1)?.title).toBe('您反映的问题已纳入代表建议')

    // Now the office sees it.
    expect((await h.ok(STAFF, 'suggestion.list', {})).suggestions.map((x) => x.id)).toEqual([s.id])
    expect((await h.ok(STAFF, 'suggestion.get', { suggestionId: s.id })).commands).toEqual(['assign'])
  })

  it('staff assign it and record the answer: every attached case is replied, each resident told; the deputy rates', async () => {
    const { c1, c2, s } = await submitted()
    const assigned = await h.ok(STAFF, 'suggestion.assign', { suggestionId: s.id, unitIds: ['unit-urban'], note: '请牵头研究' })
    expect(assigned).toMatchObject({
      status: 'assigned',
      assignment: { units: [{ id: 'unit-urban', name: '滨湖区城市管理局' }], note: '请牵头研究' },
      deadline: { kind: 'answer', label: '答复期限', dueDate: '2027-02-23' },
      commands: ['recordAnswer'],
    })
    const deputyId = await userIdOf(DEPUTY)
    expect((await notificationsOf(h, deputyId)).map((n) => n.title)).toEqual(['您的建议已交办'])
    later()

    const before = { r1: (await notificationsOf(h, await userIdOf(R1))).length, r2: (await notificationsOf(h, await userIdOf(R2))).length }
    const answered = await h.ok(STAFF, 'suggestion.recordAnswer', { suggestionId: s.id, answer: ANSWER })
    expect(answered).toMatchObject({
      status: 'answered',
      answers: [{ text: ANSWER, unitName: '滨湖区城市管理局', round: 1 }],
      deadline: null,
      fanOut: { informed: 2, total: 2, pending: false },
    })
    expect(answered.cases.every((c) => c.status === 'replied' && c.informed)).toBe(true)

    for (const [who, id, key] of [[R1, c1, 'r1'], [R2, c2, 'r2']] as const) {
      const view = await h.ok(who, 'case.get', { caseId: id })
      expect(view).toMatchObject({ status: 'replied', canRate: true })
      expect(view.replies.map((r) => [r.text, r.from])).toEqual([[ANSWER, '滨湖区城市管理局（承办建议）']])
      expect(view.timeline.at(-1)).toMatchObject({ type: 'suggestionAnswered', label: '代表建议已答复', from: 'proposal', to: 'replied', actor: '联络站工作人员' })
      expect(view.suggestions[0]).toMatchObject({ status: 'answered', statusLabel: '承办单位已答复' })
      const list = await notificationsOf(h, await userIdOf(who))
      expect(list).toHaveLength(before[key] + 1)
      expect(list.at(-1)).toMatchObject({ title: '您反映的民意有了答复', caseId: id, link: `/pages/case/index?id=${id}` })
      expect(list.at(-1)?.body).toContain('已对湖滨片区')
      // …and in 消息 as the resident reads it.
      expect((await h.ok(who, 'notification.list')).notifications[0]).toMatchObject({ caseId: id, title: '您反映的民意有了答复', read: false })
    }
    expect((await notificationsOf(h, deputyId)).map((n) => n.title)).toEqual(['您的建议已交办', '您的建议有了答复'])

    // Each resident rates their own case.
    expect((await h.ok(R1, 'case.rate', { caseId: c1, rating: 'satisfied' })).status).toBe('closed')
    expect((await h.ok(R2, 'case.rate', { caseId: c2, rating: 'unsatisfied' })).status).toBe('reopened')

    // The deputy is satisfied: closed.
    const closed = await h.ok(DEPUTY, 'suggestion.rate', { suggestionId: s.id, rating: 'basically', comment: '基本解决' })
    expect(closed).toMatchObject({ status: 'closed', ratings: [{ value: 'basically', label: '基本满意', by: '人大代表 王建国', round: 1 }] })
    expect(closed.timeline.at(-1)).toMatchObject({ type: 'conclude', from: 'answered', to: 'closed', note: '基本满意：基本解决' })
  })

  it('不满意 sends it back once (new deadline); the second answer reaches the residents again; a second 不满意 closes it', async () => {
    const { c1, c2, s } = await submitted()
    await h.ok(STAFF, 'suggestion.assign', { suggestionId: s.id, unitIds: ['unit-urban', 'unit-housing'] })
    await h.ok(STAFF, 'suggestion.recordAnswer', { suggestionId: s.id, answer: ANSWER, unitId: 'unit-urban' })
    await h.ok(R1, 'case.rate', { caseId: c1, rating: 'satisfied' })
    h.clock.set('2026-12-10T02:00:00.000Z')
    // Staff record the deputy's satisfaction for them.
    const back = await h.ok(STAFF, 'suggestion.rate', { suggestionId: s.id, rating: 'unsatisfied', comment: '只调整了部分路口' })
    expect(back).toMatchObject({
      status: 'rehandling',
      rehandleCount: 1,
      deadline: { kind: 'answer', dueDate: '2027-01-10' },
      ratings: [{ value: 'unsatisfied', by: '联络站工作人员 孙晓燕（代为登记）' }],
    })
    const second = '已对剩余路口完成配时调整，并在学校周边增设护学岗。'
    const again = await h.ok(STAFF, 'suggestion.recordAnswer', { suggestionId: s.id, answer: second })
    expect(again.answers.map((a) => [a.round, a.unitName])).toEqual([
      [1, '滨湖区城市管理局'],
      [2, '滨湖区城市管理局、滨湖区住房和城乡建设局'],
    ])
    // Both residents get the second answer too, without their cases changing status.
    for (const [who, id, status] of [[R1, c1, 'closed'], [R2, c2, 'replied']] as const) {
      const view = await h.ok(who, 'case.get', { caseId: id })
      expect(view.status).toBe(status)
      expect(view.replies.map((r) => r.text)).toEqual([ANSWER, second])
      expect(view.timeline.at(-1)).toMatchObject({ type: 'suggestionAnswer', label: '代表建议有了答复', note: expect.stringContaining('重新办理后') })
      expect((await notificationsOf(h, await userIdOf(who))).at(-1)?.title).toBe('您反映的问题所在的代表建议有了答复')
    }
    const closed = await h.ok(DEPUTY, 'suggestion.rate', { suggestionId: s.id, rating: 'unsatisfied' })
    expect(closed).toMatchObject({ status: 'closed', rehandleCount: 1 })
    expect(closed.timeline.at(-1)).toMatchObject({ type: 'closeUnsatisfied', label: '代表仍不满意，办结并存档' })
  })

  it('a case merged into an attached case gets the answer too', async () => {
    const { c1, c2 } = await twoCases()
    const c3 = await submit(h, 'dev-resident-9', { content: '湖滨路口信号灯时间短，希望延长。' })
    await h.ok(STAFF, 'case.merge', { caseId: c3, intoCaseId: c2 })
    const draft = await h.ok(DEPUTY, 'suggestion.create', { title: TITLE, body: BODY, caseIds: [c1, c2] })
    const s = await h.ok(DEPUTY, 'suggestion.submit', { suggestionId: draft.id })
    await h.ok(STAFF, 'suggestion.assign', { suggestionId: s.id, unitIds: ['unit-urban'] })
    await h.ok(STAFF, 'suggestion.recordAnswer', { suggestionId: s.id, answer: ANSWER })
    const merged = await h.ok('dev-resident-9', 'case.get', { caseId: c3 })
    expect(merged).toMatchObject({ status: 'replied', canRate: true })
    expect(merged.replies.map((r) => r.text)).toEqual([ANSWER])
  })

  it('withdrawing a draft', async () => {
    const { c1 } = await twoCases()
    const draft = await h.ok(DEPUTY, 'suggestion.create', { caseIds: [c1] })
    const withdrawn = await h.ok(DEPUTY, 'suggestion.withdraw', { suggestionId: draft.id })
    expect(withdrawn).toMatchObject({ status: 'withdrawn', commands: [] })
    expect((await caseDoc(h, c1)).suggestions).toBeUndefined()
    expect((await h.ok(DEPUTY, 'suggestion.list', {})).suggestions.map((x) => x.status)).toEqual(['withdrawn'])
  })

  it('a retried create (same requestId) makes one draft', async () => {
    const { c1 } = await twoCases()
    const [a, b] = await Promise.all([
      h.ok(DEPUTY, 'suggestion.create', { caseIds: [c1] }, 'create-request-0001'),
      h.ok(DEPUTY, 'suggestion.create', { caseIds: [c1] }, 'create-request-0001'),
    ])
    expect(a.id).toBe(b.id)
    expect(await h.store.collection('suggestions').count({})).toBe(1)
  })

  it('deadlines: overdue days show while the office owes the step', async () => {
    const { s } = await submitted()
    h.clock.set('2026-12-02T02:00:00.000Z')
    expect((await h.ok(STAFF, 'suggestion.get', { suggestionId: s.id })).deadline).toEqual({
      kind: 'assign',
      label: '交办期限',
      dueDate: '2026-11-30',
      overdueDays: 2,
    })
    expect((await h.ok(STAFF, 'suggestion.list', {})).suggestions[0].deadline?.overdueDays).toBe(2)
  })
})

describe('refusals: out of order, out of scope, bad input — Chinese messages, nothing changed', () => {
  beforeEach(async () => {
    h = await createHarness()
  })

  async function unchanged(id: string, run: () => Promise<void>) {
    const before = await doc(id)
    await run()
    expect(await doc(id)).toEqual(before)
  }

  it('steps out of order are INVALID_STATE', async () => {
    const { c1 } = await twoCases()
    const draft = await h.ok(DEPUTY, 'suggestion.create', { title: TITLE, body: BODY, caseIds: [c1] })
    await unchanged(draft.id, async () => {
      expect(refusal(await h.call(DEPUTY, 'suggestion.rate', { suggestionId: draft.id, rating: 'satisfied' })).code).toBe('INVALID_STATE')
    })
    const s = await h.ok(DEPUTY, 'suggestion.submit', { suggestionId: draft.id })
    await unchanged(s.id, async () => {
      const cases: Array<[string, string, Record<string, unknown>, string]> = [
        [STAFF, 'suggestion.recordAnswer', { answer: ANSWER }, '这件议案建议当前为「已提交人大机关」，不能登记承办单位答复'],
        [STAFF, 'suggestion.rate', { rating: 'satisfied' }, '这件议案建议当前为「已提交人大机关」，不能评价'],
        [DEPUTY, 'suggestion.submit', {}, '这件议案建议当前为「已提交人大机关」，不能提交人大机关'],
        [DEPUTY, 'suggestion.attachCase', { caseId: c1 }, '这件议案建议当前为「已提交人大机关」，不能修改'],
        [DEPUTY, 'suggestion.update', { title: '新的标题新的标题' }, '这件议案建议当前为「已提交人大机关」，不能修改'],
        [DEPUTY, 'suggestion.withdraw', {}, '这件议案建议当前为「已提交人大机关」，不能撤回草稿'],
      ]
      for (const [who, action, input, message] of cases) {
        expect(refusal(await h.call(who, action as 'suggestion.rate', { suggestionId: s.id, ...input }))).toEqual({ code: 'INVALID_STATE', message })
      }
    })
    await h.ok(STAFF, 'suggestion.assign', { suggestionId: s.id, unitIds: ['unit-urban'] })
    await unchanged(s.id, async () => {
      expect(refusal(await h.call(STAFF, 'suggestion.assign', { suggestionId: s.id, unitIds: ['unit-urban'] })).message).toBe(
        '这件议案建议当前为「已交办承办单位」，不能交办承办单位',
      )
    })
  })

  it('submitting needs a title, a body and at least one case', async () => {
    const { c1 } = await twoCases()
    const empty = await h.ok(DEPUTY, 'suggestion.create', {})
    await unchanged(empty.id, async () => {
      expect(refusal(await h.call(DEPUTY, 'suggestion.submit', { suggestionId: empty.id }))).toEqual({ code: 'INVALID_INPUT', message: '请填写标题（至少5个字）后再提交' })
    })
    await h.ok(DEPUTY, 'suggestion.update', { suggestionId: empty.id, title: TITLE })
    await unchanged(empty.id, async () => {
      expect(refusal(await h.call(DEPUTY, 'suggestion.submit', { suggestionId: empty.id })).message).toBe('请填写正文（至少20个字）后再提交')
    })
    await h.ok(DEPUTY, 'suggestion.update', { suggestionId: empty.id, body: BODY })
    await unchanged(empty.id, async () => {
      expect(refusal(await h.call(DEPUTY, 'suggestion.submit', { suggestionId: empty.id })).message).toBe('请至少附上一条民意作为依据')
    })
    await h.ok(DEPUTY, 'suggestion.attachCase', { suggestionId: empty.id, caseId: c1 })
    await h.ok(DEPUTY, 'suggestion.detachCase', { suggestionId: empty.id, caseId: c1 })
    expect(refusal(await h.call(DEPUTY, 'suggestion.detachCase', { suggestionId: empty.id, caseId: c1 })).code).toBe('NOT_FOUND')
  })

  it('only cases of the deputy\'s own stations, not declined, not merged away', async () => {
    const { c1, c2 } = await twoCases()
    const elsewhere = await submit(h, R1, { stationCode: 'CYSQ' })
    const declined = await submit(h, R1)
    await h.ok(STAFF, 'case.decline', { caseId: declined, reason: '涉及法院具体案件', guidance: '请向法院反映' })
    await h.ok(STAFF, 'case.merge', { caseId: c2, intoCaseId: await submit(h, R1) })
    const draft = await h.ok(DEPUTY, 'suggestion.create', {})
    await unchanged(draft.id, async () => {
      expect(refusal(await h.call(DEPUTY, 'suggestion.attachCase', { suggestionId: draft.id, caseId: elsewhere }))).toEqual({
        code: 'NOT_FOUND',
        message: '没有找到这条民意，或它不属于您所在的家站点',
      })
      expect(refusal(await h.call(DEPUTY, 'suggestion.attachCase', { suggestionId: draft.id, caseId: declined })).message).toMatch(/已不予受理，不能作为议案建议的依据$/)
      expect(refusal(await h.call(DEPUTY, 'suggestion.attachCase', { suggestionId: draft.id, caseId: c2 })).message).toMatch(/请附上主办的民意$/)
    })
    // Creating with such a case writes nothing at all.
    expect(refusal(await h.call(DEPUTY, 'suggestion.create', { caseIds: [c1, elsewhere] })).code).toBe('NOT_FOUND')
    expect(await h.store.collection('suggestions').count({})).toBe(1)
  })

  it('who may see and act on a suggestion', async () => {
    const { s } = await submitted()
    const checks: Array<[string, string, Record<string, unknown>, string]> = [
      ['dev-deputy-2', 'suggestion.get', {}, 'NOT_FOUND'], // another deputy, even at the same station
      ['dev-staff-2', 'suggestion.get', {}, 'NOT_FOUND'], // staff of another station
      ['dev-staff-2', 'suggestion.assign', { unitIds: ['unit-urban'] }, 'NOT_FOUND'],
      [R1, 'suggestion.get', {}, 'FORBIDDEN'], // residents never read suggestions directly
      [DEPUTY, 'suggestion.assign', { unitIds: ['unit-urban'] }, 'FORBIDDEN'], // roles: staff only
      ['dev-deputy-2', 'suggestion.create', { caseIds: [] }, 'OK'],
    ]
    await unchanged(s.id, async () => {
      for (const [who, action, input, code] of checks) {
        const answer = await h.call(who, action as 'suggestion.get', { suggestionId: s.id, ...input })
        if (code === 'OK') expect(answer.ok).toBe(true)
        else expect({ who, action, code: refusal(answer).code }).toEqual({ who, action, code })
      }
    })
    // The office it went to (王建国 is a 区 deputy: 滨湖区人大常委会) handles it; the street office does not.
    expect((await h.ok('dev-office-2', 'suggestion.get', { suggestionId: s.id })).commands).toEqual(['assign'])
    expect((await h.ok('dev-office-2', 'suggestion.list', {})).suggestions.map((x) => x.id)).toEqual([s.id])
    expect(refusal(await h.call('dev-office-1', 'suggestion.get', { suggestionId: s.id })).code).toBe('NOT_FOUND')
    expect((await h.ok('dev-office-1', 'suggestion.list', {})).suggestions).toEqual([])
    // The admin sees the district.
    expect((await h.ok('dev-admin-1', 'suggestion.get', { suggestionId: s.id })).commands).toEqual(['assign'])
    // Another deputy does not see deputy 1's in their list.
    expect((await h.ok('dev-deputy-2', 'suggestion.list', {})).suggestions.every((x) => x.deputy.name === '李秀梅')).toBe(true)
  })

  it('assignment takes units of the district only; answers name an assigned unit', async () => {
    await h.store.collection<UnitDoc>('units').insert({ _id: 'unit-far', name: '远山县交通局', regionId: 'region-far', categories: ['traffic'] })
    const { s } = await submitted()
    await unchanged(s.id, async () => {
      expect(refusal(await h.call(STAFF, 'suggestion.assign', { suggestionId: s.id, unitIds: ['unit-far'] }))).toEqual({ code: 'INVALID_INPUT', message: '请选择本区的承办单位' })
      expect(refusal(await h.call(STAFF, 'suggestion.assign', { suggestionId: s.id, unitIds: [] }))).toEqual({
        code: 'INVALID_INPUT',
        message: '请至少选择一个承办单位',
        field: 'unitIds',
      })
      expect(refusal(await h.call(STAFF, 'suggestion.assign', { suggestionId: s.id, unitIds: ['unit-urban', 'unit-urban'] })).message).toBe('承办单位不能重复')
    })
    await h.ok(STAFF, 'suggestion.assign', { suggestionId: s.id, unitIds: ['unit-urban'] })
    await unchanged(s.id, async () => {
      expect(refusal(await h.call(STAFF, 'suggestion.recordAnswer', { suggestionId: s.id, answer: ANSWER, unitId: 'unit-education' })).message).toBe(
        '请选择已交办的承办单位',
      )
      expect(refusal(await h.call(STAFF, 'suggestion.recordAnswer', { suggestionId: s.id, answer: '太短' }))).toEqual({
        code: 'INVALID_INPUT',
        message: '答复内容至少需要10个字',
        field: 'answer',
      })
    })
  })

  it('bad input names the field', async () => {
    expect(refusal(await h.call(DEPUTY, 'suggestion.create', { kind: 'petition' }))).toMatchObject({ code: 'INVALID_INPUT', field: 'kind' })
    expect(refusal(await h.call(DEPUTY, 'suggestion.create', { title: 'x'.repeat(61) }))).toEqual({ code: 'INVALID_INPUT', message: '标题不能超过60个字', field: 'title' })
    expect(refusal(await h.call(DEPUTY, 'suggestion.update', { suggestionId: 's_1' }))).toMatchObject({ code: 'INVALID_INPUT', message: '请至少修改一项内容' })
    expect(refusal(await h.call(DEPUTY, 'suggestion.rate', { suggestionId: 's_1', rating: 'great' })).message).toMatch(CHINESE)
    expect(await h.store.collection('suggestions').count({})).toBe(0)
  })
})

describe('the answer fan-out survives a failure half-way', () => {
  it('one case could not be updated: the suggestion stays pending, the job finishes it, a rerun changes nothing', async () => {
    const { store, failNextReply } = await storeFailingOneReply()
    h = await createHarness({ store })
    const { c1, c2, s } = await submitted()
    await h.ok(STAFF, 'suggestion.assign', { suggestionId: s.id, unitIds: ['unit-urban'] })
    failNextReply(c2)
    const answered = await h.ok(STAFF, 'suggestion.recordAnswer', { suggestionId: s.id, answer: ANSWER })
    expect(answered).toMatchObject({ status: 'answered', fanOut: { informed: 1, total: 2, pending: true } })
    expect((await caseDoc(h, c1)).status).toBe('replied')
    expect((await caseDoc(h, c2)).status).toBe('proposal')

    const report = await runScheduledJobs(h.deps)
    expect(report.fanOut).toMatchObject({ suggestionsCompleted: 1 })
    expect((await caseDoc(h, c2)).status).toBe('replied')
    expect((await doc(s.id)).fanOutPending).toBe(false)
    const counts = async () => Promise.all([R1, R2, DEPUTY].map(async (who) => (await notificationsOf(h, await userIdOf(who))).length))
    const after = await counts()
    await runScheduledJobs(h.deps)
    expect(await counts()).toEqual(after)
    expect((await caseDoc(h, c2)).events.filter((e) => e.type === 'suggestionAnswered')).toHaveLength(1)
    expect((await h.ok(STAFF, 'suggestion.get', { suggestionId: s.id })).fanOut).toEqual({ informed: 2, total: 2, pending: false })
  })
})

describe('the suggestion state machine and deadlines (data)', () => {
  it('every status is reachable and every command names real statuses', () => {
    const reachable = new Set(['draft', ...Object.values(SUGGESTION_TRANSITIONS).map((t) => t.to)])
    expect([...reachable].sort()).toEqual([...SUGGESTION_STATUSES].sort())
    for (const t of Object.values(SUGGESTION_TRANSITIONS)) for (const from of t.from) expect(SUGGESTION_STATUSES).toContain(from)
  })

  it.each([
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2027-12-15', 1, '2028-01-15'],
    ['2028-01-31', 1, '2028-02-29'],
  ])('%s + %d months = %s', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to)
  })

  it('no deadline runs once the units answered', () => {
    expect(currentDeadline({ status: 'answered', deadlines: { assignBy: '2026-11-30', answerBy: '2027-02-23' } }, new Date())).toBeNull()
  })
})

describe('the office a suggestion goes to', () => {
  it('a street-level deputy\'s goes to the street\'s 人大工委, whose staff assign it', async () => {
    h = await createHarness()
    const c = await submit(h, R1, { stationCode: 'CYSQ' })
    const draft = await h.ok('dev-deputy-3', 'suggestion.create', { title: TITLE, body: BODY, caseIds: [c] }) // 陈志强, 街道 deputy, 翠苑
    const s = await h.ok('dev-deputy-3', 'suggestion.submit', { suggestionId: draft.id })
    expect(s.office).toEqual({ name: '湖滨街道人大工委' })
    expect((await h.ok('dev-office-1', 'suggestion.assign', { suggestionId: s.id, unitIds: ['unit-urban'] })).status).toBe('assigned')
    expect(refusal(await h.call('dev-office-2', 'suggestion.get', { suggestionId: s.id })).code).toBe('NOT_FOUND')
  })
})
