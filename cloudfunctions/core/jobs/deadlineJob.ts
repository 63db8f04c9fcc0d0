// Time limits on the timer (issue 3, items 2 and 7), run by the `timer` cloud function and by the
// local runtime's interval (jobs/scheduledJobs.ts):
// - 督办: every case past its time limit gets one `supervise` event (actor 系统) with in-app notices
//   to whoever holds it (the assignee) and to the level above (domain/supervision.ts);
// - a replied case nobody rated within `autoCloseDays` closes itself (`autoClose`, actor 系统).
// Each is one conditional update per case, so running the job twice — or two timers at once —
// writes nothing new.
import { OPEN_STATUSES } from '@minyi/types'
import type { Deps } from '../application/deps'
import { holderOf, limitsForStation, stationChain, upperOf } from '../application/cases/handling'
import { flushOutbox } from '../application/notifications/outbox'
import { SYSTEM_LABEL } from '../domain/actorLabel'
import { planMove } from '../domain/caseLifecycle'
import { deadlineApplies } from '../domain/deadlines'
import type { CaseDoc } from '../domain/records'
import { planSupervision } from '../domain/supervision'
import { flagOverdueMilestones } from '../application/livelihood/projects'

/** Cases handled per run and kind; the timer runs every few minutes, so the rest follows soon. */
const BATCH = 200

export interface DeadlineJobReport {
  supervised: number
  autoClosed: number
}

const cases = (deps: Deps) => deps.store.collection<CaseDoc>('cases')

async function flushQuietly(deps: Deps, caseId: string): Promise<void> {
  try {
    await flushOutbox(deps, caseId)
  } catch (error) {
    deps.log('outbox flush failed; the outbox job will deliver it', { caseId, error: String(error) })
  }
}

/** Writes the 督办 event and notices of one overdue case; false when there was nothing (more) to do. */
async function supervise(deps: Deps, c: CaseDoc, now: Date): Promise<boolean> {
  const d = c.deadline
  if (!deadlineApplies(d, c.status) || d.kind === 'rate') return false
  const { station, chain } = await stationChain(deps, c.stationId)
  const [holder, upper] = await Promise.all([holderOf(deps, c, station), upperOf(deps, c, chain)])
  const plan = planSupervision(c, d, {
    at: now,
    eventId: deps.newId(),
    holderName: holder.name,
    upperName: upper.name,
    holderIds: holder.ids,
    upperIds: upper.ids,
  })
  if ((await cases(deps).update(plan.filter, plan.update)) !== 1) return false
  await flushQuietly(deps, c._id)
  return true
}

/** When the resident's time to rate runs out: its clock, or (replied by a path that set none) the reply plus the limit. */
function rateDueAt(c: CaseDoc, autoCloseDays: number): number | null {
  if (c.deadline?.kind === 'rate') return Date.parse(c.deadline.dueAt)
  const replied = [...c.events].reverse().find((e) => e.to === 'replied')
  return replied ? Date.parse(replied.at) + autoCloseDays * 86_400_000 : null
}

async function autoClose(deps: Deps, c: CaseDoc, now: Date): Promise<boolean> {
  const limits = await limitsForStation(deps, c.stationId)
  const due = rateDueAt(c, limits.autoCloseDays)
  if (due === null || now.getTime() < due) return false
  const move = planMove(c, {
    command: 'autoClose',
    actor: { id: null, role: 'system', label: SYSTEM_LABEL },
    at: now,
    eventId: deps.newId(),
    note: `答复后${limits.autoCloseDays}天内未评价，系统自动办结`,
    deadline: null,
  })
  // Conditional on `replied` (and nobody seconding meanwhile): a rating that came first wins.
  if ((await cases(deps).update(move.filter, move.update)) !== 1) return false
  await flushQuietly(deps, c._id)
  return true
}

export async function runDeadlineJob(deps: Deps): Promise<DeadlineJobReport> {
  const now = deps.clock.now()
  const at = now.toISOString()
  let supervised = 0
  let autoClosed = 0

  const overdue = await cases(deps).find(
    { status: { $in: [...OPEN_STATUSES] }, 'deadline.dueAt': { $lte: at }, 'deadline.supervisedAt': { $exists: false } },
    { sort: [['deadline.dueAt', 1]], limit: BATCH },
  )
  for (const c of overdue) {
    try {
      if (await supervise(deps, c, now)) supervised += 1
    } catch (error) {
      deps.log('supervising an overdue case failed; the next run tries again', { caseId: c._id, error: String(error) })
    }
  }

  const unrated = [
    ...(await cases(deps).find({ status: 'replied', 'deadline.kind': 'rate', 'deadline.dueAt': { $lte: at } }, { sort: [['deadline.dueAt', 1]], limit: BATCH })),
    // Replied by a path that started no rating clock (e.g. older data): due a fixed time after the reply.
    ...(await cases(deps).find({ status: 'replied', 'deadline.kind': { $ne: 'rate' } }, { sort: [['updatedAt', 1]], limit: BATCH })),
  ]
  for (const c of unrated) {
    try {
      if (await autoClose(deps, c, now)) autoClosed += 1
    } catch (error) {
      deps.log('closing an unrated case failed; the next run tries again', { caseId: c._id, error: String(error) })
    }
  }
  return { supervised, autoClosed }
}

/**
 * The same machinery for 民生实事 milestones: a milestone whose date (end of that Shanghai day,
 * domain/deadlines.ts) has passed undone is flagged once, in one conditional update of its project,
 * and its supervisors and followers are told (application/livelihood/projects.ts).
 */
export async function runMilestoneDeadlineJob(deps: Deps): Promise<{ milestonesFlagged: number }> {
  return { milestonesFlagged: await flagOverdueMilestones(deps) }
}
