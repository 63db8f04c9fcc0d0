// Reopen rules (issue 3, item 7). 满意 and 基本满意 close the case. 不满意 reopens it for re-handling
// with a new time limit (1 month), at most `maxReopens` times (2 by default); the next 不满意
// escalates it one level up instead — its own `escalate` event, the case going to the office above
// whoever handled it (domain/offices.ts). A replied case nobody rates closes itself after
// `autoCloseDays` (jobs/deadlineJob.ts), and the timeline says so with the actor 系统.
import type { CaseCommand, Rating } from '@minyi/types'
import type { CaseDoc } from './records'
import type { TimeLimits } from './timeLimits'

export type RatingCommand = Extract<CaseCommand, 'close' | 'reopen' | 'escalate'>

export function reopensLeft(c: Pick<CaseDoc, 'reopenCount'>, limits: Pick<TimeLimits, 'maxReopens'>): number {
  return Math.max(0, limits.maxReopens - c.reopenCount)
}

/** The command a resident's rating issues. */
export function ratingCommand(rating: Rating, c: Pick<CaseDoc, 'reopenCount'>, limits: Pick<TimeLimits, 'maxReopens'>): RatingCommand {
  if (rating !== 'unsatisfied') return 'close'
  return reopensLeft(c, limits) > 0 ? 'reopen' : 'escalate'
}

/** Of the rating commands, the one 不满意 would issue now (the other is not offered). */
export function ratingOffers(command: CaseCommand, c: Pick<CaseDoc, 'reopenCount'>, limits: Pick<TimeLimits, 'maxReopens'>): boolean {
  if (command === 'reopen') return reopensLeft(c, limits) > 0
  if (command === 'escalate') return reopensLeft(c, limits) === 0
  return true
}
