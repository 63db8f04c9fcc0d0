// The secret ballot. A deputy's cast is two writes that share nothing but what only the deputy holds:
// 1. the deputy's token (`ballot_tokens`, created when the vote opened) is claimed by one conditional
//    update `{ voted: false } → { voted: true, commit }`, where `commit` = sha256('token|round|receipt');
// 2. an anonymous ballot is inserted under `ballotIdFor(round, receipt)` = another hash of the receipt,
//    holding only the round and the sorted choices: no deputy, no time, no sequence number.
// The receipt is chosen at random on the deputy's device and never stored; without it nobody can
// compute either hash from the other. A retry with the same receipt (same or new requestId) finds the
// commit equal and (re)inserts the same ballot id, so it counts once; a second ballot with another
// receipt finds the token taken and is refused. The api never returns or logs who chose what.
import { shanghaiTime, type BallotStatusView, type ParsedInput, type ResultsView } from '@minyi/types'
import { MAJORITY_RULE_LABELS } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { ProjectDoc, RoundDoc, StoredResults } from '../../domain/livelihood/records'
import { ballotIdFor, chooseProjects, majorityThreshold, managesRound, tokenCommitFor, tokenIdFor } from '../../domain/livelihood/rules'
import type { Deps } from '../deps'
import { PUBLISHED_STATUSES, ballotsOf, loadRound, presentProject, projectsOf, tokensOf } from './shared'

const PAGE = 1000

export async function candidatesOf(deps: Deps, roundId: string): Promise<ProjectDoc[]> {
  return projectsOf(deps).find({ roundId, removed: false }, { sort: [['no', 1]], limit: 1000 })
}

function closedReason(round: RoundDoc, now: Date): string | null {
  if (round.status !== 'voting' || !round.vote) return round.status === 'shortlisting' || round.status === 'collecting' ? '票决尚未开始' : '票决已经结束'
  if (now.getTime() < Date.parse(round.vote.opensAt)) return `票决将于 ${shanghaiTime(round.vote.opensAt)} 开始`
  if (now.getTime() >= Date.parse(round.vote.closesAt)) return '票决已经截止'
  return null
}

export async function ballotStatus(deps: Deps, caller: Caller, roundId: string): Promise<BallotStatusView> {
  const round = await loadRound(deps, caller, roundId)
  const inElectorate = !!caller.deputyId && !!round.electorate?.includes(caller.deputyId)
  const token = inElectorate && caller.deputyId ? await tokensOf(deps).get(tokenIdFor(round._id, caller.deputyId)) : null
  const reason = closedReason(round, deps.clock.now())
  const publicList = round.status !== 'collecting' && round.status !== 'shortlisting'
  const candidates = publicList ? await candidatesOf(deps, round._id) : []
  return {
    roundId: round._id,
    title: round.title,
    inElectorate,
    voted: !!token?.voted,
    open: reason === null,
    closedReason: reason ?? (inElectorate ? null : '您不在本次票决的应投票代表名单中'),
    vote: round.vote ? { ...round.vote, majorityLabel: MAJORITY_RULE_LABELS[round.vote.majority] } : null,
    candidates: await Promise.all(candidates.map((c) => presentProject(deps, caller, round, c, new Set()))),
  }
}

export async function castBallot(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.ballot.cast'>): Promise<{ roundId: string; counted: boolean }> {
  const round = await loadRound(deps, caller, input.roundId)
  const reason = closedReason(round, deps.clock.now())
  if (reason) throw new DomainError('INVALID_STATE', reason)
  if (!caller.deputyId || !round.electorate?.includes(caller.deputyId)) {
    throw new DomainError('FORBIDDEN', '您不在本次票决的应投票代表名单中，不能投票')
  }
  const seats = round.vote?.seats ?? 0
  if (input.choices.length > seats) throw new DomainError('INVALID_INPUT', `最多选择${seats}个项目`)
  const candidates = new Set((await candidatesOf(deps, round._id)).map((c) => c._id))
  if (input.choices.some((id) => !candidates.has(id))) throw new DomainError('INVALID_INPUT', '选择的项目不在本次候选项目中，请刷新后重新选择')

  const tokens = tokensOf(deps)
  const tokenId = tokenIdFor(round._id, caller.deputyId)
  const commit = tokenCommitFor(round._id, input.receipt)
  const claimed = await tokens.update({ _id: tokenId, roundId: round._id, voted: false }, { set: { voted: true, commit } })
  if (claimed !== 1) {
    const token = await tokens.get(tokenId)
    if (!token) throw new DomainError('FORBIDDEN', '您不在本次票决的应投票代表名单中，不能投票')
    // The same receipt again: a retry of this very cast (perhaps cut off before its ballot was stored).
    if (token.commit !== commit) throw new DomainError('INVALID_STATE', '您已经投过票了，每位代表只能投一票')
  }
  // Inserting twice under the same id stores one ballot: a retry changes nothing.
  await ballotsOf(deps).insert({ _id: ballotIdFor(round._id, input.receipt), roundId: round._id, choices: [...input.choices].sort() })
  return { roundId: round._id, counted: true }
}

