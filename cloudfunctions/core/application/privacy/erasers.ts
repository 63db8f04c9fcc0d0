// 注销并删除 (PIPL right to erasure), one collection at a time.
//
// What a person leaves in the store: their user document (openid, name), their phone numbers
// (sealed in cases and bookings, masked beside them), their user id wherever something is theirs or
// keyed by them (cases' `residentId`, 附议 markers, reception holders, request keys, counters…).
// Erasure replaces the user id by an anonymous id that nothing can trace back (`erased-<random>`),
// deletes the phone numbers (sealed and masked), the name and the openid, and removes what only
// made sense for the person (their messages, push log, request answers, their user document).
// The cases stay as anonymous public records: same content (still moderated), same timeline.
//
// How to extend: every collection is handled by the generic scrub below, which walks each document
// and rewrites any value or key holding one of the person's identifiers. `ERASERS` lists, per
// collection, what is known about it: `candidates` narrows the scan to the documents that can hold
// the person (without it the whole collection is paged through, which is always correct and
// slower), `removeWhere` deletes documents outright, `before` runs a collection's own rules first
// (e.g. cancelling future bookings). A collection added to COLLECTIONS later is covered by the
// full scan until someone adds a row here.
import { COLLECTIONS, type CollectionName, type Filter, type StoredDoc } from '../../ports/store'
import type { Deps } from '../deps'

export interface ErasureSubject {
  userId: string
  openid: string
  /** What replaces the user id. */
  anonId: string
  /** Names the person gave (profile, bookings, 代录), at least 2 characters each. */
  names: string[]
  /** Plain phone numbers the person left. */
  phones: string[]
}

export interface Eraser {
  /** The documents that can hold the person; omitted = every document of the collection. */
  candidates?: (s: ErasureSubject) => Filter[]
  /** Documents removed outright (their whole purpose is the person). */
  removeWhere?: (s: ErasureSubject) => Filter[]
  /** A collection's own rules, run before the scrub (e.g. cancel future bookings). */
  before?: (deps: Deps, s: ErasureSubject) => Promise<void>
}

/** Put in place of a name found in any text. */
export const ERASED_NAME = '已注销用户'

export type ErasureHooks = Partial<Record<CollectionName, Pick<Eraser, 'before'>>>

/** Per-collection knowledge. Anything not listed is fully scanned. */
export const ERASERS: Partial<Record<CollectionName, Eraser>> = {
  users: { removeWhere: (s) => [{ _id: s.userId }, { openid: s.openid }] },
  cases: {
    candidates: (s) => [{ residentId: s.userId }, { seconderIds: s.userId }, { 'assisted.claimedBy': s.userId }],
  },
  notifications: { removeWhere: (s) => [{ recipientId: s.userId }] },
  push_log: { removeWhere: (s) => [{ openid: s.openid }] },
  photo_uploads: { removeWhere: (s) => [{ ownerId: s.userId }] },
  reception_bookings: { candidates: (s) => [{ residentId: s.userId }] },
  // The rest (requests, counters, reception_occurrences, suggestions, audit_log, …) are scanned whole:
  // request answers and holder maps can hold the person anywhere in them.
}

// ---------------------------------------------------------------------------------------------
// The generic scrub.

interface Scrubbed {
  value: unknown
  changed: boolean
}

function replaceAll(text: string, find: string, by: string): string {
  return find ? text.split(find).join(by) : text
}

/** Is this a sealed copy of one of the person's numbers? */
function isTheirSealedPhone(deps: Deps, s: ErasureSubject, value: string): boolean {
  if (!s.phones.length) return false
  try {
    return s.phones.includes(deps.phoneVault.open(value))
  } catch {
    return false
  }
}

function scrubString(s: ErasureSubject, text: string): string {
  let out = replaceAll(text, s.userId, s.anonId)
  if (s.openid) out = replaceAll(out, s.openid, '')
  for (const phone of s.phones) out = replaceAll(out, phone, '')
  for (const name of s.names) out = replaceAll(out, name, ERASED_NAME)
  return out
}

