// Candidate projects (遴选) and, once chosen, their carrying out: milestones, progress reports that
// reach everyone who proposed or supported the project (the project document's outbox), supervisor
// deputies' inspections with photos, the assessment ratings, and the milestones the deadline job flags.
import type { ParsedInput, ProjectView } from '@minyi/types'
import { auditLabel, SYSTEM_LABEL } from '../../domain/actorLabel'
import type { Caller } from '../../domain/caller'
import { endOfShanghaiDay } from '../../domain/deadlines'
import { DomainError } from '../../domain/errors'
import type { MilestoneRecord, ProjectDoc, RoundDoc } from '../../domain/livelihood/records'
import { maySeeProject } from '../../domain/livelihood/inspectionPhotos'
import { managesRound, nextDueOf } from '../../domain/livelihood/rules'
import { projectOutboxItem, type ProjectNotice } from '../../domain/livelihood/notices'
import { recordAudit } from '../audit/recordAudit'
import { verifyPhotos } from '../cases/casePhotos'
import { forgetUploads, releaseUploads, reserveUploads } from '../cases/photoUploads'
import type { Deps } from '../deps'
import { flushOutbox } from '../notifications/outbox'
import {
  PROJECT_NOT_FOUND,
  PUBLIC_CANDIDATE_STATUSES,
  applyRev,
  followersOf,
  idFor,
  loadManagedRound,
  loadRound,
  presentProject,
  projectsOf,
  proposalsOf,
  roundsOf,
} from './shared'

async function view(deps: Deps, caller: Caller, round: RoundDoc, p: ProjectDoc): Promise<ProjectView> {
  return presentProject(deps, caller, round, p)
}

// ---------------------------------------------------------------------------------------------
// 遴选: the shortlist editor

export async function saveCandidate(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.candidate.save'>, requestId: string): Promise<ProjectView> {
  const round = await loadManagedRound(deps, caller, input.roundId)
  if (round.status !== 'shortlisting') throw new DomainError('INVALID_STATE', '只有在遴选阶段可以编辑候选项目')
  const proposals = input.proposalIds.length ? await proposalsOf(deps).find({ _id: { $in: input.proposalIds } }, { limit: 1000 }) : []
  for (const id of input.proposalIds) {
    const p = proposals.find((x) => x._id === id)
    if (!p || p.roundId !== round._id) throw new DomainError('INVALID_INPUT', '选择的项目建议不属于本轮')
    if (p.status !== 'approved') throw new DomainError('INVALID_INPUT', `「${p.title}」尚未审核公开，不能列入候选项目`)
  }
  const caseIds = [...new Set([...input.caseIds, ...proposals.flatMap((p) => p.caseIds)])]
  const fields = {
    title: input.title,
    description: input.description,
    budgetWan: input.budgetWan,
    unitName: input.unitName,
    timeFrame: input.timeFrame,
    proposalIds: input.proposalIds,
    caseIds,
    updatedAt: deps.clock.now().toISOString(),
  }
  let saved: ProjectDoc
  let before: ProjectDoc | null = null
  if (input.candidateId) {
    const existing = await projectsOf(deps).get(input.candidateId)
    if (!existing || existing.roundId !== round._id || existing.removed) throw new DomainError('NOT_FOUND', PROJECT_NOT_FOUND)
    before = existing
    saved = await applyRev(projectsOf(deps), existing, { set: fields })
  } else {
    const id = idFor('lc', caller.userId, requestId)
    const existing = await projectsOf(deps).get(id)
    if (existing) return view(deps, caller, round, existing)
    const no = (await projectsOf(deps).count({ roundId: round._id })) + 1
    const doc: ProjectDoc = {
      _id: id,
      roundId: round._id,
      districtId: round.districtId,
      no,
      ...fields,
      status: 'candidate',
      removed: false,
      votes: null,
      milestones: {},
      nextDueAt: null,
      reports: [],
      inspections: [],
      supervisors: [],
      ratings: {},
      outbox: [],
      outboxSize: 0,
      rev: 0,
      createdAt: fields.updatedAt,
    }
    await projectsOf(deps).insert(doc)
    saved = doc
  }
  // The proposals behind it point at it (those it dropped point at nothing again).
  if (before) {
    const dropped = before.proposalIds.filter((id) => !input.proposalIds.includes(id))
    if (dropped.length) await proposalsOf(deps).update({ _id: { $in: dropped }, candidateId: saved._id }, { set: { candidateId: null } })
  }
  if (input.proposalIds.length) await proposalsOf(deps).update({ _id: { $in: input.proposalIds } }, { set: { candidateId: saved._id } })
  await recordAudit(deps, caller, requestId, {
    objectType: 'livelihood_project',
    objectId: saved._id,
    objectLabel: saved.title,
    action: before ? 'update' : 'create',
    summary: before ? '修改候选项目' : '新建候选项目',
    before: before ? { title: before.title, budgetWan: before.budgetWan, unitName: before.unitName, proposalIds: before.proposalIds } : null,
    after: { title: saved.title, budgetWan: saved.budgetWan, unitName: saved.unitName, proposalIds: saved.proposalIds },
  })
  return view(deps, caller, round, saved)
}

