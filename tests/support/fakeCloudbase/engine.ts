// The in-memory document engine behind the fake CloudBase endpoint. It follows MongoDB's semantics
// (CloudBase's document database is MongoDB underneath) for the operators the node-sdk emits:
// query `$eq $ne $gt $gte $lt $lte $in $nin $exists $and $or $nor` with dotted paths that also
// reach into arrays; update `$set $unset $inc $push($each,$position) $pull`; BSON sort order;
// unique indexes; and `updated` counting only documents an update actually changed. Everything
// else is rejected loudly instead of being half-emulated.
//
// Every operation is synchronous JavaScript, so each request is applied atomically: two requests
// can never interleave between reading a document and writing it back.
import { EJSON } from 'bson'

export type Doc = Record<string, unknown> & { _id: string }
type Query = Record<string, unknown>

export class FakeDbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export interface IndexSpec {
  name?: string
  unique?: boolean
  keys: Array<{ name: string; direction?: string | number }>
}

export interface CollectionSpec {
  name: string
  indexes?: IndexSpec[]
}

interface StoredCollection {
  docs: Map<string, Doc>
  uniqueIndexes: IndexSpec[]
  /** Every index, as the management API describes them (unique ones are also enforced). */
  indexes: IndexSpec[]
}

const fail = (message: string, code = 'DATABASE_REQUEST_FAILED'): never => {
  throw new FakeDbError(code, message)
}

// ---------------------------------------------------------------------------------------------
// values

// Realm-independent checks: documents pass through structuredClone, whose objects may come from
// another realm than this module's (as under jest).
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === null || Object.getPrototypeOf(proto) === null
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]'
}

/** BSON types beyond JSON's and dates (regex, ObjectId, Decimal128…) as query values are not emulated. */
function checkQueryValue(value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isDate(value) || isPlainObject(value)) return
  fail(`a query value of BSON type ${(value as { _bsontype?: string })._bsontype ?? 'unknown'} is not emulated by the fake endpoint`, 'DATABASE_INVALID_OPERRATOR')
}

/** BSON comparison order of types: null (and missing) < numbers < strings < objects < arrays < booleans < dates. */
function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 1
  if (typeof value === 'number') return 2
  if (typeof value === 'string') return 3
  if (Array.isArray(value)) return 5
  if (typeof value === 'boolean') return 8
  if (isDate(value)) return 9
  if (isPlainObject(value)) return 4
  return fail(`value of type ${typeof value} is not emulated`)
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra < rb ? -1 : 1
  switch (ra) {
    case 1:
      return 0
    case 2:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0
    case 3:
      // MongoDB's default (simple) collation compares the UTF-8 bytes.
      return Buffer.compare(Buffer.from(a as string, 'utf8'), Buffer.from(b as string, 'utf8'))
    case 8:
      return a === b ? 0 : a ? 1 : -1
    case 9:
      return Math.sign((a as Date).getTime() - (b as Date).getTime())
    case 5: {
      const x = a as unknown[]
      const y = b as unknown[]
      for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
        const c = compareValues(x[i], y[i])
        if (c) return c
      }
      return Math.sign(x.length - y.length)
    }
    default: {
      const x = Object.entries(a as Record<string, unknown>)
      const y = Object.entries(b as Record<string, unknown>)
      for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
        const c = compareValues(x[i][1], y[i][1]) || Buffer.compare(Buffer.from(x[i][0]), Buffer.from(y[i][0]))
        if (c) return c
      }
      return Math.sign(x.length - y.length)
    }
  }
}

/** Exact equality as BSON sees it (field order of embedded documents included). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  return EJSON.stringify(value as never, { relaxed: false })
}

function clone<T>(value: T): T {
  return structuredClone(value)
}

// ---------------------------------------------------------------------------------------------
// queries

/** The values a dotted path reaches, MongoDB style: arrays on the way are searched element-wise. */
function valuesAt(value: unknown, segments: string[]): unknown[] {
  if (!segments.length) return [value]
  const [head, ...rest] = segments
  if (Array.isArray(value)) {
    const found: unknown[] = []
    if (/^\d+$/.test(head)) found.push(...valuesAt(value[Number(head)], rest))
    for (const element of value) if (isPlainObject(element)) found.push(...valuesAt(element, segments))
    return found.length ? found : [undefined]
  }
  if (isPlainObject(value)) return valuesAt(value[head], rest)
  return [undefined]
}

