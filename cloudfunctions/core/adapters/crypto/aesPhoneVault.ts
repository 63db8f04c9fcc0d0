// AES-256-GCM for phone numbers at rest. The key lives outside the data (an environment variable
// in production, a key file outside the data folder locally), so a copy of the data alone does
// not reveal any number.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { PhoneVault } from '../../ports'

const VERSION = 'v1'

export function createAesPhoneVault(key: Buffer): PhoneVault {
  if (key.length !== 32) throw new Error('the phone encryption key must be 32 bytes')
  return {
    seal(phone) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()])
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':')
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(':')
      if (version !== VERSION || !iv || !tag || !body) throw new Error('unreadable sealed phone number')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
      decipher.setAuthTag(Buffer.from(tag, 'base64'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')
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
