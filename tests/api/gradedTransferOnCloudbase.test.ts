// 分级负责 and time limits on the CloudBase adapter: the real @cloudbase/node-sdk talks to the fake
// CloudBase endpoint (tests/support/fakeCloudbase), so the office scope (`officeIds` holds a region),
// the held-by filter, the clock set and unset with the move, and the deadline job's conditional
// 督办 update (`deadline.supervisedAt` $exists false) are the very requests production sends.
import { runDeadlineJob } from '../../cloudfunctions/core/jobs/deadlineJob'
import { DISTRICT_OFFICE, OTHER_STREET_OFFICE, STREET_OFFICE, caseDoc, notificationsOf, submit } from './caseFixtures'
import type { Harness } from '../support/apiHarness'
import { useCloudbaseHarness } from '../support/cloudbaseApiHarness'

const cloudbase = useCloudbaseHarness()
let h: Harness
beforeEach(() => {
  h = cloudbase.current()
})

const inboxIds = async (userId: string, input: Record<string, unknown> = {}) => (await h.ok(userId, 'case.inbox', input)).cases.map((c) => c.id)

it('forwarded up by grade, seen by the offices it reached, supervised once when overdue, closed when unrated', async () => {
  const id = await submit(h)
  await h.ok('dev-staff-1', 'case.forward', { caseId: id, note: '需要有关部门办理' })
  expect(await inboxIds(STREET_OFFICE)).toEqual([id])
  expect(await inboxIds(OTHER_STREET_OFFICE)).toEqual([])
  await h.ok(STREET_OFFICE, 'case.forward', { caseId: id, note: '涉及区级部门职责' })
  expect(await inboxIds(DISTRICT_OFFICE, { held: true })).toEqual([id])
  expect(await inboxIds(STREET_OFFICE, { held: true })).toEqual([])
  expect(await inboxIds('dev-staff-1', { held: true })).toEqual([])
  expect(await inboxIds('dev-staff-1')).toEqual([id])

  await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: id, unitId: 'unit-urban' })
  expect((await caseDoc(h, id)).deadline).toMatchObject({ kind: 'unit', dueDate: '2026-12-02' })
  h.clock.set('2026-12-03T02:00:00.000Z')
  await Promise.all([runDeadlineJob(h.deps), runDeadlineJob(h.deps)])
  expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 0, autoClosed: 0 })
  expect((await caseDoc(h, id)).events.filter((e) => e.type === 'supervise')).toHaveLength(1)
  expect(await inboxIds(DISTRICT_OFFICE, { overdue: true })).toEqual([id])
  expect((await notificationsOf(h, 'dev-admin-1')).map((n) => n.title)).toEqual(['民意办理超期，请督办'])

  await h.ok(DISTRICT_OFFICE, 'case.recordUnitAnswer', { caseId: id, answer: '经现场勘查，已调整该路口信号灯配时。' })
  expect((await caseDoc(h, id)).deadline?.kind).toBe('rate')
  h.clock.set('2026-12-10T02:00:00.000Z')
  expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 0, autoClosed: 1 })
  const closed = await caseDoc(h, id)
  expect(closed.status).toBe('closed')
  expect(closed.deadline).toBeUndefined()
})

it('a replied case without a rating clock is still found (`deadline.kind` $ne on a missing field)', async () => {
  const id = await submit(h)
  await h.ok('dev-staff-1', 'case.answerOnSite', { caseId: id, answer: '已通知有关部门处理。' })
  await h.store.collection('cases').update({ _id: id }, { unset: ['deadline'] })
  h.clock.set('2026-11-30T02:00:00.000Z')
  expect(await runDeadlineJob(h.deps)).toEqual({ supervised: 0, autoClosed: 1 })
})