export async function removeCandidate(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.candidate.remove'>, requestId: string) {
  const round = await loadManagedRound(deps, caller, input.roundId)
  if (round.status !== 'shortlisting') throw new DomainError('INVALID_STATE', '只有在遴选阶段可以删除候选项目')
  const c = await projectsOf(deps).get(input.candidateId)
  if (!c || c.roundId !== round._id || c.removed) throw new DomainError('NOT_FOUND', PROJECT_NOT_FOUND)
  await applyRev(projectsOf(deps), c, { set: { removed: true, updatedAt: deps.clock.now().toISOString() } })
  await proposalsOf(deps).update({ roundId: round._id, candidateId: c._id }, { set: { candidateId: null } })
  await recordAudit(deps, caller, requestId, { objectType: 'livelihood_project', objectId: c._id, objectLabel: c.title, action: 'remove', summary: '删除候选项目', before: { title: c.title } })
  return { removed: true }
}

export async function listCandidates(deps: Deps, caller: Caller, roundId: string): Promise<{ candidates: ProjectView[] }> {
  const round = await loadRound(deps, caller, roundId)
  if (!managesRound(caller, round) && !PUBLIC_CANDIDATE_STATUSES.includes(round.status)) return { candidates: [] }
  const list = await projectsOf(deps).find({ roundId: round._id, removed: false }, { sort: [['no', 1]], limit: 1000 })
  return { candidates: await Promise.all(list.map((p) => view(deps, caller, round, p))) }
}

// ---------------------------------------------------------------------------------------------
// Carrying out

async function loadProject(deps: Deps, caller: Caller, projectId: string): Promise<{ round: RoundDoc; project: ProjectDoc }> {
  const project = await projectsOf(deps).get(projectId)
  if (!project || project.removed || project.districtId !== caller.regionId) throw new DomainError('NOT_FOUND', PROJECT_NOT_FOUND)
  const round = await loadRound(deps, caller, project.roundId)
  if (!maySeeProject(caller, round, project)) throw new DomainError('NOT_FOUND', PROJECT_NOT_FOUND)
  return { round, project }
}

async function loadManagedChosen(deps: Deps, caller: Caller, projectId: string, statuses: RoundDoc['status'][] = ['carrying_out', 'assessing']) {
  const { round, project } = await loadProject(deps, caller, projectId)
  if (!managesRound(caller, round)) throw new DomainError('FORBIDDEN', '只有本级人大机关可以管理这个项目')
  if (project.status !== 'chosen') throw new DomainError('INVALID_STATE', '只有票决当选的项目进入实施')
  if (!statuses.includes(round.status)) throw new DomainError('INVALID_STATE', '本轮当前不在实施阶段')
  return { round, project }
}

export async function getProject(deps: Deps, caller: Caller, projectId: string): Promise<ProjectView> {
  const { round, project } = await loadProject(deps, caller, projectId)
  return view(deps, caller, round, project)
}

export async function listMyProjects(deps: Deps, caller: Caller): Promise<{ projects: ProjectView[] }> {
  if (!caller.deputyId) return { projects: [] }
  const list = await projectsOf(deps).find({ supervisors: caller.deputyId, status: 'chosen' }, { sort: [['createdAt', -1]], limit: 100 })
  const out: ProjectView[] = []
  for (const p of list) {
    const round = await roundsOf(deps).get(p.roundId)
    if (round) out.push(await view(deps, caller, round, p))
  }
  return { projects: out }
}

export async function addMilestone(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.milestone.add'>, requestId: string): Promise<ProjectView> {
  const { round, project } = await loadManagedChosen(deps, caller, input.projectId, ['carrying_out'])
  const id = idFor('m', caller.userId, requestId)
  if (project.milestones[id]) return view(deps, caller, round, project)
  const m: MilestoneRecord = {
    id,
    title: input.title,
    order: Object.keys(project.milestones).length + 1,
    dueDate: input.dueDate,
    dueAt: endOfShanghaiDay(input.dueDate),
    doneAt: null,
    flaggedAt: null,
  }
  const milestones = { ...project.milestones, [id]: m }
  const saved = await applyRev(projectsOf(deps), project, { set: { [`milestones.${id}`]: m, nextDueAt: nextDueOf(milestones), updatedAt: deps.clock.now().toISOString() } })
  await recordAudit(deps, caller, requestId, { objectType: 'livelihood_project', objectId: project._id, objectLabel: project.title, action: 'addMilestone', summary: `添加实施节点「${m.title}」`, after: { title: m.title, dueDate: m.dueDate } })
  return view(deps, caller, round, saved)
}

