// 民生实事代表票决: which use case answers which `livelihood.*` action.
import { DomainError } from '../domain/errors'
import { ballotStatus, castBallot, verifyBallot } from '../application/livelihood/ballots'
import {
  addMilestone,
  assignSupervisors,
  getProject,
  listCandidates,
  listMyProjects,
  rateProject,
  recordInspection,
  removeCandidate,
  reportProgress,
  saveCandidate,
} from '../application/livelihood/projects'
import { listProposals, moderateProposal, proposalFromCases, submitProposal, supportProposal } from '../application/livelihood/proposals'
import { exportReport, roundReport } from '../application/livelihood/report'
import { configureVote, createRound, getResults, getRound, listRounds, moveRound, resolveTie } from '../application/livelihood/rounds'
import type { HandlerContext, Handlers } from './handlers'

function rid(ctx: HandlerContext): string {
  if (!ctx.requestId) throw new DomainError('INVALID_INPUT', '缺少请求编号')
  return ctx.requestId
}

type LivelihoodAction = Extract<keyof Handlers, `livelihood.${string}`>

export const livelihoodHandlers: Pick<Handlers, LivelihoodAction> = {
  'livelihood.round.create': (ctx, input) => createRound(ctx.deps, ctx.caller, input, rid(ctx)),
  'livelihood.round.list': ({ deps, caller }, input) => listRounds(deps, caller, input),
  'livelihood.round.get': ({ deps, caller }, input) => getRound(deps, caller, input.roundId),
  'livelihood.round.move': (ctx, input) => moveRound(ctx.deps, ctx.caller, input, rid(ctx)),
  'livelihood.proposal.submit': (ctx, input) => submitProposal(ctx.deps, ctx.caller, input, rid(ctx)),
  'livelihood.proposal.moderate': (ctx, input) => moderateProposal(ctx.deps, ctx.caller, input, rid(ctx)),
  'livelihood.proposal.support': ({ deps, caller }, input) => supportProposal(deps, caller, input),
  'livelihood.proposal.fromCases': (ctx, input) => proposalFromCases(ctx.deps, ctx.caller, input, rid(ctx)),
  'livelihood.proposal.list': ({ deps, caller }, input) => listProposals(deps, caller, input.roundId),
  'livelihood.candidate.save': (ctx, input) => saveCandidate(ctx.deps, ctx.caller, input, rid(ctx)),
  'livelihood.candidate.remove': (ctx, input) => removeCandidate(ctx.deps, ctx.caller, input, rid(ctx)),
  'livelihood.candidate.list': ({ deps, caller }, input) => listCandidates(deps, caller, input.roundId),
  'livelihood.vote.configure': (ctx, input) => configureVote(ctx.deps, ctx.caller, input, rid(ctx)),
  'livelihood.ballot.status': ({ deps, caller }, input) => ballotStatus(deps, caller, input.roundId),
  'livelihood.ballot.cast': ({ deps, caller }, input) => castBallot(deps, caller, input),
  'livelihood.ballot.verify': ({ deps, caller }, input) => verifyBallot(deps, caller, input),
  'livelihood.results.get': ({ deps, caller }, input) => getResults(deps, caller, input.roundId),
  'livelihood.results.resolveTie': (ctx, input) => resolveTie(ctx.deps, ctx.caller, input, rid(ctx)),
  'livelihood.project.get': ({ deps, caller }, input) => getProject(deps, caller, input.projectId),
  'livelihood.project.listMine': ({ deps, caller }) => listMyProjects(deps, caller),
  'livelihood.milestone.add': (ctx, input) => addMilestone(ctx.deps, ctx.caller, input, rid(ctx)),
  'livelihood.progress.report': (ctx, input) => reportProgress(ctx.deps, ctx.caller, input, rid(ctx)),
  'livelihood.supervisor.assign': (ctx, input) => assignSupervisors(ctx.deps, ctx.caller, input, rid(ctx)),
  'livelihood.inspection.record': (ctx, input) => recordInspection(ctx.deps, ctx.caller, input, rid(ctx)),
  'livelihood.project.rate': ({ deps, caller }, input) => rateProject(deps, caller, input),
  'livelihood.report.get': ({ deps, caller }, input) => roundReport(deps, caller, input.roundId),
  'livelihood.report.export': (ctx, input) => exportReport(ctx.deps, ctx.caller, input, rid(ctx)),
}