export async function verifyBallot(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.ballot.verify'>) {
  const round = await loadRound(deps, caller, input.roundId)
  const ballot = await ballotsOf(deps).get(ballotIdFor(round._id, input.receipt))
  if (!ballot || ballot.roundId !== round._id) return { found: false, choices: [] }
  const candidates = new Map((await candidatesOf(deps, round._id)).map((c) => [c._id, c.title]))
  return { found: true, choices: ballot.choices.map((id) => ({ id, title: candidates.get(id) ?? '（已删除的项目）' })) }
}

/** Counts every stored ballot of the round (paged by id: the order says nothing about who or when). */
export async function tally(deps: Deps, round: RoundDoc): Promise<StoredResults> {
  const candidates = await candidatesOf(deps, round._id)
  const counts: Record<string, number> = Object.fromEntries(candidates.map((c) => [c._id, 0]))
  let ballots = 0
  for (let skip = 0; ; skip += PAGE) {
    const page = await ballotsOf(deps).find({ roundId: round._id }, { sort: [['_id', 1]], skip, limit: PAGE })
    for (const b of page) {
      ballots += 1
      for (const id of b.choices) if (id in counts) counts[id] += 1
    }
    if (page.length < PAGE) break
  }
  const electorateSize = round.electorate?.length ?? 0
  const turnout = await tokensOf(deps).count({ roundId: round._id, voted: true })
  const threshold = majorityThreshold(round.vote?.majority ?? 'over_half_electorate', electorateSize, ballots)
  const outcome = chooseProjects(counts, round.vote?.seats ?? 0, threshold)
  return { electorateSize, turnout, ballots, threshold, counts, ...outcome }
}

/** Voting has ended: the close time passed, or every deputy of the electorate has voted. */
export async function votingEnded(deps: Deps, round: RoundDoc): Promise<boolean> {
  if (round.status !== 'voting' || !round.vote) return PUBLISHED_STATUSES.includes(round.status)
  if (deps.clock.now().getTime() >= Date.parse(round.vote.closesAt)) return true
  const turnout = await tokensOf(deps).count({ roundId: round._id, voted: true })
  return turnout >= (round.electorate?.length ?? Infinity)
}

/** The chosen ids once a tie is resolved; null while a tie is open. */
export function finalChoice(results: StoredResults, resolution: RoundDoc['tieResolution']): string[] | null {
  if (!results.tie) return results.chosenIds
  if (!resolution) return null
  const valid = resolution.candidateIds.length === results.tie.seatsLeft && resolution.candidateIds.every((id) => results.tie?.candidateIds.includes(id))
  return valid ? [...results.chosenIds, ...resolution.candidateIds] : null
}

export async function resultsView(deps: Deps, caller: Caller, round: RoundDoc): Promise<ResultsView> {
  const published = PUBLISHED_STATUSES.includes(round.status) && !!round.results
  const office = managesRound(caller, round)
  const counted = published || (office && round.status === 'voting' && (await votingEnded(deps, round)))
  const results = published ? round.results : counted ? await tally(deps, round) : null
  const candidates = round.status === 'collecting' || round.status === 'shortlisting' ? [] : await candidatesOf(deps, round._id)
  const turnout = results?.turnout ?? (round.electorate ? await tokensOf(deps).count({ roundId: round._id, voted: true }) : 0)
  const chosen = results ? (finalChoice(results, round.tieResolution) ?? results.chosenIds) : []
  const rows = results
    ? candidates
        .map((c) => ({
          candidateId: c._id,
          no: c.no,
          title: c.title,
          votes: results.counts[c._id] ?? 0,
          meetsMajority: (results.counts[c._id] ?? 0) >= results.threshold,
          chosen: chosen.includes(c._id),
          tied: !!results.tie?.candidateIds.includes(c._id),
        }))
        .sort((a, b) => b.votes - a.votes || a.no - b.no)
    : []
  const majority = round.vote?.majority ?? 'over_half_electorate'
  return {
    roundId: round._id,
    counted: !!results,
    published,
    electorateSize: round.electorate?.length ?? 0,
    turnout,
    ballots: results?.ballots ?? 0,
    seats: round.vote?.seats ?? 0,
    majority,
    majorityLabel: MAJORITY_RULE_LABELS[majority],
    threshold: results?.threshold ?? 0,
    rows,
    chosenIds: chosen,
    tie: results?.tie ?? null,
    tieResolution: round.tieResolution,
  }
}