/** `{ a: v }`: a value equal to v, or an array holding such a value; `null` also matches a missing field. */
function equalsCandidate(candidate: unknown, wanted: unknown): boolean {
  if (wanted === null && (candidate === undefined || candidate === null)) return true
  if (Array.isArray(candidate) && candidate.some((element) => sameValue(element, wanted))) return true
  return sameValue(candidate, wanted)
}

function comparable(candidate: unknown, bound: unknown): boolean {
  if (candidate === undefined) return false
  return typeRank(candidate) === typeRank(bound)
}

function rangeMatch(op: string, candidates: unknown[], bound: unknown): boolean {
  const test = (value: unknown) => {
    if (!comparable(value, bound)) return false
    const c = compareValues(value, bound)
    return op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0
  }
  return candidates.some((c) => test(c) || (Array.isArray(c) && c.some(test)))
}

function operatorsMatch(candidates: unknown[], ops: Record<string, unknown>): boolean {
  for (const [op, operand] of Object.entries(ops)) {
    checkQueryValue(operand)
    switch (op) {
      case '$eq':
        if (!candidates.some((c) => equalsCandidate(c, operand))) return false
        break
      case '$ne':
        if (candidates.some((c) => equalsCandidate(c, operand))) return false
        break
      case '$in':
        if (!Array.isArray(operand)) fail('$in needs an array')
        if (!candidates.some((c) => (operand as unknown[]).some((v) => equalsCandidate(c, v)))) return false
        break
      case '$nin':
        if (!Array.isArray(operand)) fail('$nin needs an array')
        if (candidates.some((c) => (operand as unknown[]).some((v) => equalsCandidate(c, v)))) return false
        break
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        if (!rangeMatch(op, candidates, operand)) return false
        break
      case '$exists':
        if (candidates.some((c) => c !== undefined) !== Boolean(operand)) return false
        break
      default:
        fail(`query operator ${op} is not emulated by the fake endpoint`, 'DATABASE_INVALID_OPERRATOR')
    }
  }
  return true
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => k.startsWith('$'))
}

export function matches(doc: unknown, query: Query): boolean {
  for (const [key, condition] of Object.entries(query)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(condition) || !condition.length) fail(`${key} needs a non-empty array`)
      const results = (condition as Query[]).map((sub) => matches(doc, sub))
      if (key === '$and' && !results.every(Boolean)) return false
      if (key === '$or' && !results.some(Boolean)) return false
      if (key === '$nor' && results.some(Boolean)) return false
      continue
    }
    if (key.startsWith('$')) fail(`query operator ${key} is not emulated by the fake endpoint`, 'DATABASE_INVALID_OPERRATOR')
    checkQueryValue(condition)
    const candidates = valuesAt(doc, key.split('.'))
    if (isOperatorObject(condition)) {
      if (!operatorsMatch(candidates, condition)) return false
    } else if (!candidates.some((c) => equalsCandidate(c, condition))) {
      return false
    }
  }
  return true
}

// ---------------------------------------------------------------------------------------------
// updates

type Container = Record<string, unknown> | unknown[]

function child(container: Container, key: string): unknown {
  if (Array.isArray(container)) return /^\d+$/.test(key) ? container[Number(key)] : undefined
  return container[key]
}

function setChild(container: Container, key: string, value: unknown, path: string) {
  if (Array.isArray(container)) {
    if (!/^\d+$/.test(key)) fail(`Cannot create field '${key}' in an array (path '${path}')`)
    container[Number(key)] = value
  } else {
    container[key] = value
  }
}

