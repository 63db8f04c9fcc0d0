// The time limits of a case (issue 3, item 2) as figures a district may change. The defaults, from
// the municipal rules, are in config.ts (`DEFAULT_TIME_LIMITS`); a district overrides any of them
// with `timeLimits` on its own region document. Suggestions (议案/建议) keep their figures in
// domain/suggestions/deadlines.ts; a district overrides those in the same document, under
// `timeLimits.suggestion`.
import { suggestionLimits, type SuggestionLimits } from './suggestions/deadlines'

export interface TimeLimits {
  /** Hours a station (on submission) or an office (when a case is forwarded to it) has to accept or answer it. */
  acceptHours: number
  /**
   * Working days a handling unit has to answer; also the time a station has, once it accepted a
   * case, to answer it on the spot or forward it.
   */
  unitWorkingDays: number
  /** Working days for items marked complex (复杂事项). An extension adds the item's own limit once more. */
  complexWorkingDays: number
  /** Calendar months for re-handling after 不满意. */
  rehandleMonths: number
  /** How often 不满意 reopens a case; the next 不满意 escalates it one level up instead. */
  maxReopens: number
  /** Days a replied case waits for the resident's rating before it closes itself. */
  autoCloseDays: number
}

export type TimeLimitOverrides = Partial<TimeLimits> & { suggestion?: Partial<SuggestionLimits> }

/** The smallest sensible value of each figure; an override below it (or not a whole number) is ignored. */
const MINIMUM: Record<keyof TimeLimits, number> = {
  acceptHours: 1,
  unitWorkingDays: 1,
  complexWorkingDays: 1,
  rehandleMonths: 1,
  maxReopens: 0,
  autoCloseDays: 1,
}

/** The limits a district runs on: the defaults, with whatever valid figures the district set. */
export function effectiveTimeLimits(defaults: TimeLimits, override?: TimeLimitOverrides | null): TimeLimits {
  const limits = { ...defaults }
  for (const key of Object.keys(MINIMUM) as Array<keyof TimeLimits>) {
    const value = override?.[key]
    if (typeof value === 'number' && Number.isInteger(value) && value >= MINIMUM[key]) limits[key] = value
  }
  return limits
}

/** A district's suggestion limits: the suggestion defaults, the deployment's overrides, then the district's. */
export function effectiveSuggestionLimits(
  configured: Partial<SuggestionLimits> | undefined,
  override?: TimeLimitOverrides | null,
): SuggestionLimits {
  return suggestionLimits({ ...configured, ...override?.suggestion })
}
