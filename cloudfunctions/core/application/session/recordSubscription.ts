// WeChat one-time subscriptions: each "accept" in the dialog allows one message of that template.
// The front end reports what was accepted; the sender spends one credit per push.
import type { Caller } from '../../domain/caller'
import type { UserDoc } from '../../domain/records'
import type { Deps } from '../deps'

export async function recordSubscription(deps: Deps, caller: Caller, accepted: string[]): Promise<{ credits: Record<string, number> }> {
  const users = deps.store.collection<UserDoc>('users')
  const inc = Object.fromEntries([...new Set(accepted)].map((template) => [`credits.${template}`, 1]))
  if (Object.keys(inc).length) await users.update({ _id: caller.userId }, { inc })
  const user = await users.get(caller.userId)
  return { credits: user?.credits ?? {} }
}
