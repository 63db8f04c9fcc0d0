// The deployment as data. `DesiredState` is what the repository says CloudBase should look like
// (desired.ts reads it from deploy/collections.json and cloudfunctions/<fn>/config.json, plus the
// secrets of deploy/.env.<envId> or the shell); `CurrentState` is what a target reports it has;
// plan.ts turns the pair into a list of `Change`s, which is what `--dry-run` prints and what a
// deploy applies through the DeployTarget port (target.ts), one by one.

export interface IndexKey {
  name: string
  direction: '1' | '-1'
}

export interface IndexSpec {
  name: string
  unique: boolean
  keys: IndexKey[]
}

/** A collection's client-side security rule: the JSON CloudBase stores (`{"read":false,"write":false}`). */
export type SecurityRule = string

export interface CollectionSpec {
  name: string
  indexes: IndexSpec[]
  rule: SecurityRule
}

export interface TimerTrigger {
  name: string
  type: 'timer'
  /** CloudBase's 7-field cron: second minute hour day month weekday year. */
  config: string
}

/**
 * One HTTP access route (CloudBase HTTP 访问服务 / 云接入) to a function: config.json `httpAccess`,
 * mirrored by cloudbaserc.json `services`. A function may have several paths.
 */
export interface HttpAccess {
  /** Starts with `/`; unique in the environment. */
  path: string
  /** Whether CloudBase's own authentication is required in front of the function. */
  authRequired: boolean
}

export interface FunctionSpec {
  name: string
  /** The folder under cloudfunctions/ that is uploaded. */
  dir: string
  runtime: string
  handler: string
  timeout: number
  memorySize: number
  installDependency: boolean
  /** Values to set (secrets included: never print them; see plan.ts's `describeEnv`). */
  envVariables: Record<string, string>
  triggers: TimerTrigger[]
  /** WeChat open APIs the function calls (config.json `permissions.openapi`, uploaded with the code). */
  openapi: string[]
  /** HTTP access routes, for functions called over HTTP (config.json `httpAccess`), sorted by path. */
  httpAccess: HttpAccess[]
  /** sha256 of every uploaded file (bundle, package.json, config.json, fonts): the code's identity. */
  codeDigest: string
  /** Files uploaded, relative to `dir`, and their total size. */
  files: string[]
  bytes: number
}

/** The storage rule for residents' photos (仅创建者可读写). */
export interface StorageRule {
  read: string | boolean
  write: string | boolean
}

export interface DesiredState {
  envId: string
  collections: CollectionSpec[]
  functions: FunctionSpec[]
  storageRule: StorageRule
}

export interface CurrentCollection {
  indexes: IndexSpec[]
  rule: SecurityRule | null
}

export interface CurrentFunction {
  runtime: string
  handler: string
  timeout: number
  memorySize: number
  installDependency: boolean
  envVariables: Record<string, string>
  triggers: TimerTrigger[]
  /** From the function's description, written by the deploy after each upload; null if unknown. */
  codeDigest: string | null
  /** The HTTP access routes that point at this function. */
  httpAccess: HttpAccess[]
}

export interface CurrentState {
  /** `false` for a dry run without credentials: everything is planned as if the environment were empty. */
  known: boolean
  collections: Record<string, CurrentCollection>
  functions: Record<string, CurrentFunction>
  storageRule: StorageRule | null
}

export const EMPTY_STATE: CurrentState = { known: false, collections: {}, functions: {}, storageRule: null }

export type Change =
  | { kind: 'collection.create'; collection: string }
  | { kind: 'collection.indexes'; collection: string; create: IndexSpec[]; drop: string[] }
  | { kind: 'collection.rule'; collection: string; rule: SecurityRule; from: SecurityRule | null }
  | { kind: 'function.create'; fn: string }
  | { kind: 'function.code'; fn: string; from: string | null }
  | { kind: 'function.config'; fn: string; fields: string[]; env: EnvDiff }
  | { kind: 'function.triggers'; fn: string; create: TimerTrigger[]; drop: string[] }
  /** Routes `path` to `fn` (created when missing, its authentication switched when it differs). */
  | { kind: 'function.http'; fn: string; path: string; authRequired: boolean; from: 'missing' | 'auth' }
  | { kind: 'storage.rule'; rule: StorageRule; from: StorageRule | null }

export interface EnvDiff {
  added: string[]
  changed: string[]
  removed: string[]
}

export interface Plan {
  envId: string
  /** Whether the current state was read from the target (false: dry run against an unknown environment). */
  againstKnownState: boolean
  changes: Change[]
  /** Things the deploy will not do but the operator should know (extra indexes, for example). */
  notes: string[]
  /** Reasons the deploy must not run (a function with a runtime CloudBase cannot change, …). */
  blockers: string[]
}
