// The pure part of moving a case: one conditional update that carries the status change, the one
// event it appends and the resident's notice, all in the same single-document write.
import { CASE_STATUSES, CASE_TRANSITIONS, canTransition, levelAllows, type CaseCommand } from '@minyi/types'
import { planMove, planRecord, type MoveRequest } from '../../cloudfunctions/core/domain/caseLifecycle'
import { DomainError } from '../../cloudfunctions/core/domain/errors'
import type { CaseDoc, CaseEvent } from '../../cloudfunctions/core/domain/records'
import { buildTimeline } from '../../cloudfunctions/core/domain/timeline'
import { aCaseDoc } from '../support/caseDocs'

const submitted: CaseEvent = {
  id: 'e0',
  type: 'submit',
  at: '2026-11-23T02:00:00.000Z',
  actorId: 'dev-resident-1',
  actorRole: 'resident',
  actorLabel: '群众',
  from: null,
  to: 'submitted',
  note: null,
}

const aCase = (change: Partial<CaseDoc> = {}): CaseDoc => aCaseDoc({ events: [submitted], ...change })

const staff = { id: 'dev-staff-1', role: 'staff' as const, label: '联络站工作人员' }
// 分级负责: only a congress office assigns a unit, so a transfer is planned on a case an office holds.
const streetOffice = { office: { regionId: 'region-hubin', level: 'street' as const, name: '湖滨街道人大工委' }, officeIds: ['region-hubin'] }
const unitClock = { id: 'e0', kind: 'unit' as const, startedAt: submitted.at, dueAt: '2026-12-02T16:00:00.000Z', dueDate: '2026-12-02' }
const at = new Date('2026-11-23T03:04:05.000Z')
const request = (command: CaseCommand, extra: Partial<MoveRequest> = {}): MoveRequest => ({
  command,
  actor: staff,
  at,
  eventId: 'e1',
  ...extra,
})

