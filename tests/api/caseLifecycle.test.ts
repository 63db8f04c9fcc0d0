// Every command of the case state machine driven through the api as the person who issues it,
// with what they then see: status, route, timeline entry, replies, rating, and the buttons offered.
import {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  CASE_TRANSITIONS,
  RATING_LABELS,
  availableCommands,
  type CaseCommand,
  type CaseStatus,
  type CaseView,
  type Role,
} from '@minyi/types'
import type { UnitDoc } from '../../cloudfunctions/core/domain/records'
import { createHarness, type Harness } from '../support/apiHarness'
import { CHINESE, caseDoc, refusal, submit } from './caseFixtures'

let h: Harness
beforeEach(async () => {
  h = await createHarness() // Monday 2026-11-23 10:00 in Shanghai
})
afterEach(() => h.close())

const RESIDENT = 'dev-resident-1'
const STAFF = 'dev-staff-1' // 湖滨 station
const DEPUTY = 'dev-deputy-1' // 王建国, 湖滨 station
const ANSWER = '已联系交警部门，信号灯绿灯时间延长至45秒。'
const UNIT_ANSWER = '经现场勘查，已于本周调整该路口信号灯配时。'

/** Issues a command the way its user would, through the action that carries it. */
async function issue(command: CaseCommand, id: string, as?: string) {
  switch (command) {
    case 'accept':
      return h.call(as ?? STAFF, 'case.accept', { caseId: id, note: '已登记' })
    case 'refer':
      return h.call(as ?? DEPUTY, 'case.refer', { caseId: id, note: '涉及交警部门，请工作人员转办' })
    case 'answerOnSite':
      return h.call(as ?? STAFF, 'case.answerOnSite', { caseId: id, answer: ANSWER })
    case 'transfer':
      return h.call(as ?? STAFF, 'case.transfer', { caseId: id, unitId: 'unit-urban', note: '请核实信号灯配时' })
    case 'recordUnitAnswer':
      return h.call(as ?? STAFF, 'case.recordUnitAnswer', { caseId: id, answer: UNIT_ANSWER })
    case 'markProposal':
      return h.call(as ?? STAFF, 'case.markProposal', { caseId: id, note: '多个路口存在同类问题' })
    case 'decline':
      return h.call(as ?? STAFF, 'case.decline', { caseId: id, reason: '涉及正在审理的案件', guidance: '请向审理法院反映' })
    case 'close':
      return h.call(as ?? RESIDENT, 'case.rate', { caseId: id, rating: 'satisfied' })
    case 'reopen':
      return h.call(as ?? RESIDENT, 'case.rate', { caseId: id, rating: 'unsatisfied', comment: '问题没有解决' })
  }
}

async function must(command: CaseCommand, id: string, as?: string): Promise<CaseView> {
  const response = await issue(command, id, as)
  if (!response.ok) throw new Error(`${command} failed: ${response.error.code} ${response.error.message}`)
  return response.data as CaseView
}

/** The commands that bring a fresh case into each status. */
const PATH_TO: Record<CaseStatus, CaseCommand[]> = {
  submitted: [],
  accepted: ['accept'],
  referred: ['refer'],
  transferred: ['transfer'],
  replied: ['answerOnSite'],
  proposal: ['markProposal'],
  declined: ['decline'],
  reopened: ['answerOnSite', 'reopen'],
  closed: ['answerOnSite', 'close'],
}

async function caseIn(status: CaseStatus): Promise<string> {
  const id = await submit(h, RESIDENT)
  for (const command of PATH_TO[status]) await must(command, id)
  expect((await caseDoc(h, id)).status).toBe(status)
  return id
}

const lastEntry = (view: CaseView) => view.timeline[view.timeline.length - 1]

