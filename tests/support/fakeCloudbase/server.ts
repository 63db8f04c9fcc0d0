// A fake CloudBase database endpoint for tests: the REAL `@cloudbase/node-sdk` (3.18, with
// `@cloudbase/database` 1.4) is pointed at it and builds, signs and sends its real HTTP requests.
//
// What it emulates
// - The transport node-sdk uses: `POST <serviceUrl>?env=<env>&seqId=…` with a JSON body
//   `{ action, envName, collectionName, query, data, order, offset, limit, queryType, multi,
//   merge, upsert, … }` where `query`, `data` (a string, or an array of strings for inserts) and
//   `order` are EJSON (canonical) strings. Point the SDK here with
//   `tcb.init({ env, secretId: 'x', secretKey: 'y', serviceUrl: fake.url })` (`fake.sdkConfig`) or
//   `TCB_CONTEXT_CNFG='{"URL":"<fake.url>"}'`.
// - The database actions the SDK sends for collection/document/query calls, with the answer shapes
//   it reads back:
//     database.getDocument       → { data: { list: [EJSON strings], offset, limit } }  (doc().get(), where().get())
//     database.calculateDocument → { data: { total } }                                    (count())
//     database.insertDocument    → { data: { insertedIds: [...] } }                       (add(), doc().create())
//     database.modifyDocument    → { data: { updated, upsert_id } }                       (update(), doc().set())
//     database.removeDocument    → { data: { deleted } }                                  (remove())
//     database.addCollection     → { data: {} }                                            (createCollection())
//   Errors are answered like CloudBase does, HTTP 200 with `{ code, message, requestId }`, which
//   node-sdk turns into a thrown error carrying `code`: `DATABASE_DUPLICATE_WRITE` for a unique-index
//   violation (the `_id` index or another one), `DATABASE_COLLECTION_NOT_EXIST` for a collection
//   that was not created, `DATABASE_REQUEST_FAILED` for an update MongoDB would refuse.
// - MongoDB semantics (engine.ts): query operators, dotted paths (also through arrays), BSON sort
//   order, `$set/$unset/$inc/$push/$pull`, ordered inserts, unique indexes, `updated` counting only
//   documents that actually changed, and each request applied atomically.
// - Collections: pass `collections` (e.g. deploy/collections.json's list, with unique indexes) and
//   only those exist, as in a real environment; omit it and any collection appears on first use.
//
// What it does not
// - No signature check (it only requires an Authorization header), no permissions/security rules,
//   no `_openid` stamping (the admin SDK does not stamp it either), no request limits or latency.
// - No transactions (`transactionId` is refused), aggregation, projections, geo, regex, watch,
//   `$elemMatch/$all/$size`, `$addToSet/$pop/$min/$max/$mul/$rename`, `$push` with `$sort/$slice`:
//   they answer an error rather than being half-emulated.
// - Non-database actions other than storage (functions, wx.openApi…).
//
// Storage (storage.ts): `storage.getUploadMetadata` with the COS-style PUT upload to an address the
// fake itself serves (`/cos/<path>`), `storage.batchGetDownloadUrl` with temp URLs it serves (GET
// and HEAD, so `getFileInfo` and `downloadFile` work), and `storage.batchDeleteFile`. Stored
// objects are in `fake.storage.files`; storage requests are logged in `storageRequests`.
//
// The management API, for @cloudbase/manager-node (the deploy, scripts/deploy/managerNodeTarget.ts)
// - Tencent Cloud API 3.0 calls to the `tcb` service: `POST <cloudApiUrl>` with the action in
//   `X-TC-Action` and a JSON body, answered `{ Response: { …, RequestId } }` or
//   `{ Response: { Error: { Code, Message }, RequestId } }`. Point the SDK here with
//   `TCB_BASE_URL=<fake.cloudApiUrl>` (the SDK reads it for every request). The signature is not
//   checked (a `TC3-HMAC-SHA256` Authorization header is required).
// - Actions: DescribeEnvInfo (this environment, one database instance, one storage bucket),
//   DescribeTable / CreateTable / UpdateTable (CreateIndexes, DropIndexes) / ListTables on the same
//   collections the database actions use, DescribeResourcePermission / ModifyResourcePermission
//   for collections (the stored rule is reported back; not enforced, see above), and
//   DescribeStorageSafeRule / ModifyStorageSafeRule.
//
// Note for callers: outside Tencent Cloud, node-sdk probes http://metadata.tencentyun.com twice before
// EVERY request (30 ms timeout each, never cached when it fails), ~60 ms per call. Set
// `process.env.TENCENTCLOUD = 'true'` in tests (what a Tencent Cloud host looks like) to skip it.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { EJSON } from 'bson'
import { FakeDatabase, FakeDbError, type CollectionSpec, type Order } from './engine'
import { FakeStorage, FakeStorageError } from './storage'

