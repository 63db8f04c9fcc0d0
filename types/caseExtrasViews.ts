// Views of what issue 3 adds to a case: photos, 附议 (seconds), 并案 (merge) and the suggestions a
// case is evidence for. Referenced by caseViewSchema in entities.ts; the router parses every
// output through them, so storage details (file ids, who seconded) cannot leak.
import { z } from 'zod'
import { CASE_STATUSES } from './caseStateMachine'
import { SUGGESTION_STATUSES } from './suggestionStateMachine'

export const photoViewSchema = z.object({
  /** `p1`…`p3`, stable within the case. */
  id: z.string(),
  /** A short-lived address to show the photo; null when it could not be issued just now. */
  url: z.string().nullable(),
  /** Only staff and admins of the case's station ever see hidden photos (flagged, with the reason). */
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
})
export type PhotoView = z.infer<typeof photoViewSchema>

/** On a merged (并案) case: the case whose handling it follows. */
export const mergedIntoSchema = z.object({
  /** Null for residents, who may not open another resident's case. */
  caseId: z.string().nullable(),
  trackingNo: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  at: z.string(),
})
export type MergedIntoView = z.infer<typeof mergedIntoSchema>

/** On the primary case, for deputies and staff: the cases merged into it. */
export const mergedCaseSchema = z.object({
  id: z.string(),
  trackingNo: z.string(),
  excerpt: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  mergedAt: z.string(),
})
export type MergedCaseView = z.infer<typeof mergedCaseSchema>

/** A suggestion (议案/建议) the case is evidence for, once the deputy submitted it. */
export const caseSuggestionLinkSchema = z.object({
  id: z.string(),
  no: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  status: z.enum(SUGGESTION_STATUSES),
  statusLabel: z.string(),
})
export type CaseSuggestionLinkView = z.infer<typeof caseSuggestionLinkSchema>
