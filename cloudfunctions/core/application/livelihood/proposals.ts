// 征集: residents' proposals (content check, then staff moderation), 附议 (one per resident, one
// conditional update keyed by the resident as an object field), and staff turning cases into a
// proposal with one click (`livelihood.proposal.fromCases`, also for the insight issue's hot spots).
import { shanghaiDate, type ParsedInput, type ProposalView } from '@minyi/types'
import { auditLabel } from '../../domain/actorLabel'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { ProposalDoc } from '../../domain/livelihood/records'
import type { CaseDoc, StationDoc } from '../../domain/records'
import { recordAudit } from '../audit/recordAudit'
import type { Deps } from '../deps'
import { regionChain, stationByCode, stationsById } from '../shared/lookups'
import { PROPOSAL_NOT_FOUND, assertModerates, idFor, loadRound, presentProposal, proposalsOf, stationRegionsOf } from './shared'
import { moderatesRound } from '../../domain/livelihood/rules'

async function stationName(deps: Deps, p: ProposalDoc): Promise<string | null> {
  if (!p.stationId) return null
  return (await deps.store.collection<StationDoc>('stations').get(p.stationId))?.name ?? null
}

async function view(deps: Deps, caller: Caller, p: ProposalDoc): Promise<ProposalView> {
  return presentProposal(p, caller, await stationName(deps, p))
}

export async function submitProposal(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.proposal.submit'>, requestId: string): Promise<ProposalView> {
  const id = idFor('lp', caller.userId, requestId)
  const existing = await proposalsOf(deps).get(id)
  if (existing) return view(deps, caller, existing)
  const round = await loadRound(deps, caller, input.roundId)
  if (round.status !== 'collecting') throw new DomainError('INVALID_STATE', '本轮项目征集已经结束')
  const today = shanghaiDate(deps.clock.now())
  if (today < round.collectFrom) throw new DomainError('INVALID_STATE', `项目征集将于${round.collectFrom}开始`)
  if (today > round.collectUntil) throw new DomainError('INVALID_STATE', `本轮项目征集已于${round.collectUntil}截止`)
  const station = input.stationCode ? await stationByCode(deps.store, input.stationCode) : null
  const check = await deps.contentCheck.check([input.title, input.description, input.place, input.beneficiaries].join('\n'), caller.openid)
  if (check.result === 'risky') throw new DomainError('CONTENT_REJECTED', '内容未通过安全检查，请删除不当言辞或广告信息后再提交')
  const doc: ProposalDoc = {
    _id: id,
    roundId: round._id,
    districtId: round.districtId,
    title: input.title,
    description: input.description,
    place: input.place,
    beneficiaries: input.beneficiaries,
    stationId: station?._id ?? null,
    authorId: caller.userId,
    createdBy: caller.userId,
    source: 'resident',
    caseIds: [],
    caseResidentIds: [],
    status: 'pending',
    contentCheck: check.result === 'review' ? 'review' : 'pass',
    moderation: null,
    supporters: {},
    supportCount: 0,
    candidateId: null,
    createdAt: deps.clock.now().toISOString(),
  }
  await proposalsOf(deps).insert(doc)
  return view(deps, caller, (await proposalsOf(deps).get(id)) ?? doc)
}

async function loadProposal(deps: Deps, caller: Caller, proposalId: string): Promise<ProposalDoc> {
  const p = await proposalsOf(deps).get(proposalId)
  if (!p || p.districtId !== caller.regionId) throw new DomainError('NOT_FOUND', PROPOSAL_NOT_FOUND)
  return p
}

export async function moderateProposal(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.proposal.moderate'>, requestId: string): Promise<ProposalView> {
  const p = await loadProposal(deps, caller, input.proposalId)
  const round = await loadRound(deps, caller, p.roundId)
  await assertModerates(deps, caller, round)
  if (round.status !== 'collecting' && round.status !== 'shortlisting') throw new DomainError('INVALID_STATE', '遴选结束后不能再审核项目建议')
  if (input.decision === 'reject' && !input.note) throw new DomainError('INVALID_INPUT', '不予采纳时请填写理由')
  const status = input.decision === 'approve' ? 'approved' : 'rejected'
  const moderation = { by: auditLabel(caller), at: deps.clock.now().toISOString(), note: input.note ?? null }
  const n = await proposalsOf(deps).update({ _id: p._id, status: 'pending' }, { set: { status, moderation } })
  if (n !== 1) throw new DomainError('CONFLICT', '这条项目建议已经审核过了，请刷新后查看')
  await recordAudit(deps, caller, requestId, {
    objectType: 'livelihood_proposal',
    objectId: p._id,
    objectLabel: p.title,
    action: input.decision,
    summary: status === 'approved' ? '审核通过并公开项目建议' : '项目建议不予采纳',
    before: { status: p.status },
    after: { status, note: moderation.note },
  })
  return view(deps, caller, (await proposalsOf(deps).get(p._id))!)
}