export interface FakeCloudbaseOptions {
  /** The environment id the SDK must name; default `test-env`. */
  env?: string
  /** When given, only these collections exist (with their unique indexes), as on CloudBase. */
  collections?: CollectionSpec[]
}

export interface FakeRequest {
  action: string
  collectionName?: string
  /** `database.getDocument` only: the page the SDK asked for. */
  offset?: number
  limit?: number
}

export interface FakeCloudbase {
  /** The `serviceUrl` for node-sdk, `http://127.0.0.1:<port>/admin`. */
  url: string
  /** The management API for manager-node (`TCB_BASE_URL`), `http://127.0.0.1:<port>/cloudapi`. */
  cloudApiUrl: string
  /** Every management action received, in order. */
  cloudApiRequests: string[]
  /** Collection permissions and the storage rule, as set through the management API. */
  rules: { collections: Map<string, { permission: string; rule: string | null }>; storage: { acl: string; rule: string | null } }
  env: string
  /** `tcb.init(fake.sdkConfig)` points the real SDK here. */
  sdkConfig: { env: string; secretId: string; secretKey: string; serviceUrl: string }
  /** Every database request received, in order (for asserting how many round trips a call costs). */
  requests: FakeRequest[]
  db: FakeDatabase
  /** Cloud storage: the stored objects are in `storage.files` (by path). */
  storage: FakeStorage
  /** Every `storage.*` action received, in order. */
  storageRequests: string[]
  close(): Promise<void>
}

type Body = Record<string, unknown>

function parseEjson(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined || value === '') return {}
  if (typeof value !== 'string') throw new FakeDbError('INVALID_PARAM', `${what} must be an EJSON string`)
  try {
    return EJSON.parse(value, { relaxed: true }) as Record<string, unknown>
  } catch {
    throw new FakeDbError('INVALID_PARAM', `${what} is not valid EJSON`)
  }
}

function parseOrder(value: unknown): Order {
  if (value === undefined) return []
  const parsed = parseEjson(value, 'order') as unknown
  // The SDK sends `{ path: 1 | -1 }`; older clients send `[{ field, direction }]`.
  if (Array.isArray(parsed)) {
    return parsed.map((o: { field: string; direction: string }) => [o.field, o.direction === 'desc' ? -1 : 1])
  }
  return Object.entries(parsed as Record<string, number>).map(([path, dir]) => {
    if (dir !== 1 && dir !== -1) throw new FakeDbError('INVALID_PARAM', `order direction of ${path} must be 1 or -1`)
    return [path, dir]
  })
}

function collectionName(body: Body): string {
  if (typeof body.collectionName !== 'string' || !body.collectionName) {
    throw new FakeDbError('INVALID_PARAM', 'collectionName is required')
  }
  return body.collectionName
}

function handle(db: FakeDatabase, body: Body): unknown {
  if (body.transactionId) {
    throw new FakeDbError('DATABASE_REQUEST_FAILED', 'transactions are not emulated by the fake endpoint')
  }
  if (body.projection !== undefined) {
    throw new FakeDbError('DATABASE_REQUEST_FAILED', 'projections are not emulated by the fake endpoint')
  }
  const stringify = (doc: unknown) => EJSON.stringify(doc as never, { relaxed: false })
  switch (body.action) {
    case 'database.getDocument': {
      const offset = Number(body.offset ?? 0)
      const limit = Math.min(Number(body.limit ?? 100), 1000)
      const list = db.find(collectionName(body), parseEjson(body.query, 'query'), { order: parseOrder(body.order), offset, limit })
      return { list: list.map(stringify), offset, limit }
    }
    case 'database.calculateDocument':
      return { total: db.count(collectionName(body), parseEjson(body.query, 'query')) }
    case 'database.insertDocument': {
      const raw = Array.isArray(body.data) ? body.data : [body.data]
      const docs = raw.map((d) => parseEjson(d, 'data'))
      return { insertedIds: db.insert(collectionName(body), docs) }
    }
    case 'database.modifyDocument': {
      const result = db.update(collectionName(body), parseEjson(body.query, 'query'), parseEjson(body.data, 'data'), {
        multi: body.multi !== false,
        replace: body.merge === false,
        upsert: body.upsert === true,
      })
      return { updated: result.updated, upsert_id: result.upsertedId }
    }
    case 'database.removeDocument':
      return { deleted: db.remove(collectionName(body), parseEjson(body.query, 'query'), body.multi !== false) }
    case 'database.addCollection':
      db.createCollection({ name: collectionName(body) })
      return {}
    default:
      throw new FakeDbError('INVALID_ACTION', `action ${String(body.action)} is not emulated by the fake endpoint`)
  }
}

