// The functions' environment variables: from a git-ignored deploy/.env.<envId> (KEY=value lines)
// or the shell (the shell wins). MINYI_PHONE_KEY is required and must look like
// `openssl rand -hex 32`: 64 hex characters with no visible pattern.
import fs from 'node:fs'
import path from 'node:path'

/** Reads KEY=value lines; `#` comments and blank lines are skipped, quotes around a value are dropped. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    if (eq <= 0) throw new Error(`deploy env file: cannot read the line "${line.slice(0, 40)}" (expected KEY=value)`)
    const key = line.slice(0, eq).trim().replace(/^export\s+/, '')
    let value = line.slice(eq + 1).trim()
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) value = value.slice(1, -1)
    out[key] = value
  }
  return out
}

export function envFilePath(root: string, envId: string): string {
  return path.join(root, 'deploy', `.env.${envId}`)
}

export function loadDeployEnv(root: string, envId: string, shell: NodeJS.ProcessEnv): { values: Record<string, string>; file: string | null } {
  const file = envFilePath(root, envId)
  const fromFile = fs.existsSync(file) ? parseEnvFile(fs.readFileSync(file, 'utf8')) : {}
  const values: Record<string, string> = { ...fromFile }
  for (const [key, value] of Object.entries(shell)) if (key.startsWith('MINYI_') && value !== undefined && value !== '') values[key] = value
  return { values, file: fs.existsSync(file) ? file : null }
}

function entropyBitsPerChar(text: string): number {
  const counts = new Map<string, number>()
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  let bits = 0
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length)
  return bits
}

/**
 * Why a phone key is unacceptable, or null when it is fine. Weak means: not exactly 64 hex
 * characters (32 bytes), or low entropy: fewer than 20 distinct bytes of 32, under 3 bits per hex
 * character, or a repeating pattern. A key from `openssl rand -hex 32` passes (a random key
 * fails these by chance far less often than once in a billion).
 */
export function phoneKeyProblem(key: string | undefined): string | null {
  if (!key) return 'MINYI_PHONE_KEY is missing: generate one with `openssl rand -hex 32` and put it in deploy/.env.<envId>'
  if (!/^[0-9a-fA-F]{64}$/.test(key)) return 'MINYI_PHONE_KEY must be exactly 64 hex characters (32 bytes, `openssl rand -hex 32`)'
  const bytes = Buffer.from(key, 'hex')
  const distinct = new Set(bytes).size
  if (distinct < 20) return `MINYI_PHONE_KEY is weak: only ${distinct} distinct bytes of 32 (not random)`
  if (entropyBitsPerChar(key.toLowerCase()) < 3) return 'MINYI_PHONE_KEY is weak: too little entropy (not random)'
  for (let period = 1; period <= 16; period++) {
    if (bytes.every((b, i) => i < period || b === bytes[i - period])) return 'MINYI_PHONE_KEY is weak: it repeats a pattern'
  }
  return null
}

/** Refusals for the whole set of values (null when it may be deployed). */
export function envProblems(values: Record<string, string>): string[] {
  const problems: string[] = []
  const key = phoneKeyProblem(values.MINYI_PHONE_KEY)
  if (key) problems.push(key)
  for (const previous of (values.MINYI_PHONE_KEY_PREVIOUS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!/^[0-9a-fA-F]{64}$/.test(previous)) problems.push('MINYI_PHONE_KEY_PREVIOUS must be 64 hex characters (the key being rotated away from)')
    if (previous.toLowerCase() === values.MINYI_PHONE_KEY?.toLowerCase()) problems.push('MINYI_PHONE_KEY_PREVIOUS is the same key as MINYI_PHONE_KEY')
  }
  if (values.MINYI_TEMPLATES) {
    try {
      JSON.parse(values.MINYI_TEMPLATES)
    } catch {
      problems.push('MINYI_TEMPLATES is not valid JSON')
    }
  }
  return problems
}

/** Variables that must never reach a deployed function (they redirect the SDKs or enable the dev sign-in). */
export const FORBIDDEN_FUNCTION_VARIABLES = ['TCB_CONTEXT_CNFG', 'MINYI_DEV_NOW', 'MINYI_KEY_FILE']