describe('each command, as its user sees the result', () => {
  it('staff accept: 已受理, with the note and the actor in role terms', async () => {
    const id = await submit(h)
    h.clock.advance(60_000)
    const view = await h.ok(STAFF, 'case.accept', { caseId: id, note: '已登记，尽快办理' })
    expect(view).toMatchObject({ status: 'accepted', route: null, replies: [] })
    expect(view.timeline).toHaveLength(2)
    expect(lastEntry(view)).toMatchObject({
      type: 'accept',
      label: '受理',
      actor: '联络站工作人员',
      from: 'submitted',
      to: 'accepted',
      note: '已登记，尽快办理',
      at: '2026-11-23T02:01:00.000Z',
    })
    // The resident reads the same entry on their case page.
    expect(lastEntry(await h.ok(RESIDENT, 'case.get', { caseId: id }))).toMatchObject({ label: '受理', actor: '联络站工作人员' })
  })

  it('a deputy refers the case to staff (→ 待转办), then staff transfer it', async () => {
    const id = await submit(h)
    const referred = await h.ok(DEPUTY, 'case.refer', { caseId: id, note: '涉及交警部门，请工作人员转办' })
    expect(referred.status).toBe('referred')
    expect(lastEntry(referred)).toMatchObject({
      label: '代表提请转办',
      actor: '人大代表 王建国',
      from: 'submitted',
      to: 'referred',
      note: '涉及交警部门，请工作人员转办',
    })
    expect((await h.ok(STAFF, 'case.inbox', { status: 'referred' })).cases.map((c) => c.id)).toEqual([id])

    const transferred = await h.ok(STAFF, 'case.transfer', { caseId: id, unitId: 'unit-urban', note: '请核实信号灯配时' })
    expect(transferred).toMatchObject({
      status: 'transferred',
      route: 'transfer',
      dueDate: '2026-12-02', // 7 working days after Monday 23 November
      transfer: { unitId: 'unit-urban', unitName: '滨湖区城市管理局', dueDate: '2026-12-02', note: '请核实信号灯配时' },
    })
    expect(lastEntry(transferred)).toMatchObject({
      label: '转办承办单位',
      actor: '联络站工作人员',
      from: 'referred',
      to: 'transferred',
      note: '请核实信号灯配时',
    })
  })

  it.each([
    [DEPUTY, '人大代表 王建国'],
    [STAFF, '联络站工作人员'],
    ['dev-deputy-2', '人大代表 李秀梅'],
  ])('%s answers on the spot (→ 已答复) and the resident reads the reply', async (who, label) => {
    const id = await submit(h)
    const view = await h.ok(who, 'case.answerOnSite', { caseId: id, answer: ANSWER })
    expect(view).toMatchObject({ status: 'replied', route: 'onsite' })
    expect(lastEntry(view)).toMatchObject({ label: '现场答复', actor: label, from: 'submitted', to: 'replied' })
    const seen = await h.ok(RESIDENT, 'case.get', { caseId: id })
    expect(seen.replies).toEqual([{ id: expect.any(String), text: ANSWER, from: label, at: '2026-11-23T02:00:00.000Z' }])
    expect(seen).toMatchObject({ canRate: true, commands: ['close', 'reopen'] })
  })

  it('staff record the unit answer (→ 已答复), the reply is from the unit', async () => {
    const id = await submit(h)
    await h.ok(STAFF, 'case.transfer', { caseId: id, unitId: 'unit-housing' })
    const view = await h.ok(STAFF, 'case.recordUnitAnswer', { caseId: id, answer: UNIT_ANSWER })
    expect(view).toMatchObject({ status: 'replied', route: 'transfer', dueDate: null })
    expect(view.replies).toEqual([expect.objectContaining({ text: UNIT_ANSWER, from: '滨湖区住房和城乡建设局（承办单位）' })])
    expect(lastEntry(view)).toMatchObject({
      label: '承办单位答复',
      actor: '联络站工作人员',
      from: 'transferred',
      to: 'replied',
      note: '滨湖区住房和城乡建设局已答复',
    })
  })

  it('staff mark it as material for a suggestion (→ 议案建议素材)', async () => {
    const id = await submit(h)
    const view = await h.ok(STAFF, 'case.markProposal', { caseId: id, note: '多个路口存在同类问题' })
    expect(view).toMatchObject({ status: 'proposal', route: 'proposal' })
    expect(lastEntry(view)).toMatchObject({ label: '列为议案建议素材', from: 'submitted', to: 'proposal', note: '多个路口存在同类问题' })
  })

  it('staff decline with a reason and guidance to the lawful channel, both shown', async () => {
    const id = await submit(h, RESIDENT, { category: 'legal', content: '我的民事案件法院判得不公，请代表帮我改判' })
    const view = await h.ok(STAFF, 'case.decline', { caseId: id, reason: '涉及法院正在审理的具体案件', guidance: '可依法向上一级人民法院提出上诉' })
    expect(view).toMatchObject({
      status: 'declined',
      decline: { reason: '涉及法院正在审理的具体案件', guidance: '可依法向上一级人民法院提出上诉' },
    })
    expect(lastEntry(view)).toMatchObject({
      label: '不予受理',
      from: 'submitted',
      to: 'declined',
      note: '涉及法院正在审理的具体案件；建议途径：可依法向上一级人民法院提出上诉',
    })
    expect((await h.ok(RESIDENT, 'case.get', { caseId: id })).decline?.guidance).toBe('可依法向上一级人民法院提出上诉')
  })

  it('decline needs both a reason and guidance', async () => {
    const id = await submit(h)
    const noGuidance = await h.call(STAFF, 'case.decline', { caseId: id, reason: '不属于受理范围' })
    expect(refusal(noGuidance)).toEqual({ code: 'INVALID_INPUT', message: '请填写引导途径', field: 'guidance' })
    expect((await caseDoc(h, id)).status).toBe('submitted')
  })

  it.each([
    ['satisfied', '满意'],
    ['basically', '基本满意'],
  ] as const)('the resident rates %s (%s) → 已办结 with the rating recorded', async (rating, label) => {
    const id = await caseIn('replied')
    h.clock.advance(3600_000)
    const view = await h.ok(RESIDENT, 'case.rate', { caseId: id, rating, comment: '谢谢代表' })
    expect(view).toMatchObject({
      status: 'closed',
      rating: { value: rating, comment: '谢谢代表', at: '2026-11-23T03:00:00.000Z' },
      canRate: false,
      commands: [],
    })
    expect(lastEntry(view)).toMatchObject({ label: '评价并办结', actor: '群众', from: 'replied', to: 'closed', note: '谢谢代表' })
    expect((await caseDoc(h, id)).reopenCount).toBe(0)
    // Staff see the rating too.
    expect((await h.ok(STAFF, 'case.get', { caseId: id })).rating?.value).toBe(rating)
    expect(RATING_LABELS[rating]).toBe(label)
  })

  it('不满意 reopens the case, which is handled again and rated again', async () => {
    const id = await caseIn('replied')
    const reopened = await h.ok(RESIDENT, 'case.rate', { caseId: id, rating: 'unsatisfied', comment: '红绿灯还是没改' })
    expect(reopened).toMatchObject({ status: 'reopened', rating: { value: 'unsatisfied', comment: '红绿灯还是没改' }, canRate: false })
    expect(lastEntry(reopened)).toMatchObject({ label: '不满意，重新办理', from: 'replied', to: 'reopened', note: '红绿灯还是没改' })
    expect((await caseDoc(h, id)).reopenCount).toBe(1)
    // Back in the handling inboxes, with the handling buttons.
    expect((await h.ok(STAFF, 'case.inbox', { status: 'reopened' })).cases.map((c) => c.id)).toEqual([id])
    expect((await h.ok(STAFF, 'case.get', { caseId: id })).commands).toEqual(['answerOnSite', 'transfer', 'markProposal', 'decline'])
    expect((await h.ok(DEPUTY, 'case.get', { caseId: id })).commands).toEqual(['refer', 'answerOnSite'])

    await h.ok(STAFF, 'case.transfer', { caseId: id, unitId: 'unit-urban', workingDays: 3 })
    const replied = await h.ok(STAFF, 'case.recordUnitAnswer', { caseId: id, answer: UNIT_ANSWER })
    expect(replied.replies.map((r) => r.text)).toEqual([ANSWER, UNIT_ANSWER])
    expect(replied.canRate).toBe(false) // staff never rate

    const second = await h.ok(RESIDENT, 'case.rate', { caseId: id, rating: 'unsatisfied' })
    expect(second.status).toBe('reopened')
    expect((await caseDoc(h, id)).reopenCount).toBe(2)
    await h.ok(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '我已陪同交警到现场，当场调整了配时。' })
    const closed = await h.ok(RESIDENT, 'case.rate', { caseId: id, rating: 'basically' })
    expect(closed).toMatchObject({ status: 'closed', rating: { value: 'basically', comment: null } })
    expect(closed.timeline.map((e) => e.to)).toEqual([
      'submitted',
      'replied',
      'reopened',
      'transferred',
      'replied',
      'reopened',
      'replied',
      'closed',
    ])
    expect((await caseDoc(h, id)).reopenCount).toBe(2)
  })

  it('rating a case that is not replied is INVALID_STATE; rating someone else\'s is NOT_FOUND', async () => {
    const id = await submit(h)
    const early = await h.call(RESIDENT, 'case.rate', { caseId: id, rating: 'satisfied' })
    expect(refusal(early)).toEqual({ code: 'INVALID_STATE', message: '这条民意当前为「待受理」，不能评价' })
    await must('answerOnSite', id)
    const stranger = await h.call('dev-resident-2', 'case.rate', { caseId: id, rating: 'unsatisfied' })
    expect(refusal(stranger).code).toBe('NOT_FOUND')
    expect((await caseDoc(h, id)).status).toBe('replied')
  })
})

