// Every command of the case state machine driven through the api as the person who issues it,
// with what they then see: status, route, timeline entry, replies, rating, and the buttons offered.
import {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  CASE_TRANSITIONS,
  RATING_LABELS,
  availableCommands,
  levelAllows,
  type CaseCommand,
  type CaseStatus,
  type CaseView,
  type Role,
} from '@minyi/types'
import type { CaseDoc, UnitDoc } from '../../cloudfunctions/core/domain/records'
import { createHarness, type Harness } from '../support/apiHarness'
import { CHINESE, DISTRICT_OFFICE, STREET_OFFICE, caseDoc, refusal, submit, transferViaOffices } from './caseFixtures'

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

/** Who holds the case now (分级负责): its station's staff, or the office it was forwarded to. */
async function holder(id: string): Promise<string> {
  const c = await caseDoc(h, id)
  if (!c.office) return STAFF
  return c.office.regionId === 'region-hubin' ? STREET_OFFICE : DISTRICT_OFFICE
}

/** Issues a command the way its user would, through the action that carries it. */
async function issue(command: CaseCommand, id: string, as?: string) {
  switch (command) {
    case 'accept':
      return h.call(as ?? (await holder(id)), 'case.accept', { caseId: id, note: '已登记' })
    case 'refer':
      return h.call(as ?? DEPUTY, 'case.refer', { caseId: id, note: '涉及交警部门，请工作人员转办' })
    case 'answerOnSite':
      return h.call(as ?? (await holder(id)), 'case.answerOnSite', { caseId: id, answer: ANSWER })
    case 'forward':
      return h.call(as ?? (await holder(id)), 'case.forward', { caseId: id, note: '需要有关部门办理' })
    case 'transfer': {
      // Each office assigns a unit of its own level: the street's own, or a district bureau.
      const who = as ?? (await holder(id))
      const unitId = who === STREET_OFFICE ? 'unit-hubin-community' : 'unit-urban'
      return h.call(who, 'case.transfer', { caseId: id, unitId, note: '请核实信号灯配时' })
    }
    case 'extend':
      return h.call(as ?? (await holder(id)), 'case.extendDeadline', { caseId: id, reason: '需协调多个部门现场勘查' })
    case 'recordUnitAnswer':
      return h.call(as ?? (await holder(id)), 'case.recordUnitAnswer', { caseId: id, answer: UNIT_ANSWER })
    case 'markProposal':
      return h.call(as ?? (await holder(id)), 'case.markProposal', { caseId: id, note: '多个路口存在同类问题' })
    case 'decline':
      return h.call(as ?? (await holder(id)), 'case.decline', { caseId: id, reason: '涉及正在审理的案件', guidance: '请向审理法院反映' })
    case 'close':
      return h.call(as ?? RESIDENT, 'case.rate', { caseId: id, rating: 'satisfied' })
    case 'reopen':
      return h.call(as ?? RESIDENT, 'case.rate', { caseId: id, rating: 'unsatisfied', comment: '问题没有解决' })
    case 'escalate':
      // 不满意 issues `escalate` once the reopens are used up (tests/api/reopenRules.test.ts); here the
      // count is set so that this table drives it like any other command.
      if ((await caseDoc(h, id)).status === 'replied') {
        await h.store.collection<CaseDoc>('cases').update({ _id: id }, { set: { reopenCount: 2 } })
      }
      return h.call(as ?? RESIDENT, 'case.rate', { caseId: id, rating: 'unsatisfied', comment: '还是没有解决' })
    case 'merge': {
      // 并案 joins cases held at one level: the primary is brought to the office holding the duplicate.
      const primary = await submit(h, 'dev-resident-2')
      if ((await caseDoc(h, id)).office) await h.ok(STAFF, 'case.forward', { caseId: primary, note: '需要街道协调' })
      return h.call(as ?? (await holder(id)), 'case.merge', { caseId: id, intoCaseId: primary })
    }
    default:
      // System moves (并案答复, 议案建议): no action issues them; tests/api/merge.test.ts and
      // tests/api/suggestions.test.ts drive them through what triggers them.
      throw new Error(`${command} is not issued through a case action`)
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
  forwarded: ['forward'],
  transferred: ['forward', 'transfer'],
  replied: ['answerOnSite'],
  proposal: ['markProposal'],
  declined: ['decline'],
  reopened: ['answerOnSite', 'reopen'],
  closed: ['answerOnSite', 'close'],
  merged: ['merge'],
}

/** Where a case brought into each status by PATH_TO is held: forwarded and transferred ones by an office. */
const LEVEL_OF = (status: CaseStatus) => (status === 'forwarded' || status === 'transferred' ? 'office' : 'station')

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

  it('a deputy refers the case to staff (→ 待转办), staff forward it, the street office transfers it', async () => {
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

    // 分级负责: the station does not assign units; it forwards to 湖滨街道人大工委, which does.
    const forwarded = await h.ok(STAFF, 'case.forward', { caseId: id, note: '涉及小区内部道路，请街道协调' })
    expect(lastEntry(forwarded)).toMatchObject({
      label: '转报人大机关',
      actor: '联络站工作人员',
      from: 'referred',
      to: 'forwarded',
      note: '转报湖滨街道人大工委：涉及小区内部道路，请街道协调',
    })
    const transferred = await h.ok(STREET_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-hubin-community', note: '请核实信号灯配时' })
    expect(transferred).toMatchObject({
      status: 'transferred',
      route: 'transfer',
      dueDate: '2026-12-02', // 7 working days after Monday 23 November
      transfer: { unitId: 'unit-hubin-community', unitName: '湖滨街道社区管理办公室', dueDate: '2026-12-02', note: '请核实信号灯配时' },
    })
    expect(lastEntry(transferred)).toMatchObject({
      label: '转办承办单位',
      actor: '湖滨街道人大工委工作人员',
      from: 'forwarded',
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

  it('the office that assigned the unit records its answer (→ 已答复), the reply is from the unit', async () => {
    const id = await submit(h)
    const office = await transferViaOffices(h, id, { unitId: 'unit-housing' })
    expect(office).toBe(DISTRICT_OFFICE)
    const view = await h.ok(office, 'case.recordUnitAnswer', { caseId: id, answer: UNIT_ANSWER })
    expect(view).toMatchObject({ status: 'replied', route: 'transfer', dueDate: null })
    expect(view.replies).toEqual([expect.objectContaining({ text: UNIT_ANSWER, from: '滨湖区住房和城乡建设局（承办单位）' })])
    expect(lastEntry(view)).toMatchObject({
      label: '承办单位答复',
      actor: '滨湖区人大常委会工作人员',
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
    // Since 分级负责 the station forwards rather than transfers.
    expect((await h.ok(STAFF, 'case.get', { caseId: id })).commands).toEqual(['answerOnSite', 'forward', 'markProposal', 'decline', 'merge'])
    expect((await h.ok(DEPUTY, 'case.get', { caseId: id })).commands).toEqual(['refer', 'answerOnSite'])

    const office = await transferViaOffices(h, id, { unitId: 'unit-urban', workingDays: 3 })
    const replied = await h.ok(office, 'case.recordUnitAnswer', { caseId: id, answer: UNIT_ANSWER })
    expect(replied.replies.map((r) => r.text)).toEqual([ANSWER, UNIT_ANSWER])
    expect(replied.canRate).toBe(false) // staff never rate

    // Reopened again: the district office that handled it handles it again (the station cannot).
    const second = await h.ok(RESIDENT, 'case.rate', { caseId: id, rating: 'unsatisfied' })
    expect(second.status).toBe('reopened')
    expect((await caseDoc(h, id)).reopenCount).toBe(2)
    expect((await h.ok(DEPUTY, 'case.get', { caseId: id })).commands).toEqual([])
    await h.ok(office, 'case.transfer', { caseId: id, unitId: 'unit-urban' })
    await h.ok(office, 'case.recordUnitAnswer', { caseId: id, answer: '已陪同交警到现场，当场调整了配时。' })
    const closed = await h.ok(RESIDENT, 'case.rate', { caseId: id, rating: 'basically' })
    expect(closed).toMatchObject({ status: 'closed', rating: { value: 'basically', comment: null } })
    expect(closed.timeline.map((e) => e.to)).toEqual([
      'submitted',
      'replied',
      'reopened',
      'forwarded',
      'forwarded',
      'transferred',
      'replied',
      'reopened',
      'transferred',
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
  /** A fresh case forwarded by the station and by the street office: 滨湖区人大常委会 holds it. */
  async function atDistrictOffice(): Promise<string> {
    const id = await submit(h)
    await h.ok(STAFF, 'case.forward', { caseId: id, note: '需要有关部门办理' })
    await h.ok(STREET_OFFICE, 'case.forward', { caseId: id, note: '涉及区级部门职责' })
    return id
  }

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
    const id = await atDistrictOffice()
    const view = await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-urban', ...(workingDays ? { workingDays } : {}) })
    expect(view.transfer?.dueDate).toBe(due)
    expect(view.dueDate).toBe(due)
  })

  it('an explicit due date is taken as given', async () => {
    const id = await atDistrictOffice()
    const view = await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-education', dueDate: '2026-12-31' })
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
    const id = await atDistrictOffice()
    const before = await caseDoc(h, id)
    const response = await h.call(DISTRICT_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-urban', ...change })
    expect(refusal(response)).toEqual({ code: 'INVALID_INPUT', message, ...(field ? { field } : {}) })
    expect(await caseDoc(h, id)).toEqual(before)
  })

  it('a unit outside the district, or no such unit, is INVALID_INPUT and changes nothing', async () => {
    await h.store.collection<UnitDoc>('units').insert({ _id: 'unit-far', name: '远山县交通局', regionId: 'region-far', categories: ['traffic'] })
    const id = await atDistrictOffice()
    const before = await caseDoc(h, id)
    // A street's own unit is not the district office's to assign either (分级负责).
    for (const unitId of ['unit-far', 'unit-nowhere', 'unit-hubin-community']) {
      const response = await h.call(DISTRICT_OFFICE, 'case.transfer', { caseId: id, unitId })
      expect(refusal(response)).toEqual({ code: 'INVALID_INPUT', message: '请选择本区的承办单位' })
    }
    expect(await caseDoc(h, id)).toEqual(before)
  })
})

describe('the server refuses every transition the state machine does not allow', () => {
  // Written out here rather than read from types/, so a change to the state machine is a visible
  // change to this table.
  const ALLOWED_FROM: Partial<Record<CaseCommand, CaseStatus[]>> = {
    accept: ['submitted'],
    refer: ['submitted', 'accepted', 'reopened'],
    answerOnSite: ['submitted', 'accepted', 'referred', 'reopened'],
    forward: ['submitted', 'accepted', 'referred', 'reopened', 'forwarded'],
    transfer: ['forwarded', 'reopened'],
    extend: ['transferred'],
    recordUnitAnswer: ['transferred'],
    markProposal: ['submitted', 'accepted', 'referred', 'reopened', 'forwarded'],
    decline: ['submitted', 'accepted', 'referred', 'reopened', 'forwarded'],
    close: ['replied'],
    reopen: ['replied'],
    escalate: ['replied'],
    merge: ['submitted', 'accepted', 'referred', 'reopened', 'forwarded', 'transferred'],
  }
  /** Moves no user issues directly: they follow a primary case (并案) or a suggestion (议案建议). */
  const SYSTEM_FROM: Partial<Record<CaseCommand, CaseStatus[]>> = {
    mergedReply: ['merged'],
    mergedDecline: ['merged'],
    includeInSuggestion: ['submitted', 'accepted', 'referred', 'reopened', 'forwarded'],
    suggestionAnswered: ['proposal'],
    // The deadline job closes a replied case nobody rated (tests/api/reopenRules.test.ts).
    autoClose: ['replied'],
  }
  /** 分级负责: where the case must be held; on-the-spot answers are the station's, units are assigned by an office. */
  const LEVELS: Partial<Record<CaseCommand, Array<'station' | 'office'>>> = {
    refer: ['station'],
    answerOnSite: ['station'],
    transfer: ['office'],
    extend: ['office'],
  }
  const COMMANDS = Object.keys(ALLOWED_FROM) as CaseCommand[]
  /** Allowed in the status, and at the level a case in that status (brought there by PATH_TO) is held. */
  const allowedHere = (command: CaseCommand, status: CaseStatus) =>
    Boolean(ALLOWED_FROM[command]?.includes(status)) && (LEVELS[command] ?? ['station', 'office']).includes(LEVEL_OF(status))

  it('the table above is the state machine in types/', () => {
    expect(Object.fromEntries(COMMANDS.map((c) => [c, [...CASE_TRANSITIONS[c].from]]))).toEqual(ALLOWED_FROM)
    const system = Object.keys(SYSTEM_FROM) as CaseCommand[]
    expect(Object.fromEntries(system.map((c) => [c, [...CASE_TRANSITIONS[c].from]]))).toEqual(SYSTEM_FROM)
    for (const c of system) expect(CASE_TRANSITIONS[c].roles).toEqual([])
    expect(Object.keys(CASE_TRANSITIONS).sort()).toEqual([...COMMANDS, ...system].sort())
    for (const c of Object.keys(CASE_TRANSITIONS) as CaseCommand[]) {
      expect({ c, station: levelAllows(c, 'station'), office: levelAllows(c, 'office') }).toEqual({
        c,
        station: (LEVELS[c] ?? ['station']).includes('station'),
        office: (LEVELS[c] ?? ['office']).includes('office'),
      })
    }
  })

  const refused: Array<[CaseStatus, CaseCommand]> = CASE_STATUSES.flatMap((status) =>
    COMMANDS.filter((command) => !allowedHere(command, status)).map((command): [CaseStatus, CaseCommand] => [status, command]),
  )
  const allowed: Array<[CaseStatus, CaseCommand]> = CASE_STATUSES.flatMap((status) =>
    COMMANDS.filter((command) => allowedHere(command, status)).map((command): [CaseStatus, CaseCommand] => [status, command]),
  )

  it('covers every pair', () => {
    expect(refused.length + allowed.length).toBe(CASE_STATUSES.length * COMMANDS.length)
    // 11 statuses × 13 commands, 35 of them allowed (where the level holding the case allows them too).
    expect(refused).toHaveLength(108)
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
    expect((await h.ok(STAFF, 'case.get', { caseId: id })).commands).toEqual(['accept', 'answerOnSite', 'forward', 'markProposal', 'decline', 'merge'])
    expect((await h.ok('dev-admin-1', 'case.get', { caseId: id })).commands).toEqual(['accept', 'answerOnSite', 'forward', 'markProposal', 'decline', 'merge'])
    expect((await h.ok(DEPUTY, 'case.get', { caseId: id })).commands).toEqual(['refer', 'answerOnSite'])
    expect((await h.ok(RESIDENT, 'case.get', { caseId: id })).commands).toEqual([])
    await must('forward', id)
    // Forwarded: the station and its deputies follow it read-only; the street office acts.
    expect((await h.ok(STAFF, 'case.get', { caseId: id })).commands).toEqual([])
    expect((await h.ok(DEPUTY, 'case.get', { caseId: id })).commands).toEqual([])
    expect((await h.ok(STREET_OFFICE, 'case.get', { caseId: id })).commands).toEqual(['forward', 'transfer', 'markProposal', 'decline', 'merge'])
    await must('transfer', id)
    expect((await h.ok(STREET_OFFICE, 'case.get', { caseId: id })).commands).toEqual(['extend', 'recordUnitAnswer', 'merge'])
    expect((await h.ok('dev-admin-1', 'case.get', { caseId: id })).commands).toEqual(['extend', 'recordUnitAnswer', 'merge'])
    expect((await h.ok(STAFF, 'case.get', { caseId: id })).commands).toEqual([])
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
    const level = LEVEL_OF(status)
    // At an office, the street office's staff see it too; the station's deputies and staff only follow it.
    const here: Array<[string, Role]> = level === 'office' ? [...viewers, [STREET_OFFICE, 'staff']] : viewers
    for (const [who, role] of here) {
      const view = await h.ok(who, 'case.get', { caseId: id })
      const holds = role === 'resident' || role === 'admin' || (level === 'station' ? who !== STREET_OFFICE : who === STREET_OFFICE)
      // …at the level holding the case; 不满意 reopens (escalating is what it does once the reopens are used up).
      const expected = holds ? availableCommands(status, role).filter((c) => levelAllows(c, level) && c !== 'escalate') : []
      expect({ who, commands: view.commands }).toEqual({ who, commands: expected })
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
      () => h.ok(STAFF, 'case.forward', { caseId: id, note: '请街道协调' }),
      () => h.ok(STREET_OFFICE, 'case.forward', { caseId: id, note: '涉及区级部门' }),
      () => h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-urban' }),
      () => h.ok(DISTRICT_OFFICE, 'case.recordUnitAnswer', { caseId: id, answer: UNIT_ANSWER }),
      () => h.ok(RESIDENT, 'case.rate', { caseId: id, rating: 'unsatisfied' }),
      () => h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-urban' }),
      () => h.ok(DISTRICT_OFFICE, 'case.recordUnitAnswer', { caseId: id, answer: ANSWER }),
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
    expect(before.map((e) => e.type)).toEqual([
      'submit',
      'refer',
      'forward',
      'forward',
      'transfer',
      'recordUnitAnswer',
      'reopen',
      'transfer',
      'recordUnitAnswer',
      'close',
    ])
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
