// Handlers of accounts, invitations and posters (`admin.account.*`, `admin.invitation.*`,
// `admin.poster.*`, `invitation.*`), spread into handlers.ts.
import {
  acceptInvitation,
  createAccount,
  createInvitation,
  listAccounts,
  previewInvitation,
  revokeAccount,
  revokeInvitation,
} from '../application/accounts/accounts'
import { deputyPoster, stationPoster } from '../application/posters/posters'
import { DomainError } from '../domain/errors'
import type { HandlerContext, Handlers } from './handlers'

function requestIdOf(ctx: HandlerContext): string {
  if (!ctx.requestId) throw new DomainError('INVALID_INPUT', '缺少请求编号')
  return ctx.requestId
}

type AccountActions =
  | 'admin.account.list'
  | 'admin.account.create'
  | 'admin.account.revoke'
  | 'admin.invitation.create'
  | 'admin.invitation.revoke'
  | 'invitation.preview'
  | 'invitation.accept'
  | 'admin.poster.station'
  | 'admin.poster.deputy'

export const accountHandlers: Pick<Handlers, AccountActions> = {
  'admin.account.list': ({ deps, caller }) => listAccounts(deps, caller),
  'admin.account.create': (ctx, input) => createAccount(ctx.deps, ctx.caller, input, requestIdOf(ctx)),
  'admin.account.revoke': (ctx, input) => revokeAccount(ctx.deps, ctx.caller, input, requestIdOf(ctx)),
  'admin.invitation.create': (ctx, input) => createInvitation(ctx.deps, ctx.caller, input, requestIdOf(ctx)),
  'admin.invitation.revoke': (ctx, input) => revokeInvitation(ctx.deps, ctx.caller, input, requestIdOf(ctx)),
  'invitation.preview': ({ deps }, input) => previewInvitation(deps, input.code),
  'invitation.accept': (ctx, input) => acceptInvitation(ctx.deps, ctx.caller, input.code, requestIdOf(ctx)),
  'admin.poster.station': ({ deps, caller }, input) => stationPoster(deps, caller, input.stationId),
  'admin.poster.deputy': ({ deps, caller }, input) => deputyPoster(deps, caller, input.deputyId),
}
