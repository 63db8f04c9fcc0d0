// Reads and presenters the 民生实事 use cases share.
import { createHash } from 'node:crypto'
import {
  LIVELIHOOD_LEVEL_LABELS,
  MAJORITY_RULE_LABELS,
  PROJECT_STATUS_LABELS,
  PROPOSAL_STATUS_LABELS,
  RATINGS,
  ROUND_STATUS_LABELS,
  type ProjectView,
  type ProposalView,
  type Rating,
  type RoundStatus,
  type RoundView,
} from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { BallotTokenDoc, BallotDoc, ProjectDoc, ProposalDoc, RoundDoc } from '../../domain/livelihood/records'
import { inspectionPhotos, PUBLIC_CANDIDATE_STATUSES } from '../../domain/livelihood/inspectionPhotos'
import { managesRound, moderatesRound, roundCommandsFor } from '../../domain/livelihood/rules'
import type { DeputyDoc, StationDoc } from '../../domain/records'
import type { Filter, Update } from '../../ports'
import type { Deps } from '../deps'
import { regionChain } from '../shared/lookups'

export const roundsOf = (deps: Deps) => deps.store.collection<RoundDoc>('livelihood_rounds')
export const proposalsOf = (deps: Deps) => deps.store.collection<ProposalDoc>('livelihood_proposals')
export const projectsOf = (deps: Deps) => deps.store.collection<ProjectDoc>('livelihood_projects')
export const tokensOf = (deps: Deps) => deps.store.collection<BallotTokenDoc>('ballot_tokens')
export const ballotsOf = (deps: Deps) => deps.store.collection<BallotDoc>('ballots')

export const ROUND_NOT_FOUND = '没有找到这一轮民生实事票决'
export const PROPOSAL_NOT_FOUND = '没有找到这条项目建议'
export const PROJECT_NOT_FOUND = '没有找到这个项目'

