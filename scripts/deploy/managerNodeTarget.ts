// The DeployTarget port over Tencent's management SDK, @cloudbase/manager-node (no hand-written
// HTTP). Credentials: TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (a CAM key of the account
// that owns the environment; see docs/deploy.md). The database and storage parts are exercised in
// tests against the fake CloudBase endpoint (tests/support/fakeCloudbase, `TCB_BASE_URL`); the
// functions part follows the SDK's documented API and is only run against a real environment.
import path from 'node:path'
import CloudBase from '@cloudbase/manager-node'
import type { CurrentCollection, CurrentFunction, FunctionSpec, IndexSpec, StorageRule, TimerTrigger } from './model'
import type { DatabaseTarget, DeployTarget, FunctionsTarget, StorageTarget } from './target'
import { STORAGE_RULE, UPLOAD_IGNORE } from './desired'

/** The deny-all rule, which is what the simple permission ADMINONLY (仅管理端可读写) means. */
const DENY_ALL = JSON.stringify({ read: false, write: false })

export interface ManagerCredentials {
  envId: string
  secretId: string
  secretKey: string
  token?: string
}

type Manager = InstanceType<typeof CloudBase>

/** What the deploy writes into a function's description, and reads back to know its code. */
export const describeFunction = (fn: FunctionSpec) => `民意通 ${fn.name} · code ${fn.codeDigest} · deployed by npm run deploy`
const DIGEST = /code ([0-9a-f]{16})/

function errorCode(error: unknown): string {
  const e = error as { code?: string; original?: { Code?: string } }
  return e?.code ?? e?.original?.Code ?? ''
}

export function createManagerDatabase(manager: Manager): DatabaseTarget {
  return {
    async readCollections(names) {
      const out: Record<string, CurrentCollection> = {}
      for (const name of names) {
        let described
        try {
          described = await manager.database.describeCollection(name)
        } catch (error) {
          if (/NotFound|NOT_EXIST|不存在/i.test(`${errorCode(error)} ${(error as Error).message}`)) continue
          throw error
        }
        out[name] = {
          rule: null,
          indexes: (described.Indexes ?? []).map(
            (i): IndexSpec => ({
              name: i.Name,
              unique: Boolean(i.Unique),
              keys: (i.Keys ?? []).map((k) => ({ name: k.Name ?? '', direction: String(k.Direction) === '-1' ? '-1' : '1' })),
            }),
          ),
        }
      }
      const existing = Object.keys(out)
      for (let i = 0; i < existing.length; i += 100) {
        const res = (await manager.permission.describeResourcePermission({ resourceType: 'collection', resources: existing.slice(i, i + 100) })) as unknown as {
          Data?: { PermissionList?: Array<{ Resource?: string; Permission?: string; SecurityRule?: string }> }
          PermissionList?: Array<{ Resource?: string; Permission?: string; SecurityRule?: string }>
        }
        for (const p of res.Data?.PermissionList ?? res.PermissionList ?? []) {
          if (!p.Resource || !out[p.Resource]) continue
          out[p.Resource]!.rule = p.Permission === 'CUSTOM' ? (p.SecurityRule ?? null) : p.Permission === 'ADMINONLY' ? DENY_ALL : (p.Permission ?? null)
        }
      }
      return out
    },
    async createCollection(name) {
      await manager.database.createCollectionIfNotExists(name)
    },
    async updateIndexes(collection, create, drop) {
      await manager.database.updateCollection(collection, {
        DropIndexes: drop.length ? drop.map((IndexName) => ({ IndexName })) : undefined,
        CreateIndexes: create.length
          ? create.map((i) => ({
              IndexName: i.name,
              MgoKeySchema: { MgoIsUnique: i.unique, MgoIndexKeys: i.keys.map((k) => ({ Name: k.name, Direction: k.direction })) },
            }))
          : undefined,
      })
    },
    async setCollectionRule(collection, rule) {
      await manager.permission.modifyResourcePermission({ resourceType: 'collection', resource: collection, permission: 'CUSTOM', securityRule: rule })
    },
  }
}

function timerCron(desc: string | undefined): string {
  if (!desc) return ''
  try {
    const parsed = JSON.parse(desc) as { cron?: string }
    return parsed.cron ?? desc
  } catch {
    return desc
  }
}