describe('transfer deadlines count working days on China\'s holiday calendar, in Shanghai time', () => {
  it.each([
    // [now (UTC), workingDays, due]
    ['2026-11-23T02:00:00.000Z', undefined, '2026-12-02'], // default 7 working days
    ['2026-09-30T02:00:00.000Z', 1, '2026-10-08'], // National Day week Oct 1–7 is off
    ['2026-09-30T02:00:00.000Z', undefined, '2026-10-15'], // 7 days across the holiday and the make-up Saturday
    ['2026-10-09T02:00:00.000Z', 1, '2026-10-10'], // Saturday 10 October is a make-up working day
    ['2026-10-09T16:30:00.000Z', 1, '2026-10-12'], // already Saturday 00:30 in Shanghai (still Friday in UTC)
    ['2026-09-18T02:00:00.000Z', 1, '2026-09-20'], // Sunday 20 September is a make-up working day
    ['2026-11-20T02:00:00.000Z', 1, '2026-11-23'], // a plain Friday → Monday
  ])('transferred at %s with %s working day(s) → due %s', async (now, workingDays, due) => {
    h.clock.set(now)
    const id = await submit(h)
    const view = await h.ok(STAFF, 'case.transfer', { caseId: id, unitId: 'unit-urban', ...(workingDays ? { workingDays } : {}) })
    expect(view.transfer?.dueDate).toBe(due)
    expect(view.dueDate).toBe(due)
  })

  it('an explicit due date is taken as given', async () => {
    const id = await submit(h)
    const view = await h.ok(STAFF, 'case.transfer', { caseId: id, unitId: 'unit-education', dueDate: '2026-12-31' })
    expect(view.transfer).toMatchObject({ unitName: '滨湖区教育局', dueDate: '2026-12-31' })
  })

  it.each([
    [{ dueDate: '2026-11-23' }, '办理期限应晚于今天', undefined],
    [{ dueDate: '2026-11-01' }, '办理期限应晚于今天', undefined],
    [{ dueDate: '2026/12/31' }, '办理期限格式应为 年-月-日', 'dueDate'],
    [{ dueDate: '2026-02-30' }, '办理期限不是有效的日期', 'dueDate'],
    [{ workingDays: 0 }, '办理期限至少1个工作日', 'workingDays'],
    [{ workingDays: 61 }, '办理期限不能超过60个工作日', 'workingDays'],
    [{ workingDays: 2.5 }, '办理期限应为整数', 'workingDays'],
  ])('refuses %j with a Chinese message and changes nothing', async (change, message, field) => {
    const id = await submit(h)
    const before = await caseDoc(h, id)
    const response = await h.call(STAFF, 'case.transfer', { caseId: id, unitId: 'unit-urban', ...change })
    expect(refusal(response)).toEqual({ code: 'INVALID_INPUT', message, ...(field ? { field } : {}) })
    expect(await caseDoc(h, id)).toEqual(before)
  })

  it('a unit outside the district, or no such unit, is INVALID_INPUT and changes nothing', async () => {
    await h.store.collection<UnitDoc>('units').insert({ _id: 'unit-far', name: '远山县交通局', regionId: 'region-far', categories: ['traffic'] })
    const id = await submit(h)
    const before = await caseDoc(h, id)
    for (const unitId of ['unit-far', 'unit-nowhere']) {
      const response = await h.call(STAFF, 'case.transfer', { caseId: id, unitId })
      expect(refusal(response)).toEqual({ code: 'INVALID_INPUT', message: '请选择本区的承办单位' })
    }
    expect(await caseDoc(h, id)).toEqual(before)
  })
})

