// A round of 民生实事代表票决 and its moves (types/livelihoodStateMachine.ts). Every move is one
// conditional update on `{ _id, status: from, rev }`; what a move needs first (candidates and vote
// settings to open the vote, the end of voting and no open tie to publish) is checked before it,
// and a refusal writes nothing.
import {
  LIVELIHOOD_LEVEL_LABELS,
  ROUND_STATUS_LABELS,
  ROUND_TRANSITIONS,
  canMoveRound,
  type ParsedInput,
  type ResultsView,
  type RoundCommand,
  type RoundView,
} from '@minyi/types'
import { auditLabel } from '../../domain/actorLabel'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { RoundDoc, RoundEvent } from '../../domain/livelihood/records'
import { inElectorateOf, mayOpenRound, tokenIdFor } from '../../domain/livelihood/rules'
import type { DeputyDoc, RegionDoc, StationDoc } from '../../domain/records'
import { recordAudit } from '../audit/recordAudit'
import type { Deps } from '../deps'
import { regionChain, regionSubtree } from '../shared/lookups'
import { finalChoice, resultsView, tally, votingEnded, candidatesOf } from './ballots'
import { notifyFollowers } from './projects'
import { ROUND_NOT_FOUND, applyRev, idFor, loadManagedRound, loadRound, presentRound, projectsOf, roundsOf, tokensOf } from './shared'

function event(deps: Deps, caller: Caller, command: RoundEvent['command'], from: RoundDoc['status'] | null, to: RoundDoc['status'] | null, note: string | null = null): RoundEvent {
  return { id: deps.newId(), command, from, to, at: deps.clock.now().toISOString(), actorId: caller.userId, actorLabel: auditLabel(caller), note }
}

const summaryOf = (r: RoundDoc) => ({ status: r.status, vote: r.vote, electorateSize: r.electorate?.length ?? null })

export async function createRound(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.round.create'>, requestId: string): Promise<RoundView> {
  const id = idFor('lr', caller.userId, requestId)
  const existing = await roundsOf(deps).get(id)
  if (existing) return presentRound(deps, caller, existing)
  const regionId = input.regionId ?? (input.level === 'street' ? (caller.office?.level === 'street' ? caller.office.regionId : null) : (caller.office?.regionId ?? caller.regionId))
  if (!regionId) throw new DomainError('INVALID_INPUT', '请选择开启票决的街道（乡镇）')
  const region = await deps.store.collection<RegionDoc>('regions').get(regionId)
  if (!region) throw new DomainError('INVALID_INPUT', '没有找到这个区或街道')
  if (region.level !== input.level) throw new DomainError('INVALID_INPUT', input.level === 'district' ? '区级票决请选择一个区' : '街道级票决请选择一个街道（乡镇）')
  const district = (await regionChain(deps.store, region._id)).find((r) => r.level === 'district')
  if (!district || !mayOpenRound(caller, region._id, district._id)) throw new DomainError('FORBIDDEN', '只有本级人大机关可以开启这一级的票决')
  const clash = await roundsOf(deps).count({ year: input.year, regionId: region._id })
  if (clash) throw new DomainError('INVALID_STATE', `${region.name}${input.year}年度的民生实事票决已经开启`)
  const at = deps.clock.now().toISOString()
  const doc: RoundDoc = {
    _id: id,
    requestId,
    year: input.year,
    level: input.level,
    regionId: region._id,
    regionName: region.name,
    districtId: district._id,
    title: input.title,
    description: input.description ?? '',
    collectFrom: input.collectFrom,
    collectUntil: input.collectUntil,
    status: 'collecting',
    rev: 0,
    vote: null,
    electorate: null,
    results: null,
    tieResolution: null,
    events: [event(deps, caller, 'create', null, 'collecting')],
    createdAt: at,
    updatedAt: at,
  }
  if (!(await roundsOf(deps).insert(doc))) {
    const first = await roundsOf(deps).get(id)
    if (first) return presentRound(deps, caller, first)
  }
  await recordAudit(deps, caller, requestId, {
    objectType: 'livelihood_round',
    objectId: id,
    objectLabel: doc.title,
    action: 'create',
    summary: `开启${region.name}${input.year}年度${LIVELIHOOD_LEVEL_LABELS[input.level]}民生实事项目征集`,
    after: summaryOf(doc),
  })
  return presentRound(deps, caller, doc)
}

