// Who is using the app: the dev user (h5) and a cache of `session.me`, so every page does not
// ask again. Switching the demo user clears the cache.
import type { Me } from '@minyi/types/entities'
import { callApi } from './api'
import { clearDevUserId, getDevUserId, setDevUserId } from './devUser'
import { applyAccountLargeText } from './largeText'

let cached: { key: string; me: Me; at: number } | null = null
let inflight: { key: string; promise: Promise<Me> } | null = null

const MAX_AGE_MS = 60_000

function cacheKey(): string {
  return process.env.TARO_ENV === 'h5' ? (getDevUserId() ?? '') : 'wechat'
}

/** The signed-in person; cached for a minute unless `force`. */
export function getMe(force = false): Promise<Me> {
  const key = cacheKey()
  if (!force && cached && cached.key === key && Date.now() - cached.at < MAX_AGE_MS) return Promise.resolve(cached.me)
  if (!force && inflight && inflight.key === key) return inflight.promise
  const promise = callApi('session.me', {}).then(
    (me) => {
      cached = { key, me, at: Date.now() }
      applyAccountLargeText(me.largeText)
      if (inflight?.promise === promise) inflight = null
      return me
    },
    (error) => {
      if (inflight?.promise === promise) inflight = null
      throw error
    },
  )
  inflight = { key, promise }
  return promise
}

export function peekMe(): Me | null {
  return cached && cached.key === cacheKey() ? cached.me : null
}

export function forgetMe(): void {
  cached = null
  inflight = null
}

export function signInAs(userId: string): void {
  setDevUserId(userId)
  forgetMe()
}

export function signOut(): void {
  clearDevUserId()
  forgetMe()
}

export const WORKER_ROLES = ['deputy', 'staff', 'admin'] as const
export function isWorker(me: Pick<Me, 'role'> | null | undefined): boolean {
  return !!me && (WORKER_ROLES as readonly string[]).includes(me.role)
}
