// What the 民生实事 pages read: rounds, proposals, candidate projects, the ballot, results, projects
// under way and the round's report. Ballot views never carry a deputy's choices (secrecy).
import { z } from 'zod'
import { RATINGS } from './enums'
import { LIVELIHOOD_LEVELS, MAJORITY_RULES, PROJECT_STATUSES, PROPOSAL_STATUSES, ROUND_COMMANDS, ROUND_STATUSES } from './livelihoodStateMachine'

const commandEnum = z.enum(ROUND_COMMANDS)

export const voteSettingsSchema = z.object({
  seats: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
  majority: z.enum(MAJORITY_RULES),
  majorityLabel: z.string(),
})
export type VoteSettingsView = z.infer<typeof voteSettingsSchema>

export const roundViewSchema = z.object({
  id: z.string(),
  year: z.number(),
  level: z.enum(LIVELIHOOD_LEVELS),
  levelLabel: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  title: z.string(),
  description: z.string(),
  collectFrom: z.string(),
  collectUntil: z.string(),
  status: z.enum(ROUND_STATUSES),
  statusLabel: z.string(),
  vote: voteSettingsSchema.nullable(),
  electorateSize: z.number().nullable(),
  proposalCount: z.number(),
  candidateCount: z.number(),
  /** Commands this caller may issue now (office only). */
  commands: z.array(commandEnum),
  canManage: z.boolean(),
  /** A deputy of the electorate (after the vote opened). */
  inElectorate: z.boolean(),
  timeline: z.array(z.object({ at: z.string(), label: z.string(), actor: z.string() })),
})
export type RoundView = z.infer<typeof roundViewSchema>

export const proposalViewSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  title: z.string(),
  description: z.string(),
  place: z.string(),
  beneficiaries: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  statusLabel: z.string(),
  source: z.enum(['resident', 'cases']),
  stationName: z.string().nullable(),
  caseCount: z.number(),
  supportCount: z.number(),
  supportedByMe: z.boolean(),
  isMine: z.boolean(),
  moderationNote: z.string().nullable(),
  candidateId: z.string().nullable(),
  createdAt: z.string(),
})
export type ProposalView = z.infer<typeof proposalViewSchema>

export const milestoneViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string(),
  doneAt: z.string().nullable(),
  overdue: z.boolean(),
  flaggedAt: z.string().nullable(),
})

export const projectViewSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  no: z.number(),
  title: z.string(),
  description: z.string(),
  budgetWan: z.number(),
  unitName: z.string(),
  timeFrame: z.string(),
  status: z.enum(PROJECT_STATUSES),
  statusLabel: z.string(),
  proposals: z.array(z.object({ id: z.string(), title: z.string(), supportCount: z.number() })),
  caseCount: z.number(),
  /** After the results are published. */
  votes: z.number().nullable(),
  milestones: z.array(milestoneViewSchema),
  reports: z.array(z.object({ id: z.string(), at: z.string(), milestoneTitle: z.string().nullable(), note: z.string(), by: z.string() })),
  inspections: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      deputyName: z.string(),
      note: z.string(),
      photoCount: z.number(),
      /** The inspection's photos with short-lived addresses (public like the chosen project itself). */
      photos: z.array(z.object({ id: z.string(), url: z.string().nullable() })),
    }),
  ),
  supervisors: z.array(z.object({ deputyId: z.string(), name: z.string() })),
  /** For the office: the deputies of the electorate, who may be assigned as supervisors. */
  supervisorOptions: z.array(z.object({ deputyId: z.string(), name: z.string() })),
  ratings: z.object({
    deputies: z.record(z.enum(RATINGS), z.number()),
    residents: z.record(z.enum(RATINGS), z.number()),
  }),
  myRating: z.enum(RATINGS).nullable(),
  canRate: z.boolean(),
  canInspect: z.boolean(),
  canManage: z.boolean(),
})
export type ProjectView = z.infer<typeof projectViewSchema>

export const ballotStatusSchema = z.object({
  roundId: z.string(),
  title: z.string(),
  inElectorate: z.boolean(),
  voted: z.boolean(),
  open: z.boolean(),
  /** Why the ballot cannot be cast now, in Chinese, or null. */
  closedReason: z.string().nullable(),
  vote: voteSettingsSchema.nullable(),
  candidates: z.array(projectViewSchema),
})
export type BallotStatusView = z.infer<typeof ballotStatusSchema>

export const resultRowSchema = z.object({
  candidateId: z.string(),
  no: z.number(),
  title: z.string(),
  votes: z.number(),
  meetsMajority: z.boolean(),
  chosen: z.boolean(),
  tied: z.boolean(),
})

export const resultsViewSchema = z.object({
  roundId: z.string(),
  /** Counts are shown to the office once voting has ended, to everyone once published. */
  counted: z.boolean(),
  published: z.boolean(),
  electorateSize: z.number(),
  /** Deputies marked as having voted, and anonymous ballots stored: equal unless a cast was cut off half-way. */
  turnout: z.number(),
  ballots: z.number(),
  seats: z.number(),
  majority: z.enum(MAJORITY_RULES),
  majorityLabel: z.string(),
  threshold: z.number(),
  rows: z.array(resultRowSchema),
  chosenIds: z.array(z.string()),
  /** A tie at the boundary of the N places: reported, never broken silently. */
  tie: z.object({ candidateIds: z.array(z.string()), votes: z.number(), seatsLeft: z.number() }).nullable(),
  tieResolution: z.object({ candidateIds: z.array(z.string()), note: z.string() }).nullable(),
})
export type ResultsView = z.infer<typeof resultsViewSchema>

export const livelihoodReportSchema = z.object({
  round: roundViewSchema,
  projects: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      unitName: z.string(),
      votes: z.number().nullable(),
      milestonesDone: z.number(),
      milestonesTotal: z.number(),
      overdue: z.number(),
      completion: z.number(),
      ratings: z.record(z.enum(RATINGS), z.number()),
      satisfactionRate: z.number().nullable(),
    }),
  ),
  completion: z.number(),
  satisfactionRate: z.number().nullable(),
})
export type LivelihoodReport = z.infer<typeof livelihoodReportSchema>
