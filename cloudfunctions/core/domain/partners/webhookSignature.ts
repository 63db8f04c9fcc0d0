// Signed webhooks between 民意通 and a partner (both directions): HMAC-SHA256 with a shared secret
// over `<timestamp>\n<nonce>\n<body>`, hex. A delivery is good when the signature matches, the
// timestamp is within five minutes of our clock, and its nonce was never seen (the caller stores it).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'x-minyi-signature'
export const TIMESTAMP_HEADER = 'x-minyi-timestamp'
export const NONCE_HEADER = 'x-minyi-nonce'
export const MAX_SKEW_SECONDS = 300

export interface SignedHeaders {
  [TIMESTAMP_HEADER]: string
  [NONCE_HEADER]: string
  [SIGNATURE_HEADER]: string
}

export function signature(secret: string, timestamp: string, nonce: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n${body}`, 'utf8').digest('hex')
}

export function signBody(secret: string, body: string, now: Date, nonce = randomBytes(16).toString('hex')): SignedHeaders {
  const timestamp = String(Math.floor(now.getTime() / 1000))
  return { [TIMESTAMP_HEADER]: timestamp, [NONCE_HEADER]: nonce, [SIGNATURE_HEADER]: signature(secret, timestamp, nonce, body) }
}

export type SignatureCheck =
  | { ok: true; nonce: string; signature: string }
  | { ok: false; reason: 'missing' | 'bad_signature' | 'clock_skew' }

type HeaderBag = Record<string, string | string[] | undefined>

const header = (headers: HeaderBag, name: string): string | null => {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1]
  const value = Array.isArray(found) ? found[0] : found
  return typeof value === 'string' && value ? value : null
}

/** Checks signature and clock; the nonce's novelty is the caller's to check (it needs the store). */
export function verifySignature(secret: string, headers: HeaderBag, body: string, now: Date): SignatureCheck {
  const timestamp = header(headers, TIMESTAMP_HEADER)
  const nonce = header(headers, NONCE_HEADER)
  const given = header(headers, SIGNATURE_HEADER)
  if (!timestamp || !nonce || !given || !/^\d{1,12}$/.test(timestamp) || !/^[A-Za-z0-9_-]{8,64}$/.test(nonce)) {
    return { ok: false, reason: 'missing' }
  }
  const expected = Buffer.from(signature(secret, timestamp, nonce, body), 'hex')
  const actual = Buffer.from(/^[0-9a-f]{64}$/i.test(given) ? given : '', 'hex')
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'bad_signature' }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return { ok: false, reason: 'clock_skew' }
  return { ok: true, nonce, signature: given.toLowerCase() }
}