export async function listRounds(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.round.list'>) {
  if (!caller.regionId) return { rounds: [] }
  const filter = input.status ? { districtId: caller.regionId, status: input.status } : { districtId: caller.regionId }
  const rounds = await roundsOf(deps).find(filter, { sort: [['year', -1], ['createdAt', -1]], limit: 100 })
  return { rounds: await Promise.all(rounds.map((r) => presentRound(deps, caller, r))) }
}

export async function getRound(deps: Deps, caller: Caller, roundId: string): Promise<RoundView> {
  return presentRound(deps, caller, await loadRound(deps, caller, roundId))
}

/** The deputies of the round's level with a station in its region, at this moment. */
async function electorateOf(deps: Deps, round: RoundDoc): Promise<string[]> {
  const regionIds = await regionSubtree(deps.store, round.regionId)
  const stations = await deps.store.collection<StationDoc>('stations').find({ regionId: { $in: regionIds } }, { limit: 1000 })
  const stationIds = new Set(stations.map((s) => s._id))
  const level = round.level === 'district' ? 'county' : 'township'
  const ids: string[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = await deps.store.collection<DeputyDoc>('deputies').find({ level }, { sort: [['_id', 1]], skip, limit: 1000 })
    ids.push(...page.filter((d) => inElectorateOf(d, round.level, stationIds)).map((d) => d._id))
    if (page.length < 1000) return ids
  }
}

export async function moveRound(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.round.move'>, requestId: string): Promise<RoundView> {
  const command: RoundCommand = input.command
  const round = await loadManagedRound(deps, caller, input.roundId)
  const transition = ROUND_TRANSITIONS[command]
  if (!(transition.roles as readonly string[]).includes(caller.role)) throw new DomainError('FORBIDDEN', '您的身份不能进行此操作')
  if (!canMoveRound(command, round.status)) {
    throw new DomainError('INVALID_STATE', `本轮当前为「${ROUND_STATUS_LABELS[round.status]}」，不能${transition.label}`)
  }
  const set: Record<string, unknown> = { status: transition.to, updatedAt: deps.clock.now().toISOString() }
  let electorate: string[] | null = null
  let chosen: string[] | null = null
  let results: Awaited<ReturnType<typeof tally>> | null = null

  if (command === 'openVote') {
    if (!round.vote) throw new DomainError('INVALID_STATE', '请先设置票决规则（当选数量、开始和截止时间）')
    const candidates = await candidatesOf(deps, round._id)
    if (candidates.length < round.vote.seats) throw new DomainError('INVALID_STATE', `候选项目（${candidates.length}个）少于当选数量（${round.vote.seats}个），请先完善候选项目`)
    if (deps.clock.now().getTime() >= Date.parse(round.vote.closesAt)) throw new DomainError('INVALID_STATE', '票决截止时间已过，请重新设置票决时间')
    electorate = await electorateOf(deps, round)
    if (!electorate.length) throw new DomainError('INVALID_STATE', '本级没有可以参加票决的代表')
    // One token per deputy, ids fixed by round and deputy: a retried open writes each once.
    for (const deputyId of electorate) {
      await tokensOf(deps).insert({ _id: tokenIdFor(round._id, deputyId), roundId: round._id, deputyId, voted: false, commit: null })
    }
    set.electorate = electorate
  }
  if (command === 'publishResults') {
    if (!(await votingEnded(deps, round))) throw new DomainError('INVALID_STATE', '票决尚未截止，且还有代表没有投票')
    results = await tally(deps, round)
    chosen = finalChoice(results, round.tieResolution)
    if (!chosen) {
      const tie = results.tie!
      throw new DomainError('INVALID_STATE', `有${tie.candidateIds.length}个项目同为${tie.votes}票，争夺剩余${tie.seatsLeft}个名额，请先登记同票处理结果`)
    }
    set.results = results
  }

  // Publishing: the candidates are marked first (each conditional on still being a candidate, so a
  // publish retried after a crash marks nothing twice; the count is final once voting has ended),
  // then the followers are told, then the round moves.
  const candidates = command === 'publishResults' ? await candidatesOf(deps, round._id) : []
  if (results && chosen) {
    for (const c of candidates) {
      await projectsOf(deps).update({ _id: c._id, status: 'candidate' }, { set: { status: chosen.includes(c._id) ? 'chosen' : 'not_chosen', votes: results.counts[c._id] ?? 0 }, inc: { rev: 1 } })
    }
  }
  // The result reaches the followers of every candidate, chosen or not, before the round moves: the
  // count is final once voting has ended and the notices' ids are fixed per round and candidate, so
  // a publish retried after a crash (the round still `voting`) tells nobody twice and loses nobody.
  if (results && chosen) {
    for (const c of candidates) {
      const votes = results.counts[c._id] ?? 0
      await notifyFollowers(
        deps,
        c._id,
        `${round._id}-${chosen.includes(c._id) ? 'chosen' : 'not-chosen'}`,
        chosen.includes(c._id)
          ? {
              kind: 'chosen',
              title: '您关注的民生实事项目已当选',
              body: `「${c.title}」经代表票决当选为${round.regionName}${round.year}年度民生实事项目，得票${votes}票。`,
              remark: `得票${votes}票，将按节点推进实施`,
            }
          : {
              kind: 'notChosen',
              title: '您关注的民生实事候选项目未当选',
              body: `「${c.title}」在${round.regionName}${round.year}年度民生实事项目代表票决中得票${votes}票，未当选。感谢您的参与，您的建议会继续作为民意参考。`,
              remark: `得票${votes}票，感谢您的参与`,
            },
      )
    }
  }
  const moved = await applyRev(roundsOf(deps), round, { set, push: { events: [event(deps, caller, command, round.status, transition.to, input.note ?? null)] } }, { status: round.status })
  await recordAudit(deps, caller, requestId, {
    objectType: 'livelihood_round',
    objectId: round._id,
    objectLabel: round.title,
    action: command,
    summary: transition.label,
    before: summaryOf(round),
    after: summaryOf(moved),
  })
  return presentRound(deps, caller, moved)
}