describe('the server refuses every transition the state machine does not allow', () => {
  // Written out here rather than read from types/, so a change to the state machine is a visible
  // change to this table.
  const ALLOWED_FROM: Record<CaseCommand, CaseStatus[]> = {
    accept: ['submitted'],
    refer: ['submitted', 'accepted', 'reopened'],
    answerOnSite: ['submitted', 'accepted', 'referred', 'reopened'],
    transfer: ['submitted', 'accepted', 'referred', 'reopened'],
    recordUnitAnswer: ['transferred'],
    markProposal: ['submitted', 'accepted', 'referred', 'reopened'],
    decline: ['submitted', 'accepted', 'referred', 'reopened'],
    close: ['replied'],
    reopen: ['replied'],
  }
  const COMMANDS = Object.keys(ALLOWED_FROM) as CaseCommand[]

  it('the table above is the state machine in types/', () => {
    expect(Object.fromEntries(COMMANDS.map((c) => [c, [...CASE_TRANSITIONS[c].from]]))).toEqual(ALLOWED_FROM)
    expect(Object.keys(CASE_TRANSITIONS).sort()).toEqual([...COMMANDS].sort())
  })

  const refused: Array<[CaseStatus, CaseCommand]> = CASE_STATUSES.flatMap((status) =>
    COMMANDS.filter((command) => !ALLOWED_FROM[command].includes(status)).map((command): [CaseStatus, CaseCommand] => [status, command]),
  )
  const allowed: Array<[CaseStatus, CaseCommand]> = CASE_STATUSES.flatMap((status) =>
    COMMANDS.filter((command) => ALLOWED_FROM[command].includes(status)).map((command): [CaseStatus, CaseCommand] => [status, command]),
  )

  it('covers every pair', () => {
    expect(refused.length + allowed.length).toBe(CASE_STATUSES.length * COMMANDS.length)
    expect(refused).toHaveLength(58)
  })

  it.each(refused)('on a %s case, %s → INVALID_STATE, case unchanged', async (status, command) => {
    const id = await caseIn(status)
    const before = await caseDoc(h, id)
    const error = refusal(await issue(command, id))
    expect(error.code).toBe('INVALID_STATE')
    expect(error.message).toMatch(CHINESE)
    expect(error.message).toContain(`当前为「${CASE_STATUS_LABELS[status]}」`)
    const after = await caseDoc(h, id)
    expect(after).toEqual(before)
    expect(after.events).toHaveLength(before.events.length)
  })

  it.each(allowed)('on a %s case, %s is accepted', async (status, command) => {
    const id = await caseIn(status)
    const events = (await caseDoc(h, id)).events.length
    const view = await must(command, id)
    expect(view.status).toBe(CASE_TRANSITIONS[command].to)
    expect(view.timeline.filter((e) => e.type !== 'phoneRevealed')).toHaveLength(events + 1)
  })
})