export async function supportProposal(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.proposal.support'>): Promise<ProposalView> {
  const p = await loadProposal(deps, caller, input.proposalId)
  if (p.status !== 'approved') throw new DomainError('INVALID_STATE', '这条项目建议还没有公开，暂不能附议')
  const round = await loadRound(deps, caller, p.roundId)
  if (round.status !== 'collecting' && round.status !== 'shortlisting') throw new DomainError('INVALID_STATE', '本轮附议已经结束')
  if (p.authorId === caller.userId) throw new DomainError('INVALID_STATE', '这是您自己提出的建议，不需要附议')
  const path = `supporters.${caller.userId}`
  // Once per resident: the marker's absence is the condition; a second (or concurrent) support writes nothing.
  await proposalsOf(deps).update({ _id: p._id, status: 'approved', [path]: { $exists: false } }, { set: { [path]: deps.clock.now().toISOString() }, inc: { supportCount: 1 } })
  return view(deps, caller, (await proposalsOf(deps).get(p._id))!)
}

export async function proposalFromCases(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.proposal.fromCases'>, requestId: string): Promise<ProposalView> {
  const id = idFor('lp', caller.userId, requestId)
  const existing = await proposalsOf(deps).get(id)
  if (existing) return view(deps, caller, existing)
  const round = await loadRound(deps, caller, input.roundId)
  await assertModerates(deps, caller, round)
  if (round.status !== 'collecting' && round.status !== 'shortlisting') throw new DomainError('INVALID_STATE', '遴选结束后不能再添加项目建议')
  const cases = await deps.store.collection<CaseDoc>('cases').find({ _id: { $in: input.caseIds } }, { limit: 1000 })
  const stations = await stationsById(deps.store, cases.map((c) => c.stationId))
  for (const caseId of input.caseIds) {
    const c = cases.find((x) => x._id === caseId)
    const station = c ? stations.get(c.stationId) : undefined
    const chain = station ? (await regionChain(deps.store, station.regionId)).map((r) => r._id) : []
    const mayUse =
      caller.role === 'admin' ? chain.includes(caller.regionId ?? '') : !!c && (caller.stationIds.includes(c.stationId) || (!!caller.office && chain.includes(caller.office.regionId)))
    if (!c || !chain.includes(round.regionId) || !mayUse) throw new DomainError('NOT_FOUND', '没有找到这条民意，或您无权查看')
  }
  const doc: ProposalDoc = {
    _id: id,
    roundId: round._id,
    districtId: round.districtId,
    title: input.title,
    description: input.description,
    place: '',
    beneficiaries: '',
    stationId: cases.length === 1 ? cases[0].stationId : null,
    authorId: null,
    createdBy: caller.userId,
    source: 'cases',
    caseIds: input.caseIds,
    caseResidentIds: [...new Set(cases.map((c) => c.residentId))],
    status: 'approved',
    contentCheck: 'pass',
    moderation: { by: auditLabel(caller), at: deps.clock.now().toISOString(), note: `由${input.caseIds.length}条民意整理` },
    supporters: {},
    supportCount: 0,
    candidateId: null,
    createdAt: deps.clock.now().toISOString(),
  }
  await proposalsOf(deps).insert(doc)
  await recordAudit(deps, caller, requestId, { objectType: 'livelihood_proposal', objectId: id, objectLabel: doc.title, action: 'fromCases', summary: '由民意整理民生实事项目建议', after: { caseIds: doc.caseIds } })
  return view(deps, caller, doc)
}

export async function listProposals(deps: Deps, caller: Caller, roundId: string): Promise<{ proposals: ProposalView[] }> {
  const round = await loadRound(deps, caller, roundId)
  const all = await proposalsOf(deps).find({ roundId: round._id }, { sort: [['supportCount', -1], ['createdAt', 1]], limit: 1000 })
  const staff = moderatesRound(caller, round, await stationRegionsOf(deps, caller))
  const shown = staff ? all : all.filter((p) => p.status === 'approved' || p.authorId === caller.userId)
  const stations = await stationsById(deps.store, shown.map((p) => p.stationId).filter((x): x is string => !!x))
  return { proposals: shown.map((p) => presentProposal(p, caller, p.stationId ? (stations.get(p.stationId)?.name ?? null) : null)) }
}
