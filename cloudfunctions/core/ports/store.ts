// The document store as the domain sees it. It is deliberately the common ground of CloudBase's
// database and the embedded store: single-document updates are atomic, and every rule that must
// hold under concurrency is one conditional `update` whose returned count says whether it happened.

export type Scalar = string | number | boolean | null

export interface Operators {
  $eq?: Scalar
  $ne?: Scalar
  $in?: Scalar[]
  $nin?: Scalar[]
  $gt?: number | string
  $gte?: number | string
  $lt?: number | string
  $lte?: number | string
  $exists?: boolean
}

/** Field paths may be dotted (`'credits.progress'`). A plain value means equality. */
export type Filter = { [path: string]: Scalar | Operators | Filter[] | undefined } & { $or?: Filter[] }

export interface Update {
  /** Replace the value at each path (objects are replaced whole, not merged). */
  set?: Record<string, unknown>
  /** Add to numeric fields (missing fields count as 0). */
  inc?: Record<string, number>
  /** Remove these paths. */
  unset?: string[]
  /** Append these items to array fields (in order). */
  push?: Record<string, unknown[]>
  /** Remove array items whose own `field` is one of the values: `{ outbox: { field: 'id', in: [...] } }`. */
  pull?: Record<string, { field: string; in: Scalar[] }>
}

export interface FindOptions {
  sort?: Array<[path: string, direction: 1 | -1]>
  skip?: number
  /** At most 1000 (CloudBase's limit in functions); default 100. */
  limit?: number
}

export interface StoredDoc {
  _id: string
}

export interface Collection<T extends StoredDoc> {
  get(id: string): Promise<T | null>
  find(filter: Filter, options?: FindOptions): Promise<T[]>
  count(filter: Filter): Promise<number>
  /** Inserts a new document; `false` when a document with that `_id` already exists. */
  insert(doc: T): Promise<boolean>
  /** Applies `update` to every matching document; returns how many were updated. */
  update(filter: Filter, update: Update): Promise<number>
  remove(filter: Filter): Promise<number>
}

export const COLLECTIONS = [
  'users',
  'regions',
  'stations',
  'deputies',
  'units',
  'cases',
  'notifications',
  'requests',
  'counters',
  'push_log',
  'knowledge',
  'term_stats',
  'reception_rules',
  'reception_occurrences',
  'reception_bookings',
  'suggestions',
  'photo_uploads',
  'audit_log',
  'livelihood_rounds',
  'livelihood_proposals',
  'livelihood_projects',
  'ballot_tokens',
  'ballots',
  'invitations',
  'api_keys',
  'exports',
  'webhook_nonces',
  'routing',
  'insight_rollups',
  'deputy_activities',
  'record_assessments',
] as const
export type CollectionName = (typeof COLLECTIONS)[number]

export interface Store {
  collection<T extends StoredDoc>(name: CollectionName): Collection<T>
  close(): Promise<void>
}

export const MAX_FIND_LIMIT = 1000