describe('`commands` lists exactly what the caller may do now', () => {
  it('the usual buttons', async () => {
    const id = await submit(h)
    expect((await h.ok(STAFF, 'case.get', { caseId: id })).commands).toEqual(['accept', 'answerOnSite', 'transfer', 'markProposal', 'decline'])
    expect((await h.ok('dev-admin-1', 'case.get', { caseId: id })).commands).toEqual(['accept', 'answerOnSite', 'transfer', 'markProposal', 'decline'])
    expect((await h.ok(DEPUTY, 'case.get', { caseId: id })).commands).toEqual(['refer', 'answerOnSite'])
    expect((await h.ok(RESIDENT, 'case.get', { caseId: id })).commands).toEqual([])
    await must('transfer', id)
    expect((await h.ok(STAFF, 'case.get', { caseId: id })).commands).toEqual(['recordUnitAnswer'])
    expect((await h.ok(DEPUTY, 'case.get', { caseId: id })).commands).toEqual([])
    await must('recordUnitAnswer', id)
    expect((await h.ok(RESIDENT, 'case.get', { caseId: id })).commands).toEqual(['close', 'reopen'])
    expect((await h.ok(STAFF, 'case.get', { caseId: id })).commands).toEqual([])
  })

  const viewers: Array<[string, Role]> = [
    [RESIDENT, 'resident'],
    [DEPUTY, 'deputy'],
    [STAFF, 'staff'],
    ['dev-admin-1', 'admin'],
  ]
  it.each(CASE_STATUSES.map((s) => [s]))('on a %s case every viewer is offered what the state machine allows their role', async (status) => {
    const id = await caseIn(status)
    for (const [who, role] of viewers) {
      const view = await h.ok(who, 'case.get', { caseId: id })
      expect({ who, commands: view.commands }).toEqual({ who, commands: availableCommands(status, role) })
      expect(view.canRate).toBe(role === 'resident' && status === 'replied')
    }
  })
})

