// The production store: CloudBase's document database through `@cloudbase/node-sdk`. A thin
// translation of the port's Mongo-style filters and updates into `db.command`; every port call is
// exactly one database request (except an insert that hits a duplicate key, see `insert`), so a
// conditional `update` stays one atomic single-request operation.
//
// Semantics that come from CloudBase itself, not from this file (the store contract pins them):
// - `update` returns CloudBase's `updated`, the number of documents actually CHANGED: an update
//   that matches but leaves a document as it was (same values) counts 0.
// - `where().update()` merges nested objects into dotted paths, so every `set` value is wrapped in
//   `_.set()` to replace it whole.
import type { CloudBase } from '@cloudbase/node-sdk'
import {
  MAX_FIND_LIMIT,
  type Collection,
  type CollectionName,
  type Filter,
  type FindOptions,
  type Operators,
  type Scalar,
  type Store,
  type StoredDoc,
  type Update,
} from '../../ports/store'

type Db = ReturnType<CloudBase['database']>
type Command = Db['command']
// The SDK's query and update values are loosely typed objects holding command instances.
type Condition = Record<string, unknown>

const DEFAULT_FIND_LIMIT = 100

/** Translates a port filter into a `where()` argument built from `db.command`. */
export function toCloudbaseQuery(_: Command, filter: Filter): unknown {
  const fields: Condition = {}
  let or: unknown = null
  for (const [path, condition] of Object.entries(filter)) {
    if (condition === undefined) continue
    if (path === '$or') {
      or = _.or((condition as Filter[]).map((sub) => toCloudbaseQuery(_, sub)))
      continue
    }
    fields[path] = isOperators(condition) ? toCommand(_, path, condition) : condition
  }
  if (!or) return fields
  return Object.keys(fields).length ? _.and([fields, or]) : or
}

function isOperators(value: unknown): value is Operators {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function toCommand(_: Command, path: string, ops: Operators): unknown {
  const commands: Array<{ and(other: unknown): unknown }> = []
  for (const [op, value] of Object.entries(ops)) {
    if (value === undefined) continue
    commands.push(operatorCommand(_, op, value, path))
  }
  if (!commands.length) throw new Error(`empty condition on ${path}`)
  // `_.gte(a).and(_.lt(b))`: the SDK encodes it as `$and` of the two conditions on the path.
  return commands.slice(1).reduce<unknown>((acc, c) => (acc as { and(o: unknown): unknown }).and(c), commands[0])
}

function operatorCommand(_: Command, op: string, value: unknown, path: string): { and(other: unknown): unknown } {
  switch (op) {
    case '$eq':
      return _.eq(value)
    case '$ne':
      return _.neq(value)
    case '$in':
      return _.in(value as Scalar[])
    case '$nin':
      return _.nin(value as Scalar[])
    case '$gt':
      return _.gt(value)
    case '$gte':
      return _.gte(value)
    case '$lt':
      return _.lt(value)
    case '$lte':
      return _.lte(value)
    case '$exists':
      return _.exists(value as boolean)
    default:
      throw new Error(`unsupported filter operator ${op} on ${path}`)
  }
}

/** Translates a port update into a `update()` argument; `null` when it changes nothing. */
export function toCloudbaseUpdate(_: Command, update: Update): Condition | null {
  const data: Condition = {}
  for (const [path, value] of Object.entries(update.set ?? {})) {
    // `_.set` replaces objects whole; without it the SDK would merge them into dotted paths.
    if (value !== undefined) data[path] = _.set(value)
  }
  for (const [path, by] of Object.entries(update.inc ?? {})) data[path] = _.inc(by)
  for (const path of update.unset ?? []) data[path] = _.remove()
  for (const [path, items] of Object.entries(update.push ?? {})) data[path] = _.push({ each: items })
  for (const [path, match] of Object.entries(update.pull ?? {})) data[path] = _.pull({ [match.field]: _.in(match.in) })
  return Object.keys(data).length ? data : null
}

/**
 * node-sdk throws on an error answer by default; with `throwOnCode: false` it hands back
 * `{ code, message }` instead. Either way the caller sees a thrown error carrying `code`.
 */
function checked<R>(res: R): R {
  const { code, message } = (res ?? {}) as { code?: unknown; message?: unknown }
  if (code) throw Object.assign(new Error(`[${String(code)}] ${String(message ?? '')}`), { code })
  return res
}

/** CloudBase answers a unique-index violation with this code (the `_id` index or any other). */
function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null
  if (!e) return false
  return e.code === 'DATABASE_DUPLICATE_WRITE' || (typeof e.message === 'string' && /E11000|duplicate key/i.test(e.message))
}

class CloudbaseCollection<T extends StoredDoc> implements Collection<T> {
  constructor(
    private readonly db: Db,
    private readonly name: CollectionName,
  ) {}

  private get _() {
    return this.db.command
  }

  private where(filter: Filter) {
    return this.db.collection(this.name).where(toCloudbaseQuery(this._, filter) as object)
  }

  async get(id: string): Promise<T | null> {
    // node-sdk's `doc().get()` answers `{ data: [doc] }`, an array.
    const res = checked(await this.db.collection(this.name).doc(id).get())
    const [doc] = (res.data ?? []) as T[]
    return doc ?? null
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    let query = this.where(filter)
    for (const [path, direction] of options.sort ?? []) query = query.orderBy(path, direction === -1 ? 'desc' : 'asc')
    if (options.skip) query = query.skip(options.skip)
    query = query.limit(Math.min(options.limit ?? DEFAULT_FIND_LIMIT, MAX_FIND_LIMIT))
    const res = checked(await query.get())
    return (res.data ?? []) as T[]
  }

  async count(filter: Filter): Promise<number> {
    const res = checked(await this.where(filter).count())
    return res.total
  }

  async insert(doc: T): Promise<boolean> {
    try {
      checked(await this.db.collection(this.name).add(doc))
      return true
    } catch (error) {
      // The same code covers every unique index: only an existing `_id` means "already there".
      if (isDuplicateKey(error) && (await this.get(doc._id)) !== null) return false
      throw error
    }
  }

  async update(filter: Filter, update: Update): Promise<number> {
    const data = toCloudbaseUpdate(this._, update)
    if (!data) return this.count(filter)
    const res = checked(await this.where(filter).update(data))
    return res.updated ?? 0
  }

  async remove(filter: Filter): Promise<number> {
    const res = checked(await this.where(filter).remove())
    return res.deleted ?? 0
  }
}

/** `app` is an initialised `@cloudbase/node-sdk` app: `tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })`. */
export function createCloudbaseStore(app: Pick<CloudBase, 'database'>): Store {
  const db = app.database()
  return {
    collection<T extends StoredDoc>(name: CollectionName): Collection<T> {
      return new CloudbaseCollection<T>(db, name)
    },
    async close() {
      // The SDK keeps no connection to close (keep-alive sockets close when idle).
    },
  }
}
