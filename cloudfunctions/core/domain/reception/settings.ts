// Figures of reception days a district can change (AppConfig.reception overrides them).

export interface ReceptionSettings {
  /** Occurrences exist this many months ahead. */
  horizonMonths: number
  /**
   * Minimum notice, in days: a rule (new or changed) only produces days at least this far ahead,
   * and an occurrence can only be moved to a day at least this far ahead.
   */
  announceDays: number
  /** The reminder goes out from this hour (Shanghai) on the evening before. */
  reminderHour: number
  /** Defaults for a new rule. */
  slotMinutes: number
  slotCapacity: number
  cancelCutoffMinutes: number
  /** How many may wait for one full slot. */
  waitlistPerSlot: number
  /** Check-in opens this many minutes before the day's start… */
  checkInOpensMinutes: number
  /** …and closes this many minutes after its end. */
  checkInClosesMinutes: number
}

export const DEFAULT_RECEPTION_SETTINGS: ReceptionSettings = {
  horizonMonths: 3,
  announceDays: 3,
  reminderHour: 18,
  slotMinutes: 15,
  slotCapacity: 2,
  cancelCutoffMinutes: 120,
  waitlistPerSlot: 5,
  checkInOpensMinutes: 60,
  checkInClosesMinutes: 60,
}

export function receptionSettings(overrides?: Partial<ReceptionSettings>): ReceptionSettings {
  return { ...DEFAULT_RECEPTION_SETTINGS, ...overrides }
}
