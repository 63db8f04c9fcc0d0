// 适老化 preferences, the resident's own data (PIPL) and 代录 (issue 10).
import type { HandlerContext, Handlers } from './handlers'
import { DomainError } from '../domain/errors'
import { exportMyData, myData, revealMyPhone, setPreferences, withdrawPhone } from '../application/privacy/myData'
import { eraseAccount } from '../application/privacy/erase'
import { assistedReceipt, claimAssisted, registerAssisted } from '../application/privacy/assisted'

function requireRequestId(ctx: HandlerContext): string {
  if (!ctx.requestId) throw new DomainError('INVALID_INPUT', '缺少请求编号，请重新提交')
  return ctx.requestId
}

type PrivacyAction =
  | 'privacy.setPreferences'
  | 'privacy.myData'
  | 'privacy.revealMyPhone'
  | 'privacy.export'
  | 'privacy.withdrawPhone'
  | 'privacy.erase'
  | 'assisted.register'
  | 'assisted.receipt'
  | 'assisted.claim'

export const privacyHandlers: Pick<Handlers, PrivacyAction> = {
  'privacy.setPreferences': ({ deps, caller }, input) => setPreferences(deps, caller, input),
  'privacy.myData': ({ deps, caller }) => myData(deps, caller),
  'privacy.revealMyPhone': ({ deps, caller }) => revealMyPhone(deps, caller),
  'privacy.export': ({ deps, caller }, input) => exportMyData(deps, caller, input),
  'privacy.withdrawPhone': ({ deps, caller }) => withdrawPhone(deps, caller),
  'privacy.erase': ({ deps, caller }) => eraseAccount(deps, caller),
  'assisted.register': (ctx, input) => registerAssisted(ctx.deps, ctx.caller, input, requireRequestId(ctx)),
  'assisted.receipt': ({ deps, caller }, input) => assistedReceipt(deps, caller, input),
  'assisted.claim': ({ deps, caller }, input) => claimAssisted(deps, caller, input),
}