describe('history is append-only', () => {
  it('events of earlier steps are unchanged by later steps, and each step adds one', async () => {
    const id = await submit(h)
    const steps: Array<() => Promise<unknown>> = [
      () => h.ok(DEPUTY, 'case.refer', { caseId: id, note: '请转办' }),
      () => h.ok(STAFF, 'case.revealPhone', { caseId: id }).catch(() => undefined), // no phone: refused, writes nothing
      () => h.ok(STAFF, 'case.transfer', { caseId: id, unitId: 'unit-urban' }),
      () => h.ok(STAFF, 'case.recordUnitAnswer', { caseId: id, answer: UNIT_ANSWER }),
      () => h.ok(RESIDENT, 'case.rate', { caseId: id, rating: 'unsatisfied' }),
      () => h.ok(STAFF, 'case.answerOnSite', { caseId: id, answer: ANSWER }),
      () => h.ok(RESIDENT, 'case.rate', { caseId: id, rating: 'satisfied' }),
    ]
    let before = (await caseDoc(h, id)).events
    for (const step of steps) {
      h.clock.advance(60_000)
      await step()
      const after = (await caseDoc(h, id)).events
      expect(after.slice(0, before.length)).toEqual(before)
      expect(after.length - before.length).toBeLessThanOrEqual(1)
      before = after
    }
    expect(before.map((e) => e.type)).toEqual(['submit', 'refer', 'transfer', 'recordUnitAnswer', 'reopen', 'answerOnSite', 'close'])
    // Each entry keeps its own time.
    expect(new Set(before.map((e) => e.at)).size).toBe(before.length)
    // The replies, too, accumulate.
    expect((await h.ok(RESIDENT, 'case.get', { caseId: id })).replies.map((r) => r.text)).toEqual([UNIT_ANSWER, ANSWER])
  })

  it('a refused command appends nothing', async () => {
    const id = await caseIn('closed')
    const before = (await caseDoc(h, id)).events
    await issue('reopen', id)
    await issue('transfer', id)
    expect((await caseDoc(h, id)).events).toEqual(before)
  })
})