type Rules = FakeCloudbase['rules']

class CloudApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

function handleCloudApi(db: FakeDatabase, rules: Rules, env: string, action: string, body: Body): Record<string, unknown> {
  if (body.EnvId !== undefined && body.EnvId !== env) throw new CloudApiError('ResourceNotFound.Env', `environment ${String(body.EnvId)} does not exist`)
  const table = () => {
    if (typeof body.TableName !== 'string' || !body.TableName) throw new CloudApiError('InvalidParameter', 'TableName is required')
    return body.TableName
  }
  const describe = (name: string) => {
    const found = db.describeCollection(name)
    if (!found) throw new CloudApiError('ResourceNotFound', `集合 ${name} 不存在`)
    return found
  }
  switch (action) {
    case 'DescribeEnvInfo':
      if (body.EnvId !== env) throw new CloudApiError('ResourceNotFound.Env', `environment ${String(body.EnvId)} does not exist`)
      return {
        EnvInfo: {
          EnvBaseInfo: {
            EnvId: env,
            Alias: env,
            Status: 'NORMAL',
            Databases: [{ InstanceId: `${env}-db`, Region: 'ap-shanghai', Status: 'RUNNING' }],
            Storages: [{ Region: 'ap-shanghai', Bucket: `${env}-bucket`, CdnDomain: `${env}.tcb.qcloud.la`, AppId: '1250000000' }],
            Functions: [{ Namespace: env, Region: 'ap-shanghai' }],
            LogServices: [],
            StaticStorages: [],
          },
        },
      }
    case 'DescribeTable': {
      const found = describe(table())
      return {
        IndexNum: found.indexes.length + 1,
        Indexes: [
          { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true, Size: 0, Accesses: { Ops: 0, Since: '' } },
          ...found.indexes.map((i) => ({
            Name: i.name,
            Keys: i.keys.map((k) => ({ Name: k.name, Direction: String(k.direction ?? '1') })),
            Unique: Boolean(i.unique),
            Size: 0,
            Accesses: { Ops: 0, Since: '' },
          })),
        ],
      }
    }
    case 'CreateTable': {
      const name = table()
      if (db.hasCollection(name)) throw new CloudApiError('ResourceInUse', `集合 ${name} 已存在`)
      db.createCollection({ name })
      return {}
    }
    case 'UpdateTable': {
      const name = table()
      describe(name)
      for (const drop of (body.DropIndexes as Array<{ IndexName: string }> | undefined) ?? []) {
        try {
          db.dropIndex(name, drop.IndexName)
        } catch (error) {
          throw new CloudApiError('ResourceNotFound', (error as Error).message)
        }
      }
      type Create = { IndexName: string; MgoKeySchema: { MgoIsUnique?: boolean; MgoIndexKeys: Array<{ Name: string; Direction: string }> } }
      for (const create of (body.CreateIndexes as Create[] | undefined) ?? []) {
        try {
          db.createIndex(name, {
            name: create.IndexName,
            unique: Boolean(create.MgoKeySchema?.MgoIsUnique),
            keys: (create.MgoKeySchema?.MgoIndexKeys ?? []).map((k) => ({ name: k.Name, direction: k.Direction })),
          })
        } catch (error) {
          throw new CloudApiError('FailedOperation', (error as Error).message)
        }
      }
      return {}
    }
    case 'ListTables': {
      const names = db.collectionNames()
      return { Tables: names.map((TableName) => ({ TableName, Count: db.describeCollection(TableName)!.count })), Pager: { Offset: 0, Limit: names.length, Total: names.length } }
    }
    case 'DescribeResourcePermission': {
      const wanted = (body.Resources as string[] | undefined) ?? [...rules.collections.keys()]
      const list = wanted
        .filter((r) => db.hasCollection(r))
        .map((r) => {
          const p = rules.collections.get(r) ?? { permission: 'PRIVATE', rule: null }
          return { ResourceType: 'collection', Resource: r, Permission: p.permission, ...(p.rule ? { SecurityRule: p.rule } : {}) }
        })
      return { Data: { TotalCount: list.length, PermissionList: list } }
    }
    case 'ModifyResourcePermission': {
      if (body.ResourceType !== 'collection') throw new CloudApiError('InvalidParameter', 'only collection permissions are emulated')
      const name = String(body.Resource)
      describe(name)
      if (body.Permission === 'CUSTOM') JSON.parse(String(body.SecurityRule))
      rules.collections.set(name, { permission: String(body.Permission), rule: body.Permission === 'CUSTOM' ? String(body.SecurityRule) : null })
      return { Data: { Success: true } }
    }
    case 'DescribeStorageSafeRule':
      return { AclTag: rules.storage.acl, ...(rules.storage.rule ? { Rule: rules.storage.rule } : {}) }
    case 'ModifyStorageSafeRule':
      if (body.Bucket !== `${env}-bucket`) throw new CloudApiError('ResourceNotFound', `bucket ${String(body.Bucket)} does not exist`)
      rules.storage = { acl: String(body.AclTag), rule: body.AclTag === 'CUSTOM' ? String(body.Rule) : null }
      return {}
    default:
      throw new CloudApiError('UnsupportedOperation', `action ${action} is not emulated by the fake endpoint`)
  }
}