/**
 * Tells everyone behind a project (proposers, supporters, residents of its cases) one thing: written
 * into the project's outbox by one update, then flushed. Each item is an in-app message and a
 * `progress` push (domain/livelihood/notices.ts); a follower who never allowed pushes still gets the
 * message. Ids come from `key`: doing it twice tells once.
 */
export async function notifyFollowers(deps: Deps, projectId: string, key: string, notice: ProjectNotice, extraRecipients: string[] = []): Promise<void> {
  const project = await projectsOf(deps).get(projectId)
  if (!project) return
  const round = await roundsOf(deps).get(project.roundId)
  if (!round) return
  const recipients = [...new Set([...(await followersOf(deps, project)), ...extraRecipients])]
  if (!recipients.length) return
  const at = deps.clock.now().toISOString()
  const items = recipients.map((r) => projectOutboxItem(idFor('ln', key, r), r, round, project, notice, at))
  const fresh = items.filter((i) => !project.outbox.some((o) => o.id === i.id))
  if (fresh.length) await projectsOf(deps).update({ _id: projectId }, { push: { outbox: fresh }, inc: { outboxSize: fresh.length } })
  try {
    await flushOutbox(deps, projectId, 'livelihood_projects')
  } catch (error) {
    deps.log('outbox flush failed; the outbox job will deliver it', { projectId, error: String(error) })
  }
}

export async function reportProgress(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.progress.report'>, requestId: string): Promise<ProjectView> {
  const { round, project } = await loadManagedChosen(deps, caller, input.projectId)
  const m = input.milestoneId ? project.milestones[input.milestoneId] : undefined
  if (input.milestoneId && !m) throw new DomainError('INVALID_INPUT', '没有找到这个实施节点')
  if (input.done && !m) throw new DomainError('INVALID_INPUT', '请选择完成的实施节点')
  const at = deps.clock.now().toISOString()
  const id = idFor('rp', caller.userId, requestId)
  if (project.reports.some((r) => r.id === id)) return view(deps, caller, round, project)
  const set: Record<string, unknown> = { updatedAt: at }
  if (m && input.done) {
    if (m.doneAt) throw new DomainError('INVALID_STATE', `节点「${m.title}」已经登记完成`)
    const milestones = { ...project.milestones, [m.id]: { ...m, doneAt: at } }
    set[`milestones.${m.id}.doneAt`] = at
    set.nextDueAt = nextDueOf(milestones)
  }
  const saved = await applyRev(projectsOf(deps), project, { set, push: { reports: [{ id, at, milestoneId: m?.id ?? null, note: input.note, by: auditLabel(caller) }] } })
  const what = m ? (input.done ? `节点「${m.title}」已完成` : `节点「${m.title}」进展`) : '项目进展'
  await notifyFollowers(deps, project._id, id, {
    kind: m && input.done ? 'milestoneDone' : 'progress',
    title: m ? `民生实事项目${what}` : '民生实事项目有新进展',
    body: `「${project.title}」${what}：${input.note}`,
    remark: m && input.done ? `${m.title}：${input.note}` : input.note,
  })
  await recordAudit(deps, caller, requestId, { objectType: 'livelihood_project', objectId: project._id, objectLabel: project.title, action: 'reportProgress', summary: `登记${what}`, after: { note: input.note, milestoneId: m?.id ?? null, done: input.done } })
  return view(deps, caller, round, (await projectsOf(deps).get(saved._id)) ?? saved)
}

export async function assignSupervisors(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.supervisor.assign'>, requestId: string): Promise<ProjectView> {
  const { round, project } = await loadManagedChosen(deps, caller, input.projectId)
  const outside = input.deputyIds.filter((id) => !round.electorate?.includes(id))
  if (outside.length) throw new DomainError('INVALID_INPUT', '监督代表应为本轮票决的代表')
  const saved = await applyRev(projectsOf(deps), project, { set: { supervisors: input.deputyIds, updatedAt: deps.clock.now().toISOString() } })
  await recordAudit(deps, caller, requestId, { objectType: 'livelihood_project', objectId: project._id, objectLabel: project.title, action: 'assignSupervisors', summary: '指定监督代表', before: { supervisors: project.supervisors }, after: { supervisors: input.deputyIds } })
  return view(deps, caller, round, saved)
}

