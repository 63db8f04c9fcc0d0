import type { CalendarOverrides } from './domain/workingDays'
import type { TriageSettings } from './domain/triage/settings'

/** Settings a district can change; defaults follow the published municipal rules where they exist. */
export interface AppConfig {
  /** Opinions one resident may submit per Shanghai calendar day. */
  dailySubmissionLimit: number
  /** Working days a handling unit gets when staff do not give a due date. */
  defaultTransferWorkingDays: number
  /** Days declared off or on for years the holiday package does not know yet. */
  calendarOverrides: CalendarOverrides
  /** How often a failed WeChat push is tried in all before it is recorded as failed. */
  pushMaxAttempts: number
  /** How long a finished request's answer is kept for deduplicating retries. */
  requestRetentionDays: number
  /** Overrides of the triage assistance figures (similar cases, proposal threshold); defaults in domain/triage/settings.ts. */
  triage?: Partial<TriageSettings>
}

export const DEFAULT_CONFIG: AppConfig = {
  dailySubmissionLimit: 10,
  defaultTransferWorkingDays: 7,
  calendarOverrides: {},
  pushMaxAttempts: 5,
  requestRetentionDays: 7,
}

export function configFromEnv(env: NodeJS.ProcessEnv, base: AppConfig = DEFAULT_CONFIG): AppConfig {
  const int = (name: string, fallback: number) => {
    const value = Number.parseInt(env[name] ?? '', 10)
    return Number.isFinite(value) && value > 0 ? value : fallback
  }
  return {
    ...base,
    dailySubmissionLimit: int('MINYI_DAILY_SUBMISSION_LIMIT', base.dailySubmissionLimit),
    defaultTransferWorkingDays: int('MINYI_TRANSFER_WORKING_DAYS', base.defaultTransferWorkingDays),
    pushMaxAttempts: int('MINYI_PUSH_MAX_ATTEMPTS', base.pushMaxAttempts),
  }
}
