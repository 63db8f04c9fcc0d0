// The ballot's receipt code is made here, on the deputy's device, and only its hash is stored on the
// server (docs/livelihood-projects.md): 16 random characters of Crockford base32, shown as 4×4.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n)
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (c?.getRandomValues) return c.getRandomValues(bytes)
  // Older WeChat base libraries without a crypto object: Math.random (documented limit).
  for (let i = 0; i < n; i += 1) bytes[i] = Math.floor(Math.random() * 256)
  return bytes
}

export function newReceipt(): string {
  return Array.from(randomBytes(16), (b) => ALPHABET[b % 32]).join('')
}

export const formatReceipt = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-')
