// The one entry for every action, shared by the `api` cloud function and the local runtime:
// envelope → caller (from the trusted openid only) → role → input schema → idempotency → use case
// → output schema. Every outcome is `{ ok: true, data }` or `{ ok: false, error: { code, message } }`.
import { z } from 'zod'
import { ACTIONS, ERROR_MESSAGES, isActionName, type ApiResponse, type ActionName, type Role } from '@minyi/types'
import { requestId as requestIdSchema } from '@minyi/types/fields'
import type { Deps } from '../application/deps'
import { resolveCaller } from '../application/session/resolveCaller'
import { DomainError } from '../domain/errors'
import { handlers as defaultHandlers, type Handler, type Handlers } from './handlers'
import { runOnce } from './idempotency'
import { describeZodError } from './validation'

/** Identity established by the entry point, never by the request body. */
export interface TrustedContext {
  openid: string | null
}

const envelopeSchema = z.object({
  action: z.string(),
  input: z.unknown().optional(),
  requestId: z.string().optional(),
})

export interface Api {
  handle(request: unknown, context: TrustedContext): Promise<ApiResponse<unknown>>
}

function failure(code: keyof typeof ERROR_MESSAGES, message: string = ERROR_MESSAGES[code], field?: string | null): ApiResponse<never> {
  return { ok: false, error: { code, message, ...(field ? { field } : {}) } }
}

export function createApi(deps: Deps, handlers: Handlers = defaultHandlers): Api {
  async function execute(action: ActionName, rawInput: unknown, requestId: string | null, context: TrustedContext) {
    const spec = ACTIONS[action]
    const caller = await resolveCaller(deps, context.openid)
    if (!(spec.roles as readonly Role[]).includes(caller.role)) {
      return failure('FORBIDDEN', '您的身份不能进行此操作')
    }
    const parsed = spec.input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      const { message, field } = describeZodError(parsed.error)
      return failure('INVALID_INPUT', message, field)
    }
    const run = async (): Promise<ApiResponse<unknown>> => {
      const handler = handlers[action] as Handler<ActionName>
      const data = await handler({ deps, caller, requestId }, parsed.data as never)
      const output = spec.output.safeParse(data)
      if (!output.success) {
        deps.log(`output of ${action} does not match its schema`, output.error.issues)
        return failure('INTERNAL')
      }
      return { ok: true, data: output.data }
    }
    if (!spec.mutates) return run()
    if (!requestId) return failure('INVALID_INPUT', '缺少请求编号，请重新提交', 'requestId')
    return runOnce(deps.store, `${caller.userId}:${action}:${requestId}`, deps.clock.now(), run)
  }

  return {
    async handle(request, context) {
      const envelope = envelopeSchema.safeParse(request)
      if (!envelope.success || !isActionName(envelope.data.action)) return failure('UNKNOWN_ACTION')
      const { action, input, requestId } = envelope.data
      if (requestId !== undefined && !requestIdSchema.safeParse(requestId).success) {
        return failure('INVALID_INPUT', '请求编号格式不正确', 'requestId')
      }
      try {
        return await execute(action, input, requestId ?? null, context)
      } catch (error) {
        if (error instanceof DomainError) return failure(error.code, error.message, error.field)
        deps.log(`action ${action} failed`, error instanceof Error ? error.stack : error)
        return failure('INTERNAL')
      }
    },
  }
}