/** The object holding the last segment of `path`; created on the way when `create`, else null if missing. */
function parentOf(doc: Doc, path: string, create: boolean): { container: Container; key: string } | null {
  const segments = path.split('.')
  let current: Container = doc
  for (const segment of segments.slice(0, -1)) {
    let next = child(current, segment)
    if (next === undefined) {
      if (!create) return null
      next = {}
      setChild(current, segment, next, path)
    } else if (next === null || typeof next !== 'object' || isDate(next)) {
      fail(`Cannot create field in element {${segment}: ${JSON.stringify(next)}} (path '${path}')`)
    }
    current = next as Container
  }
  return { container: current, key: segments[segments.length - 1] }
}

function pullMatches(element: unknown, condition: unknown): boolean {
  if (isOperatorObject(condition)) return operatorsMatch([element], condition)
  // A document condition is a query applied to each element as if it were a top-level document.
  if (isPlainObject(condition)) return isPlainObject(element) && matches(element, condition)
  return sameValue(element, condition)
}

const UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc', '$push', '$pull'])

function checkUpdate(update: Query): void {
  const paths: string[] = []
  for (const [op, fields] of Object.entries(update)) {
    if (!op.startsWith('$')) fail(`an update with merge must use operators, got field '${op}'`)
    if (!UPDATE_OPERATORS.has(op)) fail(`update operator ${op} is not emulated by the fake endpoint`, 'DATABASE_INVALID_OPERRATOR')
    if (!isPlainObject(fields)) fail(`${op} needs an object`)
    paths.push(...Object.keys(fields as object))
  }
  for (const path of paths) {
    if (path === '_id' || path.startsWith('_id.')) fail(`Performing an update on the path '_id' would modify the immutable field '_id'`)
    for (const other of paths) {
      if (other !== path && other.startsWith(`${path}.`)) {
        fail(`Updating the path '${other}' would create a conflict at '${path}'`)
      }
    }
  }
  if (new Set(paths).size !== paths.length) fail('Updating the same path twice would create a conflict')
}

/** Applies MongoDB update operators to a copy of `doc`. */
export function applyUpdate(doc: Doc, update: Query): Doc {
  checkUpdate(update)
  const next = clone(doc)
  for (const [op, fields] of Object.entries(update)) {
    for (const [path, operand] of Object.entries(fields as Record<string, unknown>)) {
      switch (op) {
        case '$set': {
          const { container, key } = parentOf(next, path, true)!
          setChild(container, key, clone(operand), path)
          break
        }
        case '$unset': {
          const at = parentOf(next, path, false)
          if (!at || child(at.container, at.key) === undefined) break
          if (Array.isArray(at.container)) at.container[Number(at.key)] = null
          else delete at.container[at.key]
          break
        }
        case '$inc': {
          if (typeof operand !== 'number') fail(`Cannot increment with non-numeric argument: {${path}: ${JSON.stringify(operand)}}`)
          const { container, key } = parentOf(next, path, true)!
          const current = child(container, key)
          if (current === undefined) setChild(container, key, operand, path)
          else if (typeof current !== 'number') fail(`Cannot apply $inc to a value of non-numeric type (path '${path}')`)
          else setChild(container, key, current + (operand as number), path)
          break
        }
        case '$push': {
          let items: unknown[] = [operand]
          let position: number | undefined
          if (isPlainObject(operand) && '$each' in operand) {
            const extra = Object.keys(operand).filter((k) => k !== '$each' && k !== '$position')
            if (extra.length) fail(`$push modifier ${extra[0]} is not emulated by the fake endpoint`, 'DATABASE_INVALID_OPERRATOR')
            if (!Array.isArray(operand.$each)) fail('$each needs an array')
            items = operand.$each as unknown[]
            position = operand.$position as number | undefined
          }
          const { container, key } = parentOf(next, path, true)!
          const current = child(container, key)
          if (current === undefined) setChild(container, key, clone(items), path)
          else if (!Array.isArray(current)) fail(`The field '${path}' must be an array but is of type ${typeof current}`)
          else current.splice(position ?? current.length, 0, ...clone(items))
          break
        }
        case '$pull': {
          const at = parentOf(next, path, false)
          const current = at ? child(at.container, at.key) : undefined
          if (current === undefined) break
          if (!Array.isArray(current)) fail(`Cannot apply $pull to a non-array value (path '${path}')`)
          setChild(at!.container, at!.key, (current as unknown[]).filter((element) => !pullMatches(element, operand)), path)
          break
        }
      }
    }
  }
  return next
}

