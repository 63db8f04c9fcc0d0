import type { z } from 'zod'
import { auditActions } from './audit'
import { accountActions } from './accounts'
import { adminActions } from './admin'
import { caseActions } from './cases'
import { caseExtraActions } from './caseExtras'
import { notificationActions } from './notifications'
import { receptionActions } from './reception'
import { sessionActions } from './session'
import { stationActions } from './stations'
import { suggestionActions } from './suggestions'
import { triageActions } from './triage'
import { livelihoodActions } from './livelihood'
import { partnerActions } from './partners'
import { privacyActions } from './privacy'
import { insightActions } from './insight'

export * from './define'
export { submitCaseInput, CONTENT_MIN, CONTENT_MAX } from './cases'
export type { SubmitCaseInput } from './cases'
export { photoRef, photoRefs, uploadPolicySchema } from './caseExtras'
export type { UploadPolicy } from './caseExtras'
export {
  SUGGESTION_TITLE_MIN,
  SUGGESTION_TITLE_MAX,
  SUGGESTION_BODY_MIN,
  SUGGESTION_BODY_MAX,
  SUGGESTION_MAX_CASES,
  SUGGESTION_MAX_UNITS,
} from './suggestions'
export { KNOWLEDGE_STATUS_LABELS, triageViewSchema, knowledgeEntrySchema, similarCaseSchema } from './triage'
export type { TriageView, KnowledgeEntryView, SimilarCaseView } from './triage'
export { saveRuleInput, matterInput } from './reception'
export type { SaveRuleInput } from './reception'
export { invitationCode, createAccountInput } from './accounts'
export type { CreateAccountInput } from './accounts'

export { RECEIPT_PATTERN, receiptCode, LIVELIHOOD_TITLE_MAX, LIVELIHOOD_TEXT_MAX } from './livelihood'
export { API_KEY_STATUS_LABELS, apiKeyViewSchema, exportViewSchema } from './partners'
export type { ApiKeyView, ExportView } from './partners'
export { assistedRegisterInput, CLAIM_CODE } from './privacy'

/** Every action the `api` cloud function answers. One source of truth for both sides. */
export const ACTIONS = {
  ...sessionActions,
  ...stationActions,
  ...caseActions,
  ...notificationActions,
  ...triageActions,
  ...receptionActions,
  ...caseExtraActions,
  ...suggestionActions,
  ...auditActions,
  ...livelihoodActions,
  ...accountActions,
  ...partnerActions,
  ...adminActions,
  ...privacyActions,
  ...insightActions,
}

export type ActionName = keyof typeof ACTIONS
export type ActionInput<A extends ActionName> = z.input<(typeof ACTIONS)[A]['input']>
export type ParsedInput<A extends ActionName> = z.output<(typeof ACTIONS)[A]['input']>
export type ActionOutput<A extends ActionName> = z.output<(typeof ACTIONS)[A]['output']>

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, name)
}