export function createManagerFunctions(manager: Manager): FunctionsTarget {
  const base = (fn: FunctionSpec) => ({
    name: fn.name,
    runtime: fn.runtime,
    handler: fn.handler,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    installDependency: fn.installDependency,
    ignore: UPLOAD_IGNORE,
  })
  return {
    async readFunctions(names) {
      const out: Record<string, CurrentFunction> = {}
      for (const name of names) {
        let info
        try {
          info = await manager.functions.getFunctionDetail(name)
        } catch (error) {
          if (/NotFound/i.test(errorCode(error)) || /not exist|不存在/i.test((error as Error).message)) continue
          throw error
        }
        let httpAccess: CurrentFunction['httpAccess'] = []
        try {
          const access = await manager.access.getAccessList({ name, limit: 100 })
          httpAccess = (access.APISet ?? [])
            .filter((a) => a.Name === name)
            .map((a) => ({ path: a.Path, authRequired: Boolean(a.EnableAuth) }))
            .sort((a, b) => (a.path < b.path ? -1 : 1))
        } catch {
          // HTTP access service not opened yet: no routes.
          httpAccess = []
        }
        out[name] = {
          runtime: info.Runtime,
          handler: info.Handler,
          timeout: info.Timeout,
          memorySize: info.MemorySize,
          installDependency: info.InstallDependency === 'TRUE',
          envVariables: Object.fromEntries((info.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
          triggers: (info.Triggers ?? [])
            .filter((t) => t.Type === 'timer')
            .map((t): TimerTrigger => ({ name: t.TriggerName ?? t.Name, type: 'timer', config: timerCron(t.TriggerDesc ?? t.Config) })),
          codeDigest: DIGEST.exec(info.Description ?? '')?.[1] ?? null,
          httpAccess,
        }
      }
      return out
    },
    async createFunction(fn) {
      await manager.functions.createFunction({
        func: { ...base(fn), envVariables: fn.envVariables, description: describeFunction(fn) },
        functionRootPath: path.dirname(fn.dir),
        force: false,
      })
    },
    async updateCode(fn) {
      await manager.functions.updateFunctionCode({ func: base(fn), functionRootPath: path.dirname(fn.dir) })
      await manager.functions.updateFunctionConfig({ name: fn.name, description: describeFunction(fn) })
    },
    async updateConfig(fn) {
      await manager.functions.updateFunctionConfig({
        name: fn.name,
        timeout: fn.timeout,
        memorySize: fn.memorySize,
        installDependency: fn.installDependency,
        envVariables: fn.envVariables,
      })
    },
    async updateTriggers(name, create, drop) {
      // A changed trigger keeps its name: drop the old one before creating the new one.
      for (const t of [...new Set([...drop, ...create.map((c) => c.name)])]) {
        if (drop.includes(t)) await manager.functions.deleteFunctionTrigger(name, t)
      }
      if (create.length) await manager.functions.createFunctionTriggers(name, create)
    },
    async setHttpAccess(name, access) {
      const existing = (await manager.access.getAccessList({ path: access.path, limit: 100 })).APISet?.find((a) => a.Path === access.path)
      if (!existing) {
        await manager.access.createAccess({ name, path: access.path, type: 1, auth: access.authRequired })
        return
      }
      if (existing.Name !== name) throw new Error(`HTTP path ${access.path} already routes to ${existing.Name}; move it in the console first`)
      if (Boolean(existing.EnableAuth) !== access.authRequired) await manager.access.switchPathAuth({ apiIds: [existing.APIId], auth: access.authRequired })
    },
  }
}

export function createManagerStorage(manager: Manager): StorageTarget {
  return {
    async readRule() {
      const { acl, rule } = await manager.storage.getStorageAcl({ withRule: true })
      if (acl === 'PRIVATE') return STORAGE_RULE // 仅创建者及管理员可读写: what the custom rule says
      if (acl === 'CUSTOM' && rule) return { read: rule.read as string | boolean, write: rule.write as string | boolean }
      return { read: acl, write: acl }
    },
    async setRule(rule: StorageRule) {
      await manager.storage.setStorageAcl('CUSTOM', { read: rule.read, write: rule.write } as never)
    },
  }
}

export function createManagerNodeTarget(credentials: ManagerCredentials): DeployTarget {
  const manager = new CloudBase({
    envId: credentials.envId,
    secretId: credentials.secretId,
    secretKey: credentials.secretKey,
    token: credentials.token,
  })
  return {
    label: `CloudBase environment ${credentials.envId} (@cloudbase/manager-node)`,
    database: createManagerDatabase(manager),
    functions: createManagerFunctions(manager),
    storage: createManagerStorage(manager),
  }
}

export { CloudBase }
