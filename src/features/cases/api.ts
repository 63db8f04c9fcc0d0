// Case actions as the pages use them. Mutations take the requestId of the person's intent so a
// repeated tap after a lost answer does the work once.
import type { ActionInput } from '@minyi/types/actions'
import type { CaseStatus } from '@minyi/types/caseStateMachine'
import type { Category } from '@minyi/types/enums'
import { callApi } from '../../services/api'

export type SubmitInput = ActionInput<'case.submit'>

export const submitCase = (input: SubmitInput, requestId: string) => callApi('case.submit', input, { requestId })
export const listMyCases = () => callApi('case.listMine', {}).then((r) => r.cases)
export const getCase = (caseId: string) => callApi('case.get', { caseId })
export const getInbox = (filter: { status?: CaseStatus; category?: Category; stationId?: string; overdue?: boolean; held?: boolean }) =>
  callApi('case.inbox', filter)
export const rateCase = (input: ActionInput<'case.rate'>, requestId: string) => callApi('case.rate', input, { requestId })
export const revealPhone = (caseId: string) => callApi('case.revealPhone', { caseId }).then((r) => r.phone)
export const listUnits = (caseId?: string) => callApi('unit.list', caseId ? { caseId } : {}).then((r) => r.units)
export const similarForDraft = (stationCode: string, text: string) =>
  callApi('case.similarForDraft', { stationCode, text }).then((r) => r.cases)
export type DraftSimilarCase = Awaited<ReturnType<typeof similarForDraft>>[number]
/** 附议: follow someone else's open case at this station instead of filing the same problem again. */
export const secondCase = (caseId: string, stationCode: string, requestId: string) =>
  callApi('case.second', { caseId, stationCode }, { requestId })
export const listSecondedCases = () => callApi('case.listSeconded', {}).then((r) => r.cases)
export const hidePhoto = (input: ActionInput<'case.hidePhoto'>, requestId: string) => callApi('case.hidePhoto', input, { requestId })
export const recordSubscriptions = (accepted: Array<'progress' | 'reply'>) =>
  callApi('subscription.record', { accepted })

/** The handling commands of the work page, each one api action taking `caseId` plus its fields. */
export const caseCommand = {
  accept: (input: ActionInput<'case.accept'>, requestId: string) => callApi('case.accept', input, { requestId }),
  refer: (input: ActionInput<'case.refer'>, requestId: string) => callApi('case.refer', input, { requestId }),
  answerOnSite: (input: ActionInput<'case.answerOnSite'>, requestId: string) =>
    callApi('case.answerOnSite', input, { requestId }),
  transfer: (input: ActionInput<'case.transfer'>, requestId: string) => callApi('case.transfer', input, { requestId }),
  recordUnitAnswer: (input: ActionInput<'case.recordUnitAnswer'>, requestId: string) =>
    callApi('case.recordUnitAnswer', input, { requestId }),
  markProposal: (input: ActionInput<'case.markProposal'>, requestId: string) =>
    callApi('case.markProposal', input, { requestId }),
  decline: (input: ActionInput<'case.decline'>, requestId: string) => callApi('case.decline', input, { requestId }),
  forward: (input: ActionInput<'case.forward'>, requestId: string) => callApi('case.forward', input, { requestId }),
  extendDeadline: (input: ActionInput<'case.extendDeadline'>, requestId: string) =>
    callApi('case.extendDeadline', input, { requestId }),
  merge: (input: ActionInput<'case.merge'>, requestId: string) => callApi('case.merge', input, { requestId }),
}

/** 并案: the open cases of the same station another case could be merged into, most similar first. */
export const similarCases = (caseId: string) => callApi('case.triage', { caseId }).then((r) => r.similar)
