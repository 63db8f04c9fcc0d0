// A recording stand-in for the DeployTarget port: holds an environment's state in memory and
// records every call, so a test can run the whole deploy without an account, check what it did,
// and run it again to see that the second run changes nothing.
import type { CurrentCollection, CurrentFunction, StorageRule } from './model'
import type { DatabaseTarget, DeployTarget, FunctionsTarget, StorageTarget } from './target'

export interface MemoryEnvironment {
  collections: Record<string, CurrentCollection>
  functions: Record<string, CurrentFunction & { openapi: string[]; files: string[] }>
  storageRule: StorageRule | null
}

export interface RecordingTarget extends DeployTarget {
  env: MemoryEnvironment
  /** Every call that changed something, in order (`createCollection cases`, …). */
  calls: string[]
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

export function createRecordingDatabase(env: MemoryEnvironment, calls: string[]): DatabaseTarget {
  return {
    async readCollections(names) {
      return clone(Object.fromEntries(names.filter((n) => env.collections[n]).map((n) => [n, env.collections[n]!])))
    },
    async createCollection(name) {
      calls.push(`createCollection ${name}`)
      if (env.collections[name]) throw new Error(`collection ${name} already exists`)
      env.collections[name] = { indexes: [], rule: null }
    },
    async updateIndexes(name, create, drop) {
      calls.push(`updateIndexes ${name} +${create.map((i) => i.name).join(',')} -${drop.join(',')}`)
      const c = env.collections[name]!
      c.indexes = [...c.indexes.filter((i) => !drop.includes(i.name)), ...clone(create)]
    },
    async setCollectionRule(name, rule) {
      calls.push(`setCollectionRule ${name}`)
      env.collections[name]!.rule = rule
    },
  }
}

export function createRecordingFunctions(env: MemoryEnvironment, calls: string[]): FunctionsTarget {
  return {
    async readFunctions(names) {
      return clone(Object.fromEntries(names.filter((n) => env.functions[n]).map((n) => [n, env.functions[n]!])))
    },
    async createFunction(fn) {
      calls.push(`createFunction ${fn.name}`)
      if (env.functions[fn.name]) throw new Error(`function ${fn.name} already exists`)
      env.functions[fn.name] = {
        runtime: fn.runtime,
        handler: fn.handler,
        timeout: fn.timeout,
        memorySize: fn.memorySize,
        installDependency: fn.installDependency,
        envVariables: { ...fn.envVariables },
        triggers: [],
        codeDigest: fn.codeDigest,
        httpAccess: [],
        openapi: [...fn.openapi],
        files: [...fn.files],
      }
    },
    async updateCode(fn) {
      calls.push(`updateCode ${fn.name}`)
      Object.assign(env.functions[fn.name]!, { codeDigest: fn.codeDigest, openapi: [...fn.openapi], files: [...fn.files] })
    },
    async updateConfig(fn) {
      calls.push(`updateConfig ${fn.name}`)
      Object.assign(env.functions[fn.name]!, {
        handler: fn.handler,
        timeout: fn.timeout,
        memorySize: fn.memorySize,
        installDependency: fn.installDependency,
        envVariables: { ...fn.envVariables },
      })
    },
    async updateTriggers(name, create, drop) {
      calls.push(`updateTriggers ${name} +${create.map((t) => t.name).join(',')} -${drop.join(',')}`)
      const f = env.functions[name]!
      f.triggers = [...f.triggers.filter((t) => !drop.includes(t.name) && !create.some((c) => c.name === t.name)), ...clone(create)]
    },
    async setHttpAccess(name, access) {
      calls.push(`setHttpAccess ${name} ${access.path}${access.authRequired ? ' auth' : ''}`)
      for (const [other, f] of Object.entries(env.functions)) {
        if (other !== name && f.httpAccess.some((a) => a.path === access.path)) throw new Error(`HTTP path ${access.path} already routes to ${other}`)
      }
      const f = env.functions[name]!
      f.httpAccess = [...f.httpAccess.filter((a) => a.path !== access.path), { ...access }].sort((a, b) => (a.path < b.path ? -1 : 1))
    },
  }
}

export function createRecordingStorage(env: MemoryEnvironment, calls: string[]): StorageTarget {
  return {
    async readRule() {
      return env.storageRule ? { ...env.storageRule } : null
    },
    async setRule(rule) {
      calls.push('setStorageRule')
      env.storageRule = { ...rule }
    },
  }
}

export function createRecordingTarget(env: MemoryEnvironment = { collections: {}, functions: {}, storageRule: null }): RecordingTarget {
  const calls: string[] = []
  return {
    label: 'recording stand-in (in memory)',
    env,
    calls,
    database: createRecordingDatabase(env, calls),
    functions: createRecordingFunctions(env, calls),
    storage: createRecordingStorage(env, calls),
  }
}
