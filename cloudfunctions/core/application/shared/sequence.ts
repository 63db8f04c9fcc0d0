import type { Store } from '../../ports'
import type { CounterDoc } from '../../domain/records'

/**
 * Next value of a named counter, safe under concurrency on a store whose only atomic primitive is
 * the conditional single-document update: read, then bump only if nobody bumped in between.
 */
export async function nextSequence(store: Store, counterId: string): Promise<number> {
  const counters = store.collection<CounterDoc>('counters')
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const current = await counters.get(counterId)
    if (!current) {
      if (await counters.insert({ _id: counterId, value: 1 })) return 1
      continue
    }
    const updated = await counters.update({ _id: counterId, value: current.value }, { inc: { value: 1 } })
    if (updated === 1) return current.value + 1
  }
  throw new Error(`counter ${counterId} is too contended`)
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
