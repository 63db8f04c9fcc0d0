// Re-encryption for a MINYI_PHONE_KEY rotation, without downtime. The operator deploys the new key
// as MINYI_PHONE_KEY and the old one as MINYI_PHONE_KEY_PREVIOUS: from then on the functions seal
// with the new key and read with both, and this job (run by the timer) re-seals every stored phone
// number with the new key, a batch per collection per run. When it reports `done`, the operator
// removes MINYI_PHONE_KEY_PREVIOUS (docs/deploy.md, "Rotating the phone key").
//
// Each re-seal is one conditional update (`phoneSealed` still the value that was read), so a
// document changed meanwhile is left alone: whatever wrote it sealed with the current key. The
// progress (per collection, the last `_id` done) is one document in `counters`, keyed by the
// current key's id, so a run that dies resumes, and a finished rotation costs one read per run.
import type { Deps } from '../application/deps'
import type { CollectionName, StoredDoc } from '../ports/store'

/** Every collection whose documents hold a sealed phone number in `phoneSealed`. */
export const PHONE_SEALED_COLLECTIONS = ['cases', 'reception_bookings'] as const satisfies readonly CollectionName[]

export const ROTATION_PROGRESS_ID = 'phone_key_rotation'
const BATCH = 200

interface SealedDoc extends StoredDoc {
  phoneSealed?: string | null
}

interface RotationProgress extends StoredDoc {
  keyId: string
  /** Per collection: the last `_id` handled, or `true` when the collection is done. */
  cursors: Record<string, string | true>
  done: boolean
  resealed: number
  updatedAt: string
}

export interface PhoneKeyRotationReport {
  keyId: string
  /** Numbers re-sealed with the current key in this run. */
  resealed: number
  /** Every stored number is sealed with the current key: MINYI_PHONE_KEY_PREVIOUS may go. */
  done: boolean
}

export async function runPhoneKeyRotationJob(deps: Deps, options: { batch?: number } = {}): Promise<PhoneKeyRotationReport> {
  const batch = options.batch ?? BATCH
  const keyId = deps.phoneVault.keyId
  const counters = deps.store.collection<RotationProgress>('counters')
  const now = () => deps.clock.now().toISOString()
  let progress = await counters.get(ROTATION_PROGRESS_ID)
  if (progress && progress.keyId === keyId && progress.done) return { keyId, resealed: 0, done: true }
  if (!progress || progress.keyId !== keyId) {
    // A new key (or the first run ever): start over for it.
    const fresh: RotationProgress = { _id: ROTATION_PROGRESS_ID, keyId, cursors: {}, done: false, resealed: 0, updatedAt: now() }
    if (!(await counters.insert(fresh))) {
      await counters.update({ _id: ROTATION_PROGRESS_ID }, { set: { keyId, cursors: {}, done: false, resealed: 0, updatedAt: now() } })
    }
    progress = fresh
  }

  let resealed = 0
  const cursors = { ...progress.cursors }
  for (const name of PHONE_SEALED_COLLECTIONS) {
    const cursor = cursors[name]
    if (cursor === true) continue
    const collection = deps.store.collection<SealedDoc>(name)
    const page = await collection.find(
      { phoneSealed: { $exists: true, $ne: null }, ...(cursor ? { _id: { $gt: cursor } } : {}) },
      { sort: [['_id', 1]], limit: batch },
    )
    for (const doc of page) {
      const sealed = doc.phoneSealed
      if (typeof sealed !== 'string') continue
      let next: string | null
      try {
        next = deps.phoneVault.reseal(sealed)
      } catch (error) {
        // A number no configured key opens: reported (without the value) and skipped, never lost.
        deps.log(`phone key rotation: ${name}/${doc._id} cannot be opened with the configured keys`, (error as Error).message)
        continue
      }
      if (next === null) continue
      resealed += await collection.update({ _id: doc._id, phoneSealed: sealed }, { set: { phoneSealed: next } })
    }
    cursors[name] = page.length < batch ? true : page[page.length - 1]!._id
  }
  const done = PHONE_SEALED_COLLECTIONS.every((name) => cursors[name] === true)
  await counters.update(
    { _id: ROTATION_PROGRESS_ID, keyId },
    { set: { cursors, done, resealed: progress.resealed + resealed, updatedAt: now() } },
  )
  return { keyId, resealed, done }
}
