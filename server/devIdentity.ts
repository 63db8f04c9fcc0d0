// The local development sign-in: the header `X-Dev-User: <demo user id>` names who you are.
// It exists only in the local runtime (server/), which the cloud functions never import, and it
// refuses to work in any process that looks like a deployed cloud function.
import type { UserDoc } from '../cloudfunctions/core/domain/records'
import type { Store } from '../cloudfunctions/core/ports'

export const DEV_USER_HEADER = 'x-dev-user'

/** Environment variables present in a CloudBase / SCF function runtime. */
const CLOUD_MARKERS = ['TENCENTCLOUD_RUNENV', 'SCF_FUNCTIONNAME', 'SCF_NAMESPACE', 'TCB_ENV', 'WX_CONTEXT_KEYS']

export function assertLocalRuntime(env: NodeJS.ProcessEnv = process.env): void {
  const found = CLOUD_MARKERS.filter((name) => env[name])
  if (found.length) {
    throw new Error(`the development sign-in cannot run in a deployed function (found ${found.join(', ')})`)
  }
}

export function devOpenid(userId: string): string {
  return `dev:${userId}`
}

export function isDemoUserId(value: string): boolean {
  return /^dev-(resident|deputy|staff|office|admin)-\d{1,3}$/.test(value)
}

/**
 * A fresh development user ("新用户" on the sign-in page): a WeChat user who has never opened the
 * app, e.g. to accept an invitation. Their openid is made from the id; the api registers them as a
 * resident on their first call.
 */
export function isNewDevUserId(value: string): boolean {
  return /^dev-new-[a-z0-9]{6,20}$/.test(value)
}

/** The openid of the demo user named by the header, or null when none (or an unknown one) is named. */
export async function devOpenidFromHeader(store: Store, header: string | string[] | undefined): Promise<string | null> {
  assertLocalRuntime()
  const value = Array.isArray(header) ? header[0] : header
  if (value && isNewDevUserId(value)) return devOpenid(value)
  if (!value || !isDemoUserId(value)) return null
  const user = await store.collection<UserDoc>('users').get(value)
  return user?.openid ?? null
}