export async function startFakeCloudbase(options: FakeCloudbaseOptions = {}): Promise<FakeCloudbase> {
  const env = options.env ?? 'test-env'
  const db = new FakeDatabase(Boolean(options.collections))
  for (const spec of options.collections ?? []) db.createCollection(spec)
  const requests: FakeRequest[] = []
  const cloudApiRequests: string[] = []
  // A new environment: collections 仅创建者可读写 (PRIVATE), storage 所有用户可读 (READONLY), until set.
  const rules: Rules = { collections: new Map(), storage: { acl: 'READONLY', rule: null } }
  const storageRequests: string[] = []
  let baseUrl = ''
  const storage = new FakeStorage(env, () => baseUrl)
  let counter = 0

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const requestId = `fake-${++counter}`
      const answer = (payload: Record<string, unknown>) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify({ requestId, ...payload }))
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      if (req.method === 'POST' && url.pathname === '/cloudapi') {
        const reply = (response: Record<string, unknown>) => {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
          res.end(JSON.stringify({ Response: { ...response, RequestId: requestId } }))
        }
        const action = String(req.headers['x-tc-action'] ?? '')
        cloudApiRequests.push(action)
        try {
          if (!String(req.headers.authorization ?? '').startsWith('TC3-HMAC-SHA256 ')) {
            throw new CloudApiError('AuthFailure.SignatureFailure', 'a TC3-HMAC-SHA256 signature is required')
          }
          reply(handleCloudApi(db, rules, env, action, JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Body))
        } catch (error) {
          const code = error instanceof CloudApiError ? error.code : 'InternalError'
          reply({ Error: { Code: code, Message: (error as Error).message } })
        }
        return
      }
      if (url.pathname.startsWith('/cos/')) {
        storage.serveCos(req, url, Buffer.concat(chunks), res)
        return
      }
      if (req.method !== 'POST' || url.pathname !== '/admin') {
        res.writeHead(404).end()
        return
      }
      try {
        if (!req.headers.authorization) throw new FakeDbError('MISSING_CREDENTIALS', 'Authorization header is missing')
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body
        if (body.envName !== env || url.searchParams.get('env') !== env) {
          throw new FakeDbError('INVALID_ENV', `environment ${String(body.envName)} does not exist (this endpoint serves ${env})`)
        }
        if (typeof body.action === 'string' && body.action.startsWith('storage.')) {
          storageRequests.push(body.action)
          answer({ data: storage.handle(body) })
          return
        }
        if (typeof body.action !== 'string' || !body.action.startsWith('database.')) {
          throw new FakeDbError('INVALID_ACTION', `action ${String(body.action)} is not emulated by the fake endpoint`)
        }
        const logged: FakeRequest = { action: body.action, collectionName: body.collectionName as string | undefined }
        if (body.action === 'database.getDocument' && body.queryType === 'WHERE') {
          logged.offset = Number(body.offset ?? 0)
          logged.limit = Number(body.limit)
        }
        requests.push(logged)
        answer({ data: handle(db, body) })
      } catch (error) {
        if (error instanceof FakeDbError || error instanceof FakeStorageError) answer({ code: error.code, message: `[${error.code}] ${error.message}` })
        else answer({ code: 'SYS_ERR', message: `[SYS_ERR] ${(error as Error).message}` })
      }
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}/admin`
  baseUrl = `http://127.0.0.1:${port}`
  return {
    url,
    cloudApiUrl: `http://127.0.0.1:${port}/cloudapi`,
    cloudApiRequests,
    rules,
    env,
    sdkConfig: { env, secretId: 'fake-secret-id', secretKey: 'fake-secret-key', serviceUrl: url },
    requests,
    db,
    storage,
    storageRequests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // node-sdk keeps connections alive; drop them so the server (and jest) can finish.
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
