// Runs a shared zod schema on the front end and turns its issues into one Chinese message per
// field, to show next to that field. Only the type of zod is imported here.
import type { z } from 'zod'

export type FieldErrors = Record<string, string>

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; first: string }

export function validate<S extends z.ZodType>(schema: S, values: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(values)
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_')
    if (!errors[field]) errors[field] = issue.message
  }
  return { ok: false, errors, first: result.error.issues[0]?.message ?? '填写的内容有误，请检查' }
}
