// The development sign-in of the h5 build: which demo user this browser acts as. Stored in
// localStorage under `minyi.devUser` (the plain user id, e.g. `dev-resident-1`) and sent as the
// `X-Dev-User` header. The weapp build never uses it: there the identity is WeChat's.
export const DEV_USER_STORAGE_KEY = 'minyi.devUser'

function storage(): Storage | null {
  if (process.env.TARO_ENV !== 'h5') return null
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

export function getDevUserId(): string | null {
  return storage()?.getItem(DEV_USER_STORAGE_KEY) || null
}

export function setDevUserId(id: string): void {
  storage()?.setItem(DEV_USER_STORAGE_KEY, id)
}

export function clearDevUserId(): void {
  storage()?.removeItem(DEV_USER_STORAGE_KEY)
}

/** Whether pages must send people to the 选择演示身份 page before calling the api. */
export function needsDevSignIn(): boolean {
  return process.env.TARO_ENV === 'h5' && !getDevUserId()
}
