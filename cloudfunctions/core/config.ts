import type { CalendarOverrides } from './domain/workingDays'
import type { TriageSettings } from './domain/triage/settings'
import type { ReceptionSettings } from './domain/reception/settings'
import type { SuggestionLimits } from './domain/suggestions/deadlines'
import type { TimeLimits } from './domain/timeLimits'

/** Settings a district can change; defaults follow the published municipal rules where they exist. */
export interface AppConfig {
  /** Opinions one resident may submit per Shanghai calendar day. */
  dailySubmissionLimit: number
  /**
   * Time limits of cases (受理、承办单位答复、重新办理、自动办结、重新办理次数). A district overrides any of
   * them with `timeLimits` on its region document (domain/timeLimits.ts).
   */
  timeLimits: TimeLimits
  /** Days declared off or on for years the holiday package does not know yet. */
  calendarOverrides: CalendarOverrides
  /** How often a failed WeChat push is tried in all before it is recorded as failed. */
  pushMaxAttempts: number
  /** How long a finished request's answer is kept for deduplicating retries. */
  requestRetentionDays: number
  /** A photo uploaded but in no submitted case is deleted after this many hours (jobs/photoCleanupJob.ts). */
  photoUploadMaxAgeHours: number
  /** Overrides of the triage assistance figures (similar cases, proposal threshold); defaults in domain/triage/settings.ts. */
  triage?: Partial<TriageSettings>
  /** Overrides of the reception-day figures (horizon, notice, slots, cutoff…); defaults in domain/reception/settings.ts. */
  reception?: Partial<ReceptionSettings>
  /** Overrides of the suggestion (议案/建议) time limits; defaults in domain/suggestions/deadlines.ts. */
  suggestionLimits?: Partial<SuggestionLimits>
  /** Phone numbers are deleted this many months after their case closed (jobs/phoneRetentionJob.ts); default 24. */
  phoneRetentionMonths?: number
}

/** The time limits of the published municipal rules. */
export const DEFAULT_TIME_LIMITS: TimeLimits = {
  // Accept or first answer within 24 hours (at the station, and at each office a case is forwarded to).
  acceptHours: 24,
  // A handling unit answers within 7 working days, 15 for complex items; extendable once.
  unitWorkingDays: 7,
  complexWorkingDays: 15,
  // Re-handling after 不满意 within 1 month; at most 2 reopens, then the case escalates one level up.
  rehandleMonths: 1,
  maxReopens: 2,
  // A replied case nobody rates closes itself after 7 days.
  autoCloseDays: 7,
}

export const DEFAULT_CONFIG: AppConfig = {
  dailySubmissionLimit: 10,
  timeLimits: DEFAULT_TIME_LIMITS,
  calendarOverrides: {},
  pushMaxAttempts: 5,
  requestRetentionDays: 7,
  photoUploadMaxAgeHours: 24,
  phoneRetentionMonths: 24,
}

export function configFromEnv(env: NodeJS.ProcessEnv, base: AppConfig = DEFAULT_CONFIG): AppConfig {
  const int = (name: string, fallback: number) => {
    const value = Number.parseInt(env[name] ?? '', 10)
    return Number.isFinite(value) && value > 0 ? value : fallback
  }
  return {
    ...base,
    dailySubmissionLimit: int('MINYI_DAILY_SUBMISSION_LIMIT', base.dailySubmissionLimit),
    timeLimits: {
      ...base.timeLimits,
      unitWorkingDays: int('MINYI_TRANSFER_WORKING_DAYS', base.timeLimits.unitWorkingDays),
      autoCloseDays: int('MINYI_AUTO_CLOSE_DAYS', base.timeLimits.autoCloseDays),
    },
    pushMaxAttempts: int('MINYI_PUSH_MAX_ATTEMPTS', base.pushMaxAttempts),
    photoUploadMaxAgeHours: int('MINYI_PHOTO_UPLOAD_MAX_AGE_HOURS', base.photoUploadMaxAgeHours),
    phoneRetentionMonths: int('MINYI_PHONE_RETENTION_MONTHS', base.phoneRetentionMonths ?? 24),
  }
}
