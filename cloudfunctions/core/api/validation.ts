import type { z } from 'zod'

/** The first problem of a failed parse, as one Chinese sentence naming the field. */
export function describeZodError(error: z.ZodError): { message: string; field: string | null } {
  const issue = error.issues[0]
  const field = issue?.path.length ? issue.path.join('.') : null
  if (!issue) return { message: '填写的内容有误，请检查后重试', field }
  // Our field schemas carry Chinese messages; anything else (an unexpected extra shape) gets a
  // generic sentence rather than the library's English.
  const message = /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : `「${field ?? '输入'}」格式不正确`
  return { message, field }
}