export async function configureVote(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.vote.configure'>, requestId: string): Promise<RoundView> {
  const round = await loadManagedRound(deps, caller, input.roundId)
  if (round.status !== 'collecting' && round.status !== 'shortlisting') throw new DomainError('INVALID_STATE', '票决开始后不能再修改票决规则')
  const vote = { seats: input.seats, opensAt: new Date(input.opensAt).toISOString(), closesAt: new Date(input.closesAt).toISOString(), majority: input.majority }
  const moved = await applyRev(roundsOf(deps), round, {
    set: { vote, updatedAt: deps.clock.now().toISOString() },
    push: { events: [event(deps, caller, 'configureVote', null, null, `${input.seats}个名额`)] },
  })
  await recordAudit(deps, caller, requestId, { objectType: 'livelihood_round', objectId: round._id, objectLabel: round.title, action: 'configureVote', summary: '设置票决规则', before: summaryOf(round), after: summaryOf(moved) })
  return presentRound(deps, caller, moved)
}

export async function getResults(deps: Deps, caller: Caller, roundId: string): Promise<ResultsView> {
  return resultsView(deps, caller, await loadRound(deps, caller, roundId))
}

export async function resolveTie(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.results.resolveTie'>, requestId: string): Promise<ResultsView> {
  const round = await loadManagedRound(deps, caller, input.roundId)
  if (round.status !== 'voting' || !(await votingEnded(deps, round))) throw new DomainError('INVALID_STATE', '票决结束后才能登记同票处理结果')
  const results = await tally(deps, round)
  if (!results.tie) throw new DomainError('INVALID_STATE', '本次票决没有需要处理的同票')
  const { tie } = results
  if (input.candidateIds.length !== tie.seatsLeft || !input.candidateIds.every((id) => tie.candidateIds.includes(id))) {
    throw new DomainError('INVALID_INPUT', `请从同票的${tie.candidateIds.length}个项目中选定${tie.seatsLeft}个`)
  }
  const resolution = { candidateIds: [...input.candidateIds].sort(), note: input.note }
  const moved = await applyRev(roundsOf(deps), round, {
    set: { tieResolution: resolution, updatedAt: deps.clock.now().toISOString() },
    push: { events: [event(deps, caller, 'resolveTie', null, null, input.note)] },
  }, { status: 'voting' })
  await recordAudit(deps, caller, requestId, { objectType: 'livelihood_round', objectId: round._id, objectLabel: round.title, action: 'resolveTie', summary: '登记边界同票处理结果', before: { tieResolution: round.tieResolution }, after: { tieResolution: resolution } })
  return resultsView(deps, caller, moved)
}

export { ROUND_NOT_FOUND }
