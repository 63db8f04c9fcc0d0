// Partner API keys, the pure part: the key's shape `myt_<keyId>_<secret>`, its stored hash, and
// a comparison that does not leak by timing.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

const KEY = /^myt_(ak[0-9a-f]{12})_([A-Za-z0-9_-]{32,64})$/

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

/** The key id derived from who created it and the request (a retry finds the same key). */
export function keyIdFor(userId: string, requestId: string): string {
  return `ak${createHash('sha256').update(`apiKey:${userId}:${requestId}`).digest('hex').slice(0, 12)}`
}

export function newKey(keyId: string): string {
  return `myt_${keyId}_${randomBytes(32).toString('base64url')}`
}

/** The non-secret start of a key, to recognise it in a list. */
export function keyPrefix(keyId: string): string {
  return `myt_${keyId}_…`
}

export function parseKey(key: string): { keyId: string } | null {
  const m = KEY.exec(key.trim())
  return m ? { keyId: m[1] } : null
}

export function keyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashKey(key.trim()), 'hex')
  const b = Buffer.from(storedHash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}
