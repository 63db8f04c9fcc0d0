// The port the deploy talks to CloudBase through. Three parts, so that a test can put the real
// SDK on the part a local endpoint can answer (the database, storage rules) and a recording
// stand-in on the rest (function uploads go to COS, which nothing local emulates).
import type { CurrentCollection, CurrentFunction, FunctionSpec, HttpAccess, IndexSpec, SecurityRule, StorageRule, TimerTrigger } from './model'

export interface DatabaseTarget {
  /** The named collections that exist, with their indexes and client security rule. */
  readCollections(names: string[]): Promise<Record<string, CurrentCollection>>
  createCollection(name: string): Promise<void>
  updateIndexes(collection: string, create: IndexSpec[], drop: string[]): Promise<void>
  setCollectionRule(collection: string, rule: SecurityRule): Promise<void>
}

export interface FunctionsTarget {
  /** The named functions that exist, with what the deploy compares. */
  readFunctions(names: string[]): Promise<Record<string, CurrentFunction>>
  /** Creates the function with its code and configuration (variables included), and records its code digest. */
  createFunction(fn: FunctionSpec): Promise<void>
  /** Uploads the code (config.json and its open-API permissions travel with it) and records its digest. */
  updateCode(fn: FunctionSpec): Promise<void>
  /** Timeout, memory, handler, installDependency and the full set of variables. */
  updateConfig(fn: FunctionSpec): Promise<void>
  updateTriggers(fn: string, create: TimerTrigger[], drop: string[]): Promise<void>
  /**
   * Routes `access.path` to the function with that authentication: creates the route when it is
   * missing, switches its authentication when it differs, does nothing when it already matches.
   */
  setHttpAccess(fn: string, access: HttpAccess): Promise<void>
}

export interface StorageTarget {
  readRule(): Promise<StorageRule | null>
  setRule(rule: StorageRule): Promise<void>
}

export interface DeployTarget {
  /** For the report: where this deploy goes. */
  label: string
  database: DatabaseTarget
  functions: FunctionsTarget
  storage: StorageTarget
}
