// Handlers of partner API keys and the archive export (issue 12), spread into handlers.ts.
import { createApiKey, listApiKeys, revokeApiKey } from '../application/partners/apiKeys'
import { listExports } from '../application/exports/archiveExport'
import { DomainError } from '../domain/errors'
import type { HandlerContext, Handlers } from './handlers'

function requestIdOf(ctx: HandlerContext): string {
  if (!ctx.requestId) throw new DomainError('INVALID_INPUT', '缺少请求编号')
  return ctx.requestId
}

export const partnerHandlers: Pick<Handlers, 'admin.apiKey.create' | 'admin.apiKey.list' | 'admin.apiKey.revoke' | 'admin.export.list'> = {
  'admin.apiKey.create': (ctx, input) => createApiKey(ctx.deps, ctx.caller, input, requestIdOf(ctx)),
  'admin.apiKey.list': ({ deps, caller }) => listApiKeys(deps, caller),
  'admin.apiKey.revoke': (ctx, input) => revokeApiKey(ctx.deps, ctx.caller, input, requestIdOf(ctx)),
  'admin.export.list': ({ deps }, input) => listExports(deps, input.limit),
}
