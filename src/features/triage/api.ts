// Triage assistance (分办辅助) and the knowledge base, as the work pages use them. Only the work
// subpackage imports this module, so none of it lands in the residents' main package.
import type { ActionInput } from '@minyi/types/actions'
import { ApiError, callApi } from '../../services/api'

/**
 * The suggestions for one case, or null when the server does not give them to this person
 * (a role without `case.triage`, or a case outside their stations): the panel then stays away.
 */
export async function getTriage(caseId: string) {
  try {
    return await callApi('case.triage', { caseId })
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) return null
    throw error
  }
}

export const listKnowledge = (input: ActionInput<'knowledge.list'>) => callApi('knowledge.list', input)
export const createKnowledge = (input: ActionInput<'knowledge.create'>, requestId: string) =>
  callApi('knowledge.create', input, { requestId })
export const updateKnowledge = (input: ActionInput<'knowledge.update'>, requestId: string) =>
  callApi('knowledge.update', input, { requestId })
export const retireKnowledge = (input: ActionInput<'knowledge.retire'>, requestId: string) =>
  callApi('knowledge.retire', input, { requestId })
