import type { z } from 'zod'
import type { Role } from '../enums'

export interface ActionSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** What the action does, in Chinese, for docs/api.md. */
  summary: string
  roles: readonly Role[]
  input: I
  output: O
  /** Mutating actions need a requestId; a retry with the same one returns the first answer. */
  mutates: boolean
}

export function defineAction<I extends z.ZodType, O extends z.ZodType>(spec: ActionSpec<I, O>): ActionSpec<I, O> {
  return spec
}

export const ANY_ROLE: readonly Role[] = ['resident', 'deputy', 'staff', 'admin']
export const STAFF_ROLES: readonly Role[] = ['staff', 'admin']
export const CASE_WORKERS: readonly Role[] = ['deputy', 'staff', 'admin']
