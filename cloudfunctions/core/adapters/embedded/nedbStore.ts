// The embedded default: one @seald-io/nedb datastore per collection, persisted as an append-only
// file under `<dataDir>/db/`. nedb serialises writes within the process, so each conditional
// update is atomic exactly as a CloudBase single-document update is. One process per folder.
import path from 'node:path'
import Datastore from '@seald-io/nedb'
import {
  COLLECTIONS,
  MAX_FIND_LIMIT,
  type Collection,
  type CollectionName,
  type Filter,
  type FindOptions,
  type Store,
  type StoredDoc,
  type Update,
} from '../../ports/store'

const INDEXES: Partial<Record<CollectionName, Array<{ fieldName: string; unique?: boolean; sparse?: boolean }>>> = {
  users: [{ fieldName: 'openid', unique: true }],
  stations: [{ fieldName: 'code', unique: true }],
  deputies: [{ fieldName: 'code', unique: true }],
  cases: [{ fieldName: 'residentId' }, { fieldName: 'stationId' }, { fieldName: 'status' }, { fieldName: 'trackingNo', unique: true }, { fieldName: 'terms' }, { fieldName: 'deadline.dueAt' }],
  notifications: [{ fieldName: 'recipientId' }],
  suggestions: [{ fieldName: 'deputyId' }, { fieldName: 'status' }, { fieldName: 'fanOutPending' }],
  reception_rules: [{ fieldName: 'stationId' }],
  reception_occurrences: [{ fieldName: 'stationId' }, { fieldName: 'date' }, { fieldName: 'outboxSize' }],
  reception_bookings: [{ fieldName: 'residentId' }, { fieldName: 'occurrenceId' }, { fieldName: 'status' }],
  insight_rollups: [{ fieldName: 'month' }],
  deputy_activities: [{ fieldName: 'deputyId' }],
}

export function toNedbQuery(filter: Filter): Record<string, unknown> {
  const query: Record<string, unknown> = {}
  for (const [key, condition] of Object.entries(filter)) {
    if (condition === undefined) continue
    if (key === '$or') {
      query.$or = (condition as Filter[]).map(toNedbQuery)
      continue
    }
    if (condition !== null && typeof condition === 'object' && !Array.isArray(condition)) {
      const ops = { ...(condition as Record<string, unknown>) }
      if ('$eq' in ops) {
        const value = ops.$eq
        delete ops.$eq
        query[key] = Object.keys(ops).length ? { ...ops, $in: [value] } : value
        continue
      }
      query[key] = ops
      continue
    }
    query[key] = condition
  }
  return query
}

export function toNedbUpdate(update: Update): Record<string, unknown> {
  const modifier: Record<string, unknown> = {}
  if (update.set && Object.keys(update.set).length) modifier.$set = update.set
  if (update.inc && Object.keys(update.inc).length) modifier.$inc = update.inc
  if (update.unset?.length) modifier.$unset = Object.fromEntries(update.unset.map((p) => [p, true]))
  if (update.push && Object.keys(update.push).length) {
    modifier.$push = Object.fromEntries(Object.entries(update.push).map(([field, items]) => [field, { $each: items }]))
  }
  if (update.pull && Object.keys(update.pull).length) {
    modifier.$pull = Object.fromEntries(
      Object.entries(update.pull).map(([field, match]) => [field, { [match.field]: { $in: match.in } }]),
    )
  }
  return modifier
}

class NedbCollection<T extends StoredDoc> implements Collection<T> {
  constructor(private readonly db: Datastore<T>) {}

  async get(id: string): Promise<T | null> {
    return ((await this.db.findOneAsync({ _id: id } as never)) as T | null) ?? null
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    let cursor = this.db.findAsync(toNedbQuery(filter) as never)
    if (options.sort?.length) cursor = cursor.sort(Object.fromEntries(options.sort))
    if (options.skip) cursor = cursor.skip(options.skip)
    cursor = cursor.limit(Math.min(options.limit ?? 100, MAX_FIND_LIMIT))
    return (await cursor) as T[]
  }

  async count(filter: Filter): Promise<number> {
    return await this.db.countAsync(toNedbQuery(filter) as never)
  }

  async insert(doc: T): Promise<boolean> {
    try {
      await this.db.insertAsync(doc)
      return true
    } catch (error) {
      if ((error as { errorType?: string }).errorType === 'uniqueViolated' && (error as { key?: unknown }).key === doc._id) {
        return false
      }
      throw error
    }
  }

  async update(filter: Filter, update: Update): Promise<number> {
    const modifier = toNedbUpdate(update)
    if (!Object.keys(modifier).length) return this.count(filter)
    const { numAffected } = await this.db.updateAsync(toNedbQuery(filter) as never, modifier as never, { multi: true })
    return numAffected
  }

  async remove(filter: Filter): Promise<number> {
    return await this.db.removeAsync(toNedbQuery(filter) as never, { multi: true })
  }
}

export interface NedbStoreOptions {
  /** Folder holding the data files; omit for an in-memory store (tests). */
  dataDir?: string
}

export async function openNedbStore(options: NedbStoreOptions = {}): Promise<Store> {
  const stores = new Map<CollectionName, Datastore<StoredDoc>>()
  for (const name of COLLECTIONS) {
    const db = options.dataDir
      ? new Datastore<StoredDoc>({ filename: path.join(options.dataDir, 'db', `${name}.db`) })
      : new Datastore<StoredDoc>({ inMemoryOnly: true })
    await db.loadDatabaseAsync()
    for (const index of INDEXES[name] ?? []) await db.ensureIndexAsync(index)
    if (options.dataDir) db.setAutocompactionInterval(10 * 60 * 1000)
    stores.set(name, db)
  }
  return {
    collection<T extends StoredDoc>(name: CollectionName): Collection<T> {
      const db = stores.get(name)
      if (!db) throw new Error(`unknown collection ${name}`)
      return new NedbCollection<T>(db as unknown as Datastore<T>)
    },
    async close() {
      for (const db of stores.values()) {
        db.stopAutocompaction()
        if (options.dataDir) await db.compactDatafileAsync()
      }
    },
  }
}
