import { randomBytes } from 'node:crypto'
import type { Store } from '../../ports'
import type { CounterDoc } from '../../domain/records'

/** Tickets per bucket document: a full bucket is ~10 KB to read. */
export const TICKETS_PER_BUCKET = 500

/**
 * A block of a counter's numbers: `start`, `start + 1`, … handed out in the order tickets were
 * appended. `size` mirrors `tickets.length` so that "not full yet" is a plain condition.
 */
export interface TicketBucketDoc {
  _id: string
  start: number
  size: number
  tickets: string[]
}

/** The former counter document (`{ value }`, bumped by compare-and-set), read once to continue its numbers. */
interface LegacyCounterDoc {
  _id: string
  value: number
}

export const bucketId = (counterId: string, index: number) => `${counterId}#${index}`

/** The bucket each counter was last seen filling, per instance: a busy day does not walk full buckets again. */
const lastBucket = new Map<string, number>()

/**
 * Next value of a named counter (a day's tracking numbers, a year's suggestion numbers): unique,
 * dense (1, 2, 3, … in the order taken) and free of contention, on a store whose only atomic
 * primitive is the single-document update. There is no "increment and return the new value" on
 * CloudBase, and `inc` followed by a read is not safe (another writer may bump in between), so
 * each caller appends its own random ticket to the counter's current bucket document in one
 * conditional update (`size < TICKETS_PER_BUCKET`), which always succeeds while the bucket has
 * room, however many writers there are; the ticket's position in the bucket, read back, is its
 * number. Tickets are only ever appended, so a position never moves. A full bucket sends the
 * caller on to the next one, which the first to get there creates (its `start` follows the full
 * one's). Cost: one update and one read per number (plus one insert per 500 numbers).
 */
export async function nextSequence(store: Store, counterId: string): Promise<number> {
  const counters = store.collection<TicketBucketDoc>('counters')
  const ticket = randomBytes(8).toString('hex')
  let index = lastBucket.get(counterId) ?? 0
  // A bucket is created at most once and each pass either lands the ticket or moves on to a later
  // bucket, so this ends; the bound only guards against a store that misbehaves.
  for (let step = 0; step < 10_000; step += 1) {
    const id = bucketId(counterId, index)
    if ((await counters.update({ _id: id, size: { $lt: TICKETS_PER_BUCKET } }, { inc: { size: 1 }, push: { tickets: [ticket] } })) === 1) {
      const bucket = await counters.get(id)
      const position = bucket ? bucket.tickets.indexOf(ticket) : -1
      if (!bucket || position < 0) throw new Error(`counter ${counterId}: ticket not found in ${id} after it was appended`)
      lastBucket.set(counterId, index)
      return bucket.start + position
    }
    const bucket = await counters.get(id)
    if (bucket) {
      // Full: on to the next bucket (created below when nobody has yet). Not full: it was created
      // between the update and this read, so try it again.
      if (bucket.size >= TICKETS_PER_BUCKET) index += 1
      continue
    }
    // Missing: create it. Bucket 0 continues a counter of the former kind, if there is one.
    let start = 1
    if (index === 0) {
      const legacy = await store.collection<LegacyCounterDoc>('counters').get(counterId)
      start = (legacy?.value ?? 0) + 1
    } else {
      const previous = await counters.get(bucketId(counterId, index - 1))
      if (!previous) {
        // The remembered bucket is not in this store (another store, or it was reset): walk from the first.
        index = 0
        continue
      }
      start = previous.start + TICKETS_PER_BUCKET
    }
    // A concurrent caller may create it first: either way it exists now, so try again.
    await counters.insert({ _id: id, start, size: 0, tickets: [] })
  }
  throw new Error(`counter ${counterId} could not hand out a number`)
}

/**
 * Takes one unit of a daily allowance; false when it is used up. `release` gives it back when the
 * work it was taken for fails, so a failure half-way does not cost the resident a submission.
 */
export async function takeAllowance(store: Store, counterId: string, limit: number): Promise<boolean> {
  const counters = store.collection<CounterDoc>('counters')
  await counters.insert({ _id: counterId, value: 0 })
  return (await counters.update({ _id: counterId, value: { $lt: limit } }, { inc: { value: 1 } })) === 1
}

export async function releaseAllowance(store: Store, counterId: string): Promise<void> {
  await store.collection<CounterDoc>('counters').update({ _id: counterId, value: { $gt: 0 } }, { inc: { value: -1 } })
}