export async function recordInspection(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.inspection.record'>, requestId: string): Promise<ProjectView> {
  const { round, project } = await loadProject(deps, caller, input.projectId)
  if (!caller.deputyId || !project.supervisors.includes(caller.deputyId)) throw new DomainError('FORBIDDEN', '只有本项目的监督代表可以登记视察')
  if (project.status !== 'chosen' || (round.status !== 'carrying_out' && round.status !== 'assessing')) throw new DomainError('INVALID_STATE', '本轮当前不在实施阶段')
  const id = idFor('in', caller.userId, requestId)
  if (project.inspections.some((i) => i.id === id)) return view(deps, caller, round, project)
  const photos = await verifyPhotos(deps, caller, input.photos)
  const fileIds = photos.map((p) => p.fileId)
  const lost = await reserveUploads(deps, fileIds)
  if (lost.length) {
    await releaseUploads(deps, fileIds)
    throw new DomainError('INVALID_INPUT', `第${fileIds.indexOf(lost[0]) + 1}张照片：照片没有上传成功或已失效，请重新上传`)
  }
  const at = deps.clock.now().toISOString()
  let saved: ProjectDoc
  try {
    saved = await applyRev(projectsOf(deps), project, { set: { updatedAt: at }, push: { inspections: [{ id, at, deputyId: caller.deputyId, deputyName: caller.name, note: input.note, photos }] } })
  } catch (error) {
    await releaseUploads(deps, fileIds)
    throw error
  }
  await forgetUploads(deps, fileIds)
  return view(deps, caller, round, saved)
}

export async function rateProject(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.project.rate'>): Promise<ProjectView> {
  const { round, project } = await loadProject(deps, caller, input.projectId)
  if (round.status !== 'assessing' || project.status !== 'chosen') throw new DomainError('INVALID_STATE', '满意度测评尚未开始或已经结束')
  const followers = await followersOf(deps, project)
  if (caller.role === 'deputy' && !(caller.deputyId && round.electorate?.includes(caller.deputyId))) throw new DomainError('FORBIDDEN', '只有参加本轮票决的代表可以测评')
  if (caller.role === 'resident' && !followers.has(caller.userId)) throw new DomainError('FORBIDDEN', '提出或附议过这个项目的群众才能评价')
  const path = `ratings.${caller.userId}`
  const record = { rating: input.rating, role: caller.role === 'deputy' ? 'deputy' : 'resident', at: deps.clock.now().toISOString() }
  if (project.ratings[caller.userId]?.rating !== input.rating) await projectsOf(deps).update({ _id: project._id }, { set: { [path]: record } })
  return presentProject(deps, caller, round, (await projectsOf(deps).get(project._id))!, followers)
}

// ---------------------------------------------------------------------------------------------
// The deadline job's part: a milestone past its date and not done is flagged once, and its
// supervisors and the project's followers hear of it.

export async function flagOverdueMilestones(deps: Deps): Promise<number> {
  const now = deps.clock.now()
  const at = now.toISOString()
  const due = await projectsOf(deps).find({ status: 'chosen', nextDueAt: { $lte: at } }, { sort: [['nextDueAt', 1]], limit: 200 })
  let flagged = 0
  for (const p of due) {
    const late = Object.values(p.milestones).filter((m) => !m.doneAt && !m.flaggedAt && m.dueAt <= at)
    if (!late.length) continue
    const milestones = { ...p.milestones }
    const set: Record<string, unknown> = {}
    for (const m of late) {
      milestones[m.id] = { ...m, flaggedAt: at }
      set[`milestones.${m.id}.flaggedAt`] = at
    }
    set.nextDueAt = nextDueOf(milestones)
    if ((await projectsOf(deps).update({ _id: p._id, rev: p.rev }, { set, inc: { rev: 1 } })) !== 1) continue
    flagged += late.length
    const users = p.supervisors.length ? await deps.store.collection<{ _id: string; deputyId: string | null }>('users').find({ deputyId: { $in: p.supervisors } }, { limit: 100 }) : []
    for (const m of late) {
      await notifyFollowers(
        deps,
        p._id,
        `overdue-${m.id}`,
        {
          kind: 'overdue',
          title: '民生实事项目节点逾期',
          body: `「${p.title}」的节点「${m.title}」计划于${m.dueDate}完成，目前尚未完成，已列入督办。（${SYSTEM_LABEL}）`,
          remark: `「${m.title}」逾期未完成，已列入督办`,
        },
        users.map((u) => u._id),
      )
    }
  }
  return flagged
}