/** An id derived from the caller and the request, so a retry the router forgot finds the first. */
export function idFor(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join(':')).digest('hex').slice(0, 24)}`
}

/** Statuses after the candidate list is published (domain/livelihood/inspectionPhotos.ts). */
export { PUBLIC_CANDIDATE_STATUSES }
/** Statuses after the results are published. */
export const PUBLISHED_STATUSES: readonly RoundStatus[] = ['carrying_out', 'assessing', 'closed']

/** A round of the caller's district, or NOT_FOUND. */
export async function loadRound(deps: Deps, caller: Caller, roundId: string): Promise<RoundDoc> {
  const round = await roundsOf(deps).get(roundId)
  if (!round || round.districtId !== caller.regionId) throw new DomainError('NOT_FOUND', ROUND_NOT_FOUND)
  return round
}

export async function loadManagedRound(deps: Deps, caller: Caller, roundId: string): Promise<RoundDoc> {
  const round = await loadRound(deps, caller, roundId)
  if (!managesRound(caller, round)) throw new DomainError('FORBIDDEN', '只有本级人大机关可以管理这一轮票决')
  return round
}

/** Which regions each of the caller's stations lies in (the station's region and those above). */
export async function stationRegionsOf(deps: Deps, caller: Caller): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>()
  if (caller.role !== 'staff') return map
  const stations = await deps.store.collection<StationDoc>('stations').find({ _id: { $in: caller.stationIds } }, { limit: 1000 })
  for (const s of stations) map.set(s._id, (await regionChain(deps.store, s.regionId)).map((r) => r._id))
  return map
}

export async function assertModerates(deps: Deps, caller: Caller, round: RoundDoc): Promise<void> {
  if (!moderatesRound(caller, round, await stationRegionsOf(deps, caller))) {
    throw new DomainError('FORBIDDEN', '只有本辖区的工作人员可以审核和整理项目建议')
  }
}

/** Applies an update conditional on the revision read; CONFLICT when someone changed it first. */
export async function applyRev<T extends { _id: string; rev: number }>(
  collection: { update(filter: Filter, update: Update): Promise<number>; get(id: string): Promise<T | null> },
  doc: T,
  update: Update,
  extra: Filter = {},
): Promise<T> {
  const n = await collection.update({ _id: doc._id, rev: doc.rev, ...extra }, { ...update, inc: { ...(update.inc ?? {}), rev: 1 } })
  if (n !== 1) throw new DomainError('CONFLICT', '内容刚刚已被他人修改，请刷新后重试')
  const now = await collection.get(doc._id)
  if (!now) throw new Error('a document cannot be read back after an update')
  return now
}

export async function presentRound(deps: Deps, caller: Caller, round: RoundDoc): Promise<RoundView> {
  const [proposalCount, candidateCount] = await Promise.all([
    proposalsOf(deps).count({ roundId: round._id, status: 'approved' }),
    projectsOf(deps).count({ roundId: round._id, removed: false }),
  ])
  return {
    id: round._id,
    year: round.year,
    level: round.level,
    levelLabel: LIVELIHOOD_LEVEL_LABELS[round.level],
    regionId: round.regionId,
    regionName: round.regionName,
    title: round.title,
    description: round.description,
    collectFrom: round.collectFrom,
    collectUntil: round.collectUntil,
    status: round.status,
    statusLabel: ROUND_STATUS_LABELS[round.status],
    vote: round.vote ? { ...round.vote, majorityLabel: MAJORITY_RULE_LABELS[round.vote.majority] } : null,
    electorateSize: round.electorate ? round.electorate.length : null,
    proposalCount,
    candidateCount,
    commands: roundCommandsFor(caller, round),
    canManage: managesRound(caller, round),
    inElectorate: !!caller.deputyId && !!round.electorate?.includes(caller.deputyId),
    timeline: round.events.map((e) => ({ at: e.at, label: eventLabel(e), actor: e.actorLabel })),
  }
}

function eventLabel(e: RoundDoc['events'][number]): string {
  const base =
    e.command === 'create'
      ? '开启征集'
      : e.command === 'configureVote'
        ? '设置票决规则'
        : e.command === 'resolveTie'
          ? '登记同票处理结果'
          : `${e.to ? ROUND_STATUS_LABELS[e.to] : ''}`
  return e.note ? `${base}：${e.note}` : base
}

export function presentProposal(p: ProposalDoc, caller: Caller, stationName: string | null): ProposalView {
  return {
    id: p._id,
    roundId: p.roundId,
    title: p.title,
    description: p.description,
    place: p.place,
    beneficiaries: p.beneficiaries,
    status: p.status,
    statusLabel: PROPOSAL_STATUS_LABELS[p.status],
    source: p.source,
    stationName,
    caseCount: p.caseIds.length,
    supportCount: p.supportCount,
    supportedByMe: Object.prototype.hasOwnProperty.call(p.supporters, caller.userId),
    isMine: p.authorId === caller.userId,
    moderationNote: p.moderation?.note ?? null,
    candidateId: p.candidateId,
    createdAt: p.createdAt,
  }
}

const emptyRatings = (): Record<Rating, number> => ({ satisfied: 0, basically: 0, unsatisfied: 0 })

/** Everyone who proposed or supported the proposals behind a project (and the residents of its cases). */
export async function followersOf(deps: Deps, project: ProjectDoc): Promise<Set<string>> {
  const ids = new Set<string>()
  if (!project.proposalIds.length) return ids
  const proposals = await proposalsOf(deps).find({ _id: { $in: project.proposalIds } }, { limit: 1000 })
  for (const p of proposals) {
    if (p.authorId) ids.add(p.authorId)
    for (const id of Object.keys(p.supporters)) ids.add(id)
    for (const id of p.caseResidentIds) ids.add(id)
  }
  return ids
}

export async function presentProject(deps: Deps, caller: Caller, round: RoundDoc, p: ProjectDoc, followers?: Set<string>): Promise<ProjectView> {
  const proposals = p.proposalIds.length ? await proposalsOf(deps).find({ _id: { $in: p.proposalIds } }, { limit: 1000 }) : []
  const office = managesRound(caller, round) && p.status === 'chosen'
  const wanted = office ? [...new Set([...p.supervisors, ...(round.electorate ?? [])])] : p.supervisors
  const deputies = wanted.length ? await deps.store.collection<DeputyDoc>('deputies').find({ _id: { $in: wanted } }, { sort: [['_id', 1]], limit: 1000 }) : []
  const published = PUBLISHED_STATUSES.includes(round.status)
  const now = deps.clock.now().toISOString()
  const ratings = { deputies: emptyRatings(), residents: emptyRatings() }
  for (const r of Object.values(p.ratings)) ratings[r.role === 'deputy' ? 'deputies' : 'residents'][r.rating] += 1
  const milestones = Object.values(p.milestones).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.order - b.order)
  const titleOf = new Map(milestones.map((m) => [m.id, m.title]))
  const assessing = round.status === 'assessing' && p.status === 'chosen'
  let canRate = false
  if (assessing && caller.role === 'deputy') canRate = !!caller.deputyId && !!round.electorate?.includes(caller.deputyId)
  if (assessing && caller.role === 'resident') canRate = (followers ?? (await followersOf(deps, p))).has(caller.userId)
  return {
    id: p._id,
    roundId: p.roundId,
    no: p.no,
    title: p.title,
    description: p.description,
    budgetWan: p.budgetWan,
    unitName: p.unitName,
    timeFrame: p.timeFrame,
    status: p.status,
    statusLabel: PROJECT_STATUS_LABELS[p.status],
    proposals: proposals.map((x) => ({ id: x._id, title: x.title, supportCount: x.supportCount })),
    caseCount: p.caseIds.length,
    votes: published ? p.votes : null,
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueDate: m.dueDate,
      doneAt: m.doneAt,
      overdue: !m.doneAt && m.dueAt <= now,
      flaggedAt: m.flaggedAt,
    })),
    reports: p.reports.map((r) => ({ id: r.id, at: r.at, milestoneTitle: r.milestoneId ? (titleOf.get(r.milestoneId) ?? null) : null, note: r.note, by: r.by })),
    inspections: await inspectionViews(deps, caller, p),
    supervisors: p.supervisors.map((id) => ({ deputyId: id, name: deputies.find((d) => d._id === id)?.name ?? id })),
    supervisorOptions: office ? deputies.filter((d) => round.electorate?.includes(d._id)).map((d) => ({ deputyId: d._id, name: d.name })) : [],
    ratings,
    myRating: p.ratings[caller.userId]?.rating ?? null,
    canRate,
    canInspect: !!caller.deputyId && p.supervisors.includes(caller.deputyId) && p.status === 'chosen',
    canManage: managesRound(caller, round),
  }
}

/**
 * The inspections with their photos' short-lived addresses: called only for a caller who may see
 * the project (its loaders check `maySeeProject`), and served through the same access-checked route
 * as case photos (server/photoRoutes.ts checks the project again on every request).
 */
async function inspectionViews(deps: Deps, caller: Caller, p: ProjectDoc): Promise<ProjectView['inspections']> {
  const photos = inspectionPhotos(p)
  let urls: Array<string | null> = photos.map(() => null)
  if (photos.length) {
    try {
      urls = await deps.fileStore.viewUrls(photos.map((x) => ({ fileId: x.fileId, grant: { caseId: p._id, photoId: x.photoId, viewerId: caller.userId } })))
    } catch (error) {
      deps.log('inspection photo addresses could not be issued', { projectId: p._id, error: String(error) })
    }
  }
  return p.inspections.map((i) => ({
    id: i.id,
    at: i.at,
    deputyName: i.deputyName,
    note: i.note,
    photoCount: i.photos.length,
    photos: photos.flatMap((x, n) => (x.inspectionId === i.id ? [{ id: x.photoId, url: urls[n] ?? null }] : [])),
  }))
}

export { RATINGS }
