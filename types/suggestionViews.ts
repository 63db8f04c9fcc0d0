// What the api returns about deputies' suggestions and motions (议案/建议).
import { z } from 'zod'
import { CASE_STATUSES } from './caseStateMachine'
import { CATEGORIES, RATINGS, ROLES } from './enums'
import { SUGGESTION_KINDS, SUGGESTION_STATUSES } from './suggestionStateMachine'

export const suggestionStatusSchema = z.enum(SUGGESTION_STATUSES)

/** The deadline the suggestion is running against now, if any (交办 5 working days, 答复 3 months). */
export const suggestionDeadlineSchema = z.object({
  kind: z.enum(['assign', 'answer']),
  /** e.g. "交办期限", "答复期限". */
  label: z.string(),
  dueDate: z.string(),
  /** Calendar days past the due date (0 while on time). */
  overdueDays: z.number(),
})

export const suggestionSummarySchema = z.object({
  id: z.string(),
  /** e.g. JY2026-0003 once submitted; null for a draft. */
  no: z.string().nullable(),
  kind: z.enum(SUGGESTION_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  status: suggestionStatusSchema,
  statusLabel: z.string(),
  deputy: z.object({ id: z.string(), name: z.string() }),
  /** The congress office it is submitted to, e.g. "滨湖区人大常委会". */
  office: z.object({ name: z.string() }).nullable(),
  caseCount: z.number(),
  deadline: suggestionDeadlineSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
})
export type SuggestionSummary = z.infer<typeof suggestionSummarySchema>

export const suggestionCaseSchema = z.object({
  id: z.string(),
  trackingNo: z.string(),
  category: z.enum(CATEGORIES),
  excerpt: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  stationName: z.string(),
  /** The resident who raised it plus those who seconded it. */
  raisedBy: z.number(),
  attachedAt: z.string(),
  /** Whether this case's resident has been told of every answer recorded so far. */
  informed: z.boolean(),
})

export const suggestionEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  actor: z.string(),
  actorRole: z.enum([...ROLES, 'system']),
  at: z.string(),
  from: suggestionStatusSchema.nullable(),
  to: suggestionStatusSchema.nullable(),
  note: z.string().nullable(),
})

export const suggestionViewSchema = suggestionSummarySchema.extend({
  body: z.string(),
  cases: z.array(suggestionCaseSchema),
  assignment: z
    .object({
      units: z.array(z.object({ id: z.string(), name: z.string() })),
      note: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  answers: z.array(z.object({ id: z.string(), text: z.string(), unitName: z.string().nullable(), at: z.string(), round: z.number() })),
  ratings: z.array(
    z.object({ value: z.enum(RATINGS), label: z.string(), comment: z.string().nullable(), at: z.string(), by: z.string(), round: z.number() }),
  ),
  rehandleCount: z.number(),
  deadlines: z.object({
    /** 5 working days after submission (China's holiday calendar). */
    assignBy: z.string().nullable(),
    assignedAt: z.string().nullable(),
    /** 3 months after assignment; 1 month after a re-handling starts. */
    answerBy: z.string().nullable(),
    answeredAt: z.string().nullable(),
  }),
  /** Residents told of the outcome so far: how many attached cases are up to date. */
  fanOut: z.object({ informed: z.number(), total: z.number(), pending: z.boolean() }),
  timeline: z.array(suggestionEventSchema),
  /** What the caller may do now: update, attachCase, detachCase, submit, withdraw, assign, recordAnswer, rate. */
  commands: z.array(z.string()),
  isMine: z.boolean(),
})
export type SuggestionView = z.infer<typeof suggestionViewSchema>
