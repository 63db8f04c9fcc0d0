// 议案/建议 actions as the pages use them (imported only from the packageWork subpackage).
// Mutations take the requestId of the person's intent so a repeated tap after a lost answer does
// the work once.
import type { ActionInput } from '@minyi/types/actions'
import type { CaseStatus } from '@minyi/types/caseStateMachine'
import type { Category } from '@minyi/types/enums'
import type { SuggestionStatus } from '@minyi/types/suggestionStateMachine'
import { callApi } from '../../services/api'

export const listSuggestions = (status?: SuggestionStatus) => callApi('suggestion.list', status ? { status } : {})
export const getSuggestion = (suggestionId: string) => callApi('suggestion.get', { suggestionId })
export const createSuggestion = (input: ActionInput<'suggestion.create'>, requestId: string) =>
  callApi('suggestion.create', input, { requestId })
/** The deputy's own cases to choose evidence from (their stations' inbox). */
export const casesToAttach = (filter: { status?: CaseStatus; category?: Category }) =>
  callApi('case.inbox', filter).then((r) => r.cases)
export const listDistrictUnits = () => callApi('unit.list', {}).then((r) => r.units)

/** Every command of the suggestion page: one api action taking `suggestionId` plus its fields. */
export const suggestionCommand = {
  update: (input: ActionInput<'suggestion.update'>, requestId: string) => callApi('suggestion.update', input, { requestId }),
  attachCase: (input: ActionInput<'suggestion.attachCase'>, requestId: string) =>
    callApi('suggestion.attachCase', input, { requestId }),
  detachCase: (input: ActionInput<'suggestion.detachCase'>, requestId: string) =>
    callApi('suggestion.detachCase', input, { requestId }),
  submit: (input: ActionInput<'suggestion.submit'>, requestId: string) => callApi('suggestion.submit', input, { requestId }),
  withdraw: (input: ActionInput<'suggestion.withdraw'>, requestId: string) => callApi('suggestion.withdraw', input, { requestId }),
  assign: (input: ActionInput<'suggestion.assign'>, requestId: string) => callApi('suggestion.assign', input, { requestId }),
  recordAnswer: (input: ActionInput<'suggestion.recordAnswer'>, requestId: string) =>
    callApi('suggestion.recordAnswer', input, { requestId }),
  rate: (input: ActionInput<'suggestion.rate'>, requestId: string) => callApi('suggestion.rate', input, { requestId }),
}
