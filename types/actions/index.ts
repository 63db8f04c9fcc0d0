import type { z } from 'zod'
import { auditActions } from './audit'
import { caseActions } from './cases'
import { caseExtraActions } from './caseExtras'
import { notificationActions } from './notifications'
import { receptionActions } from './reception'
import { sessionActions } from './session'
import { stationActions } from './stations'
import { suggestionActions } from './suggestions'
import { triageActions } from './triage'
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
  ...insightActions,
}

export type ActionName = keyof typeof ACTIONS
export type ActionInput<A extends ActionName> = z.input<(typeof ACTIONS)[A]['input']>
export type ParsedInput<A extends ActionName> = z.output<(typeof ACTIONS)[A]['input']>
export type ActionOutput<A extends ActionName> = z.output<(typeof ACTIONS)[A]['output']>

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, name)
}
