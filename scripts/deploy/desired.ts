// What the repository says the CloudBase environment should hold. Data-driven: every folder under
// cloudfunctions/ with a config.json is a function (`core` is the shared code bundled into them),
// with its runtime, timeout, triggers, open-API permissions, HTTP path and declared variables in
// that config.json; collections, indexes and the rule come from deploy/collections.json.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { CollectionSpec, DesiredState, FunctionSpec, HttpAccess, IndexSpec, StorageRule, TimerTrigger } from './model'

/** The storage rule for residents' photos: 仅创建者可读写 (docs/deploy.md, "Storage"). */
export const STORAGE_RULE: StorageRule = { read: 'resource.openid == auth.openid', write: 'resource.openid == auth.openid' }

/**
 * Settings every function may read (cloudfunctions/core/config.ts, composition/cloudDeps.ts): set
 * on each function when given, in addition to the names its own config.json declares.
 */
export const SHARED_FUNCTION_VARIABLES = [
  'MINYI_PHONE_KEY',
  'MINYI_PHONE_KEY_PREVIOUS',
  'MINYI_TEMPLATES',
  'MINYI_MINIPROGRAM_STATE',
  'MINYI_DAILY_SUBMISSION_LIMIT',
  'MINYI_TRANSFER_WORKING_DAYS',
  'MINYI_PHOTO_UPLOAD_MAX_AGE_HOURS',
  'MINYI_AUTO_CLOSE_DAYS',
  'MINYI_PUSH_MAX_ATTEMPTS',
]

/** What is left out of a function's upload (cloudbaserc.json's `ignore`). */
export const UPLOAD_IGNORE = ['*.ts', 'node_modules', '.DS_Store']

interface FunctionConfigJson {
  runtime?: string
  handler?: string
  timeout?: number
  memorySize?: number
  installDependency?: boolean
  permissions?: { openapi?: string[] }
  triggers?: Array<{ name: string; type: string; config: string }>
  envVariables?: Record<string, string>
  /** HTTP access routes (cloudbaserc.json `services` mirrors them); `name` is a label only. */
  httpAccess?: Array<{ name?: string; path: string; authRequired?: boolean }>
  /** The former single-path form: refused with a pointer to `httpAccess`. */
  http?: unknown
}

const HTTP_PATH = /^\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/

export function readHttpAccess(name: string, config: FunctionConfigJson): HttpAccess[] {
  const where = `cloudfunctions/${name}/config.json`
  if (config.http !== undefined) throw new Error(`${where}: "http" is not read; list the paths in "httpAccess": [{ "name", "path", "authRequired" }]`)
  if (config.httpAccess === undefined) return []
  if (!Array.isArray(config.httpAccess)) throw new Error(`${where}: "httpAccess" must be a list of { name, path, authRequired }`)
  const seen = new Set<string>()
  return config.httpAccess
    .map((a): HttpAccess => {
      if (typeof a?.path !== 'string' || !HTTP_PATH.test(a.path)) throw new Error(`${where}: HTTP path ${JSON.stringify(a?.path)} must look like "/open311"`)
      if (seen.has(a.path)) throw new Error(`${where}: HTTP path ${a.path} is listed twice`)
      if (a.authRequired !== undefined && typeof a.authRequired !== 'boolean') throw new Error(`${where}: authRequired of ${a.path} must be true or false`)
      seen.add(a.path)
      return { path: a.path, authRequired: a.authRequired ?? false }
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

interface ManifestJson {
  securityRule: unknown
  collections: Array<{ name: string; indexes: Array<{ name: string; unique?: boolean; keys: Array<{ name: string; direction: string }> }> }>
}

/** The function folders: every folder under cloudfunctions/ with a config.json, except `core`. */
export function functionNames(root: string): string[] {
  const dir = path.join(root, 'cloudfunctions')
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'core' && fs.existsSync(path.join(dir, e.name, 'config.json')))
    .map((e) => e.name)
    .sort()
}

export function readCollections(root: string): CollectionSpec[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'deploy', 'collections.json'), 'utf8')) as ManifestJson
  const rule = JSON.stringify(manifest.securityRule)
  return manifest.collections.map((c) => ({
    name: c.name,
    rule,
    indexes: c.indexes.map(
      (i): IndexSpec => ({
        name: i.name,
        unique: Boolean(i.unique),
        keys: i.keys.map((k) => {
          if (k.direction !== '1' && k.direction !== '-1') throw new Error(`deploy/collections.json: ${c.name}.${i.name} direction must be "1" or "-1"`)
          return { name: k.name, direction: k.direction }
        }),
      }),
    ),
  }))
}

function matchesIgnore(rel: string): boolean {
  return UPLOAD_IGNORE.some((pattern) =>
    pattern.startsWith('*.') ? rel.endsWith(pattern.slice(1)) : rel === pattern || rel.startsWith(`${pattern}/`) || path.basename(rel) === pattern,
  )
}

function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name
    if (matchesIgnore(child)) continue
    if (entry.isDirectory()) out.push(...listFiles(dir, child))
    else out.push(child)
  }
  return out.sort()
}

/** The identity of what would be uploaded: file names and contents. */
export function codeDigest(dir: string, files: string[]): string {
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(file).update('\0')
    hash.update(fs.readFileSync(path.join(dir, file))).update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

export function readFunction(root: string, name: string, values: Record<string, string>): FunctionSpec {
  const dir = path.join(root, 'cloudfunctions', name)
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as FunctionConfigJson
  if (!fs.existsSync(path.join(dir, 'index.js'))) throw new Error(`cloudfunctions/${name}/index.js is missing: build the functions first`)
  const triggers: TimerTrigger[] = (config.triggers ?? []).map((t) => {
    if (t.type !== 'timer') throw new Error(`cloudfunctions/${name}/config.json: trigger ${t.name} has type ${t.type}; only timer triggers exist (use "httpAccess" for HTTP access)`)
    return { name: t.name, type: 'timer', config: t.config }
  })
  const declared = Object.keys(config.envVariables ?? {})
  const envVariables: Record<string, string> = {}
  for (const key of [...new Set([...declared, ...SHARED_FUNCTION_VARIABLES])].sort()) {
    const value = values[key] ?? config.envVariables?.[key] ?? ''
    if (value !== '') envVariables[key] = value
  }
  const files = listFiles(dir)
  const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0)
  return {
    name,
    dir,
    runtime: config.runtime ?? 'Nodejs18.15',
    handler: config.handler ?? 'index.main',
    timeout: config.timeout ?? 10,
    memorySize: config.memorySize ?? 256,
    installDependency: config.installDependency ?? true,
    envVariables,
    triggers,
    openapi: [...(config.permissions?.openapi ?? [])].sort(),
    httpAccess: readHttpAccess(name, config),
    codeDigest: codeDigest(dir, files),
    files,
    bytes,
  }
}

export function readDesiredState(root: string, envId: string, values: Record<string, string>): DesiredState {
  return {
    envId,
    collections: readCollections(root),
    functions: functionNames(root).map((name) => readFunction(root, name, values)),
    storageRule: STORAGE_RULE,
  }
}