export function scrubValue(deps: Deps, s: ErasureSubject, value: unknown): Scrubbed {
  if (typeof value === 'string') {
    const next = scrubString(s, value)
    return { value: next, changed: next !== value }
  }
  if (Array.isArray(value)) {
    let changed = false
    const next = value.map((item) => {
      const r = scrubValue(deps, s, item)
      changed ||= r.changed
      return r.value
    })
    return { value: next, changed }
  }
  if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    const source = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    let changed = false
    // Sealed numbers (`phoneSealed`, …) of this person go, with the masked copy beside them.
    const sealedKeys = Object.keys(source).filter((k) => /Sealed$/.test(k) && typeof source[k] === 'string' && isTheirSealedPhone(deps, s, source[k] as string))
    for (const [key, item] of Object.entries(source)) {
      const newKey = scrubString(s, key)
      if (sealedKeys.includes(key) || sealedKeys.some((k) => key === k.replace(/Sealed$/, 'Masked'))) {
        out[newKey] = null
        changed = true
        continue
      }
      const r = scrubValue(deps, s, item)
      out[newKey] = r.value
      changed ||= r.changed || newKey !== key
    }
    return { value: changed ? out : value, changed }
  }
  return { value, changed: false }
}

/** Which identifiers a document mentions at all (a cheap test before the walk). */
function mentions(s: ErasureSubject, doc: unknown): boolean {
  const text = JSON.stringify(doc)
  if (text.includes(s.userId) || (s.openid && text.includes(s.openid))) return true
  if (s.phones.some((p) => text.includes(p)) || s.names.some((n) => text.includes(n))) return true
  // Sealed numbers do not show in the text: look for sealed fields.
  return s.phones.length > 0 && /Sealed"\s*:\s*"/.test(text)
}

const PAGE = 500

async function scanIds(deps: Deps, name: CollectionName, filters: Filter[] | undefined): Promise<StoredDoc[]> {
  const collection = deps.store.collection<StoredDoc>(name)
  if (filters) {
    const seen = new Map<string, StoredDoc>()
    for (const filter of filters) {
      let last = ''
      for (;;) {
        const page = await collection.find({ ...filter, ...(last ? { _id: { $gt: last } } : {}) }, { sort: [['_id', 1]], limit: PAGE })
        page.forEach((d) => seen.set(d._id, d))
        if (page.length < PAGE) break
        last = page[page.length - 1]._id
      }
    }
    return [...seen.values()]
  }
  const all: StoredDoc[] = []
  let last = ''
  for (;;) {
    const page = await collection.find(last ? { _id: { $gt: last } } : {}, { sort: [['_id', 1]], limit: PAGE })
    all.push(...page)
    if (page.length < PAGE) break
    last = page[page.length - 1]._id
  }
  return all
}

/** Rewrites one document; a document whose id names the person is removed. Optimistic on `updatedAt`. */
async function scrubDoc(deps: Deps, name: CollectionName, s: ErasureSubject, doc: StoredDoc): Promise<void> {
  const collection = deps.store.collection<StoredDoc>(name)
  let current: StoredDoc | null = doc
  for (let attempt = 0; attempt < 5 && current; attempt += 1) {
    if (!mentions(s, current)) return
    if (scrubString(s, current._id) !== current._id) {
      await collection.remove({ _id: current._id })
      return
    }
    const { _id, ...fields } = current as StoredDoc & Record<string, unknown>
    const scrubbed = scrubValue(deps, s, fields).value as Record<string, unknown>
    const set: Record<string, unknown> = {}
    const unset = Object.keys(fields).filter((key) => !(key in scrubbed))
    for (const [key, value] of Object.entries(scrubbed)) {
      if (!(key in fields) || JSON.stringify(fields[key]) !== JSON.stringify(value)) set[key] = value
    }
    void _id
    if (!unset.length && !Object.keys(set).length) return
    const stamp = (current as { updatedAt?: unknown }).updatedAt
    const filter: Filter = { _id: current._id, ...(typeof stamp === 'string' ? { updatedAt: stamp } : {}) }
    if ((await collection.update(filter, { set, ...(unset.length ? { unset } : {}) })) === 1) return
    current = await collection.get(doc._id)
  }
  if (current) throw new Error(`erasure: ${name}/${doc._id} kept changing`)
}

/** Runs every collection's eraser; returns how many documents each looked at. */
export async function eraseEverywhere(deps: Deps, s: ErasureSubject, hooks: ErasureHooks = {}): Promise<Record<string, number>> {
  const report: Record<string, number> = {}
  for (const name of COLLECTIONS) {
    const eraser = ERASERS[name] ?? {}
    await hooks[name]?.before?.(deps, s)
    await eraser.before?.(deps, s)
    for (const filter of eraser.removeWhere?.(s) ?? []) await deps.store.collection(name).remove(filter)
    const docs = await scanIds(deps, name, eraser.candidates?.(s))
    for (const doc of docs) await scrubDoc(deps, name, s, doc)
    report[name] = docs.length
  }
  return report
}