describe('planMove', () => {
  it('is one conditional update on { _id, status: from } that appends exactly one event', () => {
    const move = planMove(aCase(), request('accept', { note: '已登记' }))
    // …and on nobody having seconded (附议) since it was read (domain/seconds.ts).
    expect(move.filter).toEqual({ _id: 'c_1', status: 'submitted', secondCount: { $exists: false } })
    const event = {
      id: 'e1',
      type: 'accept',
      at: '2026-11-23T03:04:05.000Z',
      actorId: 'dev-staff-1',
      actorRole: 'staff',
      actorLabel: '联络站工作人员',
      from: 'submitted',
      to: 'accepted',
      note: '已登记',
    }
    expect(move.event).toEqual(event)
    expect(move.update.set).toEqual({ status: 'accepted', updatedAt: '2026-11-23T03:04:05.000Z' })
    expect(move.update.push?.events).toEqual([event])
    // History is appended to, never replaced.
    expect(move.update.set).not.toHaveProperty('events')
  })

  it('writes the resident notice into the outbox in the same update, and counts it', () => {
    const move = planMove(aCase({ status: 'forwarded', ...streetOffice }), request('transfer', { details: { unitName: '滨湖区城市管理局', dueDate: '2026-12-02' } }))
    expect(move.notices).toHaveLength(1)
    const [notice] = move.notices
    expect(notice).toMatchObject({
      id: 'e1-r',
      recipientId: 'dev-resident-1',
      title: '您反映的民意已转办',
      body: '编号 MY20261123-0001 已转滨湖区城市管理局办理，预计12月2日前答复。',
      template: 'progress',
      createdAt: '2026-11-23T03:04:05.000Z',
      link: '/pages/case/index?id=c_1',
    })
    expect(move.update.push?.outbox).toEqual([notice])
    expect(move.update.inc).toEqual({ outboxSize: 1 })
  })

  it.each(['refer', 'close'] as const)('%s writes no notice and leaves the outbox alone', (command) => {
    const c = aCase({ status: command === 'close' ? 'replied' : 'submitted' })
    const move = planMove(c, request(command, { actor: { id: 'x', role: command === 'close' ? 'resident' : 'deputy', label: 'x' } }))
    expect(move.notices).toEqual([])
    expect(move.update.push).not.toHaveProperty('outbox')
    expect(move.update.inc).toBeUndefined()
  })

  it.each(
    (Object.keys(CASE_TRANSITIONS) as CaseCommand[]).filter((command) => CASE_TRANSITIONS[command].notice),
  )('%s notifies the resident with a template that fits WeChat', (command) => {
    const from = CASE_TRANSITIONS[command].from[0]
    const atOffice = !levelAllows(command, 'station') ? { ...streetOffice, deadline: unitClock } : {}
    const move = planMove(aCase({ status: from, ...atOffice }), request(command, { details: { answer: '已经处理完毕', reason: '不属于受理范围', guidance: '向法院起诉' } }))
    expect(move.notices).toHaveLength(1)
    expect(move.notices[0].template).toBe(CASE_TRANSITIONS[command].notice)
    expect(move.notices[0].title).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('a reply is appended with the move, and extra fields are set with it', () => {
    const reply = { id: 'r1', text: '已调整配时', fromLabel: '联络站工作人员', at: at.toISOString() }
    const move = planMove(aCase(), request('answerOnSite', { reply, set: { route: 'onsite' }, details: { answer: reply.text } }))
    expect(move.update.push?.replies).toEqual([reply])
    expect(move.update.set).toMatchObject({ route: 'onsite', status: 'replied' })
    expect(move.notices[0].title).toBe('您反映的民意有了答复')
  })

  const refused = CASE_STATUSES.flatMap((status) =>
    (Object.keys(CASE_TRANSITIONS) as CaseCommand[]).filter((c) => !canTransition(c, status)).map((c) => [status, c] as const),
  )
  it.each(refused)('refuses %s → %s with INVALID_STATE', (status, command) => {
    const attempt = () => planMove(aCase({ status }), request(command))
    expect(attempt).toThrow(DomainError)
    try {
      attempt()
    } catch (error) {
      expect((error as DomainError).code).toBe('INVALID_STATE')
      expect((error as DomainError).message).toMatch(/^这条民意当前为「.+」，不能/)
    }
  })

  it('planRecord appends a fact without a status condition or change', () => {
    const event = { ...submitted, id: 'e9', type: 'phoneRevealed', from: null, to: null }
    expect(planRecord(aCase(), event)).toEqual({ filter: { _id: 'c_1' }, update: { push: { events: [event] } } })
  })
})

describe('buildTimeline', () => {
  const events: CaseEvent[] = [
    submitted,
    { ...submitted, id: 'e1', type: 'phoneRevealed', actorRole: 'staff', actorLabel: '孙晓燕（工作人员）', from: null, to: null },
    { ...submitted, id: 'e2', type: 'transfer', actorRole: 'staff', actorLabel: '联络站工作人员', from: 'submitted', to: 'transferred', note: '请核实' },
  ]

  it('hides internal events from residents', () => {
    expect(buildTimeline(events, 'resident').map((e) => e.id)).toEqual(['e0', 'e2'])
  })

  it.each(['deputy', 'staff', 'admin'] as const)('shows everything to %s', (role) => {
    expect(buildTimeline(events, role).map((e) => e.id)).toEqual(['e0', 'e1', 'e2'])
  })

  it('labels each step and keeps who, when, from → to and the note', () => {
    expect(buildTimeline(events, 'resident')).toEqual([
      { id: 'e0', type: 'submit', label: '提交民意', actor: '群众', at: submitted.at, from: null, to: 'submitted', note: null },
      { id: 'e2', type: 'transfer', label: '转办承办单位', actor: '联络站工作人员', at: submitted.at, from: 'submitted', to: 'transferred', note: '请核实' },
    ])
    expect(buildTimeline(events, 'staff')[1].label).toBe('查看了群众联系电话')
  })
})