// ---------------------------------------------------------------------------------------------
// sorting

/** `order` as the node-sdk sends it: `{ path: 1 | -1, ... }` in priority order. */
export type Order = Array<[path: string, direction: 1 | -1]>

function sortKey(doc: Doc, path: string, direction: 1 | -1): unknown {
  // An array sorts by its smallest (ascending) or largest (descending) element.
  const values = valuesAt(doc, path.split('.')).flatMap((v) => (Array.isArray(v) && v.length ? v : [v]))
  return values.reduce((best, v) => (compareValues(v, best) * direction < 0 ? v : best))
}

function sortDocs(docs: Doc[], order: Order): Doc[] {
  if (!order.length) return docs
  return docs
    .map((doc, index) => ({ doc, index, keys: order.map(([path, dir]) => sortKey(doc, path, dir)) }))
    .sort((a, b) => {
      for (let i = 0; i < order.length; i += 1) {
        const c = compareValues(a.keys[i], b.keys[i]) * order[i][1]
        if (c) return c
      }
      return a.index - b.index
    })
    .map((entry) => entry.doc)
}

// ---------------------------------------------------------------------------------------------
// the engine

export class FakeDatabase {
  private readonly collections = new Map<string, StoredCollection>()
  private nextId = 1

  /** `strict`: collections must be created first, as on CloudBase; otherwise they appear on first use. */
  constructor(private readonly strict: boolean) {}

  createCollection(spec: CollectionSpec): void {
    if (this.collections.has(spec.name)) fail(`collection ${spec.name} already exists`, 'DATABASE_COLLECTION_ALREADY_EXIST')
    const indexes = [...(spec.indexes ?? [])]
    this.collections.set(spec.name, { docs: new Map(), indexes, uniqueIndexes: indexes.filter((i) => i.unique) })
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort()
  }

  /** The indexes of a collection (management API), or null when it does not exist. */
  describeCollection(name: string): { indexes: IndexSpec[]; count: number } | null {
    const coll = this.collections.get(name)
    return coll ? { indexes: coll.indexes.map((i) => ({ ...i, keys: [...i.keys] })), count: coll.docs.size } : null
  }

  /** Adds an index (management API); a unique one is refused when stored documents already clash. */
  createIndex(name: string, index: IndexSpec): void {
    const coll = this.collection(name)
    if (!index.name) fail('an index needs a name', 'INVALID_PARAM')
    if (coll.indexes.some((i) => i.name === index.name)) fail(`index ${index.name} already exists on ${name}`, 'DATABASE_INDEX_ALREADY_EXIST')
    if (index.unique) {
      const key = (d: Doc) => canonical(index.keys.map((k) => valuesAt(d, k.name.split('.'))[0] ?? null))
      const seen = new Set<string>()
      for (const doc of coll.docs.values()) {
        const k = key(doc)
        if (seen.has(k)) fail(`E11000 duplicate key error collection: ${name} index: ${index.name} dup key: ${k}`, 'DATABASE_DUPLICATE_WRITE')
        seen.add(k)
      }
    }
    coll.indexes.push(index)
    coll.uniqueIndexes = coll.indexes.filter((i) => i.unique)
  }

  dropIndex(name: string, indexName: string): void {
    const coll = this.collection(name)
    if (!coll.indexes.some((i) => i.name === indexName)) fail(`index ${indexName} does not exist on ${name}`, 'DATABASE_INDEX_NOT_EXIST')
    coll.indexes = coll.indexes.filter((i) => i.name !== indexName)
    coll.uniqueIndexes = coll.indexes.filter((i) => i.unique)
  }

  private collection(name: string): StoredCollection {
    let found = this.collections.get(name)
    if (!found) {
      if (this.strict) fail(`集合 ${name} 不存在 (collection does not exist)`, 'DATABASE_COLLECTION_NOT_EXIST')
      found = { docs: new Map(), uniqueIndexes: [], indexes: [] }
      this.collections.set(name, found)
    }
    return found
  }

