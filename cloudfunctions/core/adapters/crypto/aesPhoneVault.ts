// AES-256-GCM for phone numbers at rest. The key lives outside the data (an environment variable
// in production, a key file outside the data folder locally), so a copy of the data alone does
// not reveal any number.
//
// Key rotation without downtime: the vault seals with the current key and opens with the current
// key or any previous one (MINYI_PHONE_KEY_PREVIOUS), so numbers sealed before the switch stay
// readable while the re-encryption job (jobs/phoneKeyRotationJob.ts) re-seals them one by one.
// Sealed values name their key (`v2:<key id>:…`, the id is a hash of the key, not the key);
// values from before key ids (`v1:…`) are opened by trying each key (GCM's tag tells which fits).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import type { PhoneVault } from '../../ports'

/** A short public fingerprint of a key: which key sealed a value, without revealing it. */
export function phoneKeyId(key: Buffer): string {
  return createHash('sha256').update('minyi-phone-key-id').update(key).digest('hex').slice(0, 8)
}

function openWith(key: Buffer, iv: string, tag: string, body: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
  decipher.setAuthTag(Buffer.from(tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')
}

export function createAesPhoneVault(key: Buffer, previousKeys: Buffer[] = []): PhoneVault {
  for (const k of [key, ...previousKeys]) if (k.length !== 32) throw new Error('the phone encryption key must be 32 bytes')
  const currentId = phoneKeyId(key)
  const keys = new Map<string, Buffer>([[currentId, key]])
  for (const k of previousKeys) if (!keys.has(phoneKeyId(k))) keys.set(phoneKeyId(k), k)

  function open(sealed: string): string {
    const parts = sealed.split(':')
    if (parts[0] === 'v2' && parts.length === 5) {
      const [, id, iv, tag, body] = parts
      const k = keys.get(id!)
      if (!k) throw new Error(`sealed phone number uses an unknown key (${id})`)
      return openWith(k, iv!, tag!, body!)
    }
    if (parts[0] === 'v1' && parts.length === 4) {
      const [, iv, tag, body] = parts
      for (const k of keys.values()) {
        try {
          return openWith(k, iv!, tag!, body!)
        } catch {
          // not this key: try the next one
        }
      }
      throw new Error('sealed phone number fits none of the keys')
    }
    throw new Error('unreadable sealed phone number')
  }

  function seal(phone: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    const body = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()])
    return ['v2', currentId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':')
  }

  return {
    keyId: currentId,
    seal,
    open,
    reseal(sealed) {
      if (sealed.startsWith(`v2:${currentId}:`)) return null
      return seal(open(sealed))
    },
  }
}

/** Reads a base64 or hex 32-byte key. */
export function parseKey(text: string): Buffer {
  const trimmed = text.trim()
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64')
  if (key.length !== 32) throw new Error('the phone encryption key must be 32 bytes (64 hex or 44 base64 characters)')
  return key
}

/** MINYI_PHONE_KEY_PREVIOUS: the keys being rotated away from, comma-separated (usually one). */
export function parsePreviousKeys(text: string | undefined): Buffer[] {
  return (text ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(parseKey)
}
