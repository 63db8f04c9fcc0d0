// 民生实事 actions as the pages use them. Mutations take the requestId of the person's intent.
import type { ActionInput } from '@minyi/types/actions'
import { callApi } from '../../services/api'
import { requestSubscriptions } from '../cases/subscriptions'

type In<A extends Parameters<typeof callApi>[0]> = ActionInput<A>

export const livelihoodApi = {
  rounds: () => callApi('livelihood.round.list', {}).then((r) => r.rounds),
  round: (roundId: string) => callApi('livelihood.round.get', { roundId }),
  createRound: (input: In<'livelihood.round.create'>, requestId: string) => callApi('livelihood.round.create', input, { requestId }),
  move: (input: In<'livelihood.round.move'>, requestId: string) => callApi('livelihood.round.move', input, { requestId }),
  proposals: (roundId: string) => callApi('livelihood.proposal.list', { roundId }).then((r) => r.proposals),
  propose: (input: In<'livelihood.proposal.submit'>, requestId: string) => callApi('livelihood.proposal.submit', input, { requestId }),
  moderate: (input: In<'livelihood.proposal.moderate'>, requestId: string) => callApi('livelihood.proposal.moderate', input, { requestId }),
  support: (proposalId: string, requestId: string) => callApi('livelihood.proposal.support', { proposalId }, { requestId }),
  candidates: (roundId: string) => callApi('livelihood.candidate.list', { roundId }).then((r) => r.candidates),
  saveCandidate: (input: In<'livelihood.candidate.save'>, requestId: string) => callApi('livelihood.candidate.save', input, { requestId }),
  removeCandidate: (input: In<'livelihood.candidate.remove'>, requestId: string) => callApi('livelihood.candidate.remove', input, { requestId }),
  configureVote: (input: In<'livelihood.vote.configure'>, requestId: string) => callApi('livelihood.vote.configure', input, { requestId }),
  ballot: (roundId: string) => callApi('livelihood.ballot.status', { roundId }),
  cast: (input: In<'livelihood.ballot.cast'>, requestId: string) => callApi('livelihood.ballot.cast', input, { requestId }),
  verify: (roundId: string, receipt: string) => callApi('livelihood.ballot.verify', { roundId, receipt }),
  results: (roundId: string) => callApi('livelihood.results.get', { roundId }),
  resolveTie: (input: In<'livelihood.results.resolveTie'>, requestId: string) => callApi('livelihood.results.resolveTie', input, { requestId }),
  project: (projectId: string) => callApi('livelihood.project.get', { projectId }),
  myProjects: () => callApi('livelihood.project.listMine', {}).then((r) => r.projects),
  addMilestone: (input: In<'livelihood.milestone.add'>, requestId: string) => callApi('livelihood.milestone.add', input, { requestId }),
  report: (input: In<'livelihood.progress.report'>, requestId: string) => callApi('livelihood.progress.report', input, { requestId }),
  assign: (input: In<'livelihood.supervisor.assign'>, requestId: string) => callApi('livelihood.supervisor.assign', input, { requestId }),
  inspect: (input: In<'livelihood.inspection.record'>, requestId: string) => callApi('livelihood.inspection.record', input, { requestId }),
  rate: (input: In<'livelihood.project.rate'>, requestId: string) => callApi('livelihood.project.rate', input, { requestId }),
  roundReport: (roundId: string) => callApi('livelihood.report.get', { roundId }),
  exportReport: (input: In<'livelihood.report.export'>, requestId: string) => callApi('livelihood.report.export', input, { requestId }),
}

/**
 * 民生实事 notices (the project chosen or not, milestones, progress, overdue) are `progress` pushes.
 * Call `askForProjectNotices()` first and synchronously in a tap handler (proposing, 附议): WeChat
 * shows the dialog only from a tap, before any await. Each accept allows one push; without one the
 * notice still arrives in 消息.
 */
export function askForProjectNotices(): Promise<void> {
  return requestSubscriptions(['progress']).then(
    (accepted) => (accepted.length ? callApi('subscription.record', { accepted: ['progress'] }).then(() => undefined) : undefined),
    () => undefined,
  ).catch(() => undefined)
}