  /** `replacing`: `doc` is the new version of a stored document (its own `_id` is no clash). */
  private checkUnique(coll: StoredCollection, name: string, doc: Doc, replacing: boolean): void {
    if (!replacing && coll.docs.has(String(doc._id))) {
      fail(`E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: ${JSON.stringify(doc._id)} }`, 'DATABASE_DUPLICATE_WRITE')
    }
    for (const index of coll.uniqueIndexes) {
      // A unique index treats a missing field as null, as MongoDB does without `sparse`.
      const key = (d: Doc) => canonical(index.keys.map((k) => valuesAt(d, k.name.split('.'))[0] ?? null))
      const mine = key(doc)
      for (const other of coll.docs.values()) {
        if (other._id !== doc._id && key(other) === mine) {
          fail(`E11000 duplicate key error collection: ${name} index: ${index.name ?? 'unique'} dup key: ${mine}`, 'DATABASE_DUPLICATE_WRITE')
        }
      }
    }
  }

  find(name: string, query: Query, options: { order?: Order; offset?: number; limit?: number } = {}): Doc[] {
    const coll = this.collection(name)
    const hits = sortDocs([...coll.docs.values()].filter((d) => matches(d, query)), options.order ?? [])
    const offset = options.offset ?? 0
    return hits.slice(offset, options.limit === undefined ? undefined : offset + options.limit).map(clone)
  }

  count(name: string, query: Query): number {
    return [...this.collection(name).docs.values()].filter((d) => matches(d, query)).length
  }

  /** Ordered insert: stops at the first failing document, keeping the ones before it. */
  insert(name: string, docs: Array<Record<string, unknown>>): string[] {
    const coll = this.collection(name)
    const ids: string[] = []
    for (const raw of docs) {
      if (!isPlainObject(raw)) fail('a document must be an object')
      const id = raw._id ?? this.generateId()
      if (typeof id !== 'string' && typeof id !== 'number') fail('_id must be a string or a number')
      const doc = { ...clone(raw), _id: id } as Doc
      this.checkUnique(coll, name, doc, false)
      coll.docs.set(String(doc._id), doc)
      ids.push(doc._id)
    }
    return ids
  }

  update(
    name: string,
    query: Query,
    data: Query,
    options: { multi: boolean; replace: boolean; upsert: boolean },
  ): { updated: number; upsertedId?: string } {
    const coll = this.collection(name)
    const targets = [...coll.docs.values()].filter((d) => matches(d, query))
    let updated = 0
    for (const doc of options.multi ? targets : targets.slice(0, 1)) {
      const next = options.replace ? replacement(doc._id, data) : applyUpdate(doc, data)
      this.checkUnique(coll, name, next, true)
      if (canonical(next) === canonical(doc)) continue
      coll.docs.set(String(doc._id), next)
      updated += 1
    }
    if (targets.length || !options.upsert) return { updated }
    const base = { _id: typeof query._id === 'string' ? query._id : this.generateId() } as Doc
    const created = options.replace ? replacement(base._id, data) : applyUpdate(base, data)
    this.checkUnique(coll, name, created, false)
    coll.docs.set(String(created._id), created)
    return { updated: 0, upsertedId: created._id }
  }

  remove(name: string, query: Query, multi: boolean): number {
    const coll = this.collection(name)
    const targets = [...coll.docs.values()].filter((d) => matches(d, query))
    const removed = multi ? targets : targets.slice(0, 1)
    for (const doc of removed) coll.docs.delete(String(doc._id))
    return removed.length
  }

  private generateId(): string {
    // CloudBase ids are 32 hex characters.
    return (this.nextId++).toString(16).padStart(32, '0')
  }
}

function replacement(id: string, data: Query): Doc {
  if (Object.keys(data).some((k) => k.startsWith('$'))) fail('a replacement document cannot hold update operators')
  if ('_id' in data && data._id !== id) fail(`Performing an update on the path '_id' would modify the immutable field '_id'`)
  return { _id: id, ...clone(data) } as Doc
}
