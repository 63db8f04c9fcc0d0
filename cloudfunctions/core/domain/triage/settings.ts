// Tunable figures of the triage assistance; a district may override any of them (AppConfig.triage).
import { DEFAULT_ROUTE_SETTINGS, type RouteSettings } from './route'

export interface TriageSettings extends RouteSettings {
  /** Similar cases shown. */
  similarLimit: number
  /** Below this score a case is not shown as similar. */
  similarMinScore: number
  /** From this score a case counts towards "many residents raised it" (proposal route). */
  spreadMinScore: number
  /** Candidate cases read from the store per lookup (at most 1000, CloudBase's limit). */
  candidateLimit: number
  /** How many stored cases the chosen lookup words may pull in, by their document frequency. */
  retrievalBudget: number
  /** Terms kept per case. */
  termsPerCase: number
}

export const DEFAULT_TRIAGE_SETTINGS: TriageSettings = {
  ...DEFAULT_ROUTE_SETTINGS,
  similarLimit: 5,
  similarMinScore: 0.2,
  spreadMinScore: 0.35,
  candidateLimit: 1000,
  retrievalBudget: 4000,
  termsPerCase: 40,
}

export function triageSettings(overrides?: Partial<TriageSettings>): TriageSettings {
  return { ...DEFAULT_TRIAGE_SETTINGS, ...overrides }
}
